"""Horizontal rules under header texts: a paragraph border between indents, an underline, or
a drawn line (docgen.check.shapes) anywhere a person sees it under the text.

A drawn line is anchored in some paragraph but may be drawn lower down: Word users anchor the
line under the issuing body in the next table row's "Số" paragraph, or the line under the
Tiêu ngữ in the Quốc hiệu paragraph. So lines are placed by geometry: the paragraphs of one
column (a table column over its rows, or the body between tables) are stacked with estimated
heights (docgen.check.layout), each line gets a vertical position, and it belongs to the last
text line above it. Line kind and thickness are an open point (nd30 §13.1), so only presence
is an error; the length is compared as a warning.
"""
from __future__ import annotations

from dataclasses import dataclass

from docgen.check.docmodel import DocModel, Para
from docgen.check.layout import column_stack, container_width_twips, stack_positions

__all__ = ["Line", "line_under", "container_width_twips"]
MAX_GAP_MM = 9.0          # a line further below the text than this is not "under" it


@dataclass
class Line:
    kind: str                  # "viền đoạn" | "hình vẽ" | "gạch chân"
    length_mm: float | None    # None when it cannot be measured


def _border_len(model: DocModel, p: Para) -> float | None:
    width = container_width_twips(model, p)
    if width is None:
        return None
    return (width - p.props.left - p.props.right) / 56.6929


def _border_line(model: DocModel, p: Para, own: bool) -> Line | None:
    last_line = p.seg == p.nseg - 1
    if (p.props.bottom_border and last_line) or (not own and p.props.top_border and p.seg == 0):
        return Line("viền đoạn", _border_len(model, p))
    if not own and any(r.props.u not in (None, "none") for r in p.runs if r.text):
        return Line("gạch chân", None)
    return None


def _drawn_line(model: DocModel, p: Para) -> Line | None:
    stack = column_stack(model, p)
    pos = stack_positions(stack, model)
    k = next(i for i, q in enumerate(stack) if q is p)
    owner_of: dict[int, tuple] = {}
    for i, q in enumerate(stack):
        for shape in q.shapes:
            y = pos[i].top_mm + shape.dy_mm if shape.dy_mm is not None else None
            owner = i if y is None else _owner(stack, pos, y)
            if owner is not None and (y is None or y - pos[owner].text_bottom_mm <= MAX_GAP_MM):
                owner_of.setdefault(owner, (shape, y))
    if k in owner_of:
        return Line("hình vẽ", owner_of[k][0].length_mm)
    return None


def _owner(stack: list[Para], pos, y: float) -> int | None:
    """The last text line whose middle is above `y`."""
    best = None
    for i, q in enumerate(stack):
        if q.text.strip() and pos[i].text_top_mm + pos[i].line_mm / 2 <= y:
            best = i
    return best


def line_under(model: DocModel, p: Para, text_width_mm: float | None = None) -> Line | None:
    """The line drawn under paragraph line `p`: its own bottom border or underline, the border
    or underline of the next one or two empty paragraphs, or a drawn line placed under it."""
    own = _border_line(model, p, own=True)
    if own:
        return own
    if p.text_runs and all(r.props.u not in (None, "none") for r in p.text_runs):
        return Line("gạch chân", text_width_mm)
    stack = column_stack(model, p)
    k = next(i for i, q in enumerate(stack) if q is p)
    for q in stack[k + 1:k + 3]:
        if q.text.strip() or q.table != p.table or q.row != p.row:
            break
        found = _border_line(model, q, own=False)
        if found:
            return found
    return _drawn_line(model, p)
