"""Every fix kind on a document that needs exactly that fix: docgen's own document (no
finding at all) with one rule broken. The repair must list exactly the expected fix, leave
no finding behind, and keep every word of the text."""
from __future__ import annotations

import io
import unicodedata
import zipfile

from docgen.check import check_docx_bytes
from docgen.repair.engine import repair_bytes
from tests.check.xmledit import W, find_para, mutate, para_text, set_ppr, set_rpr, set_text, w
from tests.repair.words import document_text, words


def sect(root):
    return root.find(f"{w('body')}/{w('sectPr')}")


def repaired(data: bytes, fixes: list[str], track: bool = False):
    assert check_docx_bytes(data, "t.docx"), "the mutation must break a rule"
    result = repair_bytes(data, "t.docx", track=track)
    assert [str(f) for f in result.fixes] == fixes
    assert [f.message for f in result.remaining] == []
    assert words(document_text(result.data)) == words(document_text(data))
    return result


def test_own_documents_need_no_fix_and_come_back_byte_identical(built):
    for name, data in built.items():
        result = repair_bytes(data, name)
        assert result.fixes == [] and result.remaining == [] and result.data == data


def test_page_size_letter_to_a4(built):
    def fn(root):
        sz = sect(root).find(w("pgSz"))
        sz.set(w("w"), "12240"), sz.set(w("h"), "15840")
    repaired(mutate(built["quyet-dinh"], fn=fn),
             ["mục 1: khổ giấy 215,9 × 279,4 → 210,0 × 297,0 mm (A4) [nd30.page-size]"])


def test_landscape_without_table_turns_portrait(built):
    def fn(root):
        sz = sect(root).find(w("pgSz"))
        sz.set(w("w"), "16838"), sz.set(w("h"), "11906"), sz.set(w("orient"), "landscape")
        mar = sect(root).find(w("pgMar"))     # the margins of the turned page
        mar.set(w("left"), "1134"), mar.set(w("top"), "850"), mar.set(w("right"), "1134")
        mar.set(w("bottom"), "1701")
    repaired(mutate(built["quyet-dinh"], fn=fn),
             ["mục 1: hướng trang ngang → dọc (không có bảng, biểu) [nd30.orientation]"])


def test_margin(built):
    repaired(mutate(built["quyet-dinh"], fn=lambda r: sect(r).find(w("pgMar")).set(w("left"), "1418")),
             ["mục 1: lề trái 25,0 → 30,0 mm [nd30.margin]"])


def test_font_in_all_four_slots(built):
    data = mutate(built["quyet-dinh"], fn=lambda r: set_rpr(
        find_para(r, "Điều 2."), '<w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:cs="Arial"/>'))
    result = repaired(data, [
        "đoạn 11: phông chữ Arial → Times New Roman (cả bốn vị trí ascii, hAnsi, eastAsia, cs) "
        "[nd30.font]"])
    assert b'w:eastAsia="Times New Roman"' in _part(result.data, "word/document.xml")


def test_theme_font():
    """python-docx's default document takes its fonts from the theme (Cambria, Calibri): the
    document defaults and the runs get Times New Roman by name, no theme reference left."""
    from tests.check.test_handmade import handmade
    result = repair_bytes(handmade(), "tay.docx")
    assert "đoạn 1: phông chữ Cambria (theo chủ đề) → Times New Roman (cả bốn vị trí ascii, " \
        "hAnsi, eastAsia, cs) [nd30.font]" in [str(f) for f in result.fixes]
    styles = _part(result.data, "word/styles.xml")
    defaults = styles[styles.index(b"<w:docDefaults"):styles.index(b"</w:docDefaults>")]
    assert b"Theme" not in defaults and b'w:eastAsia="Times New Roman"' in defaults
    assert not [f for f in result.remaining if f.code.startswith("nd30.font")]


