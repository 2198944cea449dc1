"""The registry's reads are complete: a change to a content file changes only documents whose
recorded inputs (digests.keys_of) name that file. A read missing from docgen/doctypes.py would
leave that document stale after the edit, silently (issue #10: per-document change detection)."""

from __future__ import annotations

import shutil

import pytest

from docgen.paths import templates_dir
from docgen.pipeline.render_docs import render_all
from docgen.pipeline.runner import plan_jobs
from docgen.render.engine import Engine
from tests.conftest import ROOT
from tests.helpers import edit

ENGINE = Engine(templates_dir())


def _render(content):
    jobs = plan_jobs(content, ("chinh", "ke-hoach-con"))[0]
    return render_all(ENGINE, [j.doc for j in jobs]), {j.doc.duong_dan: j.keys for j in jobs}


def _changed_outside_reads(content, file, old, new):
    before, keys = _render(content)
    edit(content / file, old, new)
    after, _ = _render(content)
    changed = {rel for rel in after if after[rel] != before.get(rel)}
    assert changed, f"the edit of {file} changed no document: not a test"
    return changed, {rel for rel in changed if f"content/{file}" not in keys[rel]}


@pytest.mark.parametrize("file,old,new", [
    ("quyet-dinh.yaml", 'so: ""', 'so: "15"'),
    ("ke-hoach.yaml", "ket_thuc: Trên đây", "ket_thuc: Như vậy, trên đây"),
    ("phu-luc.yaml", "thuc_hien: Cả năm", "thuc_hien: Quý II/2021"),
    ("don-vi.yaml", "ten: Ủy ban nhân dân thị xã Hoài Nhơn", "ten: Ủy ban nhân dân thị xã Hoài Nhơn mới"),
    ("ke-hoach-con/kiem-tra.yaml", "nhiem_vu: I.2", "nhiem_vu: I.2\nngay: ../04/2021"),
])
def test_bundled_documents_change_only_where_their_entry_reads(project, file, old, new):
    changed, stale = _changed_outside_reads(project, file, old, new)
    assert not stale, f"{file} changes {sorted(stale)}, whose registry entry does not read it"


def test_a_plan_issued_directly_its_number_reaches_the_appendix(tmp_path):
    """No decision: the appendix is "kèm theo" the plan, so it reads ke-hoach.yaml."""
    content = tmp_path / "c"
    shutil.copytree(ROOT / "tests" / "content" / "data" / "ke-hoach-truc-tiep", content)
    changed, stale = _changed_outside_reads(content, "ke-hoach.yaml", 'so: ""', 'so: "21"')
    assert "phu-luc.docx" in changed and not stale
