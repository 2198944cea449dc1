"""Effective (inherited) run and paragraph formatting, resolved the way Word does.

python-docx returns None for anything not set directly. Here the chain is walked:
document defaults -> table style -> paragraph style (basedOn chain) -> character style
(basedOn chain) -> direct formatting. Theme font references are turned into font names.

Toggle properties (bold, italic, caps; ECMA-376 §17.7.3): direct formatting sets the value;
in styles a `true` toggles the value inherited so far and `false` leaves it. Within one
style's basedOn chain the nearest definition wins (what Word does); across the style kinds
(table, paragraph, character) the values are XORed over the document default.

Units: sizes in half-points (`sz`), indents and spacing in twips, as in the XML.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_FALSE = {"0", "false", "off", "none"}
TOGGLES = ("b", "i", "caps")
FONT_SLOTS = ("ascii", "hAnsi", "cs", "eastAsia")
DEFAULT_FONT = "Times New Roman"   # Word's font when nothing at all is specified
DEFAULT_SZ = 20                    # 10 pt when nothing at all is specified


@functools.cache
def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


_VAL = w("val")


def wval(el: etree._Element | None, attr: str = "val") -> str | None:
    return None if el is None else el.get(_VAL if attr == "val" else w(attr))


def on_off(el: etree._Element) -> bool:
    return (el.get(w("val")) or "true").lower() not in _FALSE


def _int(value: str | None) -> int | None:
    try:
        return int(float(value)) if value is not None else None
    except ValueError:
        return None


def parse_rpr(rpr: etree._Element | None) -> dict:
    """A partial run-property dict from one w:rPr (only what is set there)."""
    out: dict = {}
    if rpr is None:
        return out
    for child in rpr:
        tag = etree.QName(child).localname if isinstance(child.tag, str) else ""
        if tag in TOGGLES:
            out[tag] = on_off(child)
        elif tag == "sz":
            out["sz"] = _int(wval(child))
        elif tag == "color":
            out["color"] = wval(child)
        elif tag == "u":
            out["u"] = wval(child) or "single"
        elif tag == "vertAlign":
            out["vert_align"] = wval(child) or "baseline"
        elif tag == "rFonts":
            fonts = {}
            for slot in FONT_SLOTS:
                theme = child.get(w(slot.lower() + "Theme" if slot == "cs" else slot + "Theme"))
                if slot == "cs" and theme is None:
                    theme = child.get(w("cstheme"))
                if theme:
                    fonts[slot] = ("theme", theme)
                elif child.get(w(slot)):
                    fonts[slot] = ("font", child.get(w(slot)))
            out["rFonts"] = fonts
    return out


def parse_ppr(ppr: etree._Element | None) -> dict:
    """A partial paragraph-property dict from one w:pPr."""
    out: dict = {}
    if ppr is None:
        return out
    jc = ppr.find(w("jc"))
    if jc is not None:
        out["jc"] = wval(jc)
    ind = ppr.find(w("ind"))
    if ind is not None:
        d = {}
        for key, names in (("left", ("left", "start")), ("right", ("right", "end")),
                           ("firstLine", ("firstLine",)), ("hanging", ("hanging",))):
            for n in names:
                if ind.get(w(n)) is not None:
                    d[key] = _int(ind.get(w(n)))
        out["ind"] = d
    sp = ppr.find(w("spacing"))
    if sp is not None:
        out["spacing"] = {k: sp.get(w(k)) for k in ("before", "after", "line", "lineRule",
                                                    "beforeAutospacing", "afterAutospacing")
                          if sp.get(w(k)) is not None}
    for tag in ("pBdr", "pageBreakBefore", "contextualSpacing", "keepNext"):
        el = ppr.find(w(tag))
        if el is not None:
            out[tag] = el if tag == "pBdr" else on_off(el)
    return out


def _merge(base: dict, top: dict) -> dict:
    out = dict(base)
    for key, value in top.items():
        if key == "rFonts":
            out[key] = {**base.get(key, {}), **value}
        elif key == "ind":
            ind = dict(base.get("ind", {}))
            if "firstLine" in value:
                ind.pop("hanging", None)
            if "hanging" in value:
                ind.pop("firstLine", None)
            ind.update(value)
            out[key] = ind
        elif key == "spacing":
            out[key] = {**base.get(key, {}), **value}
        else:
            out[key] = value
    return out


@dataclass
class RunProps:
    """Effective run formatting. `fonts[slot]` is a font name; `theme_slots` the slots that
    came from a theme reference; `sz` is in half-points."""

    fonts: dict[str, str]
    theme_slots: set[str]
    sz: int
    b: bool
    i: bool
    caps: bool
    color: str | None
    u: str | None
    vert_align: str | None = None     # "subscript" / "superscript": printed about 2/3 the size

    @property
    def size_pt(self) -> float:
        return self.sz / 2


@dataclass
class ParaProps:
    """Effective paragraph formatting (twips)."""

    jc: str | None
    left: int = 0
    right: int = 0
    first_line: int = 0          # negative for a hanging indent
    before: int = 0
    after: int = 0
    line: int | None = None
    line_rule: str = "auto"
    bottom_border: bool = False
    top_border: bool = False
    page_break_before: bool = False
    raw: dict = field(default_factory=dict, repr=False)


class Styles:
    """The styles part, indexed once; resolves effective properties with caching."""

    def __init__(self, styles_root: etree._Element | None, theme_root: etree._Element | None):
        self.by_id: dict[str, etree._Element] = {}
        self.defaults: dict[str, str] = {}
        self.doc_rpr: dict = {}
        self.doc_ppr: dict = {}
        self._chain_cache: dict[tuple[str, str], dict] = {}
        # effective properties by (styles, direct XML): documents repeat the same few formats
        self._ppr_cache: dict[tuple, ParaProps] = {}
        self._rpr_cache: dict[tuple, RunProps] = {}
        self.para_shapes: dict[tuple, tuple] = {}   # docgen.check.docmodel._Builder._shape
        self.row_shapes: dict[tuple, tuple] = {}    # docgen.check.docmodel._Builder._row_shape
        self.row_paras: dict[tuple, tuple] = {}     # docgen.check.docmodel._Builder._row_from
        self.row_seen: set[tuple] = set()
        self.top_paras: dict[tuple, tuple] = {}     # docgen.check.docmodel._Builder._top_para
        self.top_seen: set[tuple] = set()
        self.theme = _theme_fonts(theme_root)
        if styles_root is None:
            return
        dd = styles_root.find(w("docDefaults"))
        if dd is not None:
            self.doc_rpr = parse_rpr(dd.find(f"{w('rPrDefault')}/{w('rPr')}"))
            self.doc_ppr = parse_ppr(dd.find(f"{w('pPrDefault')}/{w('pPr')}"))
        for st in styles_root.iter(w("style")):
            sid = st.get(w("styleId"))
            if sid:
                self.by_id[sid] = st
                if on_off_attr(st.get(w("default"))):
                    self.defaults.setdefault(st.get(w("type"), ""), sid)

    def style_name(self, sid: str | None) -> str:
        st = self.by_id.get(sid or "")
        return wval(st.find(w("name"))) or sid or "" if st is not None else ""

    def chain(self, sid: str | None, kind: str) -> dict:
        """Merged partial props ("r" or "p") of a style and its basedOn ancestors."""
        if not sid or sid not in self.by_id:
            return {}
        key = (sid, kind)
        if key in self._chain_cache:
            return self._chain_cache[key]
        self._chain_cache[key] = {}          # guards against basedOn cycles
        st = self.by_id[sid]
        parent = wval(st.find(w("basedOn")))
        base = self.chain(parent, kind) if parent != sid else {}
        own = parse_rpr(st.find(w("rPr"))) if kind == "r" else parse_ppr(st.find(w("pPr")))
        merged = _merge(base, own)
        self._chain_cache[key] = merged
        return merged

    def para_style_id(self, p: etree._Element) -> str | None:
        return wval(p.find(f"{w('pPr')}/{w('pStyle')}")) or self.defaults.get("paragraph")

    def paragraph(self, p: etree._Element, table_style: str | None) -> ParaProps:
        """Effective paragraph properties (shared between paragraphs formatted alike: do not
        mutate)."""
        ppr = p.find(w("pPr"))
        key = (table_style, etree.tostring(ppr) if ppr is not None else b"")
        hit = self._ppr_cache.get(key)
        if hit is None:
            hit = self._ppr_cache[key] = self._paragraph(p, table_style)
        return hit

    def _paragraph(self, p: etree._Element, table_style: str | None) -> ParaProps:
        pid = self.para_style_id(p)
        d = _merge(_merge(_merge(self.doc_ppr, self.chain(table_style, "p")),
                          self.chain(pid, "p")), parse_ppr(p.find(w("pPr"))))
        ind, sp = d.get("ind", {}), d.get("spacing", {})
        first = ind.get("firstLine") or 0
        if ind.get("hanging"):
            first = -ind["hanging"]
        bdr = d.get("pBdr")
        return ParaProps(
            jc=d.get("jc"), left=ind.get("left") or 0, right=ind.get("right") or 0,
            first_line=first, before=_int(sp.get("before")) or 0, after=_int(sp.get("after")) or 0,
            line=_int(sp.get("line")), line_rule=sp.get("lineRule") or "auto",
            bottom_border=_has_border(bdr, "bottom"), top_border=_has_border(bdr, "top"),
            page_break_before=bool(d.get("pageBreakBefore")), raw=d)

    def run(self, r: etree._Element, para_style: str | None, table_style: str | None) -> RunProps:
        """Effective run properties (shared between runs formatted alike: do not mutate)."""
        return self.run_props(r.find(w("rPr")), para_style, table_style)

    def run_props(self, rpr: etree._Element | None, para_style: str | None,
                  table_style: str | None) -> RunProps:
        """Effective properties of a w:rPr (a run's, or a paragraph mark's)."""
        key = (para_style, table_style, etree.tostring(rpr) if rpr is not None else b"")
        hit = self._rpr_cache.get(key)
        if hit is None:
            hit = self._rpr_cache[key] = self._run(rpr, para_style, table_style)
        return hit

    def _run(self, rpr, para_style: str | None, table_style: str | None) -> RunProps:
        direct = parse_rpr(rpr)
        cid = wval(rpr.find(w("rStyle"))) if rpr is not None else None
        layers = [self.chain(table_style, "r"), self.chain(para_style, "r"), self.chain(cid, "r")]
        merged = self.doc_rpr
        for layer in layers:
            merged = _merge(merged, {k: v for k, v in layer.items() if k not in TOGGLES})
        merged = _merge(merged, {k: v for k, v in direct.items() if k not in TOGGLES})
        toggles = {}
        for t in TOGGLES:
            value = bool(self.doc_rpr.get(t, False))
            for layer in layers:
                if layer.get(t):
                    value = not value
            toggles[t] = direct[t] if t in direct else value
        fonts, theme_slots = {}, set()
        for slot in FONT_SLOTS:
            kind, name = merged.get("rFonts", {}).get(slot, ("font", DEFAULT_FONT))
            if kind == "theme":
                theme_slots.add(slot)
                name = self.theme.get(name, "") or ""
            fonts[slot] = name
        return RunProps(fonts=fonts, theme_slots=theme_slots, sz=merged.get("sz") or DEFAULT_SZ,
                        color=merged.get("color"), u=merged.get("u"),
                        vert_align=_vert_align(merged.get("vert_align")), **toggles)


def _vert_align(value: str | None) -> str | None:
    return value if value in ("subscript", "superscript") else None


def on_off_attr(value: str | None) -> bool:
    return value is not None and value.lower() not in _FALSE


def _has_border(pbdr, side: str) -> bool:
    if pbdr is None:
        return False
    el = pbdr.find(w(side))
    return el is not None and (wval(el) or "nil") not in ("nil", "none")


def _typeface(font_scheme: etree._Element, tag: str) -> str:
    el = font_scheme.find(f"{{{A}}}{tag}")
    return (el.get("typeface") or "") if el is not None else ""


def _theme_fonts(theme: etree._Element | None) -> dict[str, str]:
    """Theme font reference (e.g. "minorHAnsi") -> typeface."""
    out: dict[str, str] = {}
    if theme is None:
        return out
    for major in ("major", "minor"):
        fs = theme.find(f".//{{{A}}}{major}Font")
        if fs is None:
            continue
        out[major + "HAnsi"] = out[major + "Ascii"] = _typeface(fs, "latin")
        out[major + "Bidi"] = _typeface(fs, "cs")
        out[major + "EastAsia"] = _typeface(fs, "ea")
    return out
