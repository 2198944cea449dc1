"""A task printed over several rows (`dong`, /work/briefs/schema-13.md §A): the model and its
bad input at their lines, the merged TT and Nhiệm vụ cells of the printed table, the Excel
round trip, and what derived plans and task sheets make of each row (an agency leading a row
receives that row; every task appendix is read, not only the first)."""

from __future__ import annotations

import shutil
import zipfile
from io import BytesIO
from pathlib import Path

import openpyxl
import pytest
from lxml import etree

from tests.excel.test_excel import _tree_digests
from tests.expect import W, paragraphs, table_rows
from tests.helpers import edit, fails_to_build

DATA = Path(__file__).parent / "data" / "ke-hoach-truc-tiep"
ANCHOR = "          - nhiem_vu: Định kỳ công bố danh mục văn bản quy phạm pháp luật hết hiệu lực\n"
# Two tasks of two rows each: SNV leads the first row of I.2 and the second row of I.3, the
# communes (XA) the other rows.
TWO_ROW_TASKS = """\
          - nhiem_vu: Tham mưu ban hành Kế hoạch rà soát văn bản quy phạm pháp luật trên địa bàn tỉnh năm 2026
            dong:
              - san_pham: Kế hoạch rà soát văn bản năm 2026 của tỉnh
                thoi_gian: Trong tháng 01/2026
                chu_tri: SNV
                phoi_hop: XA
                theo_doi: SNV
              - san_pham: Kế hoạch rà soát văn bản năm 2026 của cơ quan, đơn vị, địa phương
                thoi_gian: Trong tháng 6/2026
                chu_tri: XA
                theo_doi: SNV
          - nhiem_vu: Tham mưu UBND tỉnh đánh giá, công bố chỉ số cải cách hành chính hằng tháng
            dong:
              - san_pham: Kết quả tự đánh giá của cơ quan, đơn vị, địa phương
                thoi_gian: Thường xuyên trong tháng
                chu_tri: XA
                phoi_hop: SNV
                theo_doi: SNV
              - san_pham: Kết quả công bố chỉ số hằng tháng
                thoi_gian: Trước ngày 05 của tháng liền kề
                chu_tri: SNV
                phoi_hop: [VP, STP]
                theo_doi: SNV
"""


@pytest.fixture
def rows(tmp_path) -> Path:
    """The plan-issued-directly project with two two-row tasks (I.2, I.3) and, in its second
    appendix, a plan led by Sở Tư pháp (PL2.I.3)."""
    dst = tmp_path / "content" / "p"
    shutil.copytree(DATA, dst)
    edit(dst / "phu-luc.yaml", ANCHOR, TWO_ROW_TASKS + ANCHOR)
    edit(dst / "phu-luc.yaml", "      - kinh_phi: Kinh phí (triệu đồng)\n",
         "      - kinh_phi: Kinh phí (triệu đồng)\n      - chu_tri\n")
    edit(dst / "phu-luc.yaml", "            ghi_chu: Hằng năm\n",
         "            ghi_chu: Hằng năm\n          - nhiem_vu: Ban hành Kế hoạch phổ biến, giáo dục pháp luật năm "
         "2026\n            kinh_phi: \"40\"\n            chu_tri: STP\n")
    return dst


def _build(cli, content: Path, out: Path, *target: str) -> None:
    status, _, err = cli("build", *target, "--content", content, "--out", out)
    assert status == 0, err
    status, stdout, err = cli("check", out)
    assert status == 0 and "0 lỗi, 0 cảnh báo" in stdout + err, stdout + err


def _table_cells(data: bytes) -> list[list[tuple[str, str | None]]]:
    """The first table's rows: (text, vMerge value: None = not merged, "" = continued) per cell."""
    body = etree.fromstring(zipfile.ZipFile(BytesIO(data)).read("word/document.xml")).find(f"{W}body")
    out = []
    for tr in next(body.iter(f"{W}tbl")).iter(f"{W}tr"):
        cells = []
        for tc in tr.iterchildren(f"{W}tc"):
            vm = tc.find(f"{W}tcPr/{W}vMerge")
            cells.append(("".join(t.text or "" for t in tc.iter(f"{W}t")),
                          None if vm is None else vm.get(f"{W}val", "")))
        out.append(cells)
    return out


