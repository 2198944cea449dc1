"""DOCX files made in the test with python-docx: plain paragraphs and an appendix task table."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

HEADER = ["TT", "Nhiệm vụ", "Sản phẩm", "Cơ quan chủ trì", "Cơ quan phối hợp",
          "Thời gian hoàn thành", "Ghi chú"]


def task(nv, chu_tri="Phòng Nội vụ", thoi_gian="Quý I/2021", san_pham="Kế hoạch của UBND thị xã",
         phoi_hop="Các cơ quan, đơn vị, địa phương", ghi_chu=""):
    return [nv, san_pham, chu_tri, phoi_hop, thoi_gian, ghi_chu]


def make_docx(path: Path, paragraphs=(), groups=None) -> Path:
    """A document: paragraphs, then (if groups) the task table. groups: [(name, [task rows])]."""
    d = docx.Document()
    for text in paragraphs:
        d.add_paragraph(text)
    if groups is not None:
        t = d.add_table(rows=1, cols=7)
        for cell, h in zip(t.rows[0].cells, HEADER):
            cell.text = h
        for gi, (name, rows) in enumerate(groups, 1):
            r = t.add_row().cells
            r[0].text = "I II III IV V".split()[gi - 1]
            merged = r[1].merge(r[6])  # a group row spans the 6 other columns
            merged.text = name
            for tt, row in enumerate(rows, 1):
                cells = t.add_row().cells
                for cell, value in zip(cells, [str(tt), *row]):
                    cell.text = value
    d.save(path)
    return path


@pytest.fixture
def mk(tmp_path):
    def _mk(name, paragraphs=(), groups=None):
        return make_docx(tmp_path / name, paragraphs, groups)
    return _mk