def test_page_number_missing_is_added(built):
    def fn(root):
        for ref in sect(root).findall(w("headerReference")):
            sect(root).remove(ref)
    repaired(mutate(built["quyet-dinh"], fn=fn), [
        "đầu trang mục 1: thêm số trang (trường PAGE) ở giữa đầu trang, 14 pt [nd30.page-number]"])


def test_page_number_on_first_page(built):
    repaired(mutate(built["quyet-dinh"], fn=lambda r: sect(r).remove(sect(r).find(w("titlePg")))),
             ["mục 1: bật \"trang đầu khác\": trang 1 không hiện số trang [nd30.page-number]"])


def test_page_number_size_and_alignment(built):
    def fn(root):
        for p in root.iter(w("p")):
            set_ppr(p, '<w:jc w:val="right"/>')
            set_rpr(p, '<w:sz w:val="24"/>')
    repaired(mutate(built["quyet-dinh"], "word/header1.xml", fn), [
        "đầu trang mục 1: số trang căn giữa [nd30.page-number]",
        "đầu trang mục 1: cỡ chữ số trang 12 → 13 pt [nd30.page-number]"])


def _part(data: bytes, name: str) -> bytes:
    import io
    import zipfile
    return zipfile.ZipFile(io.BytesIO(data)).read(name)


def test_size_bold_italic_of_parts(built):
    def fn(root):
        set_rpr(find_para(root, "CỘNG HÒA"), '<w:b w:val="0"/>')
        set_rpr(find_para(root, "Độc lập"), '<w:sz w:val="24"/>')
        set_rpr(find_para(root, "Căn cứ Luật"), '<w:i w:val="0"/>')
        set_rpr(find_para(root, "Nơi nhận"), '<w:sz w:val="28"/>')
    repaired(mutate(built["quyet-dinh"], fn=fn), [
        "bảng 1, ô (1,2): in đậm [nd30.quoc-hieu]",
        "bảng 1, ô (1,2): cỡ chữ 12 → 13 pt [nd30.tieu-ngu]",
        "đoạn 5: in nghiêng [nd30.can-cu]",
        "bảng 2, ô (1,1): cỡ chữ 14 → 12 pt [nd30.noi-nhan]"])


def test_ten_loai_case_is_set_as_formatting(built):
    def fn(root):
        set_text(find_para(root, "QUYẾT ĐỊNH"), "Quyết định")
    result = repaired(mutate(built["quyet-dinh"], fn=fn),
                      ["đoạn 1: chữ in hoa (định dạng All Caps) [nd30.ten-loai]"])
    assert "Quyết định" in document_text(result.data)


def test_body_size_alignment_indent(built):
    def fn(root):
        p = find_para(root, "Điều 2.")
        set_rpr(p, '<w:sz w:val="24"/>')
        set_ppr(p, '<w:jc w:val="left"/>')
        set_ppr(p, '<w:ind w:firstLine="600"/>')
    repaired(mutate(built["quyet-dinh"], fn=fn), [
        "đoạn 11: cỡ chữ 12 → 14 pt [nd30.body]",
        "đoạn 11: căn đều hai bên; thụt đầu dòng 1,06 → 1 cm [nd30.body]"])


def test_end_mark(built):
    def fn(root):
        p = find_para(root, "Điều 3.")
        set_text(p, para_text(p).replace("./.", "."))
    repaired(mutate(built["quyet-dinh"], fn=fn),
             ["đoạn 12: thêm dấu kết thúc \"./.\" sau phần nội dung [nd30.end-mark]"])


def test_noi_nhan_punctuation(built):
    def fn(root):
        p = find_para(root, "- Sở Nội vụ")
        set_text(p, "-Sở Nội vụ")
        luu = find_para(root, "- Lưu")
        set_text(luu, para_text(luu).rstrip("."))
    result = repaired(mutate(built["quyet-dinh"], fn=fn), [
        "bảng 2, ô (1,1): dòng nơi nhận bắt đầu bằng \"- \" [nd30.noi-nhan]",
        "bảng 2, ô (1,1): dòng nơi nhận kết thúc bằng \";\" [nd30.noi-nhan]",
        "bảng 2, ô (1,1): dòng \"- Lưu: …\" kết thúc bằng \".\" [nd30.noi-nhan]"])
    assert "- Sở Nội vụ;" in document_text(result.data)


