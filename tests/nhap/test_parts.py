"""`docgen.nhap.nhap`: the document parts of real Lâm Đồng documents, read into content."""
from __future__ import annotations

import pytest

from docgen.nhap import nhap
from tests.nhap.docs import LD07, LD08, LD09, real, small_decision


@pytest.fixture(scope="module")
def ld09():
    return nhap([real(LD09)])


@pytest.fixture(scope="module")
def ld08():
    return nhap([real(LD08)])


@pytest.fixture(scope="module")
def ld07():
    return nhap([real(LD07)])


def test_header_becomes_the_registry(ld09):
    assert ld09.files["don-vi.yaml"]["co_quan_ban_hanh"] == {
        "ten": "Ủy ban nhân dân tỉnh Lâm Đồng", "ten_ngan": "UBND tỉnh Lâm Đồng",
        "dong_tieu_de": ["ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG"], "chu_quan": [], "ky_hieu": "UBND",
        "dia_danh": "Lâm Đồng", "cap": "tinh"}


def test_plan_issued_directly(ld09):
    kh = ld09.files["ke-hoach.yaml"]
    assert list(kh)[:7] == ["so", "ngay_ban_hanh", "trich_yeu", "nam", "can_cu", "mo_dau", "noi_dung"]
    assert (kh["so"], kh["ngay_ban_hanh"], kh["nam"]) == ("", "../12/2025", "2026")
    assert kh["trich_yeu"] == "Cải cách hành chính nhà nước năm 2026 tỉnh Lâm Đồng"
    assert kh["can_cu"][2] == ("Căn cứ Chỉ thị số 23/CT-TTg ngày 02/9/2021 của Thủ tướng Chính phủ về đẩy "
                               "mạnh việc thực hiện Chương trình tổng thể cải cách hành chính giai đoạn "
                               "2021 - 2030")
    assert len(kh["can_cu"]) == 3 and kh["mo_dau"][0].startswith("Chủ tịch Ủy ban nhân dân tỉnh Lâm Đồng ban hành")
    assert kh["nguoi_ky"] == {"hinh_thuc": "KT", "thu_truong": "CHỦ TỊCH", "chuc_vu": "PHÓ CHỦ TỊCH",
                              "ho_ten": "Nguyễn Ngọc Phúc"}
    assert kh["noi_nhan"][:2] == ["Bộ Nội vụ", "Thường trực Tỉnh ủy"] and len(kh["noi_nhan"]) == 12
    assert kh["luu"] == "VT, NC.Châu"


def test_body_hierarchy_typed_and_word_numbers(ld09):
    """I. typed, 1. from w:numPr, a) typed, "- " typed: the numbers are gone, the levels kept."""
    muc = ld09.files["ke-hoach.yaml"]["noi_dung"]
    assert [m["muc"] for m in muc] == ["MỤC TIÊU, NHIỆM VỤ", "TỔ CHỨC THỰC HIỆN"]
    khoan = muc[0]["noi_dung"][0]
    assert khoan["khoan"] == "Cải cách thể chế"                                   # Word's "1."
    assert [d["diem"] for d in khoan["noi_dung"]] == ["Mục tiêu", "Nhiệm vụ"]     # typed "a)"
    assert khoan["noi_dung"][0]["noi_dung"][2] == {
        "gach": "100% văn bản quy phạm pháp luật được kiểm tra theo quy định."}
    # a note in brackets closes the mục (as the transcription has it), not the last point g)
    assert muc[0]["noi_dung"][-1] == "(Phân công nhiệm vụ theo Phụ lục đính kèm)"
    chi_dao = muc[0]["noi_dung"][-2]
    assert [d["dang"] for d in chi_dao["noi_dung"]] == ["doan"] * 7
    trien_khai = muc[1]["noi_dung"][0]                                            # typed "1."
    assert trien_khai["khoan"] == "Công tác triển khai"
    first = trien_khai["noi_dung"][0]                                             # Word's "a)"
    assert first["dang"] == "doan" and first["diem"].startswith("Các sở, ban, ngành và Ủy ban nhân dân")
    last = muc[1]["noi_dung"][1]["noi_dung"][-1]["diem"]
    assert last.endswith("trong dự toán ngân sách hằng năm được cấp có thẩm quyền giao")


