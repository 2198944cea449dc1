"""Project shapes (docs/content-shapes.md): a plan issued directly with two appendices of their
own columns, sub-groups, numbered paragraphs and decimal numbering; a decision's plan without an
appendix; and each kind of bad input of a shape: one Vietnamese message with file and line,
exit 1, nothing in build/ replaced."""

from __future__ import annotations

import shutil
import zipfile
from io import BytesIO
from pathlib import Path

import pytest
from lxml import etree

from tests.expect import (
    QUOC_HIEU,
    TIEU_NGU,
    W,
    assert_in_order,
    paragraphs,
    section_count,
    table_rows,
)
from tests.helpers import build_and_check, edit, fails_to_build

DATA = Path(__file__).parent / "data" / "ke-hoach-truc-tiep"
KEM_THEO = ("(Ban hành kèm theo Kế hoạch số       /KH-UBND ngày        tháng 12 năm 2025 "
            "của Chủ tịch UBND tỉnh Lâm Đồng)")


@pytest.fixture
def direct(tmp_path) -> Path:
    dst = tmp_path / "truc-tiep"
    shutil.copytree(DATA, dst)
    return dst


_build = build_and_check


def _fails(cli, content: Path, out: Path, *expected: str) -> str:
    return fails_to_build(cli, content, out, *expected, target=("chinh",))


def _sections(data: bytes) -> list[str]:
    body = etree.fromstring(zipfile.ZipFile(BytesIO(data)).read("word/document.xml")).find(f"{W}body")
    return [s.find(f"{W}pgSz").get(f"{W}orient") or "portrait" for s in body.iter(f"{W}sectPr")]


def _styled(data: bytes) -> list[tuple[str, str]]:
    body = etree.fromstring(zipfile.ZipFile(BytesIO(data)).read("word/document.xml")).find(f"{W}body")
    out = []
    for p in body.iter(f"{W}p"):
        style = p.find(f"{W}pPr/{W}pStyle")
        text = "".join(t.text or "" for t in p.iter(f"{W}t"))
        if style is not None and text:
            out.append((style.get(f"{W}val"), text))
    return out


def test_plan_issued_directly_builds_only_what_it_has(cli, direct, tmp_path):
    docs = _build(cli, direct, tmp_path / "b")
    assert sorted(docs) == ["ke-hoach.docx", "phu-luc.docx", "tron-bo.docx"]   # no quyet-dinh.docx
    plan = docs["ke-hoach.docx"]
    assert_in_order(plan, [
        "ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG", QUOC_HIEU, TIEU_NGU, "Số:       /KH-UBND",
        "Lâm Đồng, ngày        tháng 12 năm 2025", "KẾ HOẠCH",
        "Cải cách hành chính nhà nước giai đoạn 2026-2030 tỉnh Lâm Đồng",
        "Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình tổng thể cải cách "
        "hành chính nhà nước giai đoạn 2021 - 2030;",
        "Căn cứ Chỉ thị số 23/CT-TTg ngày 02/9/2021 của Thủ tướng Chính phủ về đẩy mạnh việc thực hiện Chương "
        "trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030;",
        "Chủ tịch Ủy ban nhân dân tỉnh Lâm Đồng ban hành Kế hoạch cải cách hành chính nhà nước giai đoạn "
        "2026-2030 của tỉnh với chủ đề “Kỷ cương, sáng tạo, đột phá” như sau:",
        "Nơi nhận:", "- Bộ Nội vụ;", "- UBND các xã, phường, đặc khu;", "- Lưu: VT, NC.",
        "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Ngọc Phúc"], "ke-hoach")
    assert "Ban hành kèm theo" not in "\n".join(paragraphs(plan))   # no decision to cite
    styled = _styled(plan)
    assert [t for s, t in styled if s == "Cancu"][0].startswith("Căn cứ Nghị quyết số 76/NQ-CP")
    # thap-phan: 1. / 1.1. / 1.1.1.; `dang: doan` = a body paragraph starting with its number
    assert [(s, t) for s, t in styled if s in ("Muc", "Khoan", "Diem")] == [
        ("Muc", "1. MỤC TIÊU, NHIỆM VỤ"), ("Khoan", "1.1. Cải cách thể chế"), ("Diem", "1.1.1. Mục tiêu"),
        ("Diem", "1.1.2. Nhiệm vụ"), ("Khoan", "1.2. Cải cách thủ tục hành chính"),
        ("Muc", "2. TỔ CHỨC THỰC HIỆN")]
    numbered = [t for s, t in styled if s == "Noidung" and t[:2] == "2."]
    assert numbered == [
        "2.1. Các sở, ban, ngành và Ủy ban nhân dân các xã, phường, đặc khu căn cứ các nhiệm vụ được giao tại "
        "Kế hoạch này xây dựng kế hoạch để triển khai thực hiện.",
        "2.2. Sở Nội vụ giúp Ủy ban nhân dân tỉnh theo dõi, kiểm tra, đôn đốc việc thực hiện Kế hoạch; định kỳ "
        "tổng hợp, báo cáo theo quy định."]


