"""Numbers as Vietnamese documents write them (babel, locale vi): 1.234,5 and 95%."""

from __future__ import annotations

import math

from babel.numbers import format_decimal


def so(value: float | int) -> str:
    """12345.5 -> "12.345,5" (Vietnamese grouping and decimal marks)."""
    return format_decimal(value, locale="vi")


def phan_tram_cua(percent: float, total: int) -> int:
    """How many of `total` units `percent` % means, rounded up: 70 % of 17 -> 12."""
    return math.ceil(total * percent / 100 - 1e-9)
