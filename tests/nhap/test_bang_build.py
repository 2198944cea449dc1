"""The appendices imported from ld07 and ld08 build: written into the ld07/ld08-like test projects
(tests/content/data, helper model13) in place of their hand-written phu-luc.yaml, `docgen build
chinh` makes them with 0 checker findings, and the printed appendix holds the original's cells."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from docgen.check.docmodel import Table, build_model
from docgen.check.locate import PHU_LUC, split_parts
from docgen.check.reader import read_docx_bytes
from docgen.model.phu_luc import PhuLucTep
from docgen.nhap.bang import nhap_phu_luc
from docgen.nhap.co_quan import CoQuanMatcher

ROOT = Path(__file__).resolve().parents[2]
REAL = ROOT.parent / "shared" / "real-docx"
DATA = ROOT / "tests" / "content" / "data"


def _cells(data: bytes, name: str) -> list[list[str]]:
    """Every appendix table row's cell texts ("\\n" between lines)."""
    model = build_model(read_docx_bytes(data, name))
    rows = []
    for part in split_parts(model):
        if part.kind == PHU_LUC:
            for t in (b for b in part.blocks if isinstance(b, Table)):
                rows += [["\n".join(p.norm for p in cell if p.norm) for cell in row] for row in t.cells]
    return rows


@pytest.mark.parametrize(("docx", "project"), [
    ("ld07-qd-ubnd-cong-bo-chi-so-cchc.docx", "ld07-quyet-dinh-chi-so"),
    ("ld08-kh-ubnd-kiem-tra-cchc-2026.docx", "ld08-ke-hoach-kiem-tra"),
])
def test_imported_appendix_builds_clean(tmp_path, cli, docx, project):
    content = tmp_path / "content"
    shutil.copytree(DATA / project, content)
    original = (REAL / docx).read_bytes()
    model = build_model(read_docx_bytes(original, docx))
    parts = [p for p in split_parts(model) if p.kind == PHU_LUC]
    co_quan = yaml.safe_load((content / "don-vi.yaml").read_text("utf-8"))["co_quan"]
    entries, problems = nhap_phu_luc(parts, model, CoQuanMatcher(co_quan), source=docx)
    assert problems == []
    PhuLucTep.model_validate({"phu_luc": entries})
    (content / "phu-luc.yaml").write_text(
        "# Nhập từ " + docx + " bằng docgen nhap\n"
        + yaml.safe_dump({"phu_luc": entries}, allow_unicode=True, sort_keys=False, width=1000), "utf-8")
    status, out, err = cli("build", "chinh", "--content", content, "--out", tmp_path / "build")
    assert status == 0, err
    assert "lỗi" not in out + err and "cảnh báo" not in out + err
    built = _cells((tmp_path / "build" / "phu-luc.docx").read_bytes(), "phu-luc.docx")
    assert built == _cells(original, docx)          # every cell of every table, as printed