def test_two_appendices_with_their_own_columns_and_sub_groups(cli, direct, tmp_path):
    docs = _build(cli, direct, tmp_path / "b")
    pl = docs["phu-luc.docx"]
    assert_in_order(pl, ["Phụ lục I", "PHÂN CÔNG THỰC HIỆN NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH GIAI ĐOẠN 2026-2030",
                         KEM_THEO, "Phụ lục II", "KINH PHÍ THỰC HIỆN CÁC NHIỆM VỤ TRỌNG TÂM", KEM_THEO], "phu-luc")
    assert _sections(pl) == ["landscape", "portrait"]   # seven columns are wide, four are not
    rows = table_rows(pl)
    assert rows[:8] == [
        ["TT", "Nhiệm vụ", "Sản phẩm", "Thời gian hoàn thành", "Chủ trì thực hiện", "Phối hợp thực hiện",
         "Theo dõi, kiểm tra, đôn đốc"],
        ["I", "Cải cách thể chế"],
        ["1", "Thực hiện việc đăng tải, cập nhật văn bản quy phạm pháp luật lên Cơ sở dữ liệu quốc gia về pháp luật",
         "Văn bản quy phạm pháp luật được cập nhật", "Theo Điều 17 Nghị định số 52/2015/NĐ-CP", "Sở Tư pháp", "",
         "Sở Tư pháp"],
        ["2", "Định kỳ công bố danh mục văn bản quy phạm pháp luật hết hiệu lực", "Danh mục văn bản hết hiệu lực",
         "Trước ngày 31/01 hằng năm", "Sở Tư pháp; UBND các xã, phường, đặc khu",
         "Theo phân công tại Quyết định số 1441/QĐ-UBND", "Sở Tư pháp"],
        ["II", "Hiện đại hóa hành chính"],
        ["1", "Chuyển đổi số"],
        ["1", "Tích hợp ứng dụng AI hỗ trợ người dân tra cứu thủ tục hành chính",
         "Ứng dụng AI trên Cổng thông tin điện tử", "Năm 2026", "Văn phòng UBND tỉnh", "Sở Khoa học và Công nghệ",
         "Văn phòng UBND tỉnh"],
        ["2", "Hệ thống thông tin giải quyết thủ tục hành chính"]]
    assert rows[9:] == [
        ["TT", "Nhiệm vụ", "Kinh phí (triệu đồng)", "Ghi chú"],
        ["I", "Tuyên truyền cải cách hành chính"],
        ["1", "Tổ chức Cuộc thi tìm hiểu về cải cách hành chính", "150", ""],
        ["2", "Xây dựng chuyên mục cải cách hành chính trên Báo và Phát thanh, Truyền hình Lâm Đồng", "80",
         "Hằng năm"]]
    tron_bo = docs["tron-bo.docx"]
    assert section_count(tron_bo) == 3 and _sections(tron_bo) == ["portrait", "landscape", "portrait"]


def test_column_widths_fill_the_text_width():
    from docgen.render.table import TEXT_W, widths

    landscape, ws = widths(("tt", "nhiem_vu", "san_pham", "thoi_gian", "chu_tri", "phoi_hop", "theo_doi"))
    assert landscape and sum(ws) == TEXT_W["ngang"] and ws[1] > ws[2] > ws[0]
    landscape, ws = widths(("tt", "nhiem_vu", "kinh_phi", "ghi_chu"))
    assert not landscape and sum(ws) == TEXT_W["doc"]


