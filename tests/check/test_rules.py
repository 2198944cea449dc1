"""For every rule: a document that breaks exactly that rule (made from a good one) makes that
rule fire, at the right place, and no other error fire."""
from __future__ import annotations

import unicodedata

import pytest
from lxml import etree

from docgen.check import check_docx_bytes
from docgen.check.finding import RULES
from tests.check.xmledit import W, find_para, mutate, para_text, set_ppr, set_rpr, set_text, w


def errors(data: bytes, name="t.docx"):
    return [f for f in check_docx_bytes(data, name) if f.is_error]


def only(data: bytes, code: str, where: str | None = None, severity="lỗi"):
    """Exactly the findings of `code` among the errors (or among all findings for a warning)."""
    found = check_docx_bytes(data, "t.docx")
    errs = [f for f in found if f.is_error]
    if severity == "lỗi":
        assert errs and {f.code for f in errs} == {code}, [str(f.message) for f in errs]
        hits = errs
    else:
        assert not errs, [f.message for f in errs]
        hits = [f for f in found if f.code == code and f.severity == severity]
        assert hits, [f.message for f in found]
    if where is not None:
        assert where in {f.where for f in hits}, [f.where for f in hits]
    return hits


def sect(root):
    return root.find(f"{w('body')}/{w('sectPr')}")


@pytest.mark.parametrize("name", ["quyet-dinh", "ke-hoach", "phu-luc", "tron-bo"])
def test_built_documents_have_no_errors(built, name):
    assert errors(built[name], name) == []


def test_page_size(built):
    def fn(root):
        sz = sect(root).find(w("pgSz"))
        sz.set(w("w"), "12240"), sz.set(w("h"), "15840")
    only(mutate(built["quyet-dinh"], fn=fn), "nd30.page-size", "mục 1")


def test_orientation_without_data_table(built):
    def fn(root):
        sz = sect(root).find(w("pgSz"))
        sz.set(w("w"), "16838"), sz.set(w("h"), "11906"), sz.set(w("orient"), "landscape")
    hits = only(mutate(built["quyet-dinh"], fn=fn), "nd30.orientation", "mục 1")
    assert hits[0].found == "chiều rộng"


def test_margin(built):
    def fn(root):
        sect(root).find(w("pgMar")).set(w("left"), "1418")
    hits = only(mutate(built["quyet-dinh"], fn=fn), "nd30.margin", "mục 1")
    assert "lề trái 25,0 mm" in hits[0].message and "30–35 mm" in hits[0].message


def test_page_number_on_first_page(built):
    def fn(root):
        sect(root).remove(sect(root).find(w("titlePg")))
    only(mutate(built["quyet-dinh"], fn=fn), "nd30.page-number", "mục 1")


def test_page_number_size(built):
    def fn(root):
        for r in root.iter(w("r")):
            set_rpr_run(r, '<w:sz w:val="24"/>')
    hits = only(mutate(built["quyet-dinh"], "word/header1.xml", fn), "nd30.page-number",
                "đầu trang mục 1")
    assert "12 pt" in hits[0].message


def set_rpr_run(r, xml):
    rpr = r.find(w("rPr"))
    if rpr is None:
        rpr = etree.Element(w("rPr"))
        r.insert(0, rpr)
    rpr.append(etree.fromstring(f'<x xmlns:w="{W}">{xml}</x>')[0])


FOOTER = (f'<w:ftr xmlns:w="{W}"><w:p><w:pPr><w:jc w:val="right"/></w:pPr><w:fldSimple '
          'w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p></w:ftr>').encode()


def test_page_number_in_footer(built):
    data = built["quyet-dinh"]
    import io
    import zipfile
    z = zipfile.ZipFile(io.BytesIO(data))
    rels = z.read("word/_rels/document.xml.rels").decode().replace(
        "</Relationships>", '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships/footer" Target="footer9.xml"/></Relationships>')

    def fn(root):
        ref = etree.SubElement(sect(root), w("footerReference"))
        ref.set(w("type"), "default")
        ref.set("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id", "rId99")
        sect(root).remove(ref)
        sect(root).insert(0, ref)
    data = mutate(data, fn=fn, extra={"word/footer9.xml": FOOTER,
                                      "word/_rels/document.xml.rels": rels.encode()})
    only(data, "nd30.page-number-footer", "chân trang mục 1")