def test_nfc(built):
    def fn(root):
        t = list(find_para(root, "Điều 2.").iter(w("t")))[-1]
        t.text = unicodedata.normalize("NFD", t.text)
    repaired(mutate(built["quyet-dinh"], fn=fn),
             ["đoạn 11: chữ tổ hợp (NFD) → chữ dựng sẵn Unicode (NFC) [nd30.nfc]"])


def test_date_and_so_forms(built):
    def fn(root):
        set_text(find_para(root, "Hoài Nhơn, ngày"), "Hoài Nhơn, ngày 5 tháng 1 năm 2021")
        set_text(find_para(root, "Số:"), "Số 7 / QĐ - UBND")
    repaired(mutate(built["quyet-dinh"], fn=fn), [
        "bảng 1, ô (2,1): \"Số 7 / QĐ - UBND\" → \"Số: 07/QĐ-UBND\" [nd30.so]",
        "bảng 1, ô (2,2): \"ngày 5 tháng 1 năm 2021\" → \"ngày 05 tháng 01 năm 2021\" (ngày dưới "
        "10 và tháng 1, 2 có số 0) [nd30.ngay]"])


def test_tieu_ngu_hyphens(built):
    repaired(mutate(built["quyet-dinh"], fn=lambda r: set_text(
        find_para(r, "Độc lập"), "Độc lập – Tự do–Hạnh phúc")), [
        "bảng 1, ô (1,2): Tiêu ngữ \"Độc lập – Tự do–Hạnh phúc\" → \"Độc lập - Tự do - Hạnh "
        "phúc\" (gạch nối có cách chữ) [nd30.tieu-ngu]"])


def test_authority_abbreviation(built):
    def fn(root):
        p = next(p for p in root.iter(w("p")) if para_text(p) == "CHỦ TỊCH")
        set_text(p, "KT.CHỦ TỊCH")
    result = repair_bytes(mutate(built["quyet-dinh"], fn=fn), "t.docx")
    assert "bảng 2, ô (1,2): \"KT.…\" → \"KT. …\" (quyền hạn ký) [nd30.signature]" in \
        [str(f) for f in result.fixes]
    assert "KT. CHỦ TỊCH" in document_text(result.data)


def test_quoc_hieu_and_tieu_ngu_typed_with_shift_enter_need_no_fix(built):
    """The checker reads the lines of a paragraph split by soft breaks as lines: nothing to do."""
    def fn(root):
        qh = find_para(root, "CỘNG HÒA")
        tn = find_para(root, "Độc lập")
        from lxml import etree
        qh.append(etree.fromstring(f'<w:r xmlns:w="{W}"><w:br/></w:r>'))
        for r in tn.findall(w("r")):
            qh.append(r)
        tn.getparent().remove(tn)
    data = mutate(built["quyet-dinh"], fn=fn)
    result = repair_bytes(data, "t.docx")
    assert result.before == [] and result.fixes == [] and result.data == data


def test_header_line_added_by_the_rule(built):
    def fn(root):
        p = find_para(root, "Độc lập")
        nxt = p.getnext()
        nxt.getparent().remove(nxt)              # the bordered paragraph under the Tiêu ngữ
    result = repaired(mutate(built["quyet-dinh"], fn=fn), [
        "bảng 1, ô (1,2): thêm đường kẻ ngang dưới Tiêu ngữ, dài 60,5 mm [nd30.tieu-ngu-line]"])
    assert b"w:pBdr" in _part(result.data, "word/document.xml")


