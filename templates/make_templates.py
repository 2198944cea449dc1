"""Regenerate the three docxtpl templates: quyet-dinh.docx, ke-hoach.docx, phu-luc.docx.

Run: python templates/make_templates.py [--out DIR]

The output is byte-identical on every run: fixed zip timestamps and entry order, fixed core
properties, no rsids. python-docx gives the package scaffold (sections, header parts and their
relationships); the styles, settings and the body are written as WordprocessingML with lxml.

Contract: docs/architecture.md (template contexts and paragraph style names). Layout rules:
Decree 30/2020/ND-CP (see /work/shared/reference/nd30.md). Every text format lives in a named
paragraph style; only positional things (the length of the short rules, table geometry, the
centering of the TT cells) are direct formatting.
"""
from __future__ import annotations

import argparse
import io
import sys
import zipfile
from datetime import datetime, timezone
from pathlib import Path

import docx
from lxml import etree

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from docgen import doctypes  # noqa: E402
from docgen.doctypes import template_names  # noqa: E402
from docgen.vn.metrics import text_width_mm  # noqa: E402

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
XML_NS = "http://www.w3.org/XML/1998/namespace"
NSDECL = f'xmlns:w="{W_NS}" xmlns:r="{R_NS}"'

FONT = "Times New Roman"
FIXED_TIME = datetime(2021, 1, 1, tzinfo=timezone.utc)
ZIP_TIME = (2021, 1, 1, 0, 0, 0)


def mm(x: float) -> int:
    """Millimetres to twips."""
    return round(x * 1440 / 25.4)


# ---------------------------------------------------------------------------------------------
# Page geometry (nd30.md §1: T/B 20-25, L 30-35, R 15-20 mm)
PAGE_W, PAGE_H = 11906, 16838
MARGIN = {"top": mm(20), "bottom": mm(20), "left": mm(30), "right": mm(15)}  # 1134/1134/1701/850
HEADER_DIST = mm(10)  # 567
FOOTER_DIST = mm(10)
TEXT_W_PORTRAIT = PAGE_W - MARGIN["left"] - MARGIN["right"]  # 9355 = 165.0 mm
TEXT_W_LANDSCAPE = PAGE_H - MARGIN["left"] - MARGIN["right"]  # 14287 = 252.0 mm

CELL_MAR = 108  # Word's default left/right cell padding (1.9 mm)

# Header table (nd30.md §3.3; samples are 60-69 mm | 95-103 mm, poking a few mm into the margins).
# Right column: the Quốc hiệu (13 pt bold) is 95.7 mm; 102 mm - 2 x 1.9 mm padding = 98.2 mm text.
# Left column: "PHƯỜNG HOÀI THANH TÂY" (13 pt bold) is 62.6 mm; 68 mm - 3.8 mm = 64.2 mm text.
HDR_LEFT = mm(68)
HDR_RIGHT = mm(102)
HDR_IND = -mm(2.5)  # 170 mm table on a 165 mm text width: 2.5 mm into each margin

# Nơi nhận | signature table, about 38 : 62; the Nơi nhận text starts at the left margin.
SIG_LEFT = mm(62)
SIG_RIGHT = TEXT_W_PORTRAIT - SIG_LEFT + CELL_MAR
SIG_IND = -CELL_MAR

# Appendix task table columns (mm), total = landscape text width 252 mm.
PL_COLS_MM = [12, 74, 42, 34, 34, 36]  # TT, Nhiệm vụ, Sản phẩm, Chủ trì, Phối hợp, Thời gian
PL_COLS = [mm(x) for x in PL_COLS_MM]
PL_COLS.append(TEXT_W_LANDSCAPE - sum(PL_COLS))  # Ghi chú (about 20 mm)

# Short rules ("Duong ke").
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"
TIEU_NGU_LINE = mm(text_width_mm(TIEU_NGU, 14, bold=True))  # 60.5 mm, same length as the text
BODY_NAME_LINE = mm(20)  # 1/3-1/2 of a body name line (e.g. "THỊ XÃ HOÀI NHƠN" 44.5 mm)
TRICH_YEU_LINE = mm(40)  # 1/3-1/2 of a trích yếu line (about 100 mm)


# ---------------------------------------------------------------------------------------------
# Styles

def _rpr(size=None, bold=False, italic=False) -> str:
    out = ""
    if bold:
        out += "<w:b/><w:bCs/>"
    if italic:
        out += "<w:i/><w:iCs/>"
    if size is not None:
        out += f'<w:sz w:val="{int(size * 2)}"/><w:szCs w:val="{int(size * 2)}"/>'
    return out


