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
from docgen.repair.package import new_el

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


def _apply(job, owner, where: str, require: bool, found: str = "") -> None:
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
    shown = ", ".join(sorted(n for n in old if n)) or found or "không đặt"
    job.add(Fix(where, f"phông chữ {shown} → {TNR} (cả bốn vị trí ascii, hAnsi, eastAsia, cs)",
                "nd30.font"))


def _first_child(parent, tag):
    el = parent.find(w(tag))
    if el is None:
        el = new_el(tag)
        parent.insert(0, el)
    return el


def _wrong(props) -> bool:
    """The checker's test (nd30.font, nd30.font-theme) for one run's effective fonts."""
    names = [props.fonts[s] for s in ("ascii", "hAnsi", "cs") if props.fonts[s]]
    if any(n.lower() in SYMBOL_FONTS or LEGACY_FONT_RE.match(n) for n in names):
        return False
    return any(n != TNR for n in names) or bool(props.theme_slots)


def fix(job) -> None:
    """Fix the document defaults when they name another font or a theme font, and the runs
    the checker would report; styles other runs use (bullets, captions) stay as they are."""
    flagged = [(p, r) for p in job.model.paras for r in p.text_runs if _wrong(r.props)]
    if not flagged:
        return
    styles = job.pkg.tree(job.pkg.part_of("styles") or "")
    dd = styles.find(w("docDefaults")) if styles is not None else None
    rpd = dd.find(w("rPrDefault")) if dd is not None else None
    if rpd is not None:
        _apply(job, rpd, "kiểu mặc định của tài liệu", require=False)
    seen: set[tuple[str, str]] = set()
    for p, r in flagged:
        names = sorted({n for n in r.props.fonts.values() if n and n != TNR})
        found = (", ".join(names) + (" (theo chủ đề)" if r.props.theme_slots else "")).strip()
        n = len(job.fixes)
        _apply(job, r.el, p.where, require=True, found=found)
        if len(job.fixes) > n:                  # one line per paragraph and font
            key = (p.where, job.fixes[-1].what)
            if key in seen:
                job.fixes.pop()
            seen.add(key)


def fix_color(job) -> None:
    """Text in a colour other than black (Phụ lục I, mục I.4) becomes black ("auto"); only
    runs with text, so images (a red seal, a blue signature) are not concerned."""
    done: set[str] = set()
    for p in job.model.paras:
        for r in p.text_runs:
            c = (r.props.color or "auto").lower()
            if c in ("auto", "000000"):
                continue
            with job.ed.props(r.el, "r") as rpr:
                color = rpr.get_or_add_color()
                for attr in list(color.attrib):
                    del color.attrib[attr]
                color.set(w("val"), "auto")
            if p.where not in done:
                done.add(p.where)
                job.add(Fix(p.where, f"màu chữ #{c} → đen", "nd30.color"))
