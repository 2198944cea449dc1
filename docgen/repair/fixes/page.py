"""Page size, orientation and margins of every section (Phụ lục I, mục I.1–I.3)."""
from __future__ import annotations

from docgen.check.effective import w, wval
from docgen.check.rules.page import A4, MARGINS, TOL
from docgen.check.vocab import fmt_mm
from docgen.repair.edit import Fix


def _int(v) -> int | None:
    try:
        return int(v)
    except (TypeError, ValueError):
        return None


def _data_sections(job) -> set[int]:
    from docgen.check.docmodel import Table
    layout = {id(t) for part in job.parts for t in (part.header, part.signature_table) if t}
    return {b.section for b in job.model.blocks if isinstance(b, Table) and id(b) not in layout}


def fix(job) -> None:
    data = _data_sections(job)
    for sec in job.model.sections:
        sp = sec.sect_pr
        if sp.getparent() is None:          # a document without any w:sectPr
            continue
        where = f"mục {sec.index + 1}"
        with job.ed.section(sp):
            landscape = _size(job, sp, where, landscape_ok=sec.index in data)
            if not landscape:       # landscape margins are an open point (nd30 §13.3): the
                _margins(job, sp, where)    # checker only warns, a person decides


def _size(job, sp, where: str, landscape_ok: bool) -> bool:
    """Fix size/orientation; True when the section stays landscape."""
    sz = sp.find(w("pgSz"))
    width, height = _int(wval(sz, "w")), _int(wval(sz, "h"))
    if width is None or height is None:
        return False
    landscape = width > height
    ok = any(abs(width - a) <= TOL and abs(height - b) <= TOL for a, b in (A4, A4[::-1]))
    new_w, new_h = (A4[1], A4[0]) if landscape else A4
    if landscape and not landscape_ok:
        new_w, new_h = A4
        job.add(Fix(where, "hướng trang ngang → dọc (không có bảng, biểu)", "nd30.orientation"))
        _rotate_margins(sp)
        sz.attrib.pop(w("orient"), None)
        landscape = False
    elif ok:
        return landscape
    if not ok:
        job.add(Fix(where, f"khổ giấy {fmt_mm(width)} × {fmt_mm(height)} → "
                    f"{fmt_mm(new_w)} × {fmt_mm(new_h)} mm (A4)", "nd30.page-size"))
    sz.set(w("w"), str(new_w))
    sz.set(w("h"), str(new_h))
    return landscape


def _rotate_margins(sp) -> None:
    """Landscape → portrait: the page turns, so do its margins (left becomes top)."""
    mar = sp.find(w("pgMar"))
    if mar is None:
        return
    vals = {s: mar.get(w(s)) for s in ("top", "right", "bottom", "left")}
    for new, old in (("top", "left"), ("right", "top"), ("bottom", "right"), ("left", "bottom")):
        if vals[old] is not None:
            mar.set(w(new), vals[old])


def _margins(job, sp, where: str) -> None:
    mar = sp.find(w("pgMar"))
    if mar is None:
        return
    for side, (lo, hi, name, _rng) in MARGINS.items():
        value = _int(mar.get(w(side)))
        if value is None or lo - 1 <= abs(value) <= hi + 1:
            continue
        new = lo if abs(value) < lo else hi
        mar.set(w(side), str(new))
        job.add(Fix(where, f"lề {name} {fmt_mm(abs(value))} → {fmt_mm(new)} mm", "nd30.margin"))
