"""The runner iterates the registry (issue #10 item 4): which core documents a project gets is
the CORE entries of docgen/doctypes.py that apply to it (`can_co`: every file they need exists,
a content file or the one standing in for it; filled in by the content shapes of issues #11, #13)."""

from __future__ import annotations

import dataclasses
import io

from docx import Document

from docgen import doctypes
from docgen.pipeline.runner import run


def _with(monkeypatch, ma: str, **changes) -> None:
    entries = tuple(dataclasses.replace(d, **changes) if d.ma == ma else d for d in doctypes.DOCTYPES)
    monkeypatch.setattr(doctypes, "DOCTYPES", entries)


def test_an_entry_applies_when_the_files_it_needs_exist(project):
    entry = next(d for d in doctypes.DOCTYPES if d.ma == "ke-hoach")
    assert entry.can_co == ("ke-hoach.yaml",) and entry.applies(project)   # a decision alone has no plan
    assert dataclasses.replace(entry, can_co=()).applies(project)          # no `can_co`: always
    assert dataclasses.replace(entry, can_co=("phu-luc.yaml", "ke-hoach.yaml")).applies(project)
    assert not dataclasses.replace(entry, can_co=("khong-co.yaml", "phu-luc.yaml")).applies(project)  # all of
    assert not dataclasses.replace(entry, can_co=("khong-co.yaml",)).applies(project)
    (project / "phu-luc.yaml").rename(project / "phu-luc.xlsx")              # the file standing in for it
    assert dataclasses.replace(entry, can_co=("phu-luc.yaml",)).applies(project)


def test_a_project_gets_only_the_core_documents_that_apply(project, tmp_path, monkeypatch):
    _with(monkeypatch, "phu-luc", can_co=("bang-nhiem-vu.xlsx",))   # a file this project does not have
    out = tmp_path / "b"
    result = run(project, out, targets=("chinh",), check=False)
    assert sorted(result.documents) == ["ke-hoach.docx", "quyet-dinh.docx", "tron-bo.docx"]
    assert sorted(p.name for p in out.glob("*.docx")) == ["ke-hoach.docx", "quyet-dinh.docx", "tron-bo.docx"]
    combined = Document(io.BytesIO((out / "tron-bo.docx").read_bytes()))
    assert len(combined.sections) == 2                             # the decision and the plan, no appendix
    (project / "bang-nhiem-vu.xlsx").write_bytes(b"")              # now it applies: built, the rest kept
    again = run(project, out, targets=("chinh",), check=False)
    assert "phu-luc.docx" in again.rendered and "quyet-dinh.docx" not in again.rendered
    assert (out / "phu-luc.docx").is_file() and len(again.documents) == 4


def test_a_target_none_of_whose_entries_applies_builds_nothing(project, tmp_path, monkeypatch):
    for ma in ("kiem-tra", "tuyen-truyen", "ung-dung-cntt", "bang-phan-cong", "ke-hoach-chung"):
        _with(monkeypatch, ma, can_co=("khong-co.yaml",))
    result = run(project, tmp_path / "b", targets=("chinh", "ke-hoach-con"), check=False)
    assert len(result.documents) == 4 and not (tmp_path / "b" / "ke-hoach-con").exists()


def test_derived_documents_of_a_kind_that_does_not_apply_are_not_built(project, tmp_path, monkeypatch):
    _with(monkeypatch, "bang-phan-cong", can_co=("khong-co.yaml",))
    result = run(project, tmp_path / "b", targets=("ke-hoach-con",), check=False)
    assert len(result.documents) == 16 and not any(r.endswith("/bang-phan-cong.docx") for r in result.documents)


def test_a_plan_without_decision_or_appendix_gets_the_plan_and_the_combined_file(tmp_path):
    """Content shapes (issue #11): no quyet-dinh.yaml, no phu-luc.yaml -> neither document, and no
    derived plans (they come from the appendix's tasks); a second run renders nothing."""
    import shutil

    from tests.conftest import ROOT

    content = tmp_path / "c"
    shutil.copytree(ROOT / "tests" / "content" / "data" / "ke-hoach-truc-tiep", content)
    (content / "phu-luc.yaml").unlink()
    out = tmp_path / "b"
    result = run(content, out)
    assert sorted(result.documents) == ["ke-hoach.docx", "tron-bo.docx"] and not result.problems
    assert not (out / "ke-hoach-con").exists() and not (out / "quyet-dinh.docx").exists()
    assert run(content, out).rendered == []
