"""Effective formatting: style chains, document defaults, toggles, theme fonts."""
from __future__ import annotations

from lxml import etree

from docgen.check.effective import Styles

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"

STYLES = f"""<w:styles xmlns:w="{W}">
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:asciiTheme="minorHAnsi" w:hAnsiTheme="minorHAnsi"/>
<w:sz w:val="22"/></w:rPr></w:rPrDefault>
<w:pPrDefault><w:pPr><w:spacing w:after="200"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:rPr><w:sz w:val="28"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Head"><w:basedOn w:val="Normal"/>
  <w:pPr><w:jc w:val="center"/><w:ind w:firstLine="567"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Head2"><w:basedOn w:val="Head"/>
  <w:pPr><w:ind w:hanging="200"/></w:pPr><w:rPr><w:b/><w:rFonts w:ascii="Arial" w:hAnsi="Arial"/></w:rPr></w:style>
<w:style w:type="character" w:styleId="Strong"><w:rPr><w:b/></w:rPr></w:style>
</w:styles>"""
THEME = f"""<a:theme xmlns:a="{A}"><a:themeElements><a:fontScheme>
<a:majorFont><a:latin typeface="Calibri Light"/><a:ea typeface=""/><a:cs typeface=""/></a:majorFont>
<a:minorFont><a:latin typeface="Calibri"/><a:ea typeface=""/><a:cs typeface=""/></a:minorFont>
</a:fontScheme></a:themeElements></a:theme>"""


def _styles():
    return Styles(etree.fromstring(STYLES), etree.fromstring(THEME))


def _run(xml: str):
    return etree.fromstring(f'<w:r xmlns:w="{W}">{xml}<w:t>x</w:t></w:r>')


def test_defaults_theme_and_size():
    rp = _styles().run(_run(""), "Normal", None)
    assert rp.fonts["ascii"] == "Calibri" and "ascii" in rp.theme_slots
    assert rp.size_pt == 14 and not rp.b


def test_based_on_chain_nearest_wins_and_fonts():
    s = _styles()
    rp = s.run(_run(""), "Head2", None)
    assert rp.b            # nearest definition in one style's chain wins (Word behaviour)
    assert rp.fonts["hAnsi"] == "Arial" and rp.size_pt == 14


def test_toggle_xor_between_paragraph_and_character_style():
    rp = _styles().run(_run('<w:rPr><w:rStyle w:val="Strong"/></w:rPr>'), "Head", None)
    assert rp.b is False   # bold paragraph style XOR bold character style


def test_direct_formatting_is_absolute():
    rp = _styles().run(_run('<w:rPr><w:rStyle w:val="Strong"/><w:b/></w:rPr>'), "Head", None)
    assert rp.b is True


def test_paragraph_indent_hanging_replaces_first_line():
    p = etree.fromstring(f'<w:p xmlns:w="{W}"><w:pPr><w:pStyle w:val="Head2"/></w:pPr></w:p>')
    pp = _styles().paragraph(p, None)
    assert pp.first_line == -200 and pp.jc == "center" and pp.after == 200


def test_no_styles_part_means_times_new_roman_10pt():
    rp = Styles(None, None).run(_run(""), None, None)
    assert rp.fonts["ascii"] == "Times New Roman" and rp.size_pt == 10