def test_font(built):
    data = mutate(built["quyet-dinh"], fn=lambda r: set_rpr(
        find_para(r, "Điều 2."), '<w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:cs="Arial"/>'))
    hits = only(data, "nd30.font")
    assert hits[0].excerpt.startswith("Điều 2.") and hits[0].found == "Arial"


def test_font_legacy(built):
    data = mutate(built["quyet-dinh"], fn=lambda r: set_rpr(
        find_para(r, "Điều 2."), '<w:rFonts w:ascii=".VnTime" w:hAnsi=".VnTime" w:cs=".VnTime"/>'))
    hits = only(data, "nd30.font-legacy")
    assert hits[0].excerpt.startswith("Điều 2.")


def test_color(built):
    data = mutate(built["quyet-dinh"], fn=lambda r: set_rpr(find_para(r, "Điều 2."),
                                                             '<w:color w:val="FF0000"/>'))
    assert only(data, "nd30.color")[0].found == "#ff0000"


def test_nfd_text_is_a_warning(built):
    def fn(root):
        p = find_para(root, "Điều 2.")
        t = list(p.iter(w("t")))[-1]
        t.text = unicodedata.normalize("NFD", t.text)
    only(mutate(built["quyet-dinh"], fn=fn), "nd30.nfc", severity="cảnh báo")


def test_header_missing(built):
    data = mutate(built["quyet-dinh"], fn=lambda r: set_text(find_para(r, "CỘNG HÒA"), "VIỆT NAM"))
    only(data, "nd30.header-missing")


def test_quoc_hieu_not_bold(built):
    data = mutate(built["quyet-dinh"], fn=lambda r: set_rpr(find_para(r, "CỘNG HÒA"),
                                                             '<w:b w:val="0"/>'))
    hits = only(data, "nd30.quoc-hieu", "bảng 1, ô (1,2)")
    assert "không in đậm" in hits[0].message


def test_quoc_hieu_hoa_spelling_accepted(built):
    data = mutate(built["quyet-dinh"], fn=lambda r: set_text(
        find_para(r, "CỘNG HÒA"), "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"))
    assert errors(data) == []


def test_tieu_ngu_en_dash(built):
    data = mutate(built["quyet-dinh"], fn=lambda r: set_text(
        find_para(r, "Độc lập"), "Độc lập – Tự do – Hạnh phúc"))
    only(data, "nd30.tieu-ngu", "bảng 1, ô (1,2)")


def _drop_line_after(root, start):
    p = find_para(root, start)
    nxt = p.getnext()
    assert nxt is not None and para_text(nxt) == ""
    nxt.getparent().remove(nxt)


def test_tieu_ngu_line_missing(built):
    data = mutate(built["quyet-dinh"], fn=lambda r: _drop_line_after(r, "Độc lập"))
    only(data, "nd30.tieu-ngu-line", "bảng 1, ô (1,2)")


def test_co_quan_not_bold(built):
    data = mutate(built["quyet-dinh"], fn=lambda r: set_rpr(find_para(r, "THỊ XÃ HOÀI NHƠN"),
                                                             '<w:b w:val="0"/>'))
    only(data, "nd30.co-quan", "bảng 1, ô (1,1)")


def test_co_quan_line_missing(built):
    data = mutate(built["quyet-dinh"], fn=lambda r: _drop_line_after(r, "THỊ XÃ HOÀI NHƠN"))
    only(data, "nd30.co-quan-line", "bảng 1, ô (1,1)")


def test_so_without_leading_zero(built):
    data = mutate(built["quyet-dinh"], fn=lambda r: set_text(find_para(r, "Số:"), "Số: 5/QĐ-UBND"))
    hits = only(data, "nd30.so", "bảng 1, ô (2,1)")
    assert "số 0" in hits[0].message


def test_so_wrong_type_abbreviation(built):
    data = mutate(built["quyet-dinh"], fn=lambda r: set_text(find_para(r, "Số:"), "Số: 15/KH-UBND"))
    assert "QĐ" in only(data, "nd30.so")[0].message


def test_so_blank_number_in_draft_is_fine(built):
    data = mutate(built["quyet-dinh"], fn=lambda r: set_text(find_para(r, "Số:"), "Số: 15/QĐ-UBND"))
    assert errors(data) == []


