"""The batch's fast path (check_parts on the rendered parts, with per-template caches) gives
exactly the findings of the full check (check_docx_bytes on the zipped file) on every document
docgen builds: the core package, every ke-hoach-con document and every commune's documents,
all checked in one process so that the caches are shared as in a batch worker. Mutated,
hand-made and real documents go through both paths in every checker test (conftest.py)."""
from __future__ import annotations

from pathlib import Path

import pytest

from docgen.check import check_docx_bytes, check_parts
from docgen.content import load_model, load_project
from docgen.derive.commune import ke_hoach_xa_phuong, slug
from docgen.model.commune import XaPhuongRieng
from docgen.model.trich_dan import trich_dan_quyet_dinh
from docgen.paths import templates_dir
from docgen.pipeline.derived import derive_project
from docgen.pipeline.documents import core_documents
from docgen.pipeline.render_docs import render_all_parts
from docgen.render.engine import Engine
from tests.expect import assert_commune_document

CONTENT = Path(__file__).resolve().parents[2] / "content" / "hoai-nhon-2021"


def _commune_docs(project):
    cite = trich_dan_quyet_dinh(project)
    for xp in project.don_vi.xa_phuong:
        f = CONTENT / "xa-phuong" / f"{slug(xp.ten)}.yaml"
        rieng = load_model(f, XaPhuongRieng)[0] if f.exists() else None
        kq = ke_hoach_xa_phuong(project, xp, rieng, trich_dan=cite)
        yield from (kq.ke_hoach, kq.phu_luc)


@pytest.fixture(scope="module")
def rendered():
    project = load_project(CONTENT)
    docs = core_documents(project) + list(derive_project(CONTENT)[1].van_ban) + \
        list(_commune_docs(project))
    return render_all_parts(Engine(templates_dir()), docs)


def test_every_built_document_same_findings_on_both_paths(rendered):
    outputs, parts = rendered
    assert len(outputs) > 40 and any(k.startswith("xa-phuong/") for k in outputs) \
        and any(k.startswith("ke-hoach-con/") for k in outputs), sorted(outputs)[:5]
    for rel, data in outputs.items():
        full = check_docx_bytes(data, rel)
        assert check_parts(parts[rel], rel) == full, rel
        assert full == [], (rel, [f.message for f in full])


def test_fast_path_sees_a_broken_commune_document(rendered):
    """A rule broken in one commune's rendered parts (after its template's caches are warm)
    is found by the fast path exactly as by the full check."""
    from docgen.render.package import write_zip

    outputs, parts = rendered
    rel = next(k for k in outputs if k.startswith("xa-phuong/") and k.endswith("ke-hoach.docx"))
    assert_commune_document(rel.split("/")[1], "ke-hoach.docx", outputs[rel])  # the unbroken plan
    assert check_docx_bytes(outputs[rel], rel) == []
    broken = dict(parts[rel])
    xml = broken["word/document.xml"]
    assert b"Times New Roman" in broken["word/styles.xml"]
    broken["word/document.xml"] = xml.replace(b"<w:body>", b"<w:body><w:p><w:r><w:rPr><w:rFonts "
                                              b'w:ascii="Arial" w:hAnsi="Arial"/></w:rPr><w:t>X'
                                              b"</w:t></w:r></w:p>", 1)
    full = check_docx_bytes(write_zip(list(broken.items())), rel)
    assert "nd30.font" in {f.code for f in full}
    assert check_parts(broken, rel) == full


def _text_rule_tests():
    import tests.repair.test_text_rules as mod

    return mod, [n for n in dir(mod) if n.startswith("test_")
                 and n != "test_no_text_finding_on_docgen_documents"]


@pytest.mark.parametrize("test_name", _text_rule_tests()[1])
def test_text_rule_mutations_on_both_paths(built, monkeypatch, test_name):
    """The text rules' one-fault documents (tests/repair/test_text_rules.py) through both
    paths too: that module's own test, with every check it makes compared on the fast path."""
    from tests.check.conftest import both_paths

    mod = _text_rule_tests()[0]
    calls = []

    def counted(data, name):
        calls.append(name)
        return both_paths(data, name)

    monkeypatch.setattr(mod, "check_docx_bytes", counted)
    getattr(mod, test_name)(built)
    assert calls
