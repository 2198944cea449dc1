"""Horizontal rules under header texts: a paragraph border between indents, a drawn shape
(w:pict / v:line / wps), or an underline. Line kind and thickness are an open point (nd30
§13.1), so only presence is an error; the length is compared as a warning."""
from __future__ import annotations

import re
from dataclasses import dataclass

from docgen.check.docmodel import DocModel, Para
from docgen.check.effective import w, wval

V = "urn:schemas-microsoft-com:vml"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
_UNITS = {"pt": 25.4 / 72, "in": 25.4, "mm": 1.0, "cm": 10.0, "px": 25.4 / 96, "": 25.4 / 72}
_LEN = re.compile(r"(-?[\d.]+)\s*(pt|in|mm|cm|px)?")


@dataclass
class Line:
    kind: str                  # "viền đoạn" | "hình vẽ" | "gạch chân"
    length_mm: float | None    # None when it cannot be measured


def _mm(value: str) -> float | None:
    m = _LEN.match(value.strip())
    return float(m.group(1)) * _UNITS[m.group(2) or ""] if m else None


def container_width_twips(model: DocModel, p: Para) -> int | None:
    tc = p.el.getparent()
    if tc is not None and tc.tag == w("tc"):
        tcw = tc.find(f"{w('tcPr')}/{w('tcW')}")
        try:
            width = int(wval(tcw, "w"))
        except (TypeError, ValueError):
            return None
        tbl = tc.getparent().getparent()
        mar = tbl.find(f"{w('tblPr')}/{w('tblCellMar')}")
        pad = 0
        for side in ("left", "right"):
            el = mar.find(w(side)) if mar is not None else None
            pad += int(wval(el, "w") or 108) if el is not None else 108
        return width - pad
    sec = model.sections[min(p.section, len(model.sections) - 1)].sect_pr
    size, mar = sec.find(w("pgSz")), sec.find(w("pgMar"))
    try:
        return int(wval(size, "w")) - int(wval(mar, "left")) - int(wval(mar, "right"))
    except (TypeError, ValueError):
        return None


def _border_len(model: DocModel, p: Para) -> float | None:
    width = container_width_twips(model, p)
    if width is None:
        return None
    return (width - p.props.left - p.props.right) / 56.6929


def _shape_len(p: Para) -> float | None:
    for line in p.el.iter(f"{{{V}}}line"):
        a, b = line.get("from", "0,0").split(","), line.get("to", "0,0").split(",")
        x1, x2 = _mm(a[0]), _mm(b[0])
        if x1 is not None and x2 is not None:
            return abs(x2 - x1)
    for ext in p.el.iter(f"{{{WP}}}extent"):
        try:
            return int(ext.get("cx")) / 36000
        except (TypeError, ValueError):
            pass
    for tag in ("shape", "rect"):
        for el in p.el.iter(f"{{{V}}}{tag}"):
            m = re.search(r"width:\s*([\d.]+\s*[a-z]*)", el.get("style", ""))
            if m:
                return _mm(m.group(1))
    return None


def _para_line(model: DocModel, p: Para, own: bool) -> Line | None:
    if p.props.bottom_border or (not own and p.props.top_border):
        return Line("viền đoạn", _border_len(model, p))
    if p.has_shape:
        return Line("hình vẽ", _shape_len(p))
    if not own and any(r.props.u not in (None, "none") for r in p.runs if r.text):
        return Line("gạch chân", None)
    return None


def line_under(model: DocModel, p: Para, text_width_mm: float | None = None) -> Line | None:
    """The line drawn under paragraph `p`: its own bottom border or underline, or the next one
    or two text-less paragraphs in the same cell/body with a border, shape or underline."""
    own = _para_line(model, p, own=True)
    if own:
        return own
    if p.text_runs and all(r.props.u not in (None, "none") for r in p.text_runs):
        return Line("gạch chân", text_width_mm)
    by_el = {id(q.el): q for q in model.paras}
    count = 0
    for sib in p.el.itersiblings(w("p")):
        q = by_el.get(id(sib))
        if q is None or q.text.strip() or count >= 2:
            break
        found = _para_line(model, q, own=False)
        if found:
            return found
        count += 1
    return None