def test_merged_tt_and_nhiem_vu_cells_over_the_rows(cli, rows, tmp_path):
    _build(cli, rows, tmp_path / "o", "chinh")
    table = _table_cells((tmp_path / "o" / "phu-luc.docx").read_bytes())
    texts = [[t for t, _ in r] for r in table]
    i = texts.index(["2", "Tham mưu ban hành Kế hoạch rà soát văn bản quy phạm pháp luật trên địa bàn tỉnh năm 2026",
                     "Kế hoạch rà soát văn bản năm 2026 của tỉnh", "Trong tháng 01/2026", "Sở Nội vụ",
                     "UBND các xã, phường, đặc khu", "Sở Nội vụ"])
    assert [m for _, m in table[i]] == ["restart", "restart", None, None, None, None, None]
    # the second row: TT and Nhiệm vụ merged into the first (empty), its own cells; theo dõi is
    # the same in both rows and still printed in each (ld09 merges only TT and Nhiệm vụ)
    assert table[i + 1] == [("", ""), ("", ""), ("Kế hoạch rà soát văn bản năm 2026 của cơ quan, đơn vị, địa phương", None),
                            ("Trong tháng 6/2026", None), ("UBND các xã, phường, đặc khu", None), ("", None),
                            ("Sở Nội vụ", None)]
    assert [m for _, m in table[i + 2][:2]] == ["restart", "restart"] and table[i + 2][0][0] == "3"
    assert table[i + 3][:2] == [("", ""), ("", "")] and table[i + 3][2][0] == "Kết quả công bố chỉ số hằng tháng"
    assert texts[i + 4][0] == "4"   # one number per task: the next task is 4
    assert sum(1 for r in table for _, m in r if m is not None) == 8   # nothing else is merged


def test_both_forms_in_one_task(cli, rows, tmp_path):
    line = edit(rows / "phu-luc.yaml", TWO_ROW_TASKS.splitlines()[0] + "\n",
                TWO_ROW_TASKS.splitlines()[0] + "\n            san_pham: Kế hoạch\n")
    fails_to_build(cli, rows, tmp_path / "o",
                   f'phu-luc.yaml:{line}: lỗi: "nhiem_vu" có cả "san_pham" và "dong": một nhiệm vụ ghi các cột '
                   f'ngay dưới nó, hoặc trong "dong" (mỗi dòng một hàng của bảng), không cả hai; chuyển "san_pham" '
                   f'vào từng dòng của "dong" [content.block-kind]',
                   target=("chinh",))


def test_dong_with_one_row(cli, rows, tmp_path):
    one = TWO_ROW_TASKS.split("              - san_pham: Kế hoạch rà soát văn bản năm 2026 của cơ quan")[0]
    text = (rows / "phu-luc.yaml").read_text("utf-8")
    second = text.index("              - san_pham: Kế hoạch rà soát văn bản năm 2026 của cơ quan")
    end = text.index("          - nhiem_vu: Tham mưu UBND tỉnh đánh giá")
    (rows / "phu-luc.yaml").write_text(text[:second] + text[end:], "utf-8")
    line = text[: text.index(one)].count("\n") + 1
    err = fails_to_build(cli, rows, tmp_path / "o",
                         f'phu-luc.yaml:{line}: lỗi: "nhiem_vu" có "dong" với 1 dòng; "dong" dùng cho nhiệm vụ in '
                         f'thành hai dòng trở lên: nhiệm vụ một dòng thì ghi các cột ngay dưới "nhiem_vu", không dùng '
                         f'"dong" [content.block-kind]',
                         target=("chinh",))
    assert "Có 1 lỗi, 0 cảnh báo." in err