def test_phu_luc_own_page_numbering(built):
    def fn(root):
        for sp in root.iter(w("pgNumType")):
            sp.getparent().remove(sp)
    result = repair_bytes(mutate(built["tron-bo"], fn=fn), "t.docx")
    assert result.remaining == []
    assert {f.code for f in result.fixes} == {"nd30.phu-luc-page"}


def test_untouched_members_are_copied_byte_for_byte(built):
    import io
    import zipfile
    data = mutate(built["quyet-dinh"], fn=lambda r: sect(r).find(w("pgMar")).set(w("left"), "1418"))
    out = repair_bytes(data, "t.docx").data
    a, b = zipfile.ZipFile(io.BytesIO(data)), zipfile.ZipFile(io.BytesIO(out))
    assert a.namelist() == b.namelist()
    changed = [n for n in a.namelist() if a.read(n) != b.read(n)]
    assert changed == ["word/document.xml"]


FOOTER = (f'<w:ftr xmlns:w="{W}"><w:p><w:pPr><w:jc w:val="right"/></w:pPr><w:r><w:t>Trang '
          '</w:t></w:r><w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p>'
          '</w:ftr>').encode()


def test_page_number_in_footer_is_removed(built):
    data = built["quyet-dinh"]
    rels = _part(data, "word/_rels/document.xml.rels").decode().replace(
        "</Relationships>", '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships/footer" Target="footer9.xml"/></Relationships>')

    def fn(root):
        from lxml import etree
        ref = etree.Element(w("footerReference"))
        ref.set(w("type"), "default")
        ref.set("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id", "rId99")
        sect(root).insert(0, ref)
    data = mutate(data, fn=fn, extra={"word/footer9.xml": FOOTER,
                                      "word/_rels/document.xml.rels": rels.encode()})
    result = repaired(data, ["chân trang: bỏ số trang ở chân trang (đã đặt ở đầu trang) "
                             "[nd30.page-number-footer]"])
    footer = _part(result.data, "word/footer9.xml")
    assert b"PAGE" not in footer and b"Trang " in footer


def test_first_page_header_is_emptied(built):
    data = built["quyet-dinh"]
    rels = _part(data, "word/_rels/document.xml.rels").decode().replace(
        "</Relationships>", '<Relationship Id="rId98" Type="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships/header" Target="header1.xml"/></Relationships>')

    def fn(root):
        from lxml import etree
        for old in sect(root).findall(w("headerReference")):
            if old.get(w("type")) == "first":
                sect(root).remove(old)
        ref = etree.Element(w("headerReference"))
        ref.set(w("type"), "first")
        ref.set("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id", "rId98")
        sect(root).insert(0, ref)
    data = mutate(data, fn=fn, extra={"word/_rels/document.xml.rels": rels.encode()})
    result = repaired(data, ["đầu trang đầu mục 1: đầu trang của trang 1 để trống "
                             "[nd30.page-number]"])
    assert "word/header2.xml" in __import__("zipfile").ZipFile(
        __import__("io").BytesIO(result.data)).namelist()


def test_noi_nhan_lines_typed_with_line_breaks(built):
    def fn(root):
        from lxml import etree
        head = find_para(root, "Nơi nhận")
        for p in list(head.itersiblings(w("p"))):
            head.append(etree.fromstring(f'<w:r xmlns:w="{W}"><w:br/></w:r>'))
            for r in p.findall(w("r")):
                head.append(r)
            p.getparent().remove(p)
    data = mutate(built["quyet-dinh"], fn=fn)
    result = repair_bytes(data, "t.docx")
    assert {f.code for f in result.fixes} <= {"nd30.noi-nhan"}
    assert [f.message for f in result.remaining] == []
    assert words(document_text(result.data)) == words(document_text(data))