def test_date_day_not_padded(built):
    data = mutate(built["quyet-dinh"], fn=lambda r: set_text(
        find_para(r, "Hoài Nhơn, ngày"), "Hoài Nhơn, ngày 5 tháng 12 năm 2020"))
    only(data, "nd30.ngay", "bảng 1, ô (2,2)")


def test_date_month_03_is_a_warning(built):
    data = mutate(built["quyet-dinh"], fn=lambda r: set_text(
        find_para(r, "Hoài Nhơn, ngày"), "Hoài Nhơn, ngày 05 tháng 03 năm 2021"))
    hits = only(data, "nd30.ngay", severity="cảnh báo")
    assert "§13.4" in hits[0].message


def test_date_not_italic(built):
    data = mutate(built["quyet-dinh"], fn=lambda r: set_rpr(find_para(r, "Hoài Nhơn, ngày"),
                                                             '<w:i w:val="0"/>'))
    only(data, "nd30.ngay", "bảng 1, ô (2,2)")


def test_ten_loai_not_bold(built):
    data = mutate(built["quyet-dinh"], fn=lambda r: set_rpr(find_para(r, "QUYẾT ĐỊNH"),
                                                             '<w:b w:val="0"/>'))
    only(data, "nd30.ten-loai", "đoạn 1")


def test_trich_yeu_size(built):
    data = mutate(built["quyet-dinh"], fn=lambda r: set_rpr(find_para(r, "Về việc"),
                                                             '<w:sz w:val="24"/>'))
    only(data, "nd30.trich-yeu", "đoạn 2")


def test_can_cu_last_line_ends_with_period(built):
    def fn(root):
        p = find_para(root, "Theo đề nghị")
        t = list(p.iter(w("t")))[-1]
        t.text = t.text.rstrip(".") + ";"
    hits = only(mutate(built["quyet-dinh"], fn=fn), "nd30.can-cu")
    assert hits[0].excerpt.startswith("Theo đề nghị") and "\".\"" in hits[0].message


def test_can_cu_not_italic(built):
    data = mutate(built["quyet-dinh"], fn=lambda r: set_rpr(find_para(r, "Căn cứ Luật"),
                                                             '<w:i w:val="0"/>'))
    only(data, "nd30.can-cu", "đoạn 5")


def test_body_left_aligned(built):
    data = mutate(built["quyet-dinh"], fn=lambda r: set_ppr(find_para(r, "Điều 2."),
                                                             '<w:jc w:val="left"/>'))
    hits = only(data, "nd30.body")
    assert hits[0].excerpt.startswith("Điều 2.") and "căn đều" in hits[0].message


def test_body_indent(built):
    data = mutate(built["ke-hoach"], fn=lambda r: set_ppr(find_para(r, "Tiếp tục đẩy mạnh"),
                                                           '<w:ind w:firstLine="0"/>'))
    hits = only(data, "nd30.body")
    assert hits[0].excerpt.startswith("Tiếp tục đẩy mạnh")


def test_dieu_numbering(built):
    data = mutate(built["quyet-dinh"], fn=lambda r: set_text(find_para(r, "Điều 3."), "Điều 4."))
    only(data, "nd30.dieu")


def test_end_mark_is_a_warning(built):
    def fn(root):
        p = find_para(root, "Điều 3.")
        t = list(p.iter(w("t")))[-1]
        t.text = t.text.replace("./.", ".")
    only(mutate(built["quyet-dinh"], fn=fn), "nd30.end-mark", severity="cảnh báo")


def test_signature_name_not_bold(built):
    data = mutate(built["quyet-dinh"], fn=lambda r: set_rpr(find_para(r, "Phạm Trương"),
                                                             '<w:b w:val="0"/>'))
    only(data, "nd30.signature", "bảng 2, ô (1,2)")


def test_noi_nhan_last_line(built):
    def fn(root):
        p = find_para(root, "- Lưu:")
        t = list(p.iter(w("t")))[-1]
        t.text = t.text.rstrip(".") + ";"
    hits = only(mutate(built["quyet-dinh"], fn=fn), "nd30.noi-nhan", "bảng 2, ô (1,1)")
    assert hits[0].excerpt.startswith("- Lưu:")


def test_noi_nhan_heading_size(built):
    data = mutate(built["quyet-dinh"], fn=lambda r: set_rpr(find_para(r, "Nơi nhận"),
                                                             '<w:sz w:val="28"/>'))
    only(data, "nd30.noi-nhan", "bảng 2, ô (1,1)")