def test_two_line_trich_yeu_blank_date_signer_in_two_rows(ld08):
    kh = ld08.files["ke-hoach.yaml"]
    assert kh["trich_yeu"] == "Kiểm tra công tác cải cách hành chính năm 2026\ntrên địa bàn tỉnh Lâm Đồng"
    assert kh["ngay_ban_hanh"] == "../../2026"
    assert kh["nguoi_ky"]["chuc_vu"] == "PHÓ CHỦ TỊCH" and kh["nguoi_ky"]["ho_ten"] == "Nguyễn Ngọc Phúc"
    assert "can_cu" not in kh and kh["mo_dau"][0].startswith("Thực hiện Kế hoạch số 9669/KH-UBND")
    phuong_phap = kh["noi_dung"][2]
    assert phuong_phap["noi_dung"][0] == {
        "khoan": "Tùy tình hình thực tế, tổ chức kiểm tra theo các hình thức sau cho phù hợp:",
        "noi_dung": [{"diem": "Kiểm tra, làm việc trực tiếp tại các đơn vị, địa phương;", "dang": "doan"},
                     {"diem": phuong_phap["noi_dung"][0]["noi_dung"][1]["diem"], "dang": "doan"},
                     {"diem": "Kết hợp giữa kiểm tra, làm việc trực tiếp và kiểm tra trực tuyến.",
                      "dang": "doan"}]}
    assert phuong_phap["noi_dung"][3] == {"khoan": "Thông qua kết luận kiểm tra.", "dang": "doan"}


def test_decision_articles_with_clauses(ld07):
    qd = ld07.files["quyet-dinh.yaml"]
    assert "ke-hoach.yaml" not in ld07.files
    assert qd["tham_quyen"] == "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG"
    assert qd["ngay_ban_hanh"] == "../02/2026" and qd["so"] == ""
    assert qd["can_cu"][0] == "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16/6/2025"
    assert qd["theo_de_nghi"].startswith("Theo đề nghị của Chủ tịch Hội đồng thẩm định")
    assert not qd["theo_de_nghi"].endswith(".")
    assert qd["dieu"][0] == {
        "noi_dung": "Công bố kết quả đánh giá, xếp loại Chỉ số cải cách hành chính năm 2025 đối với:",
        "khoan": ["Các cơ quan chuyên môn thuộc UBND tỉnh và Ban Quản lý các khu công nghiệp: Tại Phụ "
                  "lục I đính kèm.", "UBND các xã, phường, đặc khu: Tại Phụ lục II đính kèm."]}
    assert qd["dieu"][2] == "Quyết định này có hiệu lực kể từ ngày ký ban hành."
    assert len(qd["dieu"]) == 4 and not qd["dieu"][3].endswith("./.")
    assert qd["noi_nhan"][0] == "Như Điều 4" and qd["luu"] == "VT, NC"


def test_what_cannot_be_placed_is_a_warning(tmp_path):
    doc = small_decision(tmp_path / "thu.docx", ["Một đoạn lạc chỗ.", "Điều 1. Điều một.",
                                                 "Điều 2. Quyết định này có hiệu lực kể từ ngày ký./."])
    result = nhap([doc])
    assert [str(p) for p in result.problems] == [
        "thu.docx: cảnh báo: đoạn 12: đoạn trước Điều 1 không xếp được vào chỗ nào: «Một đoạn lạc "
        "chỗ.» [import.unplaced]",
        "thu.docx: cảnh báo: đoạn 7: không tìm thấy người ký (ô chữ ký); hãy ghi nguoi_ky [import.no-signer]"]
    qd = result.files["quyet-dinh.yaml"]
    assert (qd["so"], qd["ngay_ban_hanh"]) == ("12", "05/01/2026")
    assert qd["dieu"] == ["Điều một.", "Quyết định này có hiệu lực kể từ ngày ký"]


def test_a_built_plan_issued_with_its_decision_alone(tmp_path):
    """ke-hoach.docx of a decision's plan (docgen's own, as `docgen nhap` of a hand-edited
    output reads it): no Số, date or signer of its own, so none imported, and no warning."""
    from docgen.pipeline import build
    from tests.conftest import BUNDLED

    build(BUNDLED, tmp_path, check=False)
    result = nhap([tmp_path / "ke-hoach.docx"])
    assert list(result.files["ke-hoach.yaml"]) == ["trich_yeu", "noi_dung", "ket_thuc"]
    assert result.files["ke-hoach.yaml"]["trich_yeu"] == "Cải cách hành chính thị xã Hoài Nhơn năm 2021"
    assert result.problems == []


