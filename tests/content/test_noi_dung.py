"""Articles with clauses and appendices that are not task tables (schema-13 §B, §C;
docs/content-shapes.md §4): the ld08-like plan (a schedule table and an outline) and the ld07-like
decision (clause articles, score tables with bold summary rows spanning 4 columns) build with
0 checker findings and print what their YAML says; each kind of bad input is one Vietnamese
message at its line, exit 1, nothing written."""

from __future__ import annotations

import shutil
import zipfile
from io import BytesIO
from pathlib import Path

import pytest
from lxml import etree

from docgen.model.phu_luc_noi_dung import Bang
from docgen.render.bang import widths
from docgen.render.table import TEXT_W
from tests.expect import W, assert_in_order, paragraphs, table_rows
from tests.helpers import build_and_check, edit, fails_to_build

DATA = Path(__file__).parent / "data"


@pytest.fixture
def ld08(tmp_path) -> Path:
    return Path(shutil.copytree(DATA / "ld08-ke-hoach-kiem-tra", tmp_path / "ld08"))


@pytest.fixture
def ld07(tmp_path) -> Path:
    return Path(shutil.copytree(DATA / "ld07-quyet-dinh-chi-so", tmp_path / "ld07"))


_build = build_and_check


def _body(data: bytes):
    return etree.fromstring(zipfile.ZipFile(BytesIO(data)).read("word/document.xml")).find(f"{W}body")


def _tables(data: bytes):
    return list(_body(data).iter(f"{W}tbl"))


def _styled(data: bytes) -> list[tuple[str, str]]:
    out = []
    for p in _body(data).iter(f"{W}p"):
        style = p.find(f"{W}pPr/{W}pStyle")
        text = "".join(t.text or "" for t in p.iter(f"{W}t"))
        if style is not None and text:
            out.append((style.get(f"{W}val"), text))
    return out


def _orient(data: bytes) -> list[str]:
    return [s.find(f"{W}pgSz").get(f"{W}orient") for s in _body(data).iter(f"{W}sectPr")]


def test_ld08_like_plan_prints_a_schedule_table_and_an_outline(cli, ld08, tmp_path):
    docs = _build(cli, ld08, tmp_path / "b")
    assert sorted(docs) == ["ke-hoach.docx", "phu-luc.docx", "tron-bo.docx"]
    pl = docs["phu-luc.docx"]
    assert_in_order(pl, [
        "Phụ lục I", "THỜI GIAN, ĐƠN VỊ ĐƯỢC KIỂM TRA",
        "(Ban hành kèm theo Kế hoạch số       /KH-UBND ngày        tháng 01 năm 2026 của Chủ tịch UBND tỉnh Lâm Đồng)",
        "Phụ lục II", "ĐỀ CƯƠNG BÁO CÁO PHỤC VỤ KIỂM TRA", "CÔNG TÁC CẢI CÁCH HÀNH CHÍNH NĂM 2026",
        "(Ban hành kèm theo Kế hoạch số"])
    rows = table_rows(pl)
    assert rows[:4] == [
        ["STT", "Đơn vị được kiểm tra", "Thời gian kiểm tra"],
        ["I", "Cơ quan chuyên môn cấp tỉnh", ""],
        ["1", "Sở Nông nghiệp và Môi trường (Văn phòng Đăng ký đất đai tỉnh và các Chi nhánh Văn phòng "
              "đăng ký đất đai khu vực)", "Từ tháng 3 đến tháng 9/2026"],
        ["2", "Sở Xây dựng", "Tháng 7/2026"]]
    assert ["II", "Ủy ban nhân dân cấp xã", ""] in rows and rows[-1] == ["25", "Phường 2 Bảo Lộc", "Tháng 9/2026"]
    assert len(rows) == 1 + 2 + 4 + 25
    (table,) = _tables(pl)
    trs = table.findall(f"{W}tr")
    assert trs[0].find(f"{W}trPr/{W}tblHeader") is not None                # header repeated on every page
    assert all(tr.find(f"{W}trPr/{W}cantSplit") is not None for tr in trs)  # rows never split
    styles = [tr.find(f".//{W}pStyle").get(f"{W}val") for tr in trs[:3]]
    assert styles == ["Bangtieude", "Bangnhom", "Bangnoidung"]               # header, bold group row, row
    jc = [p.find(f"{W}pPr/{W}jc").get(f"{W}val") for p in trs[2].iter(f"{W}p")]
    assert jc == ["center", "left", "center"]                               # `can: trai` on Đơn vị only
    grid = [int(g.get(f"{W}w")) for g in table.iter(f"{W}gridCol")]
    assert sum(grid) == TEXT_W["doc"] and grid[1] > grid[2] > grid[0]       # portrait, filled exactly
    assert _orient(pl) == ["portrait", "portrait"]
    outline = [x for x in _styled(pl) if x[0] in ("Muc", "Noidung")]
    assert outline[:3] == [
        ("Muc", "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH"),
        ("Noidung", "1. Việc ban hành và tổ chức thực hiện Kế hoạch cải cách hành chính năm 2026 của cơ quan, "
                    "đơn vị, địa phương; mức độ bám sát mục tiêu, nhiệm vụ, chỉ tiêu được UBND tỉnh giao."),
        ("Noidung", "2. Việc theo dõi, đôn đốc, đánh giá tiến độ thực hiện các nhiệm vụ cải cách hành chính "
                    "theo định kỳ; việc thực hiện chế độ báo cáo cải cách hành chính định kỳ, đột xuất.")]
    assert outline[-1] == ("Noidung", "2. Kiến nghị, đề xuất giải pháp khắc phục và phương hướng, nhiệm vụ "
                                      "cải cách hành chính trong thời gian tới.")


