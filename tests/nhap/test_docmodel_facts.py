"""The table facts the importer reads from the checker's document model (vMerge, gridSpan,
w:tblHeader rows, cell lines): read lazily, from the table's own XML."""
from __future__ import annotations

from pathlib import Path

from docgen.check.docmodel import Table, build_model
from docgen.check.reader import read_docx_bytes

REAL = Path(__file__).resolve().parents[3] / "shared" / "real-docx"


def _tables(name: str) -> list[Table]:
    model = build_model(read_docx_bytes((REAL / name).read_bytes(), name))
    return [b for b in model.blocks if isinstance(b, Table)]


def test_vertical_merges_spans_and_header_rows_of_ld09():
    t = _tables("ld09-kh-ubnd-cchc-2026.docx")[2]
    assert t.header_rows == 1
    assert (t.vmerge[51][:2], t.vmerge[52][:2], t.vmerge[53][:3]) == (
        ["restart", "restart"], ["continue", "continue"], ["restart", "restart", None])
    assert sum(v is not None for row in t.vmerge for v in row) == 12
    assert t.spans[11] == [1, 1, 1, 1, 2, 1] and t.grid[11] == [0, 1, 2, 3, 4, 6]


def test_spans_of_a_summary_row_and_tables_without_header_flag():
    tables = _tables("ld07-qd-ubnd-cong-bo-chi-so-cchc.docx")
    assert tables[2].spans[15] == [4, 1, 1] and tables[2].header_rows == 1
    assert tables[3].header_rows == 0 and tables[3].vmerge == [[None] * 6] * 2


def test_the_facts_are_read_only_when_asked():
    t = _tables("ld09-kh-ubnd-cchc-2026.docx")[2]
    assert not {"vmerge", "spans", "header_rows"} & set(t.__dict__)    # the checker never pays
    assert len(t.vmerge) == 60
    assert "vmerge" in t.__dict__
