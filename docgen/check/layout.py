"""Estimated vertical layout: where each paragraph line sits in its column, in mm.

Used to place drawn lines (a shape is positioned from its anchor paragraph) and to tell
whether two texts are on the same line. Heights come from the font size, line spacing,
paragraph spacing and the number of wrapped lines (text widths from docgen.vn.metrics over
the column width). It is an estimate, good to about half a line over a header block.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from docgen.check.docmodel import DocModel, Para, Table, cell_padding, cell_width
from docgen.check.effective import w, wval
from docgen.vn.metrics import text_width_mm

TWIPS_PER_MM = 56.6929
PT_MM = 25.4 / 72


@dataclass(frozen=True)
class Pos:
    top_mm: float          # top of the paragraph (before its space-before) for line 0
    text_top_mm: float
    line_mm: float         # height of one text line
    text_bottom_mm: float


def container_width_twips(model: DocModel, p: Para) -> int | None:
    """Width available to the text of `p`: its table cell minus padding, or the page's text
    width."""
    known = p.__dict__.get("_width", _UNKNOWN)       # set by the model builder for cells
    if known is not _UNKNOWN:
        return known
    parent = p.el.getparent()
    key = ("width", id(parent), p.section)     # the cached proxy keeps the id unique
    hit = model.cache.get(key)
    if hit is None or hit[0] is not parent:
        hit = model.cache[key] = (parent, _container_width(model, p))
    p.__dict__["_width"] = hit[1]
    return hit[1]


_UNKNOWN = object()


def _container_width(model: DocModel, p: Para) -> int | None:
    tc = p.el.getparent()
    if tc is not None and tc.tag == w("tc"):
        width = cell_width(tc)
        return None if width is None else width - _cell_padding(model, tc.getparent().getparent())
    return page_text_width(model, p.section)


def _cell_padding(model: DocModel, tbl) -> int:
    """cell_padding, once per table."""
    key = ("pad", id(tbl))
    hit = model.cache.get(key)
    if hit is None or hit[0] is not tbl:
        hit = model.cache[key] = (tbl, cell_padding(tbl))
    return hit[1]


def page_text_width(model: DocModel, section: int) -> int | None:
    sec = model.sections[min(section, len(model.sections) - 1)].sect_pr
    size, mar = sec.find(w("pgSz")), sec.find(w("pgMar"))
    try:
        return int(wval(size, "w")) - int(wval(mar, "left")) - int(wval(mar, "right"))
    except (TypeError, ValueError):
        return None


@lru_cache(maxsize=65536)
def _word_mm(word: str, size_pt: float, bold: bool) -> float:
    return text_width_mm(word, size_pt, bold=bold)


def wrapped_lines(text: str, size_pt: float, bold: bool, width_mm: float) -> list[str]:
    """`text` broken into the lines Word would make in `width_mm` (greedy, at spaces)."""
    space = _word_mm(" ", size_pt, bold)
    out, cur, cur_w = [], [], 0.0
    for word in text.split():
        ww = _word_mm(word, size_pt, bold)
        if cur and cur_w + space + ww > width_mm:
            out.append(" ".join(cur))
            cur, cur_w = [word], ww
        else:
            cur_w += (space if cur else 0.0) + ww
            cur.append(word)
    if cur:
        out.append(" ".join(cur))
    return out


def line_height_mm(p: Para) -> float:
    size = max((r.props.size_pt for r in p.text_runs), default=None)
    if size is None:      # an empty line is as high as its paragraph mark (or its spaces)
        size = max([r.props.size_pt for r in p.runs if r.text] + [p.mark_pt or 12.0])
    natural = size * 1.107 * PT_MM       # Times New Roman ascent + descent
    rule, line = p.props.line_rule, p.props.line
    if line is None:
        return natural
    if rule == "exact":
        return line / 20 * PT_MM
    if rule == "atLeast":
        return max(natural, line / 20 * PT_MM)
    return natural * line / 240


def _n_lines(model: DocModel, p: Para) -> int:
    text = p.text.replace("\t", "    ").strip()
    width = container_width_twips(model, p)
    if not text or not width:
        return 1
    avail = (width - p.props.left - p.props.right) / TWIPS_PER_MM
    size = max((r.props.size_pt for r in p.text_runs), default=13.0)
    if avail <= 5:
        return 1
    # 6 % slack: condensed character spacing (w:spacing) is not measured
    return _count_lines(text, size, bool(p.text_runs) and all(r.props.b for r in p.text_runs),
                        round(avail * 1.06, 2))


@lru_cache(maxsize=65536)
def _count_lines(text: str, size: float, bold: bool, avail_mm: float) -> int:
    """Wrapped line count; cached: the documents of one template repeat most paragraphs."""
    return max(1, len(wrapped_lines(text, size, bold, avail_mm)))


def column_stack(model: DocModel, p: Para) -> list[Para]:
    """The paragraph lines stacked above and below `p`: the same grid column of its table
    (this row and the next), or the top-level paragraphs between two tables."""
    key = ("stack", id(p))
    if key in model.cache:
        return model.cache[key]
    if p.table is None:
        stack = _body_run(model, p)
    else:
        stack = _table_column(model, p)
    for q in stack:
        model.cache.setdefault(("stack", id(q)), stack) if p.table is None else None
    model.cache[key] = stack
    return stack


def _body_run(model: DocModel, p: Para) -> list[Para]:
    runs, cur = [], []
    for b in model.blocks:
        if isinstance(b, Table):
            runs.append(cur)
            cur = []
        else:
            cur.append(b)
    runs.append(cur)
    return next((r for r in runs if any(q is p for q in r)), [p])


def _table_column(model: DocModel, p: Para) -> list[Para]:
    t = model.table_of(p)
    if t is None or not t.grid:
        return [p]
    ri, ci = p.row - 1, p.col - 1
    if ri >= len(t.grid) or ci >= len(t.grid[ri]):
        return [p]
    start = t.grid[ri][ci]
    out = list(t.cells[ri][ci])
    if ri + 1 < len(t.cells):
        nxt = t.grid[ri + 1]
        if start in nxt:
            out += t.cells[ri + 1][nxt.index(start)]
    if not any(q is p for q in out):
        return [p]
    return out


def stack_positions(stack: list[Para], model: DocModel) -> list[Pos]:
    key = ("pos", id(stack[0]), len(stack))
    if key in model.cache:
        return model.cache[key]
    out, y = [], 0.0
    top = 0.0
    for q in stack:
        if q.seg == 0:
            top = y
            y += q.props.before / 20 * PT_MM
        line = line_height_mm(q)
        n = _n_lines(model, q)
        text_top = y
        y += n * line
        out.append(Pos(top, text_top, line, y))
        if q.seg == q.nseg - 1:
            y += q.props.after / 20 * PT_MM
    model.cache[key] = out
    return out


def same_line(model: DocModel, a: Para, b: Para) -> bool | None:
    """Whether two lines in cells of one table row are printed at the same height (None when
    they are not in one row)."""
    if a.table is None or a.table != b.table or a.row != b.row:
        return None
    ya, yb = _y(model, a), _y(model, b)
    return abs(ya - yb) < 0.5 * min(line_height_mm(a), line_height_mm(b))


def _y(model: DocModel, p: Para) -> float:
    t = model.table_of(p)
    cell = t.cells[p.row - 1][p.col - 1]
    pos = stack_positions(cell, model)
    return next(pos[i].text_top_mm for i, q in enumerate(cell) if q is p)


def text_lines_mm(model: DocModel, p: Para, size: float, bold: bool,
                  text: str | None = None) -> list[float]:
    """Widths of the printed lines of `p` (soft breaks and wrapping), in mm; `text`: measure
    that text in the place of p's own."""
    width = container_width_twips(model, p)
    text = " ".join((p.text if text is None else text).split())
    if not width:
        return [text_width_mm(text, size, bold=bold)]
    avail = (width - p.props.left - p.props.right) / TWIPS_PER_MM
    return [text_width_mm(seg, size, bold=bold) for seg in wrapped_lines(text, size, bold, avail)] \
        or [0.0]