def _ppr(jc=None, before=0, after=0, line=240, first=None, left=None, right=None,
         keep_next=False, extra="") -> str:
    out = ""
    if keep_next:
        out += "<w:keepNext/>"
    out += extra
    out += f'<w:spacing w:before="{before}" w:after="{after}" w:line="{line}" w:lineRule="auto"/>'
    ind = ""
    if left is not None:
        ind += f' w:left="{left}"'
    if right is not None:
        ind += f' w:right="{right}"'
    if first is not None:
        ind += f' w:firstLine="{first}"'
    if ind:
        out += f"<w:ind{ind}/>"
    if jc:
        out += f'<w:jc w:val="{jc}"/>'
    return out


def _pstyle(name, ppr="", rpr="", based_on="Normal", next_=None, sid=None) -> str:
    sid = sid or name.replace(" ", "")
    nxt = f'<w:next w:val="{next_}"/>' if next_ else ""
    return (
        f'<w:style w:type="paragraph" w:customStyle="1" w:styleId="{sid}">'
        f'<w:name w:val="{name}"/><w:basedOn w:val="{based_on}"/>{nxt}<w:qFormat/>'
        f"<w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>"
    )


def sid(name: str) -> str:
    return name.replace(" ", "")


BODY_LINE = 276  # 1.15 lines (Decree 30: single to 1.5 lines)
BODY_PPR = dict(jc="both", before=120, after=0, line=BODY_LINE, first=720)  # 6 pt, 1.27 cm
RULE_BORDER = ('<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="000000"/>'
               "</w:pBdr>")

STYLES = [
    # header block
    ("Co quan chu quan", _ppr(jc="center"), _rpr(13)),
    ("Co quan", _ppr(jc="center"), _rpr(13, bold=True)),
    ("Quoc hieu", _ppr(jc="center"), _rpr(13, bold=True)),
    ("Tieu ngu", _ppr(jc="center"), _rpr(14, bold=True)),
    ("Duong ke", _ppr(jc="center", line=240, extra=RULE_BORDER, keep_next=False), _rpr(4)),
    ("So ky hieu", _ppr(jc="center", before=120), _rpr(13)),
    ("Dia danh ngay", _ppr(jc="center", before=120), _rpr(14, italic=True)),
    # title block
    ("Ten loai", _ppr(jc="center", before=360, keep_next=True), _rpr(14, bold=True)),
    ("Trich yeu", _ppr(jc="center", keep_next=True), _rpr(14, bold=True)),
    ("Kem theo", _ppr(jc="center", keep_next=True), _rpr(14, italic=True)),
    ("Tham quyen", _ppr(jc="center", before=240, after=120, keep_next=True), _rpr(14, bold=True)),
    # body
    ("Noi dung", _ppr(**BODY_PPR), _rpr(14)),
    ("Can cu", _ppr(**BODY_PPR), _rpr(14, italic=True)),
    ("Quyet dinh", _ppr(jc="center", before=240, after=120, keep_next=True), _rpr(14, bold=True)),
    ("Dieu", _ppr(**BODY_PPR), _rpr(14)),
    ("Gach dau dong", _ppr(**BODY_PPR), _rpr(14)),
    ("Muc", _ppr(**{**BODY_PPR, "keep_next": True}), _rpr(14, bold=True)),
    ("Khoan", _ppr(**{**BODY_PPR, "keep_next": True}), _rpr(14, bold=True)),
    ("Diem", _ppr(**{**BODY_PPR, "keep_next": True}), _rpr(14, italic=True)),
    # closing block
    ("Noi nhan tieu de", _ppr(jc="left"), _rpr(12, bold=True, italic=True)),
    ("Noi nhan", _ppr(jc="left"), _rpr(11)),
    ("Chuc vu ky", _ppr(jc="center"), _rpr(14, bold=True)),
    ("Ho ten ky", _ppr(jc="center", before=1680), _rpr(14, bold=True)),  # ~30 mm for signature
    # appendix
    ("Phu luc so", _ppr(jc="center", keep_next=True), _rpr(14, bold=True)),
    ("Phu luc tieu de", _ppr(jc="center", keep_next=True), _rpr(14, bold=True)),
    ("Bang tieu de", _ppr(jc="center", before=60, after=60), _rpr(12, bold=True)),
    ("Bang nhom", _ppr(jc="left", before=60, after=60), _rpr(12, bold=True)),
    ("Bang noi dung", _ppr(jc="left", before=60, after=60), _rpr(12)),
]
STYLE_NAMES = [s[0] for s in STYLES]