def test_undeclared_column_inside_a_row(cli, rows, tmp_path):
    line = edit(rows / "phu-luc.yaml", "                thoi_gian: Trong tháng 6/2026\n",
                "                thoi_gian: Trong tháng 6/2026\n                kinh_phi: \"20\"\n") + 1
    fails_to_build(cli, rows, tmp_path / "o",
                   f'phu-luc.yaml:{line}: lỗi: nhiệm vụ I.2 (dòng 2) ghi "kinh_phi" nhưng Phụ lục không có cột này; '
                   f'thêm "kinh_phi" vào danh sách "cot" (các cột đang có: tt, nhiem_vu, san_pham, thoi_gian, chu_tri, '
                   f'phoi_hop, theo_doi) [content.undeclared-column]', target=("chinh",))


def test_unknown_agency_in_a_row_at_its_line(cli, rows, tmp_path):
    line = edit(rows / "phu-luc.yaml", "                phoi_hop: [VP, STP]\n", "                phoi_hop: [VP, STPP]\n")
    fails_to_build(cli, rows, tmp_path / "o",
                   f'phu-luc.yaml:{line}: lỗi: cơ quan phối hợp "STPP" không có trong danh mục (don-vi.yaml); có phải '
                   f'"STP"? [content.unknown-agency]', target=("chinh",))


def test_excel_round_trip_with_tasks_over_several_rows(cli, rows, tmp_path, monkeypatch):
    yaml_root = rows.parents[1]
    xlsx_root = tmp_path / "x"
    shutil.copytree(rows, xlsx_root / "content" / "p")
    monkeypatch.chdir(xlsx_root)
    status, out, err = cli("excel")
    assert status == 0, err
    ws = openpyxl.load_workbook(xlsx_root / "content" / "p" / "phu-luc.xlsx")["Phụ lục I"]
    assert sorted(str(r) for r in ws.merged_cells.ranges) == ["A6:A7", "A8:A9", "B1:G1", "B6:B7", "B8:B9"]
    assert [c.value for c in ws[7]] == [None, None, "Kế hoạch rà soát văn bản năm 2026 của cơ quan, đơn vị, địa phương",
                                        "Trong tháng 6/2026", "UBND các xã, phường, đặc khu", None, "Sở Nội vụ"]
    status, _, err = cli("build", "chinh", "--out", "o")
    assert status == 0, err
    monkeypatch.chdir(yaml_root)
    status, _, err = cli("build", "chinh", "--out", "o")
    assert status == 0, err
    digests = _tree_digests(xlsx_root / "o")
    assert {"ke-hoach.docx", "phu-luc.docx", "tron-bo.docx"} <= set(digests)
    assert digests == _tree_digests(yaml_root / "o")


def test_excel_merge_in_another_column_is_refused(cli, rows, tmp_path, monkeypatch):
    monkeypatch.chdir(rows.parents[1])
    assert cli("excel")[0] == 0
    path = rows / "phu-luc.xlsx"
    wb = openpyxl.load_workbook(path)
    wb["Phụ lục I"].merge_cells("G6:G7")   # theo dõi of the two rows of I.2
    wb.save(path)
    status, _, err = cli("build", "chinh", "--out", "o")
    assert status == 1
    assert err.splitlines()[0] == (
        "content/p/phu-luc.xlsx: Phụ lục I!G6: lỗi: ô gộp G6:G7 ở chỗ không được gộp: chỉ gộp được ô tiêu đề (dòng 1), "
        "tên một nhóm trên dòng của nó, và ô TT, ô Nhiệm vụ của một nhiệm vụ nhiều dòng (gộp dọc, cùng các dòng ở hai "
        "cột); bỏ gộp ô (Merge & Center) rồi ghi mỗi giá trị vào ô của nó [content.excel-merged]")