__all__ = ["Pos", "column_stack", "stack_positions", "container_width_twips", "same_line",
           "text_lines_mm", "wrapped_lines", "line_height_mm", "page_text_width", "estimated_pages"]


def _para_height(model: DocModel, q: Para) -> float:
    """Height of a paragraph line with its spacing; kept on the Para (it depends on the
    paragraph and its text width only, container_width_twips)."""
    h = q.__dict__.get("_height")
    if h is None:
        h = _n_lines(model, q) * line_height_mm(q)
        if q.seg == 0:
            h += q.props.before / 20 * PT_MM
        if q.seg == q.nseg - 1:
            h += q.props.after / 20 * PT_MM
        q.__dict__["_height"] = h
    return h


def _text_height_mm(model: DocModel, section: int) -> float:
    key = ("text-height", section)
    hit = model.cache.get(key)
    if hit is None:
        hit = model.cache[key] = _section_text_height_mm(model, section)
    return hit


def _section_text_height_mm(model: DocModel, section: int) -> float:
    sec = model.sections[min(section, len(model.sections) - 1)].sect_pr
    size, mar = sec.find(w("pgSz")), sec.find(w("pgMar"))
    try:
        return (int(wval(size, "h")) - abs(int(wval(mar, "top"))) - abs(int(wval(mar, "bottom")))) \
            / TWIPS_PER_MM
    except (TypeError, ValueError):
        return 247.0


