"""One source for cross-references: the decision's number and date, typed once in
quyet-dinh.yaml, flow into every document that cites it on the next build."""

from __future__ import annotations

import io
import re

from docx import Document

from docgen.build import build
from tests.helpers import edit


def all_text(data: bytes) -> str:
    doc = Document(io.BytesIO(data))
    parts = [p.text for p in doc.paragraphs]
    parts += [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return re.sub(r"\s+", " ", "\n".join(parts))


def _sign(project):
    edit(project / "quyet-dinh.yaml", 'so: ""', 'so: "1234"')
    edit(project / "quyet-dinh.yaml", 'ngay_ban_hanh: "../12/2020"', 'ngay_ban_hanh: "07/01/2021"')


CITATION = "Quyết định số 1234/QĐ-UBND ngày 07 tháng 01 năm 2021 của UBND thị xã Hoài Nhơn"


def test_core_documents_follow_the_decision(project, tmp_path):
    before = build(project, tmp_path / "a").outputs
    for name in ("ke-hoach.docx", "phu-luc.docx", "tron-bo.docx"):
        assert "1234/QĐ-UBND" not in all_text(before[name])
    _sign(project)
    after = build(project, tmp_path / "b").outputs
    assert "Số: 1234/QĐ-UBND" in all_text(after["quyet-dinh.docx"])
    assert "Hoài Nhơn, ngày 07 tháng 01 năm 2021" in all_text(after["quyet-dinh.docx"])
    assert f"(Ban hành kèm theo {CITATION})" in all_text(after["ke-hoach.docx"])
    assert f"(Kèm theo {CITATION})" in all_text(after["phu-luc.docx"])
    combined = all_text(after["tron-bo.docx"])
    assert f"(Ban hành kèm theo {CITATION})" in combined and f"(Kèm theo {CITATION})" in combined