def test_an_agency_receives_the_rows_it_leads_of_every_appendix(cli, rows, tmp_path):
    out = tmp_path / "o"
    _build(cli, rows, out)
    sheet = [r for r in table_rows((out / "ke-hoach-con" / "so-noi-vu" / "bang-phan-cong.docx").read_bytes())
             if r[0].isdigit()]
    # Sở Nội vụ leads row 1 of I.2 and row 2 of I.3, partners in row 1 of I.3: each row its own
    assert [(r[2], r[3], r[5], r[6]) for r in sheet] == [
        ("Kế hoạch rà soát văn bản năm 2026 của tỉnh", "Sở Nội vụ", "Trong tháng 01/2026", "Chủ trì, nhiệm vụ I.2"),
        ("Kết quả tự đánh giá của cơ quan, đơn vị, địa phương", "UBND các xã, phường, đặc khu",
         "Thường xuyên trong tháng", "Phối hợp, nhiệm vụ I.3"),
        ("Kết quả công bố chỉ số hằng tháng", "Sở Nội vụ", "Trước ngày 05 của tháng liền kề", "Chủ trì, nhiệm vụ I.3")]
    # the plan of I.2 is Sở Nội vụ's (row 1), with row 1's deadline and product
    plan = paragraphs((out / "ke-hoach-con" / "so-noi-vu" / "i-2-ra-soat-van-ban-quy-pham.docx").read_bytes())
    assert "- Hoàn thành đúng thời hạn: Trong tháng 01/2026; sản phẩm: Kế hoạch rà soát văn bản năm 2026 của tỉnh." in plan
    assert not any("cơ quan, đơn vị, địa phương; thời gian" in p or "Trong tháng 6/2026" in p for p in plan)
    # the second appendix is read too: Sở Tư pháp's plan of its task PL2.I.3, and its sheet row
    assert (out / "ke-hoach-con" / "so-tu-phap" / "pl2-i-3-pho-bien-giao-duc-phap-luat.docx").is_file()
    stp = table_rows((out / "ke-hoach-con" / "so-tu-phap" / "bang-phan-cong.docx").read_bytes())
    assert ["1", "Ban hành Kế hoạch phổ biến, giáo dục pháp luật năm 2026", "", "Sở Tư pháp", "", "",
            "Chủ trì, nhiệm vụ PL2.I.3"] in stp



LAM_DONG = Path(__file__).resolve().parents[2] / "content" / "lam-dong-2026"


def test_a_commune_leading_only_the_second_row_gets_that_row(cli, tmp_path):
    """ld09 VII.2: Sở Nội vụ leads row 1 (the province's inspection plan, the communes partner),
    "Các cơ quan, đơn vị, địa phương" row 2 (their own self-inspection plan). A xã's plan gets a
    partner line for row 1 and, for row 2, a line made of that row (product, deadline) worded for
    the xã, never the province's task text as its own; the same for VII.3 and VII.5."""
    out = tmp_path / "o"
    status, _, err = cli("build", "--content", LAM_DONG, "--out", out, "xa-phuong", "Đam Rông 3")
    assert status == 0, err
    plan = paragraphs((out / "xa-phuong" / "dam-rong-3" / "ke-hoach.docx").read_bytes())
    area = plan[plan.index("7. Công tác chỉ đạo, điều hành"):plan.index("III. TỔ CHỨC THỰC HIỆN")]
    assert area[2:8] == [
        "- Xây dựng và tổ chức thực hiện Kế hoạch cải cách hành chính năm 2026 của xã.",
        "- Phối hợp với Sở Nội vụ trong việc tham mưu ban hành Kế hoạch kiểm tra công tác cải cách hành chính trên "
        "địa bàn tỉnh năm 2026.",
        "- Hoàn thành: Kế hoạch tự kiểm tra cải cách hành chính năm 2026 của xã; thời gian: ban hành kế hoạch trong tháng 01/2026, "
        "tổ chức kiểm tra chậm nhất trong tháng 6/2026 và báo cáo kết quả khắc phục các tồn tại, hạn chế phát hiện qua "
        "kiểm tra chậm nhất trong tháng 8/2026.",
        "- Phối hợp với Sở Nội vụ trong việc tham mưu ban hành Kế hoạch tuyên truyền công tác cải cách hành chính trên "
        "địa bàn tỉnh năm 2026.",
        "- Hoàn thành: Kế hoạch tuyên truyền cải cách hành chính năm 2026 của xã; thời gian: ban hành kế hoạch trong tháng 01/2026 "
        "và tổ chức thực hiện.",
        "- Chủ động đề xuất áp dụng, nhân rộng các sáng kiến, mô hình mới và các giải pháp có tính đột phá để nâng cao "
        "hiệu quả thiết thực, tạo chuyển biến rõ nét trong thực hiện cải cách hành chính tại xã."]
    assert area[8].startswith("- Hoàn thành: Kết quả tự đánh giá việc thực hiện các chỉ tiêu, nhiệm vụ cải cách hành chính của xã "
                              "trên Hệ thống phần mềm") and area[8].endswith("; thời gian: thường xuyên trong tháng.")
    # VII.5 row 2 (Sở Nội vụ publishes the index, the communes are not named): no line for it
    assert not any("Kết quả công bố chỉ số" in p or "đánh giá, công bố chỉ số" in p for p in area)
    assert not any(p.startswith("- Tham mưu") for p in area)
    rows = table_rows((out / "xa-phuong" / "dam-rong-3" / "phu-luc.docx").read_bytes())
    own = next(r for r in rows if r[1].startswith("Hoàn thành: Kế hoạch tự kiểm tra"))
    assert own[2:] == ["Kế hoạch tự kiểm tra cải cách hành chính năm 2026 của xã", "Phòng Văn hóa - Xã hội", "",
                       "Ban hành kế hoạch trong tháng 01/2026, tổ chức kiểm tra chậm nhất trong tháng 6/2026 và báo cáo "
                       "kết quả khắc phục các tồn tại, hạn chế phát hiện qua kiểm tra chậm nhất trong tháng 8/2026", ""]


