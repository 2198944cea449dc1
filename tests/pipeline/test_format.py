"""Format read back with python-docx from the built documents (Decree 30, Phụ lục I)."""

from __future__ import annotations

import io

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm

from tests.expect import assert_core_outputs

TNR = "Times New Roman"
DOCS = ["quyet-dinh.docx", "ke-hoach.docx", "phu-luc.docx", "tron-bo.docx"]
# runs with text that the font check must have seen (the bundled documents hold more)
MIN_RUNS = {"quyet-dinh.docx": 25, "ke-hoach.docx": 120, "phu-luc.docx": 200, "tron-bo.docx": 345}


@pytest.fixture(scope="module")
def outputs(core_build):
    outputs = {f"{stem}.docx": data for stem, data in core_build.items()}
    assert_core_outputs(outputs)
    return outputs


def _doc(outputs, name):
    return Document(io.BytesIO(outputs[name]))


def _mm(length) -> float:
    return round(length / Mm(1), 1)


def _fonts_of(rpr) -> dict:
    if rpr is None or rpr.find(qn("w:rFonts")) is None:
        return {}
    f = rpr.find(qn("w:rFonts"))
    return {k: v for k, v in f.attrib.items()}


def effective_font(run, paragraph, doc) -> set[str]:
    """Fonts of the four rFonts slots in effect: run -> char style -> paragraph style chain -> defaults."""
    slots = ("ascii", "hAnsi", "eastAsia", "cs")
    found: dict[str, str] = {}

    def take(attrs):
        for s in slots:
            if s not in found and qn(f"w:{s}") in attrs:
                found[s] = attrs[qn(f"w:{s}")]
            assert qn(f"w:{s}Theme") not in attrs, "theme font in use"

    take(_fonts_of(run._r.rPr))
    style = paragraph.style
    while style is not None:
        take(_fonts_of(style.element.rPr))
        style = style.base_style
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    take(_fonts_of(defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))))
    assert set(found) == set(slots), f"slots not set: {set(slots) - set(found)}"
    return set(found.values())


def _all_paragraphs(doc):
    yield from doc.paragraphs
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                yield from cell.paragraphs


@pytest.mark.parametrize("name", DOCS)
def test_every_run_is_times_new_roman(outputs, name):
    doc = _doc(outputs, name)
    runs = [(r, p) for p in _all_paragraphs(doc) for r in p.runs if r.text.strip()]
    assert len(runs) >= MIN_RUNS[name], (name, len(runs))
    for r, p in runs:
        assert effective_font(r, p, doc) == {TNR}, (name, p.text[:40])


@pytest.mark.parametrize("name,orients", [
    ("quyet-dinh.docx", ["portrait"]), ("ke-hoach.docx", ["portrait"]), ("phu-luc.docx", ["landscape"]),
    ("tron-bo.docx", ["portrait", "portrait", "landscape"]),
])
def test_page_size_orientation_and_margins(outputs, name, orients):
    doc = _doc(outputs, name)
    assert [str(s.orientation).split(".")[-1].split(" ")[0].lower() for s in doc.sections] == orients
    for s in doc.sections:
        assert sorted((_mm(s.page_width), _mm(s.page_height))) == [210.0, 297.0]
        landscape = s.page_width > s.page_height
        assert (_mm(s.page_width) == 297.0) == landscape
        assert 20 <= _mm(s.top_margin) <= 25 and 20 <= _mm(s.bottom_margin) <= 25
        assert 30 <= _mm(s.left_margin) <= 35 and 15 <= _mm(s.right_margin) <= 20


@pytest.mark.parametrize("name", DOCS)
def test_page_number_field_centered_in_header_not_on_page_one(outputs, name):
    doc = _doc(outputs, name)
    for s in doc.sections:
        assert s.different_first_page_header_footer, "titlePg must hide the number on page 1"
        assert not s.first_page_header.is_linked_to_previous or s is not doc.sections[0]
        assert all(not p.text.strip() for p in s.first_page_header.paragraphs)
        xml = s.header._element.xml
        assert "PAGE" in xml and ("fldSimple" in xml or "instrText" in xml)
        centered = [p for p in s.header.paragraphs if p.alignment is not None and p.alignment == 1
                    or (p.style.paragraph_format.alignment == 1)]
        assert centered, "page number paragraph must be centered"
        pg = s._sectPr.find(qn("w:pgNumType"))
        assert pg is not None and pg.get(qn("w:start")) == "1", "each document numbered on its own"
        assert "PAGE" not in s.footer._element.xml


def _style_size(p):
    style = p.style
    while style is not None:
        if style.font.size:
            return style.font.size.pt
        style = style.base_style
    return None


def _bold(p):
    runs = [r for r in p.runs if r.text.strip()]
    assert runs, f"no text run in {p.text!r}"
    def style_bold(st):
        while st is not None:
            if st.font.bold is not None:
                return st.font.bold
            st = st.base_style
        return False
    return all((r.bold if r.bold is not None else style_bold(p.style)) for r in runs)


def test_header_elements_sizes_and_styles(outputs):
    doc = _doc(outputs, "quyet-dinh.docx")
    header = doc.tables[0]
    cells = {c.text.strip(): c for row in header.rows for c in row.cells}
    texts = [p for c in header._cells for p in c.paragraphs if p.text.strip()]
    by_text = {p.text: p for p in texts}
    qh = by_text["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]
    tn = by_text["Độc lập - Tự do - Hạnh phúc"]
    assert _style_size(qh) == 13 and _bold(qh)
    assert _style_size(tn) == 14 and _bold(tn)
    body = by_text["THỊ XÃ HOÀI NHƠN"]
    assert _style_size(body) == 13 and _bold(body)
    so = next(p for p in texts if p.text.startswith("Số:"))
    assert _style_size(so) == 13 and not _bold(so)
    date = next(p for p in texts if p.text.startswith("Hoài Nhơn, ngày"))
    assert _style_size(date) == 14 and date.style.font.italic
    assert cells  # the header is a table


def test_appendix_header_row_repeats(outputs):
    doc = _doc(outputs, "phu-luc.docx")
    table = doc.tables[-1]
    first = table.rows[0]._tr
    assert first.trPr is not None and first.trPr.find(qn("w:tblHeader")) is not None
    assert [c.text for c in table.rows[0].cells][:2] == ["TT", "Nhiệm vụ"]
    group = table.rows[1]._tr
    spans = [tc.tcPr.find(qn("w:gridSpan")) for tc in group.tc_lst if tc.tcPr is not None]
    assert any(s is not None and s.get(qn("w:val")) == "6" for s in spans), "group rows span the table"