def test_decision_plan_without_appendix(cli, project, tmp_path):
    (project / "phu-luc.yaml").unlink()
    docs = _build(cli, project, tmp_path / "b")
    assert sorted(docs) == ["ke-hoach.docx", "quyet-dinh.docx", "tron-bo.docx"]
    assert section_count(docs["tron-bo.docx"]) == 2
    assert_in_order(docs["ke-hoach.docx"], ["KẾ HOẠCH", "(Ban hành kèm theo Quyết định số       /QĐ-UBND"])


# --- bad input --------------------------------------------------------------------------------

@pytest.fixture
def built(cli, direct, tmp_path) -> Path:
    out = tmp_path / "build"
    _build(cli, direct, out)
    return out


def test_decision_and_plan_number_both(cli, project, tmp_path):
    out = tmp_path / "b"
    _build(cli, project, out)
    line = edit(project / "ke-hoach.yaml", "trich_yeu:", 'so: "12"\ntrich_yeu:')
    _fails(cli, project, out,
           f'ke-hoach.yaml:{line}: lỗi: khóa "so" không dùng được khi có quyet-dinh.yaml: Kế hoạch ban hành kèm '
           f'theo Quyết định thì không có số, ngày, người ký, nơi nhận riêng; xóa khóa này, hoặc xóa quyet-dinh.yaml '
           f'nếu Kế hoạch được ban hành trực tiếp [content.two-numbers]')


def test_unknown_column(cli, direct, built):
    line = edit(direct / "phu-luc.yaml", "      - theo_doi\n", "      - theo_doii\n")
    _fails(cli, direct, built,
           f'phu-luc.yaml:{line}: lỗi: "cot" không có cột "theo_doii"; các cột dùng được: tt, nhiem_vu, san_pham, '
           f'chu_tri, phoi_hop, thoi_gian, kinh_phi, ket_qua, ghi_chu, theo_doi [content.unknown-column]')


def test_task_key_of_an_undeclared_column(cli, direct, built):
    line = edit(direct / "phu-luc.yaml", '            kinh_phi: "150"\n',
                '            kinh_phi: "150"\n            san_pham: Cuộc thi\n') + 1
    _fails(cli, direct, built,
           f'phu-luc.yaml:{line}: lỗi: nhiệm vụ I.1 ghi "san_pham" nhưng Phụ lục không có cột này; thêm "san_pham" '
           f'vào danh sách "cot" (các cột đang có: tt, nhiem_vu, kinh_phi, ghi_chu) [content.undeclared-column]')


def test_unknown_numbering_style(cli, direct, built):
    line = edit(direct / "ke-hoach.yaml", "danh_so: thap-phan", "danh_so: thap_phan")
    _fails(cli, direct, built,
           f"ke-hoach.yaml:{line}: lỗi: \"danh_so\" chỉ nhận một trong các giá trị: 'la-ma' hoặc 'thap-phan' "
           f"[content.invalid-value]")


def test_plan_issued_directly_needs_signer_and_recipients(cli, direct, built):
    text = (direct / "ke-hoach.yaml").read_text("utf-8")
    cut = text[text.index("nguoi_ky:"):text.index("luu:")]
    (direct / "ke-hoach.yaml").write_text(text.replace(cut, ""), "utf-8")
    err = _fails(cli, direct, built,
                 'ke-hoach.yaml:1: lỗi: Kế hoạch ban hành trực tiếp (không có quyet-dinh.yaml) phải có khóa '
                 '"nguoi_ky" [content.missing]',
                 'ke-hoach.yaml:1: lỗi: Kế hoạch ban hành trực tiếp (không có quyet-dinh.yaml) phải có khóa '
                 '"noi_nhan" [content.missing]')
    assert err.count("lỗi:") == 2 and "Có 2 lỗi" in err


def test_typed_number_names_typed_and_computed(cli, direct, built):
    line = edit(direct / "ke-hoach.yaml", "- khoan: Cải cách thể chế", "- khoan: 1. Cải cách thể chế")
    _fails(cli, direct, built,
           f'ke-hoach.yaml:{line}: lỗi: khoản "khoan" bắt đầu bằng số gõ tay "1."; docgen tự đánh số chỗ này là '
           f'"1.1.": hãy xóa "1." ở đầu dòng [content.typed-number]')