def test_diff_follows_declared_columns_and_rows(cli, rows, tmp_path):
    """`docgen diff` of two builds of an appendix with declared columns (Chủ trì thực hiện, Theo
    dõi, …) and tasks over two rows: a changed second row is named, under its column's name."""
    from docgen.diff.extract import extract
    from docgen.diff.tasks import find_tasks, summarize

    _build(cli, rows, tmp_path / "a", "chinh")
    edit(rows / "phu-luc.yaml", "                thoi_gian: Trong tháng 6/2026\n                chu_tri: XA\n",
         "                thoi_gian: Trong tháng 7/2026\n                chu_tri: SNV\n")
    edit(rows / "phu-luc.yaml", "                chu_tri: SNV\n                phoi_hop: [VP, STP]\n                theo_doi: SNV\n",
         "                chu_tri: SNV\n                phoi_hop: [VP, STP]\n                theo_doi: VP\n")
    _build(cli, rows, tmp_path / "b", "chinh")
    old, new = (extract(tmp_path / d / "phu-luc.docx") for d in ("a", "b"))
    tasks, _ = find_tasks(old)
    assert [(t.ma, len(t.rows)) for t in tasks] == [("I.1", 1), ("I.2", 2), ("I.3", 2), ("I.4", 1),
                                                    ("II.1.1", 1), ("II.2.1", 1)]
    assert tasks[1].labels == ("nội dung", "sản phẩm", "thời gian", "chủ trì", "phối hợp", "theo dõi")
    assert summarize(old, new) == [
        "Nhiệm vụ I.2: dòng 2: thời gian Trong tháng 6/2026 → Trong tháng 7/2026; dòng 2: chủ trì UBND các xã, "
        "phường, đặc khu → Sở Nội vụ",
        "Nhiệm vụ I.3: dòng 2: theo dõi Sở Nội vụ → Văn phòng UBND tỉnh"]


def test_a_plan_whose_product_is_the_provinces_is_issued_by_the_province(cli, tmp_path):
    """ld09 VII.3 row 1: "Kế hoạch tuyên truyền cải cách hành chính năm 2026 của tỉnh" (Sở Nội vụ
    advises): UBND tỉnh issues it (…/KH-UBND, TM./KT. CHỦ TỊCH), not Sở Nội vụ (…/KH-SNV)."""
    out = tmp_path / "o"
    status, _, err = cli("build", "--content", LAM_DONG, "--out", out, "ke-hoach-con")
    assert status == 0, err
    plan = paragraphs((out / "ke-hoach-con" / "so-noi-vu" / "tuyen-truyen.docx").read_bytes())
    assert plan[:2] == ["ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG"]
    assert "Số: /KH-UBND" in [" ".join(p.split()) for p in plan]
