"""`docgen build` brings every document up to date (pipeline/runner.py): the stale-output repro
of issue 10 — a new decision number reaches every document citing the decision."""

from __future__ import annotations

import io
import re

from docx import Document

from tests.expect import assert_commune_files, assert_core_files
from tests.helpers import edit

CITES = re.compile(r"(\d*)/QĐ-UBND")


def _text(data: bytes) -> str:
    doc = Document(io.BytesIO(data))
    parts = [p.text for p in doc.paragraphs]
    parts += [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return "\n".join(parts)


def _citations(out) -> dict[str, set[str]]:
    """Per document (relative path), the decision numbers it cites ("" = the blank number)."""
    found = {}
    for path in sorted(out.rglob("*.docx")):
        rel = path.relative_to(out).as_posix()
        if not rel.startswith(".docgen/"):
            found[rel] = set(CITES.findall(_text(path.read_bytes())))
    return found


def test_a_new_decision_number_reaches_every_citing_document(project, tmp_path, cli):
    out = tmp_path / "b"
    status, stdout, err = cli("build", "--content", project, "--out", out)
    assert status == 0, err
    assert "Đã dựng 59 văn bản vào " in stdout and ": 59 đã ghi, 0 không đổi" in stdout
    before = _citations(out)
    citing = {rel for rel, nums in before.items() if "" in nums}  # the blank number of the decision
    assert {"ke-hoach.docx", "phu-luc.docx", "tron-bo.docx", "quyet-dinh.docx"} <= citing
    assert any(rel.startswith("ke-hoach-con/") for rel in citing)
    communes = {rel.split("/")[1] for rel in before if rel.startswith("xa-phuong/")}
    assert len(communes) == 17
    assert all(f"xa-phuong/{c}/ke-hoach.docx" in citing for c in communes)

    edit(project / "quyet-dinh.yaml", 'so: ""', 'so: "15"')
    status, stdout, err = cli("build", "--content", project, "--out", out)
    assert status == 0, err
    after = _citations(out)
    assert not any("" in nums for nums in after.values())
    stale = {r: after[r] for r in citing if after[r] != before[r] - {""} | {"15"}}
    assert not stale, stale
    assert f": {len(citing)} đã ghi, {59 - len(citing)} không đổi" in stdout

    status, stdout, err = cli("build", "--content", project, "--out", out)
    assert status == 0, err
    assert ": 0 đã ghi, 59 không đổi" in stdout


def test_named_targets_build_their_subset(project, tmp_path, cli):
    out = tmp_path / "b"
    status, stdout, err = cli("build", "chinh", "--content", project, "--out", out)
    assert status == 0, err
    assert_core_files(out)                       # exactly the four core documents, each whole
    assert not (out / "ke-hoach-con").exists() and not (out / "xa-phuong").exists()
    status, stdout, err = cli("build", "xa-phuong", "hoai-son", "--content", project, "--out", out)
    assert status == 0, err
    assert sorted(p.name for p in (out / "xa-phuong").iterdir()) == ["hoai-son"]
    assert_commune_files(out, ["hoai-son"])
    status, _, err = cli("build", "khong-co", "--content", project, "--out", out)
    assert status == 2
    assert err.startswith('lỗi: không có mục "khong-co"; các mục: chinh, ke-hoach-con, xa-phuong')