def test_ld07_like_decision_numbers_clauses_and_prints_score_tables(cli, ld07, tmp_path):
    docs = _build(cli, ld07, tmp_path / "b")
    assert sorted(docs) == ["phu-luc.docx", "quyet-dinh.docx", "tron-bo.docx"]   # a decision without a plan
    qd = docs["quyet-dinh.docx"]
    body = [t for t in paragraphs(qd) if t.startswith(("Điều", "1.", "2.", "3.", "a)", "b)"))]
    assert body == [
        "Điều 1. Công bố kết quả đánh giá, xếp loại Chỉ số cải cách hành chính năm 2025 đối với:",
        "1. Các cơ quan chuyên môn thuộc UBND tỉnh và Ban Quản lý các khu công nghiệp: Tại Phụ lục I đính kèm.",
        "2. UBND các xã, phường, đặc khu: Tại Phụ lục II đính kèm.",
        "Điều 2. Căn cứ kết quả đánh giá, xếp loại Chỉ số cải cách hành chính năm 2025 được công bố tại "
        "Quyết định này, Chủ tịch UBND tỉnh chỉ đạo:",
        "1. Giao Thủ trưởng các cơ quan chuyên môn thuộc UBND tỉnh, Trưởng Ban Quản lý các khu công nghiệp, "
        "Chủ tịch UBND các xã, phường, đặc khu tổ chức rà soát, xây dựng kế hoạch khắc phục những tồn tại, "
        "hạn chế tại cơ quan, đơn vị, địa phương mình, gửi về Sở Nội vụ trước ngày 28/02/2026 để theo dõi, "
        "tổng hợp báo cáo Chủ tịch UBND tỉnh.",
        "2. Giao Sở Nội vụ chủ trì, phối hợp với các cơ quan, đơn vị có liên quan:",
        "a) tham mưu Chủ tịch UBND tỉnh tặng Bằng khen cho các cơ quan, đơn vị, địa phương theo quy định;",
        "b) theo dõi việc khắc phục những tồn tại, hạn chế sau công bố.",
        "3. Phê bình các cơ quan, đơn vị, địa phương có kết quả Chỉ số cải cách hành chính năm 2025 xếp loại "
        "Trung bình.",
        "Điều 3. Quyết định này có hiệu lực kể từ ngày ký ban hành.",
        "Điều 4. Chánh Văn phòng UBND tỉnh, Thủ trưởng các sở, ban, ngành tỉnh; Chủ tịch UBND các xã, "
        "phường, đặc khu và các cơ quan, đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này./."]
    clause_styles = {s for s, t in _styled(qd) if t[:2] in ("1.", "2.", "a)")}
    assert clause_styles == {"Noidung"}                                     # clauses are body paragraphs
    pl = docs["phu-luc.docx"]
    assert_in_order(pl, [
        "Phụ lục I", "KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2025", "CỦA CÁC CƠ QUAN CHUYÊN MÔN THUỘC UBND TỈNH",
        "VÀ BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP", "(Kèm theo Quyết định số",
        "1. Nhóm 1: Nhóm các cơ quan thực hiện đánh giá, xếp loại và xếp hạng chung (14/15 đơn vị)",
        "2. Nhóm 2:", "Phụ lục II", "CỦA UBND CÁC XÃ, PHƯỜNG, ĐẶC KHU"])
    t1, t2, t3 = _tables(pl)
    summary = t1.findall(f"{W}tr")[-3]
    cells = summary.findall(f"{W}tc")
    assert [c.find(f"{W}tcPr/{W}gridSpan").get(f"{W}val") for c in cells] == ["4", "1", "1"]
    assert ["".join(c.itertext()) for c in cells] == ["Chỉ số cao nhất", "93,01%", ""]
    assert summary.find(f".//{W}pStyle").get(f"{W}val") == "Bangnhom"
    rows = table_rows(pl)
    assert rows[0] == ["Thứ hạng", "Đơn vị", "Điểm chuẩn tối đa", "Điểm đạt được", "Chỉ số chung", "Xếp loại"]
    assert ["14", "Sở Ngoại vụ", "80,50", "48,65", "60,43%", "TRUNG BÌNH"] in rows
    assert ["TT", "Đơn vị", "Điểm chuẩn tối đa", "Điểm đạt được", "Chỉ số chung", "Xếp loại"] in rows
    for t in (t1, t2, t3):
        assert sum(int(g.get(f"{W}w")) for g in t.iter(f"{W}gridCol")) == TEXT_W["doc"]


