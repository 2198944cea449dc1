"""One source for cross-references: the decision's number and date, typed once in
quyet-dinh.yaml, flow into every document that cites it on the next build."""

from __future__ import annotations

import io
import re

from docx import Document

from docgen.pipeline import build
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


def test_derived_plans_follow_the_decision(project, tmp_path):
    from docgen.pipeline.derived import build_derived

    before = build_derived(project, tmp_path / "a").outputs
    assert before and all("1234/QĐ-UBND" not in all_text(d) for d in before.values())
    _sign(project)
    after = build_derived(project, tmp_path / "b").outputs
    plans = {rel: data for rel, data in after.items() if not rel.endswith("bang-phan-cong.docx")}
    sheets = {rel: data for rel, data in after.items() if rel.endswith("bang-phan-cong.docx")}
    assert plans and sheets
    for rel, data in after.items():
        assert CITATION.replace(" của UBND thị xã Hoài Nhơn", "") in all_text(data), rel


def test_commune_plans_follow_the_decision(project, tmp_path):
    from docgen.pipeline.batch import run_batch

    out = tmp_path / "b"
    first = run_batch(project, out, progress=False)
    assert not first.problems and len(first.built) == 17
    plans = sorted(out.glob("xa-phuong/*/ke-hoach.docx"))
    assert len(plans) == 17 and all("1234/QĐ-UBND" not in all_text(p.read_bytes()) for p in plans)
    _sign(project)
    second = run_batch(project, out, progress=False)
    assert not second.problems and len(second.built) == 17, "a change to the town decision rebuilds all"
    for plan in plans:
        assert CITATION.replace(" của UBND thị xã Hoài Nhơn", "") in all_text(plan.read_bytes()), plan