def estimated_pages(model: DocModel, stop: int = 2) -> int:
    """Pages the body fills, counted up to `stop` (a lower estimate: paragraphs and table rows
    stacked, page and section breaks honoured). Used to tell a one-page document from a
    longer one, so counting stops at 2 by default."""
    if ("pages", stop) in model.cache:
        return model.cache[("pages", stop)]
    pages, y, section = 1, 0.0, 0
    for b in model.blocks:
        if pages >= stop:
            break
        sec = b.section
        if sec != section:
            pages, y, section = pages + 1, 0.0, sec
        if isinstance(b, Table):
            h, limit = 0.0, (stop - pages) * _text_height_mm(model, section)
            for row in b.cells:
                h += max((sum(_para_height(model, q) for q in cell) for cell in row), default=0)
                if y + h > limit:
                    break
        else:
            if b.props.page_break_before and y > 0:
                pages, y = pages + 1, 0.0
            h = _para_height(model, b)
        y += h
        avail = _text_height_mm(model, section)
        while y > avail:
            pages, y = pages + 1, y - avail
        if isinstance(b, Para) and b.page_break_in and b.seg == b.nseg - 1:
            pages, y = pages + 1, 0.0
    model.cache[("pages", stop)] = pages
    return pages


def visually_centered(p: Para) -> bool:
    """A left-aligned line pushed to the middle of its table cell with leading spaces or tabs
    (a common way of centering by hand): its text midpoint is within 5 mm of the cell's."""
    raw = p.text
    lead = raw[: len(raw) - len(raw.lstrip(" \t"))]
    if p.props.jc not in (None, "left", "start", "both") or len(lead.replace("\t", "    ")) < 3:
        return False
    tc = p.el.getparent()
    tcw = tc.find(f"{w('tcPr')}/{w('tcW')}") if tc is not None and tc.tag == w("tc") else None
    if tcw is None or wval(tcw, "type") not in (None, "dxa") or not (wval(tcw, "w") or "").isdigit():
        return False
    size = max((r.props.size_pt for r in p.text_runs), default=13.0)
    bold = bool(p.text_runs) and all(r.props.b for r in p.text_runs)
    lead_mm = sum(12.7 if ch == "\t" else text_width_mm(" ", size, bold) for ch in lead)
    text_mm = text_width_mm(raw.strip(), size, bold)
    cell_mm = int(wval(tcw, "w")) / TWIPS_PER_MM - 3.8     # default cell padding
    start = p.props.left / TWIPS_PER_MM + p.props.first_line / TWIPS_PER_MM + lead_mm
    return abs(start + text_mm / 2 - cell_mm / 2) <= 5
