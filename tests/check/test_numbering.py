"""docgen.check.numbering: Word's automatic list labels as the page shows them."""
from __future__ import annotations

from lxml import etree

from docgen.check.numbering import Numbering, labels

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NUMBERING = f"""<w:numbering xmlns:w="{W}">
  <w:abstractNum w:abstractNumId="0">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2."/></w:lvl>
    <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3)"/></w:lvl>
    <w:lvl w:ilvl="3"><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/></w:lvl>
  </w:abstractNum>
  <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
  <w:num w:numId="2"><w:abstractNumId w:val="0"/>
    <w:lvlOverride w:ilvl="0"><w:startOverride w:val="4"/></w:lvlOverride></w:num>
</w:numbering>"""
STYLES = f"""<w:styles xmlns:w="{W}"><w:style w:type="paragraph" w:styleId="Khoan">
  <w:pPr><w:numPr><w:ilvl w:val="2"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style></w:styles>"""


def para(num_id: str | None, ilvl: int = 0, style: str | None = None):
    ppr = ""
    if style:
        ppr += f'<w:pStyle w:val="{style}"/>'
    if num_id is not None:
        ppr += f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'
    return etree.fromstring(f'<w:p xmlns:w="{W}"><w:pPr>{ppr}</w:pPr></w:p>')


def test_levels_count_restart_and_override():
    nb = Numbering(etree.fromstring(NUMBERING), etree.fromstring(STYLES))
    seq = [para("1", 0), para("1", 1), para("1", 1), para("1", 2), para("1", 2), para("1", 3),
           para("1", 0), para("1", 1), para(None, style="Khoan"), para("2", 0), para("0", 0), para(None)]
    assert [nb.label(p) for p in seq] == ["I.", "I.1.", "I.2.", "a)", "b)", "", "II.", "II.1.", "a)",
                                          "IV.", "", ""]
    assert nb.bullet(para("1", 3)) and not nb.bullet(para("1", 2))


def test_no_numbering_part():
    assert Numbering(None).label(para("1", 0)) == ""


def test_labels_of_a_real_plan():
    from docgen.check import read_input
    from docgen.check.docmodel import build_model
    from docgen.check.reader import read_docx_bytes
    from tests.nhap.docs import LD09, real

    path = real(LD09)
    model = build_model(read_docx_bytes(read_input(path), path.name))
    found = labels(model)
    got = [(p.where, found[id(p.el)]) for p in model.paras if id(p.el) in found]
    assert got[:2] == [("đoạn 10", "1."), ("đoạn 22", "2.")]
    assert got[7:] == [("đoạn 123", "a)"), ("đoạn 124", "b)"), ("đoạn 125", "c)"), ("đoạn 127", "a)"),
                       ("đoạn 128", "b)")]