def test_a_table_in_the_body_and_a_stray_line_are_reported(tmp_path):
    from docx import Document

    from tests.nhap.docs import HEADER

    doc = Document()
    for text in HEADER[:4]:
        doc.add_paragraph().add_run(text).bold = True
    for text in ["Số: /KH-UBND", "Lâm Đồng, ngày tháng 3 năm 2026"]:
        doc.add_paragraph(text)
    for text in ["KẾ HOẠCH", "Thử nghiệm nhập năm 2026"]:
        doc.add_paragraph().add_run(text).bold = True
    doc.add_paragraph().add_run("I. MỤC ĐÍCH").bold = True
    doc.add_paragraph("Nâng cao chất lượng.")
    doc.add_table(rows=1, cols=3).rows[0].cells[0].text = "Bảng trong thân"
    for text in ["Nơi nhận:", "- Sở Nội vụ;", "- Lưu: VT.", "Ghi chú viết thêm sau Nơi nhận"]:
        doc.add_paragraph(text)
    doc.save(str(tmp_path / "kh.docx"))
    result = nhap([tmp_path / "kh.docx"])
    kh = result.files["ke-hoach.yaml"]
    assert (kh["so"], kh["ngay_ban_hanh"], kh["nam"]) == ("", "../03/2026", "2026")
    assert kh["noi_dung"] == [{"muc": "MỤC ĐÍCH", "noi_dung": ["Nâng cao chất lượng."]}]
    assert (kh["noi_nhan"], kh["luu"]) == (["Sở Nội vụ"], "VT")
    assert [str(p) for p in result.problems] == [
        "kh.docx: cảnh báo: đoạn 7: không tìm thấy người ký (ô chữ ký); hãy ghi nguoi_ky [import.no-signer]",
        "kh.docx: cảnh báo: bảng 1, ô (1,1): bảng 1 trong thân văn bản chưa nhập được; hãy chép nội dung "
        "của nó vào tệp YAML [import.table-in-body]",
        "kh.docx: cảnh báo: đoạn 14: đoạn không xếp được vào phần nào của văn bản: «Ghi chú viết thêm sau "
        "Nơi nhận» [import.unplaced]"]


def test_a_body_under_a_parent_keeps_the_parent_line(tmp_path):
    from tests.nhap.docs import HEADER, make_docx

    doc = make_docx(tmp_path / "snv.docx", [
        "UBND TỈNH LÂM ĐỒNG", ("SỞ NỘI VỤ", True), *[(h, True) for h in HEADER[2:4]],
        "Số: 7/KH-SNV", "Lâm Đồng, ngày 02 tháng 3 năm 2026", ("KẾ HOẠCH", True),
        ("Tập huấn năm 2026", True), ("I. MỤC ĐÍCH", True), "Nâng cao chất lượng."])
    result = nhap([doc])
    assert result.files["don-vi.yaml"]["co_quan_ban_hanh"] == {
        "ten": "Sở nội vụ", "ten_ngan": "Sở nội vụ", "dong_tieu_de": ["SỞ NỘI VỤ"],
        "chu_quan": ["UBND TỈNH LÂM ĐỒNG"], "ky_hieu": "SNV", "dia_danh": "Lâm Đồng", "cap": "tinh"}
    assert result.files["ke-hoach.yaml"]["so"] == "7"
    assert str(result.problems[0]) == (
        'snv.docx: cảnh báo: đoạn 2: tên cơ quan ban hành ghi là "Sở nội vụ" (chữ thường suy từ chữ in '
        'hoa); hãy xem lại ten, ten_ngan trong don-vi.yaml [import.check-name]')


def test_decimal_numbering_is_thap_phan(tmp_path):
    from tests.nhap.docs import HEADER, make_docx

    doc = make_docx(tmp_path / "tp.docx", [
        *[(h, True) for h in HEADER[:4]], "Số: /KH-UBND", "Lâm Đồng, ngày tháng 3 năm 2026",
        ("KẾ HOẠCH", True), ("Chuyển đổi số năm 2026", True),
        ("1. MỤC ĐÍCH", True), ("1.1. Mục đích chung", True), "Nâng cao chất lượng.",
        "1.1.1. Rà soát quy trình nội bộ;", ("2. TỔ CHỨC THỰC HIỆN", True), "- Các sở thực hiện."])
    kh = nhap([doc]).files["ke-hoach.yaml"]
    assert kh["danh_so"] == "thap-phan"
    assert kh["noi_dung"] == [
        {"muc": "MỤC ĐÍCH", "noi_dung": [{"khoan": "Mục đích chung", "noi_dung": [
            "Nâng cao chất lượng.", {"diem": "Rà soát quy trình nội bộ;", "dang": "doan"}]}]},
        {"muc": "TỔ CHỨC THỰC HIỆN", "noi_dung": [{"gach": "Các sở thực hiện."}]}]