def test_typed_number_in_a_numbered_paragraph_la_ma(cli, project, tmp_path):
    out = tmp_path / "b"
    _build(cli, project, out)
    line = edit(project / "ke-hoach.yaml", "      - khoan: Yêu cầu", "      - khoan: a) Yêu cầu\n        dang: doan")
    _fails(cli, project, out,
           f'ke-hoach.yaml:{line}: lỗi: khoản "khoan" (dang: doan) bắt đầu bằng số gõ tay "a)"; docgen tự đánh số '
           f'chỗ này là "2.": hãy xóa "a)" ở đầu dòng [content.typed-number]')


def test_dang_doan_only_on_khoan_and_diem(cli, direct, built):
    line = edit(direct / "ke-hoach.yaml", "  - muc: TỔ CHỨC THỰC HIỆN\n", "  - muc: TỔ CHỨC THỰC HIỆN\n    dang: doan\n")
    _fails(cli, direct, built, f'ke-hoach.yaml:{line}: lỗi: "noi_dung" "dang: doan" (đoạn văn có đánh số) chỉ dùng cho "khoan" '
                               f'và "diem" [content.block-kind]')


def test_bad_period(cli, direct, built):
    line = edit(direct / "ke-hoach.yaml", 'nam: "2026-2030"', 'nam: "2030-2026"')
    _fails(cli, direct, built, f'ke-hoach.yaml:{line}: lỗi: "nam" phải là một năm ("2026") hoặc một giai đoạn '
                               f'("2026-2030"), đang là: \'2030-2026\' [content.invalid-year]')


def test_misspelt_agency_in_a_list_and_free_text(cli, direct, built):
    line = edit(direct / "phu-luc.yaml", "chu_tri: [STP, XA]", "chu_tri: [STP, XAA]")
    _fails(cli, direct, built,
           f'phu-luc.yaml:{line}: lỗi: cơ quan chủ trì "XAA" không có trong danh mục (don-vi.yaml); có phải "XA"? '
           f'[content.unknown-agency]')


def test_group_holds_tasks_or_sub_groups(cli, direct, built):
    line = edit(direct / "phu-luc.yaml", "      - ten: Hiện đại hóa hành chính\n",
                "      - ten: Hiện đại hóa hành chính\n        nhiem_vu: [{nhiem_vu: Việc lạc chỗ}]\n")
    _fails(cli, direct, built,
           f'phu-luc.yaml:{line}: lỗi: "nhom" mỗi nhóm có đúng một trong hai: "nhiem_vu" (danh sách nhiệm vụ, '
           f'không trống) hoặc "nhom" (các nhóm con) [content.group-kind]')


def test_whole_build_of_a_plan_without_appendix_derives_nothing(cli, direct, tmp_path):
    """`docgen build` (all targets): no appendix means no derived or commune plan, never an error."""
    (direct / "phu-luc.yaml").unlink()
    out = tmp_path / "b"
    status, stdout, err = cli("build", "--content", direct, "--out", out)
    assert status == 0 and "Traceback" not in err + stdout, err
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*.docx")) == ["ke-hoach.docx", "tron-bo.docx"]
    assert_in_order((out / "tron-bo.docx").read_bytes(), ["KẾ HOẠCH", "Nguyễn Ngọc Phúc"])


def test_whole_build_of_the_direct_project_makes_task_sheets_from_sub_groups(cli, direct, tmp_path):
    out = tmp_path / "b"
    status, stdout, err = cli("build", "--content", direct, "--out", out)
    assert status == 0, err
    sheet = (out / "ke-hoach-con" / "van-phong-ubnd-tinh" / "bang-phan-cong.docx").read_bytes()
    rows = [r for r in table_rows(sheet) if r[0].isdigit()]
    assert [r[1] for r in rows] == ["Tích hợp ứng dụng AI hỗ trợ người dân tra cứu thủ tục hành chính",
                                    "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính"]
    assert rows[0][-1].endswith("II.1.1") and rows[1][-1].endswith("II.2.1")
