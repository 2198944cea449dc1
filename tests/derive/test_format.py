"""Format read-back (python-docx) of every derived document, with the core issue's helpers."""

import io

import pytest
from docx import Document
from docx.shared import Mm

from tests.expect import assert_derived_outputs
from tests.pipeline.test_format import _all_paragraphs, effective_font


@pytest.fixture(scope="module")
def outputs(full_build):
    """The derived documents of the session's build of the bundled content."""
    outputs = {p.relative_to(full_build).as_posix(): p.read_bytes()
               for p in sorted((full_build / "ke-hoach-con").rglob("*.docx"))}
    assert_derived_outputs(outputs)
    return outputs


def _mm(length) -> float:
    return round(length / Mm(1), 1)


def test_pages_margins_fonts_of_every_derived_document(outputs):
    assert len(outputs) == 21
    for rel, data in outputs.items():
        doc = Document(io.BytesIO(data))
        orients = ["landscape" if s.page_width > s.page_height else "portrait" for s in doc.sections]
        if rel.endswith("bang-phan-cong.docx"):
            assert orients == ["landscape"], rel
        else:                                    # the plan, then its appendix in its own section
            assert orients == ["portrait", "landscape"], rel
        for s in doc.sections:
            assert sorted((_mm(s.page_width), _mm(s.page_height))) == [210.0, 297.0]
            assert 20 <= _mm(s.top_margin) <= 25 and 20 <= _mm(s.bottom_margin) <= 25
            assert 30 <= _mm(s.left_margin) <= 35 and 15 <= _mm(s.right_margin) <= 20
        runs = [(r, p) for p in _all_paragraphs(doc) for r in p.runs if r.text.strip()]
        assert len(runs) >= 25, (rel, len(runs))
        for run, p in runs:
            assert effective_font(run, p, doc) == {"Times New Roman"}, rel


def test_appendix_is_numbered_on_its_own(outputs):
    doc = Document(io.BytesIO(outputs["ke-hoach-con/phong-noi-vu/kiem-tra.docx"]))
    assert len(doc.sections) == 2
    assert doc.sections[1].page_width > doc.sections[1].page_height   # the appendix, landscape
    pg = doc.sections[1]._sectPr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}pgNumType")
    assert pg is not None and pg.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}start") == "1"