def test_phu_luc_heading_case_and_can_cu_ending(built):
    def fn(root):
        set_text(find_para(root, "Phụ lục"), "PHỤ LỤC")
    repaired(mutate(built["phu-luc"], fn=fn), ["đoạn 1: \"PHỤ LỤC\" → \"Phụ lục\" [nd30.phu-luc]"])

    def fn2(root):
        p = find_para(root, "Căn cứ Văn bản")
        set_text(p, para_text(p).rstrip(";") + ",")
    repaired(mutate(built["quyet-dinh"], fn=fn2), ["đoạn 6: căn cứ kết thúc bằng \";\" [nd30.can-cu]"])


def test_phu_luc_table_header_row_repeats(built):
    def fn(root):
        for el in list(root.iter(w("tblHeader"))):
            el.getparent().remove(el)
    result = repair_bytes(mutate(built["phu-luc"], fn=fn), "t.docx")
    assert [(f.code, f.what) for f in result.fixes] == [
        ("nd30.table-header", "hàng đầu của bảng lặp lại ở đầu mỗi trang")]
    assert result.remaining == []


def test_header_line_length_by_the_rule(built):
    def fn(root):
        line = find_para(root, "Độc lập").getnext()        # the bordered paragraph
        set_ppr(line, '<w:ind w:left="200" w:right="200"/>')
    data = mutate(built["quyet-dinh"], fn=fn)
    assert [f.code for f in check_docx_bytes(data, "t.docx")] == ["nd30.tieu-ngu-line"]
    result = repair_bytes(data, "t.docx")
    assert [f.code for f in result.fixes] == ["nd30.tieu-ngu-line"]
    assert result.fixes[0].what.endswith("→ 60,5 mm")
    assert result.remaining == []


def test_document_typed_by_hand_in_word():
    """python-docx's defaults (Letter, theme fonts, 11 pt, no header table): everything but the
    missing signature block is fixed, and no word changes."""
    from tests.check.test_handmade import handmade
    data = handmade()
    result = repair_bytes(data, "tay.docx")
    assert [f.code for f in result.remaining] == ["nd30.signature"]
    assert words(document_text(result.data)) == words(document_text(data))
    assert repair_bytes(result.data, "tay.docx").fixes == []


def test_colour_becomes_black(built):
    data = mutate(built["quyet-dinh"], fn=lambda r: set_rpr(find_para(r, "Điều 2."),
                                                             '<w:color w:val="FF0000"/>'))
    repaired(data, ["đoạn 11: màu chữ #ff0000 → đen [nd30.color]"])


def test_drafter_code_in_subscript_back_on_the_baseline(built):
    def fn(root):
        luu = find_para(root, "- Lưu")
        set_text(luu, "- Lưu: VT, PNV.Hoa")        # the drafter code joined to the unit
        set_rpr(luu, '<w:vertAlign w:val="subscript"/>')
    result = repaired(mutate(built["quyet-dinh"], fn=fn), [
        "bảng 2, ô (1,1): chữ chỉ số dưới/trên → chữ thường trên dòng [nd30.noi-nhan]"])
    assert "- Lưu: VT, PNV.Hoa" in document_text(result.data)      # no "." added after it
    assert "PNV.Hoa." not in document_text(result.data)
    assert b"vertAlign" not in zipfile.ZipFile(io.BytesIO(result.data)).read("word/document.xml")


def test_vv_gets_6_pt_under_the_so_line():
    from tests.check.test_patterns import _cv_with_vv

    data = _cv_with_vv(0)
    result = repair_bytes(data, "cv.docx")
    assert "đoạn 4: cách dòng số, ký hiệu 0 → 6 pt [nd30.vv]" in [str(f) for f in result.fixes]
    assert not [f for f in result.remaining if "cách dòng số" in f.message]
    assert words(document_text(result.data)) == words(document_text(data))
    # V/v typed on the Số line after Shift+Enter: left for a person, still reported
    soft = repair_bytes(_cv_with_vv(None, soft_break=True), "cv.docx")
    assert [f for f in soft.remaining if "cách dòng số, ký hiệu 0 pt" in f.message]