def test_widths_landscape_given_widths_and_line_breaks():
    bang = Bang.model_validate({"cot": ["A", {"ten": "B", "rong": 40}, "C\nD"],
                                "hang": [["x" * 60, "y", "z"], [{"ten": "tổng", "gop": 3}]]})
    ws = widths(bang, TEXT_W["ngang"])
    assert sum(ws) == TEXT_W["ngang"] and ws[1] == round(40 * 1440 / 25.4 - 0.5)
    assert bang.hang[1].so_cot == 3 and bang.cot[2].ten == "C\nD"


def test_wide_table_makes_a_landscape_appendix(cli, ld08, tmp_path):
    edit(ld08 / "phu-luc.yaml", "            - Thời gian kiểm tra\n",
         "            - {ten: Thời gian kiểm tra, rong: 150}\n")
    pl = _build(cli, ld08, tmp_path / "b")["phu-luc.docx"]
    assert _orient(pl) == ["landscape", "portrait"]
    grid = [int(g.get(f"{W}w")) for g in _tables(pl)[0].iter(f"{W}gridCol")]
    assert sum(grid) == TEXT_W["ngang"]


def test_cell_line_break_and_yaml_number(cli, ld08, tmp_path):
    edit(ld08 / "phu-luc.yaml", '["2", "Sở Xây dựng", "Tháng 7/2026"]', '[2, "Sở Xây dựng", "Tháng 7/2026\\nTháng 8/2026"]')
    rows = table_rows(_build(cli, ld08, tmp_path / "b")["phu-luc.docx"])
    assert ["2", "Sở Xây dựng", "Tháng 7/2026\nTháng 8/2026"] in rows


def _fails(cli, content, out, *expected):
    return fails_to_build(cli, content, out, *expected, target=("chinh",))


def test_row_that_does_not_match_the_columns(cli, ld07, tmp_path):
    line = edit(ld07 / "phu-luc.yaml", '["3", "Sở Khoa học và Công nghệ", "87,00", "78,83", "90,60%", "TỐT"]',
                '["3", "Sở Khoa học và Công nghệ", "87,00", "78,83", "90,60%"]')
    line2 = edit(ld07 / "phu-luc.yaml", '{ten: Chỉ số trung bình, gop: 4}', '{ten: Chỉ số trung bình, gop: 3}')
    err = _fails(cli, ld07, tmp_path / "b",
                 f"phu-luc.yaml:{line}: lỗi: hàng 3 của bảng có 5 ô nhưng bảng có 6 cột; thêm ô trống \"\" "
                 f"hoặc gộp ô bằng {{ten: …, gop: số cột}} [content.table-shape]",
                 f"phu-luc.yaml:{line2}: lỗi: hàng 16 của bảng có 5 ô (tính cả ô gộp) nhưng bảng có 6 cột; "
                 f"thêm ô trống \"\" hoặc gộp ô bằng {{ten: …, gop: số cột}} [content.table-shape]")
    assert err.count("[content.table-shape]") == 2 and "Có 2 lỗi" in err


