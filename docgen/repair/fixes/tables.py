"""A phụ lục table of many rows repeats its first row at the top of every page (w:tblHeader;
a drafting convention the checker warns about, nd30.table-header). The row itself is not
changed; Word and LibreOffice repeat it when the table crosses a page."""
from __future__ import annotations

from docgen.check.docmodel import Table
from docgen.check.effective import w
from docgen.check.locate import PHU_LUC
from docgen.repair.edit import Fix
from docgen.repair.package import new_el


def fix(job) -> None:
    for part in job.parts:
        if part.kind != PHU_LUC:
            continue
        for b in part.blocks:
            if not isinstance(b, Table) or len(b.cells) <= 5 or b.header_row:
                continue
            tr = b.el.find(w("tr"))
            trpr = tr.find(w("trPr"))
            if trpr is None:
                trpr = new_el("trPr")
                tr.insert(1 if tr.find(w("tblPrEx")) is not None else 0, trpr)
            change = trpr.find(w("trPrChange"))     # a change record stays last
            (change.addprevious if change is not None else trpr.append)(new_el("tblHeader"))
            first = b.cells[0][0][0].where if b.cells[0] and b.cells[0][0] else f"bảng {b.index + 1}"
            job.add(Fix(first, "hàng đầu của bảng lặp lại ở đầu mỗi trang", "nd30.table-header"))
