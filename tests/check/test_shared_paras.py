"""Top-level paragraphs shared between the batch's documents (docmodel._Builder._top_para):
a paragraph seen again with the same XML at the same place (index, section, the section's
sectPr) reuses the Para objects made before, with what the rules remembered on them (text
width, height). These tests fail when the cache hands a document another document's facts."""
from __future__ import annotations

from pathlib import Path

import pytest

from docgen.check import check_docx_bytes, check_parts
from docgen.check.docmodel import build_model
from docgen.check.inmemory import package_from_parts, shared_styles
from docgen.check.layout import container_width_twips, page_text_width
from docgen.content import load_project
from docgen.derive.commune import ke_hoach_xa_phuong
from docgen.model.trich_dan import trich_dan_quyet_dinh
from docgen.paths import templates_dir
from docgen.pipeline.render_docs import render_all_parts
from docgen.render.engine import Engine
from docgen.render.package import write_zip

CONTENT = Path(__file__).resolve().parents[2] / "content" / "hoai-nhon-2021"
PLAN = "xa-phuong/tam-quan/ke-hoach.docx"


@pytest.fixture(scope="module")
def plan_parts():
    project = load_project(CONTENT)
    kq = ke_hoach_xa_phuong(project, project.don_vi.xa_phuong[0], None,
                            trich_dan=trich_dan_quyet_dinh(project))
    _, parts = render_all_parts(Engine(templates_dir()), [kq.ke_hoach, kq.phu_luc])
    return {name: bytes(data) for name, data in parts[PLAN].items()}   # plain bytes: parsed anew


def _model(parts: dict):
    pkg = package_from_parts(parts, PLAN)
    return build_model(pkg, shared_styles(pkg), lazy_runs=True)


def _warm(parts: dict) -> None:
    """Check the document three times: its paragraphs are then shared (kept on the second
    sight, reused from the third), with the rules' facts on them."""
    for _ in range(3):
        assert check_parts(parts, PLAN) == []


def test_unchanged_paragraphs_are_shared(plan_parts):
    _warm(plan_parts)
    first, second = _model(plan_parts), _model(plan_parts)
    shared = [p for p in second.paras if p.table is None and any(p is q for q in first.paras)]
    assert len(shared) > 20                  # the plan's top-level paragraphs, all but section ends


def test_a_changed_paragraph_is_not_taken_from_the_cache(plan_parts):
    """Two documents differing in one paragraph (a run in Arial): the fast path finds the
    fault exactly as the full check, and the unchanged document stays without findings."""
    _warm(plan_parts)
    broken = dict(plan_parts)
    xml = broken["word/document.xml"]
    body = xml.index(b"<w:body>")
    third = xml.index(b"<w:r>", xml.index(b"<w:p>", xml.index(b"</w:tbl>", body)))
    broken["word/document.xml"] = xml[:third] + xml[third:].replace(
        b"<w:r>", b'<w:r><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial"/></w:rPr>', 1)
    full = check_docx_bytes(write_zip(list(broken.items())), PLAN)
    assert [f.code for f in full] == ["nd30.font"], [f.message for f in full]
    assert check_parts(broken, PLAN) == full
    assert check_parts(plan_parts, PLAN) == []


def test_other_page_geometry_gets_its_own_paragraphs(plan_parts):
    """The same paragraphs in a section with other margins: none is shared with the first
    document, and each has the text width of its own page (a width remembered on a shared
    paragraph of the first document would be 3 cm too wide)."""
    _warm(plan_parts)
    narrow = dict(plan_parts)
    narrow["word/document.xml"] = plan_parts["word/document.xml"].replace(
        b'w:left="1701"', b'w:left="3402"', 1)
    assert narrow["word/document.xml"] != plan_parts["word/document.xml"]
    for _ in range(3):
        check_parts(narrow, PLAN)
    before = _model(plan_parts)
    model = _model(narrow)
    tops = [p for p in model.paras if p.table is None]
    assert not any(p is q for p in tops for q in before.paras)
    assert {container_width_twips(model, p) for p in tops} == {page_text_width(model, 0)}
    assert page_text_width(model, 0) == page_text_width(before, 0) - 1701
    assert check_parts(narrow, PLAN) == check_docx_bytes(write_zip(list(narrow.items())), PLAN)
