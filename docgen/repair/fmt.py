"""Run and paragraph formatting setters on top of `Editor.props` (sizes in points)."""
from __future__ import annotations

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt, Twips
from lxml import etree

from docgen.check.effective import w
from docgen.repair.package import new_el

_JC = {"center": WD_ALIGN_PARAGRAPH.CENTER, "both": WD_ALIGN_PARAGRAPH.JUSTIFY,
       "left": WD_ALIGN_PARAGRAPH.LEFT}
_SZCS_AFTER = ("w:highlight", "w:u", "w:effect", "w:bdr", "w:shd", "w:fitText", "w:vertAlign",
               "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout", "w:specVanish",
               "w:oMath", "w:rPrChange")


def clamp(value: float, lo: float, hi: float) -> float:
    return lo if value < lo else hi if value > hi else value


def _dedupe(props: etree._Element, *tags: str) -> None:
    """Drop repeated children (a malformed file may hold two w:sz; the last one would win)."""
    for tag in tags:
        for extra in props.findall(w(tag))[1:]:
            props.remove(extra)


def set_size(ed, r: etree._Element, pt: float) -> None:
    """w:sz and w:szCs of run (or style) `r`."""
    with ed.props(r, "r") as rpr:
        _dedupe(rpr, "sz", "szCs")
        rpr.sz_val = Pt(pt)
        cs = rpr.find(w("szCs"))
        if cs is None:
            cs = new_el("szCs")
            rpr.insert_element_before(cs, *_SZCS_AFTER)
        cs.set(w("val"), str(int(pt * 2)))


def set_toggle(ed, r: etree._Element, name: str, value: bool) -> None:
    """b / i / caps of run `r` set directly (also bCs / iCs for b / i)."""
    with ed.props(r, "r") as rpr:
        _dedupe(rpr, name, name + "Cs")
        rpr._set_bool_val(name, value)   # what python-docx's Font.bold etc. call
        if name in ("b", "i"):
            _cs_toggle(rpr, name + "Cs", value)


def _cs_toggle(rpr, tag: str, value: bool) -> None:
    el = rpr.find(w(tag))
    if el is None:
        return
    if value:
        el.attrib.pop(w("val"), None)
    else:
        el.set(w("val"), "0")


def set_jc(ed, p: etree._Element, value: str) -> None:
    with ed.props(p, "p") as ppr:
        _dedupe(ppr, "jc")
        ppr.jc_val = _JC[value]


def set_first_line(ed, p: etree._Element, twips: int) -> None:
    with ed.props(p, "p") as ppr:
        ind = ppr.get_or_add_ind()
        ind.attrib.pop(w("hanging"), None)
        ind.attrib.pop(w("hangingChars"), None)
        ind.attrib.pop(w("firstLineChars"), None)
        ppr.first_line_indent = Twips(twips)


def set_spacing(ed, p: etree._Element, side: str, twips: int) -> None:
    """The space "before" or "after" paragraph `p`, in twips; the line-based and automatic
    forms of that side are dropped so the value is the one Word uses."""
    with ed.props(p, "p") as ppr:
        sp = ppr.get_or_add_spacing()
        sp.attrib.pop(w(side + "Lines"), None)
        sp.attrib.pop(w(side + "Autospacing"), None)
        sp.set(w(side), str(twips))


def set_before(ed, p: etree._Element, twips: int) -> None:
    set_spacing(ed, p, "before", twips)


def set_baseline(ed, r: etree._Element) -> None:
    """Run `r` printed on the baseline: a direct w:vertAlign is dropped; one inherited from a
    style is overridden by an explicit "baseline"."""
    with ed.props(r, "r") as rpr:
        direct = rpr.findall(w("vertAlign"))
        for el in direct:
            rpr.remove(el)
        if not direct:
            va = new_el("vertAlign")
            va.set(w("val"), "baseline")
            rpr.insert_element_before(va, *_SZCS_AFTER[_SZCS_AFTER.index("w:vertAlign") + 1:])


def set_after(ed, p: etree._Element, twips: int) -> None:
    set_spacing(ed, p, "after", twips)


def text_runs(p) -> list:
    """Model runs (docgen.check.docmodel.Run) of a Para that carry visible text."""
    return [r for r in p.runs if r.text.strip()]
