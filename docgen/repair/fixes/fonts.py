"""Times New Roman in all four w:rFonts slots, theme font references removed (Phụ lục I,
mục I.4). Fonts are set where they are defined: document defaults, styles, and the runs
whose own w:rFonts name another font. Symbol fonts (bullets) and the old TCVN3/VNI fonts are
left alone: renaming them would change the glyphs (TCVN3 text needs re-encoding, reported as
not fixed by the checker's own rule)."""
from __future__ import annotations

from lxml import etree

from docgen.check.effective import FONT_SLOTS, w
from docgen.check.vocab import LEGACY_FONT_RE
from docgen.repair.edit import Fix

TNR = "Times New Roman"
SYMBOL_FONTS = {"symbol", "wingdings", "wingdings 2", "wingdings 3", "webdings", "marlett"}
_THEME_ATTRS = ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")


def _needs(rfonts: etree._Element) -> list[str]:
    """What is wrong with one w:rFonts: slot names to set, theme attributes to drop."""
    bad = []
    for slot in FONT_SLOTS:
        name = rfonts.get(w(slot))
        if name is not None and name != TNR:
            if name.lower() in SYMBOL_FONTS or LEGACY_FONT_RE.match(name):
                return []
            bad.append(slot)
    bad += [a for a in _THEME_ATTRS if rfonts.get(w(a)) is not None]
    return bad


def _fix_rfonts(rfonts: etree._Element) -> tuple[set[str], bool]:
    """Set TNR in all four slots; returns (old font names, bold face name seen)."""
    old = {rfonts.get(w(s)) for s in FONT_SLOTS if rfonts.get(w(s)) not in (None, TNR)}
    for a in _THEME_ATTRS:
        if rfonts.get(w(a)) is not None:
            old.add("theo chủ đề")
            del rfonts.attrib[w(a)]
    for slot in FONT_SLOTS:
        rfonts.set(w(slot), TNR)
    bold = any(n.lower().startswith("times new roman bold") for n in old if n)
    return old, bold


def _apply(job, owner, where: str, require: bool) -> None:
    """Fix the w:rFonts of `owner` (a run, style or rPrDefault). `require`: create one when
    absent (document defaults must name the font)."""
    rpr = owner.find(w("rPr"))
    rfonts = rpr.find(w("rFonts")) if rpr is not None else None
    if rfonts is None and not require:
        return
    if rfonts is not None and not _needs(rfonts) and \
            all(rfonts.get(w(s)) == TNR for s in FONT_SLOTS if require):
        return
    with job.ed.props(owner, "r") as rpr:
        rfonts = rpr.get_or_add_rFonts() if hasattr(rpr, "get_or_add_rFonts") else \
            _first_child(rpr, "rFonts")
        old, bold = _fix_rfonts(rfonts)
        if bold and rpr.find(w("b")) is None:
            rpr._set_bool_val("b", True)
    shown = ", ".join(sorted(n for n in old if n)) or "không đặt"
    job.add(Fix(where, f"phông chữ {shown} → {TNR} (cả bốn vị trí ascii, hAnsi, eastAsia, cs)",
                "nd30.font"))


def _first_child(parent, tag):
    el = parent.find(w(tag))
    if el is None:
        el = etree.Element(w(tag))
        parent.insert(0, el)
    return el


def fix(job) -> None:
    styles = job.pkg.tree(job.pkg.part_of("styles") or "")
    if styles is not None:
        dd = styles.find(w("docDefaults"))
        rpd = dd.find(w("rPrDefault")) if dd is not None else None
        if rpd is not None:
            _apply(job, rpd, "kiểu mặc định của tài liệu", require=True)
        for st in styles.iter(w("style")):
            _apply(job, st, f"kiểu \"{_style_name(st)}\"", require=False)
    for part, root in job.story_parts():
        for k, r in enumerate(root.iter(w("r"))):
            if any(ch.tag == w("t") and (ch.text or "").strip() for ch in r):
                _apply(job, r, job.where_run(part, r, k), require=False)


def _style_name(st) -> str:
    name = st.find(w("name"))
    return name.get(w("val")) if name is not None else st.get(w("styleId"), "")