def test_row_neither_list_nor_bold_row_and_unknown_key(cli, ld08, tmp_path):
    line = edit(ld08 / "phu-luc.yaml", '- ["3", "Sở Y tế", "Tháng 8/2026"]', "- Sở Y tế")
    line2 = edit(ld08 / "phu-luc.yaml", '{dam: true, o: ["II",', '{dam: true, cot: ["II",')
    line3 = edit(ld08 / "phu-luc.yaml", "{ten: Đơn vị được kiểm tra, can: trai}", "{ten: Đơn vị được kiểm tra, can: trái}")
    line4 = edit(ld08 / "phu-luc.yaml", "      - bang:\n", "      - bang:\n          tieu_de: x\n")
    row = ('"hang" mỗi hàng của bảng là một danh sách ô ["…", "…"] hoặc {dam: true, o: ["…", "…"]} '
           '[content.table-row]')
    err = _fails(cli, ld08, tmp_path / "b",
                 f"phu-luc.yaml:{line + 1}: lỗi: {row}",
                 f"phu-luc.yaml:{line2 + 1}: lỗi: {row}",
                 f"phu-luc.yaml:{line3 + 1}: lỗi: \"can\" chỉ nhận một trong các giá trị: 'trai', 'giua', "
                 f"'phai' hoặc 'deu' [content.invalid-value]",
                 f"phu-luc.yaml:{line4 + 1}: lỗi: khóa \"tieu_de\" không hợp lệ ở đây [content.unknown-key]")
    assert "Có 4 lỗi" in err


def test_typed_numbers_in_clauses_and_appendix_blocks(cli, ld07, ld08, tmp_path):
    line = edit(ld07 / "quyet-dinh.yaml", '- "UBND các xã, phường, đặc khu: Tại', '- "2. UBND các xã, phường, đặc khu: Tại')
    line2 = edit(ld07 / "quyet-dinh.yaml", "- theo dõi việc khắc phục", "- b) theo dõi việc khắc phục")
    line4 = edit(ld07 / "quyet-dinh.yaml", "- Quyết định này có hiệu lực", "- Điều 3. Quyết định này có hiệu lực")
    _fails(cli, ld07, tmp_path / "b",
           f'quyet-dinh.yaml:{line4}: lỗi: Điều 3 bắt đầu bằng số gõ tay "Điều 3."; docgen tự đánh số chỗ này '
           f'là "Điều 3.": hãy xóa "Điều 3." ở đầu dòng [content.typed-number]',
           f'quyet-dinh.yaml:{line}: lỗi: khoản của Điều 1 bắt đầu bằng số gõ tay "2."; docgen tự đánh số chỗ '
           f'này là "2.": hãy xóa "2." ở đầu dòng [content.typed-number]',
           f'quyet-dinh.yaml:{line2}: lỗi: điểm của khoản 2 Điều 2 bắt đầu bằng số gõ tay "b)"; docgen tự đánh '
           f'số chỗ này là "b)": hãy xóa "b)" ở đầu dòng [content.typed-number]')
    line3 = edit(ld08 / "phu-luc.yaml", "- muc: XÂY DỰNG VÀ TỔ CHỨC", "- muc: III. XÂY DỰNG VÀ TỔ CHỨC")
    _fails(cli, ld08, tmp_path / "c",
           f'phu-luc.yaml:{line3}: lỗi: mục "muc" bắt đầu bằng số gõ tay "III."; docgen tự đánh số chỗ này là '
           f'"II.": hãy xóa "III." ở đầu dòng [content.typed-number]')


