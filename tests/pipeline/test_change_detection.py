"""Per-document change detection (issue #10 item 2) and the one state file (item 1): a document
is rendered again only when an input its registry entry names changed, and the state of the
output folder is one file, which an old pair or a corrupt copy never makes a build fail."""

from __future__ import annotations

import json

import pytest

from docgen.pipeline import state
from docgen.pipeline.runner import affected, run
from tests.helpers import edit

KT = "ke-hoach-con/phong-noi-vu/kiem-tra.docx"
CORE = ["ke-hoach.docx", "phu-luc.docx", "quyet-dinh.docx", "tron-bo.docx"]


@pytest.fixture
def built(project, tmp_path):
    """The bundled project built once (without the check: this is about what is rendered)."""
    out = tmp_path / "b"
    first = run(project, out, check=False)
    assert len(first.documents) == 59 and len(first.rendered) == 59 and not first.problems
    return project, out


def test_one_state_file_holds_every_document(built):
    project, out = built
    assert sorted(p.name for p in (out / ".docgen").glob("*.json")) == ["manifest.json", "nguon.json",
                                                                       "trang-thai.json"]
    data = json.loads((out / ".docgen" / "trang-thai.json").read_text("utf-8"))
    assert data["version"] == state.VERSION and set(data) == {"version", "van_ban", "xa_phuong"}
    assert len(data["van_ban"]["docs"]) == 4 + 21 and len(data["xa_phuong"]["xa_phuong"]) == 17
    assert data["van_ban"]["docs"][KT]["keys"] == [
        "content/don-vi.yaml", "content/quyet-dinh.yaml", "content/ke-hoach.yaml", "content/phu-luc.yaml",
        "content/phu-luc.xlsx", "content/ke-hoach-con/kiem-tra.yaml", "mau/ke-hoach", "mau/phu-luc", "khung/ke-hoach-con",
        "khung/kiem-tra"]
    again = run(project, out, check=False)
    assert again.rendered == [] and again.written == [] and len(again.unchanged) == 59


@pytest.mark.parametrize("damage", ["{không phải json", '{"version": 1, "digest": "x"}', "[1, 2]",
                                    '{"version": 3, "van_ban": {"docs": {"quyet-dinh.docx": 7}, "tong": 1}, '
                                    '"xa_phuong": {"all": true, "xa_phuong": {"hoai-my": []}}}'])
def test_a_corrupt_or_old_state_is_rebuilt_never_a_failure(built, cli, damage):
    project, out = built
    (out / ".docgen" / "dung.json").write_text('{"version": 1, "digest": "cu"}', "utf-8")   # the old pair
    (out / ".docgen" / "xa-phuong.json").write_text("{hỏng", "utf-8")
    (out / ".docgen" / "trang-thai.json").write_text(damage, "utf-8")
    status, stdout, err = cli("build", "--content", project, "--out", out, "--no-check")
    assert status == 0, err
    assert ": 0 đã ghi, 59 không đổi" in stdout            # rendered again, identical: nothing rewritten
    assert not (out / ".docgen" / "dung.json").exists() and not (out / ".docgen" / "xa-phuong.json").exists()
    assert state.load(out)["version"] == state.VERSION
    assert run(project, out, check=False).rendered == []   # and the next run is a no-change run again


def test_editing_an_override_rebuilds_only_the_plan_that_reads_it(built, cli):
    project, out = built
    (project / "ke-hoach-con" / "kiem-tra.yaml").write_text(
        (project / "ke-hoach-con" / "kiem-tra.yaml").read_text("utf-8") + "ngay: ../04/2021\n", "utf-8")
    assert affected(project, out, [project / "ke-hoach-con" / "kiem-tra.yaml"]) == [KT]
    status, stdout, err = cli("build", "--content", project, "--out", out, "--no-check")
    assert status == 0, err
    assert ": 1 đã ghi, 58 không đổi" in stdout and f"  Đã ghi lại: {KT}.\n" in stdout
    assert state.section(out, "van_ban")["docs"][KT]["digest"] != ""
    assert run(project, out, check=False).rendered == []


def test_each_document_reads_what_its_registry_entry_names(built):
    project, out = built
    edit(project / "ke-hoach.yaml", "ket_thuc: ", "ket_thuc: Đã sửa. ")   # the plan, not the decision
    result = run(project, out, check=False)
    rendered = set(result.rendered)
    assert "quyet-dinh.docx" not in rendered                   # the decision does not read the plan
    assert {"ke-hoach.docx", "tron-bo.docx", "phu-luc.docx"} <= rendered   # the appendix may cite it
    assert sum(r.startswith("ke-hoach-con/") for r in rendered) == 21          # every derived document
    assert sum(r.startswith("xa-phuong/") for r in rendered) == 34             # every commune document
    assert set(result.written) >= {"ke-hoach.docx", "tron-bo.docx"}
    assert not {"quyet-dinh.docx", "phu-luc.docx"} & set(result.written)   # same bytes: not rewritten


def test_a_commune_file_rebuilds_that_commune_only(built):
    project, out = built
    (project / "xa-phuong").mkdir()
    (project / "xa-phuong" / "hoai-my.yaml").write_text("chu_tich: Nguyễn Văn A\n", "utf-8")
    assert affected(project, out, [project / "xa-phuong" / "hoai-my.yaml"]) == [
        "xa-phuong/hoai-my/ke-hoach.docx", "xa-phuong/hoai-my/phu-luc.docx"]
    result = run(project, out, check=False)
    assert result.rendered == ["xa-phuong/hoai-my/ke-hoach.docx", "xa-phuong/hoai-my/phu-luc.docx"]


def test_a_template_rebuilds_the_documents_rendered_from_it(built):
    project, out = built
    docs = affected(project, out, [project.parent / "templates-not-watched.docx"])
    assert docs == []
    from docgen.paths import templates_dir

    qd = affected(project, out, [templates_dir() / "quyet-dinh.docx"])
    assert qd == ["quyet-dinh.docx", "tron-bo.docx"]
