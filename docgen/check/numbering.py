"""Word's automatic list labels (`w:numPr` resolved through numbering.xml), as the page shows
them: "1.", "a)", "II.". Shared by the checker's reader side and `docgen nhap`.

Counters are kept per list (`w:numId`) and level, as Word counts them: a level counts on, a
deeper level restarts when a shallower one advances. `w:lvlOverride/w:startOverride` is honoured;
a numbering given by the paragraph's style (`w:pStyle` → the style's `w:numPr`) is followed too.
Bullet levels have no label (""), like a paragraph without numbering.
"""
from __future__ import annotations

import re

from lxml import etree

from docgen.check.effective import w, wval

LETTERS = "abcdefghijklmnopqrstuvwxyz"
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
          (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def roman(n: int) -> str:
    out = ""
    for value, digits in _ROMAN:
        while n >= value:
            out, n = out + digits, n - value
    return out


def fmt_number(n: int, fmt: str) -> str:
    """One level's number in Word's format name (decimal, lowerLetter, upperRoman, …)."""
    if fmt == "lowerLetter":
        return LETTERS[(n - 1) % 26] * ((n - 1) // 26 + 1)
    if fmt == "upperLetter":
        return LETTERS[(n - 1) % 26].upper() * ((n - 1) // 26 + 1)
    if fmt == "upperRoman":
        return roman(n)
    if fmt == "lowerRoman":
        return roman(n).lower()
    return str(n)


def _int(value: str | None, default: int) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


class Numbering:
    """The lists of one package (`DocxPackage.numbering` and `.styles`); call `label` on every
    paragraph in document order (counters advance as Word's do)."""

    def __init__(self, numbering: etree._Element | None, styles: etree._Element | None = None):
        self.levels: dict[str, dict[int, tuple[int, str, str]]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.style_num: dict[str, tuple[str, int]] = {}
        if styles is not None:
            for st in styles.iter(w("style")):
                num_pr = st.find(f"{w('pPr')}/{w('numPr')}")
                if num_pr is not None and wval(num_pr.find(w("numId"))):
                    self.style_num[st.get(w("styleId")) or ""] = (
                        wval(num_pr.find(w("numId"))), _int(wval(num_pr.find(w("ilvl"))), 0))
        if numbering is None:
            return
        abstract = {a.get(w("abstractNumId")): a for a in numbering.iter(w("abstractNum"))}
        for num in numbering.iter(w("num")):
            levels = {}
            for lvl in abstract.get(wval(num.find(w("abstractNumId"))), []):
                if lvl.tag == w("lvl"):
                    levels[_int(lvl.get(w("ilvl")), 0)] = (
                        _int(wval(lvl.find(w("start"))), 1), wval(lvl.find(w("numFmt"))) or "decimal",
                        wval(lvl.find(w("lvlText"))) or "")
            for override in num.iter(w("lvlOverride")):
                start = wval(override.find(w("startOverride")))
                ilvl = _int(override.get(w("ilvl")), 0)
                if start is not None and ilvl in levels:
                    levels[ilvl] = (_int(start, 1), *levels[ilvl][1:])
            self.levels[num.get(w("numId")) or ""] = levels

    def num_of(self, p: etree._Element) -> tuple[str, int] | None:
        """(numId, level) of a paragraph, from its own w:numPr or its style's; None without."""
        ppr = p.find(w("pPr"))
        num_pr = ppr.find(w("numPr")) if ppr is not None else None
        if num_pr is not None:
            num_id = wval(num_pr.find(w("numId")))
            ilvl = _int(wval(num_pr.find(w("ilvl"))), 0)
            if num_id is None:
                style = wval(ppr.find(w("pStyle")))
                num_id = self.style_num.get(style or "", (None, 0))[0]
            return None if num_id in (None, "0") else (num_id, ilvl)
        style = wval(ppr.find(w("pStyle"))) if ppr is not None else None
        return self.style_num.get(style) if style else None

    def label(self, p: etree._Element) -> str:
        """The label Word prints before the paragraph ("1.", "a)"), "" for none or a bullet."""
        found = self.num_of(p)
        if found is None:
            return ""
        num_id, ilvl = found
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels:
            return ""
        counters = self.counters.setdefault(num_id, {})
        counters[ilvl] = counters.get(ilvl, levels[ilvl][0] - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        _start, fmt, text = levels[ilvl]
        if fmt in ("bullet", "none"):
            return ""

        def level_number(match) -> str:
            k = int(match.group(1)) - 1
            n = counters.get(k, levels.get(k, (1,))[0])
            return fmt_number(n, levels.get(k, (1, fmt))[1])

        return re.sub(r"%(\d)", level_number, text).strip()

    def bullet(self, p: etree._Element) -> bool:
        """A paragraph in a bullet list level (Word prints a mark, not a number)."""
        found = self.num_of(p)
        levels = self.levels.get(found[0]) if found else None
        return bool(levels) and found[1] in levels and levels[found[1]][1] == "bullet"


def labels(model) -> dict[int, str]:
    """id(w:p element) -> Word's label, for every numbered paragraph of a DocModel, counted in
    document order (table cells included)."""
    nb = Numbering(model.pkg.numbering, model.pkg.styles)
    out: dict[int, str] = {}
    for para in model.paras:
        if para.seg == 0:
            text = nb.label(para.el)
            if text:
                out[id(para.el)] = text
    return out
