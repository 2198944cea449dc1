"""`docgen excel` and the Excel appendix (issue #13 item 3): layout, round trip, bad cells."""

from __future__ import annotations

import datetime
import hashlib
import io
import os
import shutil
import zipfile
from pathlib import Path

import openpyxl
import pytest

from tests.conftest import BUNDLED

SHEET = "Phụ lục"


def _tree_digests(root: Path) -> dict[str, str]:
    """sha256 of every output file (not docgen's own state folder)."""
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file() and ".docgen" not in p.parts}


@pytest.fixture
def office(tmp_path, monkeypatch):
    """An office folder holding content/hoai-nhon-2021 (the bundled project), as the working folder."""
    folder = tmp_path / "office"
    shutil.copytree(BUNDLED, folder / "content" / "hoai-nhon-2021")
    monkeypatch.chdir(folder)
    return folder


@pytest.fixture
def excel_project(office, cli):
    """The office project with its appendix exported to Excel (phu-luc.yaml renamed)."""
    status, out, err = cli("excel")
    assert status == 0, err
    return office / "content" / "hoai-nhon-2021"


def _rows(ws) -> dict[int, tuple]:
    return {r: tuple(ws.cell(r, c).value for c in range(1, 8)) for r in range(1, ws.max_row + 1)}


def _task_row(ws, group: int, task: int) -> int:
    """The sheet row of task `task` of group `group` (1-based), found by the TT column."""
    seen = 0
    for r in range(4, ws.max_row + 1):
        tt = ws.cell(r, 1).value or ""
        if tt in ("I", "II", "III", "IV", "V", "VI", "VII"):
            seen += 1
        elif seen == group and tt == str(task):
            return r
    raise AssertionError((group, task))


def test_excel_writes_the_appendix_and_replaces_the_yaml(office, cli):
    status, out, err = cli("excel")
    project = office / "content" / "hoai-nhon-2021"
    assert (status, err) == (0, "")
    assert out.splitlines()[1:] == [
        'Đã ghi content/hoai-nhon-2021/phu-luc.xlsx: 7 nhóm, 26 nhiệm vụ, 18 cơ quan (trang "Cơ quan").',
        "Từ nay docgen đọc Phụ lục từ content/hoai-nhon-2021/phu-luc.xlsx; phu-luc.yaml đã đổi tên thành "
        "phu-luc.yaml.bak (muốn quay lại YAML: xóa phu-luc.xlsx và đổi tên tệp đó lại)."]
    assert not (project / "phu-luc.yaml").exists()
    assert (project / "phu-luc.yaml.bak").read_bytes() == (BUNDLED / "phu-luc.yaml").read_bytes()
    wb = openpyxl.load_workbook(project / "phu-luc.xlsx")
    assert wb.sheetnames == [SHEET, "Cơ quan"]
    ws = wb[SHEET]
    rows = _rows(ws)
    assert rows[1][:2] == ("Tiêu đề", "NHIỆM VỤ TRỌNG TÂM CÔNG TÁC CẢI CÁCH HÀNH CHÍNH THỊ XÃ HOÀI NHƠN NĂM 2021")
    assert rows[2] == ("TT", "Nhiệm vụ", "Sản phẩm", "Cơ quan chủ trì", "Cơ quan phối hợp",
                       "Thời gian hoàn thành", "Ghi chú")
    assert rows[3] == ("tt", "nhiem_vu", "san_pham", "chu_tri", "phoi_hop", "thoi_gian", "ghi_chu")
    assert rows[4] == ("I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", None, None, None, None, None)
    assert rows[5] == ("1", "Ban hành Kế hoạch CCHC năm 2021", "Kế hoạch của UBND thị xã", "Phòng Nội vụ",
                       "Các cơ quan, đơn vị, địa phương", "- Ban hành Kế hoạch: 12/2020\n- Thực hiện: Cả năm", None)
    assert ws.freeze_panes == "A4"
    assert [str(r) for r in ws.merged_cells.ranges] == ["B1:G1"]
    group, task = ws["B4"], ws["B5"]
    assert group.font.b and group.fill.fgColor.rgb.endswith("E2EFDA") and not task.font.b
    assert task.alignment.wrap_text and task.number_format == "@" and ws["F5"].data_type == "s"
    assert [ws.column_dimensions[c].width for c in "ABCDEFG"] == [6, 48, 30, 24, 28, 24, 18]
    dv = ws.data_validations.dataValidation
    assert [(v.type, v.formula1, str(v.sqref).startswith("D4:D")) for v in dv] == [
        ("list", "'Cơ quan'!$B$2:$B$19", True)]
    agencies = [tuple(c.value for c in row) for row in wb["Cơ quan"].iter_rows()]
    assert agencies[0] == ("Mã", "Tên", "Tên ngắn", "Bí danh")
    assert agencies[1] == ("PNV", "Phòng Nội vụ", "PNV", "Phòng NV") and len(agencies) == 19


