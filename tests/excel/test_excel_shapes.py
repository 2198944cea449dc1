"""The Excel appendix in the issue #11 forms: several appendices, declared columns, sub-groups,
several agencies in a cell, {ghi: …} free text (tests/content/data/ke-hoach-truc-tiep)."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest

from tests.excel.test_excel import _tree_digests

DATA = Path(__file__).resolve().parents[1] / "content" / "data" / "ke-hoach-truc-tiep"
PROJECT = Path("content") / "p"


@pytest.fixture
def excel_office(tmp_path, monkeypatch, cli):
    shutil.copytree(DATA, tmp_path / PROJECT)
    monkeypatch.chdir(tmp_path)
    status, out, err = cli("excel")
    assert status == 0, err
    assert out.splitlines()[1] == ('Đã ghi content/p/phu-luc.xlsx: 2 phụ lục, 3 nhóm, 6 nhiệm vụ, 6 cơ quan '
                                   '(trang "Cơ quan").')
    return tmp_path


def _edit(office: Path, sheet: str, change) -> None:
    path = office / PROJECT / "phu-luc.xlsx"
    wb = openpyxl.load_workbook(path)
    change(wb[sheet])
    wb.save(path)


def test_one_sheet_per_appendix_with_its_declared_columns(excel_office):
    wb = openpyxl.load_workbook(excel_office / PROJECT / "phu-luc.xlsx")
    assert wb.sheetnames == ["Phụ lục I", "Phụ lục II", "Cơ quan"]
    assert wb.custom_doc_props["docgen-cot"].value == "Phụ lục I\nPhụ lục II"
    ws = wb["Phụ lục I"]
    rows = [r for r in ws.iter_rows(min_row=2, max_row=12, values_only=True)]
    assert rows[0] == ("TT", "Nhiệm vụ", "Sản phẩm", "Thời gian hoàn thành", "Chủ trì thực hiện",
                       "Phối hợp thực hiện", "Theo dõi, kiểm tra, đôn đốc")
    assert rows[1] == ("tt", "nhiem_vu", "san_pham", "thoi_gian", "chu_tri", "phoi_hop", "theo_doi")
    assert [r[0] for r in rows[2:]] == ["I", "1", "2", "II", "II.1", "1", "II.2", "1", None]
    assert rows[4][4:6] == ("Sở Tư pháp\nUBND các xã, phường, đặc khu",
                            "ghi: Theo phân công tại Quyết định số 1441/QĐ-UBND")
    assert ws["B8"].font.b and ws["B8"].fill.fgColor.rgb.endswith("E2EFDA")   # a sub-group row
    assert not ws["B9"].font.b
    assert [c.value for c in wb["Phụ lục II"][3]] == ["tt", "nhiem_vu", "kinh_phi", "ghi_chu"]


def test_round_trip_of_several_appendices_is_byte_identical(tmp_path, cli, monkeypatch):
    digests = {}
    for kind in ("yaml", "xlsx"):
        shutil.copytree(DATA, tmp_path / kind / PROJECT)
        monkeypatch.chdir(tmp_path / kind)
        if kind == "xlsx":
            assert cli("excel")[0] == 0
        status, out, err = cli("build", "--out", "o")
        assert status == 0, err
        digests[kind] = _tree_digests(tmp_path / kind / "o")
    assert {"ke-hoach.docx", "phu-luc.docx", "tron-bo.docx"} <= set(digests["yaml"])
    assert digests["xlsx"] == digests["yaml"]


def test_problems_of_the_new_forms_at_their_cells(excel_office, cli):
    def spoil(ws):
        ws["E5"] = "Sở Tư pháp\nSở Tư phap"      # the second agency of a cell, misspelt
        ws["F5"] = "ghi: Theo Quyết định số 12"   # free text: not an agency, no problem
        ws["A12"], ws["B12"] = "III.1", "Nhóm con không có nhóm cha"
        ws["C8"] = None                           # declared columns: san_pham may be empty
    _edit(excel_office, "Phụ lục I", spoil)
    status, out, err = cli("build", "--out", "o")
    f = "content/p/phu-luc.xlsx: Phụ lục I!"
    assert status == 1
    assert err.splitlines() == [
        f'{f}A12: lỗi: nhóm con "III.1" không nằm dưới nhóm cha của nó (dòng nhóm cấp trên, ví dụ "I" trước '
        '"I.1") [content.excel-no-group]',
        f'{f}E5: lỗi: cơ quan "Sở Tư phap" không có trong danh mục; có phải "Sở Tư pháp"? [content.unknown-agency]',
        "Có 2 lỗi, 0 cảnh báo."]
    assert not (excel_office / "o").exists()


def test_a_group_with_tasks_and_sub_groups_is_refused_at_its_row(excel_office, cli):
    def spoil(ws):
        ws["A7"] = "1"     # the "II" group row becomes a task of group I ...
        ws["B7"] = "Nhiệm vụ thêm"
    _edit(excel_office, "Phụ lục I", spoil)   # ... so II.1 has no parent group II
    status, out, err = cli("build", "--out", "o")
    assert status == 1
    assert err.splitlines()[0] == (
        'content/p/phu-luc.xlsx: Phụ lục I!A8: lỗi: nhóm con "II.1" không nằm dưới nhóm cha của nó (dòng nhóm '
        'cấp trên, ví dụ "I" trước "I.1") [content.excel-no-group]')
