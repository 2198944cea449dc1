"""The numbering of a plan's body, one function for the renderer and the content check.

`la-ma` (default): muc "I.", khoan "1.", diem "a)", restarting under each parent.
`thap-phan`: muc "1.", khoan "1.1.", diem "1.1.1." (the parents' numbers, then its own).
`gach` is always "- " and `doan` never numbered. docgen numbers; typed text is never altered.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..vn.numbering import diem_label, roman
from .content import Khoi

NUMBERED = ("muc", "khoan", "diem")
TYPED = re.compile(r"\s*((?:[IVXLCDM]+|\d+(?:\.\d+)*)\.|[a-zđ]\))(?=\s|$)")
"""A number typed at the start of a heading: "II. ", "1. ", "1.2. ", "a) "."""


def label(kind: str, n: int, parents: tuple[int, ...], style: str) -> str:
    if style == "thap-phan":
        return ".".join(str(x) for x in (*parents, n)) + "."
    return roman(n) + "." if kind == "muc" else f"{n}." if kind == "khoan" else diem_label(n - 1)


def numbered(blocks: tuple[Khoi, ...], style: str = "la-ma") -> Iterator[tuple[tuple, Khoi, str]]:
    """Yield (loc, block, label) in reading order; loc is the block's path ("noi_dung", i, …)
    from the list given, label "" for gach/doan."""
    yield from _walk(blocks, style, (), ())


def _walk(blocks, style, loc, parents):
    counters = dict.fromkeys(NUMBERED, 0)
    for i, block in enumerate(blocks):
        kind, text = block.kieu, ""
        here = loc + (i,)
        if kind in counters:
            counters[kind] += 1
            text = label(kind, counters[kind], parents, style)
        yield here, block, text
        inner = parents + (counters[kind],) if kind in counters else parents
        yield from _walk(block.noi_dung, style, here + ("noi_dung",), inner)


def typed_number(text: str) -> str | None:
    """The number typed at the start of `text` ("1.", "II.", "a)"), None when there is none."""
    m = TYPED.match(text)
    return m.group(1) if m else None
