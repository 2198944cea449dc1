"""Numbering of the parts of a document: Roman numerals, khoản numbers, điểm letters."""

from __future__ import annotations

# Decree 30 lists run a) b) c) d) đ) e) g) …: the Vietnamese alphabet, without f j w z.
DIEM_LETTERS = "a b c d đ e g h i k l m n o p q r s t u v x y".split()

_ROMAN = [
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
]


def roman(n: int) -> str:
    """1 -> "I", 4 -> "IV", 14 -> "XIV". Defined for 1..3999."""
    if not 1 <= n <= 3999:
        raise ValueError(f"roman numeral out of range: {n}")
    out = []
    for value, sym in _ROMAN:
        count, n = divmod(n, value)
        out.append(sym * count)
    return "".join(out)


def from_roman(text: str) -> int | None:
    """"XIV" -> 14; None when `text` is not a canonical Roman numeral."""
    values = {sym: value for value, sym in _ROMAN if len(sym) == 1}
    total, prev = 0, 0
    for ch in reversed(text):
        if ch not in values:
            return None
        v = values[ch]
        total = total - v if v < prev else total + v
        prev = max(prev, v)
    return total if total and 1 <= total <= 3999 and roman(total) == text else None


def diem_label(index: int) -> str:
    """0 -> "a)", 4 -> "đ)", 5 -> "e)": the label of the index-th điểm."""
    if not 0 <= index < len(DIEM_LETTERS):
        raise ValueError(f"too many điểm: {index + 1}")
    return DIEM_LETTERS[index] + ")"
