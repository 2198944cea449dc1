"""Abbreviations a derived plan carries over from its parent, explained at their first use.

The parent plan explains an abbreviation once ("… công nghệ thông tin, trí tuệ nhân tạo (AI) …",
ld09); a derived plan that copies task texts using "AI" must explain it again (Decree 30 Phụ lục
I, mục II.3.b; the checker's nd30.text-abbreviation). The full form is the phrase before the
parenthesis back to the previous comma, semicolon, colon or sentence start.
"""

from __future__ import annotations

import re

from ..model import Khoi

_DEF = re.compile(r"(?:^|[,;:.]\s*)(?P<full>[^,;:.()]{3,60}?)\s*\((?P<a>[A-ZĐ][A-ZĐ0-9]{1,7})\)")


def dinh_nghia(blocks) -> dict[str, str]:
    """{abbreviation: full form} of every "full form (ABBR)" in the texts of a block tree."""
    found: dict[str, str] = {}

    def walk(bs):
        for b in bs:
            for m in _DEF.finditer(b.text if hasattr(b, "text") else str(b)):
                found.setdefault(m.group("a"), m.group("full").strip())
            walk(getattr(b, "noi_dung", ()))
    walk(blocks)
    return found


def giai_thich(blocks: tuple[Khoi, ...], defs: dict[str, str]) -> tuple[Khoi, ...]:
    """`blocks` with the first use of each abbreviation of `defs` written "full form (ABBR)",
    unless the blocks explain it already."""
    pending = {a: f for a, f in defs.items() if not any(f"({a})" in t for t in _texts(blocks))}
    if not pending:
        return blocks

    def fix(b: Khoi) -> Khoi:
        text = b.text
        for a in list(pending):
            m = re.search(rf"(?<![\w/-]){re.escape(a)}(?![\w/-])", text)
            if m:
                text = f"{text[:m.start()]}{pending.pop(a)} ({a}){text[m.end():]}"
        children = tuple(fix(c) for c in b.noi_dung)
        return b.model_copy(update={b.kieu: text, "noi_dung": children})
    return tuple(fix(b) for b in blocks)


def _texts(blocks):
    for b in blocks:
        yield b.text
        yield from _texts(b.noi_dung)