def test_article_with_empty_clauses_and_bad_block(cli, ld07, tmp_path):
    line = edit(ld07 / "quyet-dinh.yaml", "    khoan:\n      - \"Các cơ quan", "    khoan: []\n    x:\n      - \"Các cơ quan")
    line2 = edit(ld07 / "phu-luc.yaml", "      - khoan: \"Nhóm 2:", "      - gach: a\n        bang: {cot: [a], hang: [[b]]}\n      - khoan: \"Nhóm 2:")
    _fails(cli, ld07, tmp_path / "b",
           f'quyet-dinh.yaml:{line}: lỗi: danh sách "khoan" không được để trống [content.empty-list]',
           f'quyet-dinh.yaml:{line + 1}: lỗi: khóa "x" không hợp lệ ở đây [content.unknown-key]',
           f"phu-luc.yaml:{line2}: lỗi: \"noi_dung\" mỗi mục phải có đúng một trong các khóa muc, khoan, diem, gach, bang "
           f"(hoặc là một đoạn văn) [content.block-kind]")


TASK_APPENDIX = """  - tieu_de: "NHIỆM VỤ KIỂM TRA\\nNĂM 2026"
    nhom:
      - ten: Kiểm tra
        nhiem_vu:
          - nhiem_vu: Tổ chức kiểm tra công tác cải cách hành chính
            san_pham: [Báo cáo kết quả kiểm tra]
            chu_tri: SNV
            thoi_gian: Tháng 10/2026
"""


def test_task_appendix_beside_free_ones_is_the_one_derived_from(cli, ld08, tmp_path):
    from docgen.content import load_project
    from docgen.model import PhuLuc

    text = (ld08 / "phu-luc.yaml").read_text("utf-8")
    at = text.index("  - tieu_de: \"ĐỀ CƯƠNG")
    (ld08 / "phu-luc.yaml").write_text(text[:at] + TASK_APPENDIX + text[at:], "utf-8")
    project = load_project(ld08)
    assert [type(pl).__name__ for pl in project.phu_luc_ds] == ["PhuLucNoiDung", "PhuLuc", "PhuLucNoiDung"]
    assert isinstance(project.phu_luc, PhuLuc) and project.phu_luc_nhiem_vu == (project.phu_luc,)
    assert [ma for ma, _, _ in project.phu_luc.tasks()] == ["I.1"]
    pl = _build(cli, ld08, tmp_path / "b")["phu-luc.docx"]
    assert_in_order(pl, ["Phụ lục I", "THỜI GIAN, ĐƠN VỊ ĐƯỢC KIỂM TRA", "Phụ lục II", "NHIỆM VỤ KIỂM TRA",
                         "Tổ chức kiểm tra công tác cải cách hành chính", "Phụ lục III", "ĐỀ CƯƠNG BÁO CÁO"])
    titles = [t for s, t in _styled(pl) if s == "Phuluctieude"]
    assert titles == ["THỜI GIAN, ĐƠN VỊ ĐƯỢC KIỂM TRA", "NHIỆM VỤ KIỂM TRA", "NĂM 2026",   # a task table's
                      "ĐỀ CƯƠNG BÁO CÁO PHỤC VỤ KIỂM TRA", "CÔNG TÁC CẢI CÁCH HÀNH CHÍNH NĂM 2026"]  # title lines too
    status, _, err = cli("build", "--content", ld08, "--out", tmp_path / "c")   # every target: no failure
    assert status == 0 and "Traceback" not in err, err


def test_excel_refuses_a_free_appendix(cli, ld08):
    before = sorted(p.name for p in ld08.iterdir())
    status, out, err = cli("excel", "--content", ld08)
    assert status == 2
    assert (f"{ld08 / 'phu-luc.yaml'}: lỗi: có phụ lục không phải bảng nhiệm vụ (khóa \"noi_dung\"); docgen excel "
            "chỉ chuyển được Phụ lục là bảng nhiệm vụ (nhom, nhiem_vu), hãy sửa tệp YAML [excel.free-appendix]") in err
    assert sorted(p.name for p in ld08.iterdir()) == before


def test_no_task_appendix_no_lists_of_places_to_fill(cli, ld08, tmp_path):
    """`docgen build` (every target) of a plan whose appendices are a schedule and an outline:
    no derived or commune plan is made, so no can-nhap list is written either."""
    out = tmp_path / "o"
    status, stdout, err = cli("build", "--content", ld08, "--out", out)
    assert status == 0, err
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")
                  if p.is_file() and ".docgen" not in p.parts) == ["ke-hoach.docx", "phu-luc.docx", "tron-bo.docx"]
    assert "can-nhap" not in stdout