def test_phu_luc_heading_size(built):
    data = mutate(built["phu-luc"], fn=lambda r: set_rpr(find_para(r, "Phụ lục"),
                                                          '<w:sz w:val="26"/>'))
    only(data, "nd30.phu-luc", "đoạn 1")


def test_phu_luc_own_page_numbering(built):
    def fn(root):
        head = find_para(root, "Phụ lục")
        prev = head.getprevious()
        while prev.find(f"{w('pPr')}/{w('sectPr')}") is None:
            prev = prev.getprevious()
        for sp in [s for s in root.iter(w("sectPr"))]:
            if sp is sect(root):
                sp.remove(sp.find(w("pgNumType")))
    hits = only(mutate(built["tron-bo"], fn=fn), "nd30.phu-luc-page")
    assert hits[0].excerpt == "Phụ lục"


def test_phu_luc_table_header_row_is_a_warning(built):
    def fn(root):
        for el in list(root.iter(w("tblHeader"))):
            el.getparent().remove(el)
    only(mutate(built["phu-luc"], fn=fn), "nd30.table-header", severity="cảnh báo")


def test_every_rule_has_a_breaking_test():
    from pathlib import Path  # rules of other modules (text rules: tests/repair/) count too
    src = "".join(p.read_text("utf-8") for p in Path(__file__).parents[1].rglob("test_*.py"))
    untested = [c for c in RULES if f'"{c}"' not in src]
    assert untested == [], untested


THEME = (b'<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:themeElements>'
         b'<a:fontScheme><a:majorFont><a:latin typeface="Times New Roman"/></a:majorFont><a:minorFont>'
         b'<a:latin typeface="Times New Roman"/></a:minorFont></a:fontScheme></a:themeElements>'
         b'</a:theme>')


def test_font_theme_is_a_warning(built):
    import io
    import zipfile
    data = built["quyet-dinh"]
    rels = zipfile.ZipFile(io.BytesIO(data)).read("word/_rels/document.xml.rels").decode().replace(
        "</Relationships>", '<Relationship Id="rId98" Type="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships/theme" Target="theme/theme1.xml"/></Relationships>')
    data = mutate(data, fn=lambda r: set_rpr(find_para(r, "Điều 2."),
                                             '<w:rFonts w:asciiTheme="minorHAnsi" '
                                             'w:hAnsiTheme="minorHAnsi" w:cs="Times New Roman"/>'),
                  extra={"word/theme/theme1.xml": THEME,
                         "word/_rels/document.xml.rels": rels.encode()})
    hits = only(data, "nd30.font-theme", severity="cảnh báo")
    assert hits[0].excerpt.startswith("Điều 2.")


def test_chuong_heading_with_arabic_number_and_title_on_one_line(built):
    def fn(root):
        p = find_para(root, "I. MỤC TIÊU")
        set_text(p, "CHƯƠNG 1: MỤC TIÊU, YÊU CẦU")
    hits = [f for f in check_docx_bytes(mutate(built["ke-hoach"], fn=fn), "t.docx")
            if f.code == "nd30.heading"]
    assert len(hits) == 1
    assert hits[0].message == ("chương: \"CHƯƠNG\" viết in hoa (yêu cầu \"Chương\"); đánh số "
                               "\"1\" (yêu cầu số La Mã); tên phần, chương, mục viết cùng dòng "
                               "(yêu cầu dòng riêng bên dưới)")
    assert hits[0].excerpt.startswith("CHƯƠNG 1: MỤC TIÊU")


def test_malformed_dieu_gives_one_finding_not_a_cascade(built):
    def fn(root):
        set_text(find_para(root, "Điều 2."), "Điều 2 . Quyết định này có hiệu lực kể từ ngày ký.")
    hits = [f for f in check_docx_bytes(mutate(built["quyet-dinh"], fn=fn), "t.docx")
            if f.code == "nd30.dieu"]
    assert [h.message for h in hits] == ["điều: viết \"Điều 2 .\" (yêu cầu \"Điều 2.\")"]


def test_vv_rule_is_covered_in_test_patterns():
    """nd30.vv (công văn without "V/v") is broken in tests/check/test_patterns.py: docgen
    builds no công văn to break."""
    from tests.check import test_patterns
    assert "nd30.vv" in RULES and test_patterns.test_cong_van_without_vv_is_reported_once_at_the_so_line