def styles_xml() -> bytes:
    fonts = f'<w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:eastAsia="{FONT}" w:cs="{FONT}"/>'
    base_rpr = (f'{fonts}<w:color w:val="000000"/><w:sz w:val="28"/><w:szCs w:val="28"/>'
                '<w:lang w:val="vi-VN" w:eastAsia="en-US" w:bidi="ar-SA"/>')
    parts = [
        f'<w:styles {NSDECL}>',
        f"<w:docDefaults><w:rPrDefault><w:rPr>{base_rpr}</w:rPr></w:rPrDefault>"
        '<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/>'
        "</w:pPr></w:pPrDefault></w:docDefaults>",
        '<w:latentStyles w:defLockedState="0" w:defUIPriority="99" w:defSemiHidden="0" '
        'w:defUnhideWhenUsed="0" w:defQFormat="0" w:count="376"/>',
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
        f"<w:qFormat/><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr>"
        f"<w:rPr>{base_rpr}</w:rPr></w:style>",
        '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
        '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/>'
        "<w:unhideWhenUsed/></w:style>",
        '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>'
        '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr>'
        '<w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>'
        f'<w:left w:w="{CELL_MAR}" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/>'
        f'<w:right w:w="{CELL_MAR}" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>',
        '<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/>'
        '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>',
        # page number paragraph in the header: 14 pt upright, centered (nd30 §1)
        '<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/>'
        '<w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>'
        '<w:pPr><w:jc w:val="center"/></w:pPr><w:rPr><w:sz w:val="28"/><w:szCs w:val="28"/>'
        "</w:rPr></w:style>",
    ]
    for name, ppr, rpr in STYLES:
        parts.append(_pstyle(name, ppr, rpr))
    parts.append("</w:styles>")
    return "".join(parts).encode("utf-8")


def settings_xml() -> str:
    return (
        f"<w:settings {NSDECL}>"
        '<w:zoom w:percent="100"/><w:defaultTabStop w:val="720"/>'
        '<w:characterSpacingControl w:val="doNotCompress"/>'
        "<w:compat>"
        '<w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word"'
        ' w:val="15"/>'
        '<w:compatSetting w:name="overrideTableStyleFontSizeAndJustification"'
        ' w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>'
        '<w:compatSetting w:name="enableOpenTypeFeatures" w:uri="http://schemas.microsoft.com/office/word"'
        ' w:val="1"/>'
        '<w:compatSetting w:name="doNotFlipMirrorIndents" w:uri="http://schemas.microsoft.com/office/word"'
        ' w:val="1"/>'
        "</w:compat>"
        '<w:decimalSymbol w:val=","/><w:listSeparator w:val=";"/>'
        "</w:settings>"
    )


# ---------------------------------------------------------------------------------------------
# Body building blocks (WordprocessingML strings)

