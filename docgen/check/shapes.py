"""Horizontal lines drawn as shapes, read from a run the way Word shows them.

Word saves every shape twice inside `mc:AlternateContent`: a DrawingML version (`mc:Choice`,
`w:drawing` / `wp:anchor` / `wps:wsp`) and a VML fallback (`mc:Fallback`, `w:pict` / `v:line`).
Only one of them is drawn, so only one is read: the Choice when present, else the Fallback.
Older files hold bare `w:pict` VML. A shape counts as a horizontal line when it is a line or
connector, or any shape whose height is under 0.5 mm.

Positions: `dy_mm` is the vertical offset from the top of the anchor paragraph (None when the
shape is inline or positioned against the page or margin, which the checker cannot relate to
text); lengths are in mm.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
V = "urn:schemas-microsoft-com:vml"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
EMU_PER_MM = 36000
_LINE_GEOMS = {"line", "straightConnector1", "bentConnector1"}
_UNITS = {"pt": 25.4 / 72, "in": 25.4, "mm": 1.0, "cm": 10.0, "px": 25.4 / 96, "": 25.4 / 72}
_LEN = re.compile(r"(-?[\d.]+)\s*(pt|in|mm|cm|px)?")
_PARA_REL = {"paragraph", "line", "text", None}


@dataclass(frozen=True)
class Shape:
    length_mm: float | None
    dy_mm: float | None


def _mm(value: str | None) -> float | None:
    m = _LEN.match((value or "").strip())
    if not m:
        return None
    try:
        return float(m.group(1)) * _UNITS[m.group(2) or ""]
    except ValueError:
        return None


def _drawing(d: etree._Element) -> list[Shape]:
    out = []
    for frame in d:
        tag = etree.QName(frame).localname if isinstance(frame.tag, str) else ""
        if tag not in ("anchor", "inline"):
            continue
        ext = frame.find(f"{{{WP}}}extent")
        try:
            cx, cy = int(ext.get("cx")), int(ext.get("cy"))
        except (AttributeError, TypeError, ValueError):
            continue
        geoms = {g.get("prst") for g in frame.iter(f"{{{A}}}prstGeom")}
        if not (geoms & _LINE_GEOMS or cy < EMU_PER_MM // 2) or cx < 2 * EMU_PER_MM:
            continue
        dy = None
        pos = frame.find(f"{{{WP}}}positionV")
        if tag == "anchor" and pos is not None and pos.get("relativeFrom") in _PARA_REL:
            off = pos.findtext(f"{{{WP}}}posOffset")
            dy = int(off) / EMU_PER_MM if off and off.lstrip("-").isdigit() else None
        out.append(Shape(cx / EMU_PER_MM, dy))
    return out


def _style(el: etree._Element) -> dict[str, str]:
    pairs = (kv.split(":", 1) for kv in el.get("style", "").split(";") if ":" in kv)
    return {k.strip(): v.strip() for k, v in pairs}


def _vml(pict: etree._Element) -> list[Shape]:
    out = []
    for el in pict.iter(f"{{{V}}}line", f"{{{V}}}shape", f"{{{V}}}rect"):
        st = _style(el)
        para_rel = st.get("mso-position-vertical-relative") in _PARA_REL
        if el.tag == f"{{{V}}}line":
            a, b = (el.get("from") or "0,0").split(","), (el.get("to") or "0,0").split(",")
            x1, x2 = _mm(a[0]), _mm(b[0])
            y1, y2 = _mm(a[-1]), _mm(b[-1])
            if x1 is None or x2 is None or y1 is None or y2 is None or abs(y2 - y1) > 0.5:
                continue
            top = _mm(st.get("margin-top")) or 0.0
            out.append(Shape(abs(x2 - x1), top + y1 if para_rel else None))
            continue
        width, height = _mm(st.get("width")), _mm(st.get("height"))
        if width is None or width < 2 or (height or 0) >= 0.5:
            continue
        out.append(Shape(width, _mm(st.get("margin-top")) if para_rel else None))
    return out


def run_shapes(r: etree._Element) -> list[Shape]:
    """The horizontal lines one run draws (each shape read once)."""
    out: list[Shape] = []
    for ch in r:
        tag = ch.tag
        if tag == f"{{{MC}}}AlternateContent":
            choice = ch.find(f"{{{MC}}}Choice")
            branch = choice if choice is not None else ch.find(f"{{{MC}}}Fallback")
            for sub in (branch if branch is not None else ()):
                out.extend(_one(sub))
        else:
            out.extend(_one(ch))
    return out


def _one(el: etree._Element) -> list[Shape]:
    if el.tag == f"{{{W}}}drawing":
        return _drawing(el)
    if el.tag in (f"{{{W}}}pict", f"{{{W}}}object"):
        return _vml(el)
    return []


def has_drawing(r: etree._Element) -> bool:
    """A run that holds any drawn object (picture, shape, text box)."""
    return any(ch.tag in (f"{{{W}}}drawing", f"{{{W}}}pict", f"{{{W}}}object",
                          f"{{{MC}}}AlternateContent") for ch in r)
