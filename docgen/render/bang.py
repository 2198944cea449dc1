"""Free tables of an appendix (`bang`, schema-13 §C): column widths and the rows' cells.

Widths (mm, then twips) when a column gives no `rong`:
- the least width of a column is its widest single word (header 12 pt bold, cells 12 pt, bold
  rows bold), plus the cell padding: no word is ever broken;
- its wanted width is its longest cell line (cells spanning one column), at most `CAP_MM`, and
  never below the least width; a header wraps rather than widening its column;
- the appendix is portrait unless the wanted widths of one of its tables do not fit the portrait
  text width (165 mm); then it is landscape (252 mm);
- the columns are scaled to fill the text width exactly: columns with `rong` keep their width,
  the others share the rest in proportion to their wanted widths, none below its least width
  (those are pinned and the rest shared again); the last column takes the rounding. When the
  given widths alone leave no room, every column is scaled in proportion.
"""

from __future__ import annotations

from ..model.phu_luc_noi_dung import Bang
from ..vn.metrics import text_width_mm
from .table import CELL_MM, TEXT_W, TWIPS_PER_MM

SIZE_PT = 12
CAP_MM = 70.0
PAD_MM = 2 * CELL_MM + 1
CAN = {"trai": "left", "giua": "center", "phai": "right", "deu": "both"}


def _words_mm(text: str, bold: bool) -> float:
    return max((text_width_mm(w, SIZE_PT, bold=bold) for w in text.split()), default=0.0)


def _lines_mm(text: str, bold: bool) -> float:
    return max((text_width_mm(x, SIZE_PT, bold=bold) for x in text.split("\n")), default=0.0)


def natural_mm(bang: Bang) -> tuple[list[float], list[float]]:
    """(wanted, least) width of every column, mm, padding included."""
    least = [_words_mm(c.ten, True) for c in bang.cot]
    want = [0.0] * len(bang.cot)
    for row in bang.hang:
        col = 0
        for cell in row.o:
            if cell.gop == 1 and col < len(want):
                least[col] = max(least[col], _words_mm(cell.ten, row.dam))
                want[col] = max(want[col], min(CAP_MM, _lines_mm(cell.ten, row.dam)))
            col += cell.gop
    least = [x + PAD_MM for x in least]
    want = [max(w + PAD_MM, m) for w, m in zip(want, least)]
    return [c.rong if c.rong else w for c, w in zip(bang.cot, want)], least


def wide(bang: Bang) -> bool:
    """The table's wanted widths do not fit the portrait text width: the appendix is landscape."""
    return sum(natural_mm(bang)[0]) * TWIPS_PER_MM > TEXT_W["doc"]


def widths(bang: Bang, total: int) -> list[int]:
    """Column widths in twips that add up to `total` exactly (rule in the module docstring)."""
    want, least = natural_mm(bang)
    w = [x * TWIPS_PER_MM for x in want]
    lo = [x * TWIPS_PER_MM for x in least]
    pinned = {i for i, c in enumerate(bang.cot) if c.rong}
    out = list(w)
    while True:
        free = [i for i in range(len(w)) if i not in pinned]
        rest = total - sum(out[i] for i in pinned)
        if not free or rest <= 0:
            out = [x * total / sum(w) for x in w]
            break
        scale = rest / sum(w[i] for i in free)
        below = [i for i in free if w[i] * scale < lo[i]]
        if not below:
            for i in free:
                out[i] = w[i] * scale
            break
        for i in below:
            out[i] = lo[i]
            pinned.add(i)
    ints = [int(x) for x in out]
    ints[-1] += total - sum(ints)
    return ints


def _cell(w: int, lines: list[str], span: int, can: str) -> dict:
    return {"w": w, "span": span, "can": can, "doc": "center", "gop": "", "dong": lines}


def bang_context(bang: Bang, total: int) -> dict:
    """The context of one table: grid widths, the header row, the rows (`dam`: bold)."""
    ws = widths(bang, total)
    hang = []
    for row in bang.hang:
        cells, col = [], 0
        for cell in row.o:
            span = ws[col:col + cell.gop]
            cells.append(_cell(sum(span), cell.dong, cell.gop, CAN[bang.cot[col].can]))
            col += cell.gop
        hang.append({"dam": row.dam, "o": cells})
    dau = [{"o": [_cell(w, c.ten.split("\n"), 1, "center") for w, c in zip(ws, bang.cot)]}]
    return {"rong": ws, "tong": sum(ws), "dau": dau, "hang": hang}