def esc(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def run(text: str, rpr: str = "") -> str:
    rp = f"<w:rPr>{rpr}</w:rPr>" if rpr else ""
    return f'<w:r>{rp}<w:t xml:space="preserve">{esc(text)}</w:t></w:r>'


def p(style: str | None, *runs: str, ppr: str = "") -> str:
    ps = f'<w:pStyle w:val="{sid(style)}"/>' if style else ""
    pp = f"<w:pPr>{ps}{ppr}</w:pPr>" if (ps or ppr) else ""
    return f"<w:p>{pp}{''.join(runs)}</w:p>"


def pt(style: str | None, text: str, ppr: str = "") -> str:
    """A paragraph with one run holding ``text`` (a jinja tag or fixed text)."""
    return p(style, run(text), ppr=ppr)


def tag(t: str) -> str:
    """A docxtpl control paragraph such as ``{%p for x in y %}`` (removed on render)."""
    return p(None, run(t))


def rule(width_twips: int, avail_twips: int, after: int | None = None) -> str:
    """A centered short line: a ``Duong ke`` paragraph whose bottom border runs between indents.

    The length is positional (it depends on the column), so the indents are direct formatting;
    the line itself (weight, colour, the paragraph's height) lives in the ``Duong ke`` style.
    """
    ind = (avail_twips - width_twips) / 2
    left = int(ind)
    right = avail_twips - width_twips - left
    sp = f'<w:spacing w:after="{after}"/>' if after is not None else ""
    return p("Duong ke", ppr=f'{sp}<w:ind w:left="{left}" w:right="{right}"/>')


def rule_for(var: str, avail_twips: int, after: int | None = None) -> str:
    """A short line whose length (twips) is the context value `var`: the renderer sizes it to
    1/3-1/2 of the text above (docgen/render/context.py); same indents as `rule`."""
    left = f"{{{{ ({avail_twips} - {var}) // 2 }}}}"
    right = f"{{{{ {avail_twips} - {var} - ({avail_twips} - {var}) // 2 }}}}"
    sp = f'<w:spacing w:after="{after}"/>' if after is not None else ""
    return p("Duong ke", ppr=f'{sp}<w:ind w:left="{left}" w:right="{right}"/>')


NO_BORDERS = ("<w:tblBorders>" + "".join(
    f'<w:{e} w:val="nil"/>' for e in ("top", "left", "bottom", "right", "insideH", "insideV")
) + "</w:tblBorders>")
GRID_BORDERS = ("<w:tblBorders>" + "".join(
    f'<w:{e} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
    for e in ("top", "left", "bottom", "right", "insideH", "insideV")
) + "</w:tblBorders>")


def tbl(widths: list[int], rows: list[str], ind: int = 0, borders: str = NO_BORDERS,
        top_mar: int = 0) -> str:
    total = sum(widths)
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    return (
        "<w:tbl><w:tblPr>"
        f'<w:tblW w:w="{total}" w:type="dxa"/><w:tblInd w:w="{ind}" w:type="dxa"/>{borders}'
        '<w:tblLayout w:type="fixed"/>'
        f'<w:tblCellMar><w:top w:w="{top_mar}" w:type="dxa"/><w:left w:w="{CELL_MAR}" w:type="dxa"/>'
        f'<w:bottom w:w="0" w:type="dxa"/><w:right w:w="{CELL_MAR}" w:type="dxa"/></w:tblCellMar>'
        '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0"'
        ' w:noHBand="1" w:noVBand="1"/>'
        f"</w:tblPr><w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"
    )


def tc(width: int, content: str, span: int = 1, valign: str | None = None) -> str:
    gs = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
    va = f'<w:vAlign w:val="{valign}"/>' if valign else ""
    return f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{gs}{va}</w:tcPr>{content}</w:tc>'


def tr(*cells: str, header: bool = False, cant_split: bool = False) -> str:
    trpr = ""
    if cant_split:
        trpr += "<w:cantSplit/>"
    if header:
        trpr += "<w:tblHeader/>"
    trpr = f"<w:trPr>{trpr}</w:trPr>" if trpr else ""
    return f"<w:tr>{trpr}{''.join(cells)}</w:tr>"


def tag_row(t: str, widths: list[int]) -> str:
    """A docxtpl ``{%tr … %}`` row (the whole row is replaced by the tag on render)."""
    cells = [tc(widths[0], pt(None, t))]
    rest = sum(widths[1:])
    if len(widths) > 1:
        cells.append(tc(rest, p(None), span=len(widths) - 1))
    return tr(*cells)


# Word always keeps a paragraph after a table that ends the body; make it explicit and 1 pt
# high so that a signature or table ending near the bottom of a page never pushes a blank page.
END_P = ('<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>'
         '<w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr></w:pPr></w:p>')


# ---------------------------------------------------------------------------------------------
# Blocks shared by the templates

def header_table() -> str:
    wl, wr = HDR_LEFT, HDR_RIGHT
    left = (
        tag("{%p for l in co_quan_chu_quan %}")
        + pt("Co quan chu quan", "{{ l }}")
        + tag("{%p endfor %}")
        + tag("{%p for l in co_quan_ten %}")
        + pt("Co quan", "{{ l }}")
        + tag("{%p endfor %}")
        + rule_for("ke_co_quan", wl - 2 * CELL_MAR)
    )
    right = (
        pt("Quoc hieu", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
        + pt("Tieu ngu", TIEU_NGU)
        + rule(TIEU_NGU_LINE, wr - 2 * CELL_MAR)
    )
    rows = [
        tr(tc(wl, left), tc(wr, right)),
        tag_row("{%tr if so %}", [wl, wr]),
        tr(tc(wl, pt("So ky hieu", "{{ so }}")), tc(wr, pt("Dia danh ngay", "{{ dia_danh_ngay }}"))),
        tag_row("{%tr endif %}", [wl, wr]),
    ]
    return tbl([wl, wr], rows, ind=HDR_IND)


def signature_table() -> str:
    wl, wr = SIG_LEFT, SIG_RIGHT
    left = (
        tag("{%p if noi_nhan %}")
        + pt("Noi nhan tieu de", "Nơi nhận:")
        + tag("{%p for n in noi_nhan %}")
        + pt("Noi nhan", "{{ n }}")
        + tag("{%p endfor %}")
        + tag("{%p else %}")
        + p("Noi nhan")
        + tag("{%p endif %}")
    )
    right = (
        tag("{%p for l in nguoi_ky.dong %}")
        + pt("Chuc vu ky", "{{ l }}")
        + tag("{%p endfor %}")
        + pt("Ho ten ky", "{{ nguoi_ky.ho_ten }}")
    )
    return (
        tag("{%p if nguoi_ky %}")
        + tbl([wl, wr], [tr(tc(wl, left), tc(wr, right), cant_split=True)], ind=SIG_IND,
              top_mar=240)
        + tag("{%p endif %}")
        + END_P
    )


def title_block(with_kem_theo: bool, avail: int) -> str:
    out = pt("Ten loai", "{{ ten_loai }}") + pt("Trich yeu", "{{ trich_yeu }}")
    if with_kem_theo:
        out += tag("{%p if kem_theo %}") + pt("Kem theo", "{{ kem_theo }}") + tag("{%p endif %}")
    return out + rule_for("ke_trich_yeu", avail, after=120)


def body_quyet_dinh() -> str:
    return (
        header_table()
        + title_block(False, TEXT_W_PORTRAIT)
        + pt("Tham quyen", "{{ tham_quyen }}")
        + tag("{%p for c in can_cu %}")
        + pt("Can cu", "{{ c }}")
        + tag("{%p endfor %}")
        + pt("Quyet dinh", "QUYẾT ĐỊNH:")
        + tag("{%p for d in dieu %}")
        + p("Dieu", run("{{ d.so }}", "<w:b/><w:bCs/>"), run(" {{ d.noi_dung }}"))
        + tag("{%p for k in d.khoan %}")          # clauses "1. …" and points "a) …" (schema-13 §B)
        + pt("Noi dung", "{{ k.noi_dung }}")
        + tag("{%p endfor %}")
        + tag("{%p endfor %}")
        + signature_table()
    )


def body_ke_hoach() -> str:
    heading = "{% if b.so %}{{ b.so }} {% endif %}{{ b.noi_dung }}"
    return (
        header_table()
        + title_block(True, TEXT_W_PORTRAIT)
        + tag("{%p for c in can_cu %}")
        + pt("Can cu", "{{ c }}")
        + tag("{%p endfor %}")
        + tag("{%p for b in khoi %}")
        + tag('{%p if b.kieu == "muc" %}')
        + pt("Muc", heading)
        + tag('{%p elif b.kieu == "khoan" %}')
        + pt("Khoan", heading)
        + tag('{%p elif b.kieu == "diem" %}')
        + pt("Diem", heading)
        + tag('{%p elif b.kieu == "gach" %}')
        + pt("Gach dau dong", "{{ b.noi_dung }}")
        + tag("{%p else %}")
        + pt("Noi dung", "{{ b.noi_dung }}")
        + tag("{%p endif %}")
        + tag("{%p endfor %}")
        + signature_table()
    )


# an appendix title may hold "\n": one centred bold line each (ld07, ld08; schema-13 §C)
TITLE_LINES = (tag('{%p for l in tieu_de.split("\\n") %}') + pt("Phu luc tieu de", "{{ l }}")
               + tag("{%p endfor %}"))


def body_phu_luc() -> str:
    w = PL_COLS
    center = '<w:jc w:val="center"/>'
    head = tr(*[tc(w[i], pt("Bang tieu de", "{{ cot[%d] }}" % i), valign="center")
                for i in range(7)], header=True, cant_split=True)

    def lines(expr: str, var: str) -> str:
        return (tag("{%%p for %s in %s %%}" % (var, expr))
                + pt("Bang noi dung", "{{ %s }}" % var)
                + tag("{%p else %}") + p("Bang noi dung")
                + tag("{%p endfor %}"))

    group = tr(tc(w[0], pt("Bang nhom", "{{ g.so }}", ppr=center)),
               tc(sum(w[1:]), pt("Bang nhom", "{{ g.ten }}"), span=6))
    task = tr(
        tc(w[0], pt("Bang noi dung", "{{ t.tt }}", ppr=center)),
        tc(w[1], pt("Bang noi dung", "{{ t.nhiem_vu }}")),
        tc(w[2], lines("t.san_pham", "s")),
        tc(w[3], pt("Bang noi dung", "{{ t.chu_tri }}")),
        tc(w[4], pt("Bang noi dung", "{{ t.phoi_hop }}")),
        tc(w[5], lines("t.thoi_gian", "s")),
        tc(w[6], pt("Bang noi dung", "{{ t.ghi_chu }}")),
    )
    rows = [
        head,
        tag_row("{%tr for g in nhom %}", w),
        group,
        tag_row("{%tr for t in g.nhiem_vu %}", w),
        task,
        tag_row("{%tr endfor %}", w),
        tag_row("{%tr endfor %}", w),
    ]
    return (
        pt("Phu luc so", "{{ phu_luc_so }}")
        + TITLE_LINES
        + pt("Kem theo", "{{ kem_theo }}")
        + rule(TRICH_YEU_LINE, TEXT_W_LANDSCAPE, after=240)  # room before the table
        + tbl(w, rows, ind=0, borders=GRID_BORDERS)
        + END_P
    )


def cell_loop(style: str, cant_split: bool = False, header: bool = False) -> str:
    """A row of the column-declared appendix: one cell per entry of `r.o` ({%tc for %}), each
    `{w: twips, span: grid columns, can: "left"|"center", gop: ""|"dau"|"tiep", dong: [lines]}`
    (docgen/render/table.py; `gop` is the vertical merge of a task printed over several rows)."""
    body = ('<w:tc><w:tcPr><w:tcW w:w="{{ c.w }}" w:type="dxa"/><w:gridSpan w:val="{{ c.span }}"/>'
            # a task printed over several rows: its TT and Nhiệm vụ cells merge vertically
            '{% if c.gop == "dau" %}<w:vMerge w:val="restart"/>{% elif c.gop %}<w:vMerge/>{% endif %}'
            '<w:vAlign w:val="{{ c.doc }}"/></w:tcPr>'
            + tag("{%p for l in c.dong %}")
            + pt(style, "{{ l }}", ppr='<w:jc w:val="{{ c.can }}"/>')
            + tag("{%p else %}") + p(style) + tag("{%p endfor %}") + "</w:tc>")
    return tr(tc(1000, pt(None, "{%tc for c in r.o %}")), body, tc(1000, pt(None, "{%tc endfor %}")),
              header=header, cant_split=cant_split)


def appendix_rule_ppr() -> str:
    """The line under an appendix's "(Kèm theo …)": TRICH_YEU_LINE long, centred in the text
    width of the section (`trang.rong`, portrait or landscape)."""
    line = TRICH_YEU_LINE
    return (f'<w:spacing w:after="240"/><w:ind w:left="{{{{ (trang.rong - {line}) // 2 }}}}"'
            f' w:right="{{{{ trang.rong - {line} - (trang.rong - {line}) // 2 }}}}"/>')


def body_phu_luc_cot() -> str:
    """The appendix with declared columns: widths, orientation and rows come from the context
    (`trang`, `rong`, `dau`, `hang`), so one template serves any set of known columns."""
    table = loop_table("", "trang.rong", "r.nhom", cant_split_body=False)
    rule_ppr = appendix_rule_ppr()
    return (
        pt("Phu luc so", "{{ phu_luc_so }}")
        + TITLE_LINES
        + pt("Kem theo", "{{ kem_theo }}")
        + p("Duong ke", ppr=rule_ppr)
        + table
        + END_P
    )


def loop_table(ctx: str, width: str, flag: str, cant_split_body: bool) -> str:
    """A table whose grid, header rows and body rows all come from the context: `<ctx>rong`
    (grid widths, twips), `<ctx>dau` (header rows, repeated on every page), `<ctx>hang` (rows:
    those with `flag` set in the group style; `cant_split_body`: body rows never split across pages); `width` the table width. Shared by the appendix
    with declared columns and the free tables of a free-content appendix."""
    grid = f'{{% for w in {ctx}rong %}}<w:gridCol w:w="{{{{ w }}}}"/>{{% endfor %}}'
    rows = [
        tag_row(f"{{%tr for r in {ctx}dau %}}", [1000]), cell_loop("Bang tieu de", True, True),
        tag_row("{%tr endfor %}", [1000]),
        tag_row(f"{{%tr for r in {ctx}hang %}}", [1000]),
        tag_row(f"{{%tr if {flag} %}}", [1000]), cell_loop("Bang nhom", True),
        tag_row("{%tr else %}", [1000]), cell_loop("Bang noi dung", cant_split_body),
        tag_row("{%tr endif %}", [1000]),
        tag_row("{%tr endfor %}", [1000]),
    ]
    return (
        f'<w:tbl><w:tblPr><w:tblW w:w="{{{{ {width} }}}}" w:type="dxa"/><w:tblInd w:w="0" w:type="dxa"/>'
        f'{GRID_BORDERS}<w:tblLayout w:type="fixed"/>'
        f'<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="{CELL_MAR}" w:type="dxa"/>'
        f'<w:bottom w:w="0" w:type="dxa"/><w:right w:w="{CELL_MAR}" w:type="dxa"/></w:tblCellMar>'
        '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0"'
        ' w:noHBand="1" w:noVBand="1"/>'
        f"</w:tblPr><w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"
    )


def body_phu_luc_nd() -> str:
    """A free-content appendix (schema-13 §C): title lines, the blocks of a plan body, and free
    tables (`b.rong` grid widths, `b.dau` the repeated header row, `b.hang` rows, `r.dam` bold),
    from the context of docgen/render/context.py `phu_luc_noi_dung`."""
    heading = "{% if b.so %}{{ b.so }} {% endif %}{{ b.noi_dung }}"
    table = loop_table("b.", "b.tong", "r.dam", cant_split_body=True)
    rule_ppr = appendix_rule_ppr()
    return (
        pt("Phu luc so", "{{ phu_luc_so }}")
        + tag("{%p for l in tieu_de %}") + pt("Phu luc tieu de", "{{ l }}") + tag("{%p endfor %}")
        + pt("Kem theo", "{{ kem_theo }}")
        + p("Duong ke", ppr=rule_ppr)
        + tag("{%p for b in khoi %}")
        + tag('{%p if b.kieu == "bang" %}')
        + table
        + tag("{%p if b.cach %}") + p("Bang noi dung") + tag("{%p endif %}")
        + tag('{%p elif b.kieu == "muc" %}') + pt("Muc", heading)
        + tag('{%p elif b.kieu == "khoan" %}') + pt("Khoan", heading)
        + tag('{%p elif b.kieu == "diem" %}') + pt("Diem", heading)
        + tag('{%p elif b.kieu == "gach" %}') + pt("Gach dau dong", "{{ b.noi_dung }}")
        + tag("{%p else %}") + pt("Noi dung", "{{ b.noi_dung }}")
        + tag("{%p endif %}")
        + tag("{%p endfor %}")
        + END_P
    )


PAGE_FIELD = (
    '<w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr>'
    '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
    '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
    '<w:r><w:t>2</w:t></w:r>'
    '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
)
EMPTY_HEADER_P = '<w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr></w:p>'


# ---------------------------------------------------------------------------------------------
# Package assembly

def _frag(xml: str) -> list[etree._Element]:
    root = etree.fromstring(f"<w:root {NSDECL}>{xml}</w:root>".encode())
    return list(root)


def _set_children(el, xml: str, keep_tail_tag: str | None = None) -> None:
    keep = [c for c in el if keep_tail_tag and c.tag == f"{{{W_NS}}}{keep_tail_tag}"]
    for c in list(el):
        el.remove(c)
    for c in _frag(xml):
        el.append(c)
    for c in keep:
        el.append(c)


def _strip_rsids(root) -> None:
    for el in root.iter():
        for a in list(el.attrib):
            if a.startswith(f"{{{W_NS}}}rsid"):
                del el.attrib[a]


DROP_RELTYPES = ("stylesWithEffects", "webSettings", "theme", "customXml", "numbering",
                 "fontTable", "thumbnail")


def build(kind: str) -> bytes:
    d = docx.Document()
    # drop the default template's bloat (theme, stylesWithEffects, customXml, thumbnail, …)
    for rels in (d.part.rels, d.part.package.rels):
        for rid, rel in list(rels.items()):
            if rel.reltype.rsplit("/", 1)[-1] in DROP_RELTYPES:
                rels.pop(rid)

    # styles and settings
    styles_part = d.part._styles_part
    styles_part._element = etree.fromstring(styles_xml(),
                                            parser=docx.oxml.parser.oxml_parser)
    settings_el = d.settings.element
    _set_children(settings_el, settings_xml()[len(f"<w:settings {NSDECL}>"):-len("</w:settings>")])

    # section: A4, margins, header distance, own numbering from 1, different first page
    landscape = kind == "phu-luc"
    sec = d.sections[0]
    sect = sec._sectPr
    w_, h_ = (PAGE_H, PAGE_W) if landscape else (PAGE_W, PAGE_H)
    sec.different_first_page_header_footer = True
    sec.header.is_linked_to_previous = False
    sec.first_page_header.is_linked_to_previous = False
    _set_children(sec.header._element, PAGE_FIELD)
    _set_children(sec.first_page_header._element, EMPTY_HEADER_P)
    hdr_refs = [c for c in sect if c.tag == f"{{{W_NS}}}headerReference"]
    for c in list(sect):
        sect.remove(c)
    for c in sorted(hdr_refs, key=lambda e: e.get(f"{{{W_NS}}}type")):
        sect.append(c)
    orient = ' w:orient="landscape"' if landscape else ""
    page = f'<w:pgSz w:w="{w_}" w:h="{h_}"{orient}/>'
    if kind in ("phu-luc-cot", "phu-luc-nd"):   # orientation from the context: landscape when the table is wide
        page = '<w:pgSz w:w="{{ trang.w }}" w:h="{{ trang.h }}" w:orient="{{ trang.huong }}"/>'
    for c in _frag(
        f'{page}'
        f'<w:pgMar w:top="{MARGIN["top"]}" w:right="{MARGIN["right"]}" w:bottom="{MARGIN["bottom"]}"'
        f' w:left="{MARGIN["left"]}" w:header="{HEADER_DIST}" w:footer="{FOOTER_DIST}" w:gutter="0"/>'
        '<w:pgNumType w:start="1"/><w:cols w:space="720"/><w:titlePg/>'
        '<w:docGrid w:linePitch="360"/>'
    ):
        sect.append(c)

    if kind not in BODIES:
        raise SystemExit(f"make_templates.py: no body for template {kind!r} (docgen/doctypes.py names it)")
    body = BODIES[kind]()
    _set_children(d.element.body, body, keep_tail_tag="sectPr")

    # fixed core properties
    cp = d.core_properties
    cp.author = "docgen"
    cp.last_modified_by = "docgen"
    cp.title = TITLES.get(kind) or next(d.ten for d in doctypes.DOCTYPES if kind in d.mau)
    cp.subject = ""
    cp.keywords = ""
    cp.comments = "Mẫu docgen theo Nghị định 30/2020/NĐ-CP; tạo bởi templates/make_templates.py"
    cp.category = ""
    cp.revision = 1
    cp.created = FIXED_TIME
    cp.modified = FIXED_TIME
    cp.last_printed = FIXED_TIME
    cp.language = "vi-VN"

    for part in d.part.package.iter_parts():
        el = getattr(part, "_element", None)
        if el is not None:
            _strip_rsids(el)

    buf = io.BytesIO()
    d.save(buf)
    return _normalise_zip(buf.getvalue())


def _normalise_zip(data: bytes) -> bytes:
    """Rewrite the package with fixed timestamps and a fixed entry order."""
    src = zipfile.ZipFile(io.BytesIO(data))
    names = src.namelist()
    first = ["[Content_Types].xml", "_rels/.rels"]
    order = [n for n in first if n in names] + sorted(n for n in names if n not in first)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for n in order:
            info = zipfile.ZipInfo(n, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 0
            z.writestr(info, APP_XML if n == "docProps/app.xml" else src.read(n))
    return out.getvalue()


APP_XML = (
    b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"'
    b' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    b"<Application>docgen</Application><DocSecurity>0</DocSecurity></Properties>"
)

TITLES = {"quyet-dinh": "Quyết định", "ke-hoach": "Kế hoạch", "phu-luc": "Phụ lục", "phu-luc-cot": "Phụ lục",
          "phu-luc-nd": "Phụ lục"}
BODIES = {"quyet-dinh": body_quyet_dinh, "ke-hoach": body_ke_hoach, "phu-luc": body_phu_luc,
          "phu-luc-cot": body_phu_luc_cot, "phu-luc-nd": body_phu_luc_nd}
KINDS = template_names()  # every template a document type names (docgen/doctypes.py)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=HERE, help="output folder (default: templates/)")
    a = ap.parse_args(argv)
    a.out.mkdir(parents=True, exist_ok=True)
    for kind in KINDS:
        path = a.out / f"{kind}.docx"
        path.write_bytes(build(kind))
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