def test_the_workbook_bytes_are_reproducible(office, cli):
    project = office / "content" / "hoai-nhon-2021"
    assert cli("excel", "--out", "a.xlsx")[0] == 0
    assert cli("excel", "--out", "b.xlsx")[0] == 0
    assert (office / "a.xlsx").read_bytes() == (office / "b.xlsx").read_bytes()
    with zipfile.ZipFile(office / "a.xlsx") as zf:
        core = zf.read("docProps/core.xml").decode()
        assert {i.date_time for i in zf.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    assert core.count("2000-01-01T00:00:00Z") == 2
    assert (project / "phu-luc.yaml").exists()   # --out elsewhere leaves the project alone


def test_excel_refuses_to_overwrite(excel_project, cli):
    status, out, err = cli("excel", "--out", str(excel_project / "phu-luc.xlsx"))
    assert status == 2
    assert err.splitlines()[0] == ("content/hoai-nhon-2021/phu-luc.yaml: lỗi: không có tệp Phụ lục YAML để "
                                   "chuyển sang Excel (dự án đã dùng phu-luc.xlsx) [excel.no-yaml]")


def test_round_trip_gives_byte_identical_documents(tmp_path, cli, monkeypatch):
    """The bundled YAML appendix exported to Excel and built: every output has the same sha256."""
    digests = {}
    for kind in ("yaml", "xlsx"):
        office = tmp_path / kind
        shutil.copytree(BUNDLED, office / "content" / "hoai-nhon-2021")
        monkeypatch.chdir(office)
        if kind == "xlsx":
            assert cli("excel")[0] == 0
        status, out, err = cli("build", "--out", "build")
        assert status == 0, err
        digests[kind] = _tree_digests(office / "build")
    assert len([k for k in digests["yaml"] if k.endswith(".docx")]) == 59
    assert digests["xlsx"] == digests["yaml"]


def _save(project: Path, change) -> None:
    path = project / "phu-luc.xlsx"
    wb = openpyxl.load_workbook(path)
    change(wb[SHEET])
    wb.save(path)


def test_bad_cells_are_all_reported_at_their_cells(excel_project, cli):
    def spoil(ws):
        ws[f"D{_task_row(ws, 3, 1)}"] = "Phòng Nôi vụ"
        ws[f"B{_task_row(ws, 1, 2)}"] = '=A1&"x"'
        ws[f"F{_task_row(ws, 1, 3)}"] = datetime.datetime(2021, 12, 1)
        ws.merge_cells(f"C{_task_row(ws, 2, 1)}:D{_task_row(ws, 2, 1)}")
        ws[f"C{_task_row(ws, 2, 2)}"] = None
        ws["H2"], ws["H3"] = "Kinh phí dự kiến", "kinh_phi_du_kien"
    _save(excel_project, spoil)
    rows = {k: _task_row(openpyxl.load_workbook(excel_project / "phu-luc.xlsx")[SHEET], *k)
            for k in ((3, 1), (1, 2), (1, 3), (2, 1), (2, 2))}
    status, out, err = cli("build", "--out", "build")
    f = "content/hoai-nhon-2021/phu-luc.xlsx: Phụ lục!"
    assert status == 1
    assert sorted(err.splitlines()) == sorted([
        f'{f}H3: lỗi: cột "kinh_phi_du_kien" không có; các cột: tt, nhiem_vu, san_pham, chu_tri, phoi_hop, '
        "thoi_gian, kinh_phi, ket_qua, ghi_chu, theo_doi [content.unknown-column]",
        f"{f}B{rows[1, 2]}: lỗi: ô chứa công thức; docgen chỉ đọc chữ: thay công thức bằng chữ nó cho ra "
        "[content.excel-formula]",
        f"{f}F{rows[1, 3]}: lỗi: ô là một ngày của Excel, không phải chữ (Excel tự đổi khi gõ 12/2021 vào ô định "
        'dạng chung); định dạng ô là Văn bản (Text) rồi gõ lại dạng chữ, ví dụ "12/2021" hoặc "Quý I/2021" '
        "[content.excel-date]",
        f"{f}C{rows[2, 1]}: lỗi: ô gộp C{rows[2, 1]}:D{rows[2, 1]} ở chỗ không được gộp: chỉ gộp được ô tiêu đề "
        "(dòng 1), tên một nhóm trên dòng của nó, và ô TT, ô Nhiệm vụ của một nhiệm vụ nhiều dòng (gộp dọc, cùng "
        "các dòng ở hai cột); bỏ gộp ô (Merge & Center) rồi ghi mỗi giá trị vào ô của nó [content.excel-merged]",
        f'{f}C{rows[2, 2]}: lỗi: ô "Sản phẩm" không được để trống [content.missing]',
        f'{f}D{rows[3, 1]}: lỗi: cơ quan "Phòng Nôi vụ" không có trong danh mục; có phải "Phòng Nội vụ"? '
        "[content.unknown-agency]",
        "Có 6 lỗi, 0 cảnh báo."])
    assert not (excel_project.parent.parent / "build").exists()   # nothing written


def test_a_task_before_any_group_is_one_problem(excel_project, cli):
    def spoil(ws):
        ws["A4"] = "1"           # group I's row becomes a task row: 7 task rows before any group
        ws.insert_rows(6)        # an empty row: skipped
    _save(excel_project, spoil)
    status, out, err = cli("build", "--out", "build")
    assert status == 1
    assert err.splitlines() == [
        "content/hoai-nhon-2021/phu-luc.xlsx: Phụ lục!A4: lỗi: nhiệm vụ nằm trên dòng nhóm đầu tiên; dòng nhóm có "
        "TT là số La Mã (I, II, …) [content.excel-no-group]", "Có 1 lỗi, 0 cảnh báo."]


def test_yaml_and_xlsx_side_by_side_is_one_error(excel_project, cli):
    shutil.copy(BUNDLED / "phu-luc.yaml", excel_project / "phu-luc.yaml")
    status, out, err = cli("build", "--out", "build")
    assert status == 1
    assert err.splitlines() == [
        "content/hoai-nhon-2021/phu-luc.xlsx: lỗi: có cả phu-luc.yaml và phu-luc.xlsx trong thư mục; docgen chỉ "
        "đọc một tệp Phụ lục: xóa (hoặc đổi tên) tệp không dùng nữa [content.two-appendices]",
        "Có 1 lỗi, 0 cảnh báo."]
    assert not (excel_project.parent.parent / "build").exists()


def test_not_a_workbook(excel_project, cli):
    (excel_project / "phu-luc.xlsx").write_bytes(b"not a zip")
    status, out, err = cli("build", "--out", "build")
    assert (status, err.splitlines()[0]) == (1, (
        "content/hoai-nhon-2021/phu-luc.xlsx: lỗi: không đọc được tệp Excel (không phải tệp .xlsx hợp lệ); "
        "lưu lại bằng Excel dạng .xlsx [content.excel-unreadable]"))


def test_editing_a_cell_rebuilds_the_documents_that_read_it(excel_project, cli):
    """Change tracking follows the workbook: core, derived and commune documents are rebuilt."""
    assert cli("build", "--out", "build")[0] == 0
    office = excel_project.parent.parent
    before = _tree_digests(office / "build")
    status, out, err = cli("build", "--out", "build")
    assert "0 đã ghi, 59 không đổi" in out
    from docgen.paths import templates_dir
    from docgen.pipeline.batch import commune_digest
    from docgen.pipeline.digests import Inputs

    def digest():
        return commune_digest(Inputs(excel_project, templates_dir(), check=True, out_dir=office / "build"), None)
    before_digest = digest()

    def edit(ws):
        ws["B5"] = "Ban hành Kế hoạch CCHC năm 2021 (đã sửa trong Excel)"
    _save(excel_project, edit)
    os.utime(excel_project / "phu-luc.xlsx")
    assert digest() != before_digest   # the commune batch reads the xlsx
    status, out, err = cli("build", "--out", "build")
    assert status == 0, err
    after = _tree_digests(office / "build")
    changed = {k for k in before if before[k] != after.get(k)}
    assert {"phu-luc.docx", "tron-bo.docx"} <= changed
    assert any(k.startswith("xa-phuong/") and k.endswith("phu-luc.docx") for k in changed)
    from docx import Document
    text = "\n".join(c.text for t in Document(io.BytesIO((office / "build" / "phu-luc.docx").read_bytes())).tables
                     for row in t.rows for c in row.cells)
    assert "Ban hành Kế hoạch CCHC năm 2021 (đã sửa trong Excel)" in text
