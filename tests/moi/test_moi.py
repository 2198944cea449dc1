"""`docgen moi NEW --tu OLD [--nam N]` (issue #13 item 4): a 2022 Hoài Nhơn that builds clean."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from docgen.content import load_project
from tests.conftest import BUNDLED
from tests.helpers import edit

OLD = Path("content") / "hoai-nhon-2021"
NEW = Path("content") / "hoai-nhon-2022"
CITED = "Trước ngày 15/01/2021, theo Văn bản số 12/2021/UBND-NV"


@pytest.fixture
def office(tmp_path, monkeypatch):
    shutil.copytree(BUNDLED, tmp_path / OLD)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _deadlines(project) -> dict[str, str]:
    return {ma: task.thoi_gian.text() for ma, _, task in project.phu_luc.tasks()}


def _listed(review: str) -> set[str]:
    return set(re.findall(r"^- `([^`]+)`", review, flags=re.M))


def test_a_2022_project_of_hoai_nhon(office, cli):
    # a deadline citing a 2021 document: its number cannot move, a person must look at it
    line = edit(office / OLD / "phu-luc.yaml", "        thoi_gian: Quý I/2021\n", f"        thoi_gian: {CITED}\n")
    status, out, err = cli("moi", NEW, "--tu", OLD)
    assert (status, err) == (0, "")
    assert out.splitlines() == [
        "Đã tạo content/hoai-nhon-2022 (năm 2022) từ content/hoai-nhon-2021 (năm 2021).",
        "Còn 12 chỗ cần người xem: content/hoai-nhon-2022/can-xem.md",
        "Dựng: docgen build --content content/hoai-nhon-2022"]
    new = office / NEW
    qd = (new / "quyet-dinh.yaml").read_text("utf-8").splitlines()
    old_qd = (office / OLD / "quyet-dinh.yaml").read_text("utf-8").splitlines()
    assert len(qd) == len(old_qd)                      # layout kept: same lines, comments kept
    assert qd[0] == "# QUYẾT ĐỊNH ban hành Kế hoạch cải cách hành chính thị xã Hoài Nhơn năm 2022."
    assert qd[3:5] == ['so: ""', 'ngay_ban_hanh: "../12/2021"']
    assert qd[7] == 'trich_yeu: "Về việc ban hành Kế hoạch cải cách hành chính\\nthị xã Hoài Nhơn năm 2022"'
    assert [x for x in qd if x.startswith("  - Căn cứ")] == [x for x in old_qd if x.startswith("  - Căn cứ")]
    changed = [i for i, (a, b) in enumerate(zip(old_qd, qd)) if a != b]
    assert changed == [0, 4, 7, 23]
    review = (new / "can-xem.md").read_text("utf-8")
    assert review.splitlines()[0] == "# Cần xem: hoai-nhon-2022 (tạo từ hoai-nhon-2021, năm 2021 → 2022)"
    assert "- `quyet-dinh.yaml:15`: căn cứ giữ nguyên: xem văn bản còn hiệu lực không, thay văn bản của năm mới " \
           "nếu có" in review.splitlines()
    assert "- `quyet-dinh.yaml:5`: ngày ban hành để trống ngày (văn thư điền khi ký); tháng, năm đã dời: xem lại" \
        in review.splitlines()
    assert (f"- `phu-luc.yaml:{line}`: giữ nguyên 12/2021/ (số, ngày của văn bản đã ban hành hoặc giai đoạn): "
            "xem còn đúng cho năm mới không") in review.splitlines()
    old_p, new_p = load_project(office / OLD), load_project(new)
    assert new_p.ke_hoach.trich_yeu == "Cải cách hành chính thị xã Hoài Nhơn năm 2022"
    assert new_p.phu_luc.tieu_de.endswith("NĂM 2022")
    moved = dict(zip(_deadlines(old_p).values(), _deadlines(new_p).values()))
    assert moved["- Ban hành Kế hoạch: 12/2020 - Thực hiện: Cả năm"] == "- Ban hành Kế hoạch: 12/2021 - Thực hiện: Cả năm"
    assert moved[CITED] == "Trước ngày 15/01/2022, theo Văn bản số 12/2021/UBND-NV"
    # no deadline keeps a year of 2020-2022 unless can-xem.md lists its line
    listed = _listed(review)
    lines = (new / "phu-luc.yaml").read_text("utf-8").splitlines()
    for n, text in enumerate(lines, 1):
        if text.strip().startswith(("thoi_gian:", "ban_hanh:", "thuc_hien:")) and "2021" in text:
            old_text = (office / OLD / "phu-luc.yaml").read_text("utf-8").splitlines()[n - 1]
            assert old_text != text or f"phu-luc.yaml:{n}" in listed, (n, text)


def test_the_new_project_builds_with_no_finding_and_apart_from_the_old(office, cli):
    assert cli("moi", NEW, "--tu", OLD)[0] == 0
    status, out, err = cli("build", "--content", NEW, "--out", "build/hoai-nhon-2022")
    assert status == 0, err
    assert out.startswith("Đã dựng 59 văn bản vào build/hoai-nhon-2022/: 59 đã ghi")
    status, out, err = cli("check", "build/hoai-nhon-2022")
    assert (status, out.splitlines()[-1].split(", ")[:2]) == (0, ["Có 0 lỗi", "0 cảnh báo (đã kiểm tra 59 tệp"])
    from docx import Document
    text = "\n".join(p.text for p in Document(str(office / "build/hoai-nhon-2022/ke-hoach.docx")).paragraphs)
    assert "Cải cách hành chính thị xã Hoài Nhơn năm 2022" in text
    # the only 2021 left: the decision's date (issued in December of the year before)
    assert [x for x in text.splitlines() if "năm 2021" in x] == [
        "(Ban hành kèm theo Quyết định số       /QĐ-UBND ngày        tháng 12 năm 2021 của UBND thị xã Hoài Nhơn)"]


def test_each_project_builds_into_its_own_folder(office, cli):
    """Building the new year never touches the old project's outputs (default: build/<project>/)."""
    assert cli("build", "--content", OLD)[0] == 0
    old_out = office / "build" / "hoai-nhon-2021"
    before = {p: p.read_bytes() for p in old_out.rglob("*") if p.is_file()}
    assert cli("moi", NEW, "--tu", OLD)[0] == 0
    status, out, err = cli("build", "--content", NEW)
    assert status == 0, err
    assert out.startswith("Đã dựng 59 văn bản vào build/hoai-nhon-2022/: 59 đã ghi, 0 không đổi")
    assert {p: p.read_bytes() for p in old_out.rglob("*") if p.is_file()} == before
    assert sorted(p.name for p in (office / "build").iterdir()) == ["hoai-nhon-2021", "hoai-nhon-2022"]


def test_another_year_and_an_excel_appendix(office, cli):
    # (a thị xã with communes cannot be moved past 1 July 2025: the levels check refuses it)
    assert cli("excel", "--content", OLD)[0] == 0
    status, out, err = cli("moi", "content/hoai-nhon-2023", "--tu", OLD, "--nam", "2023")
    assert status == 0, err
    import openpyxl
    ws = openpyxl.load_workbook(office / "content/hoai-nhon-2023/phu-luc.xlsx")["Phụ lục"]
    assert ws["F5"].value == "- Ban hành Kế hoạch: 12/2022\n- Thực hiện: Cả năm"
    assert ws["B5"].value == "Ban hành Kế hoạch CCHC năm 2023"
    assert ws.freeze_panes == "A4" and ws.data_validations.dataValidation   # the workbook's form is kept
    assert cli("build", "--content", "content/hoai-nhon-2023", "--out", "b23")[0] == 0


def test_only_the_moved_characters_change(tmp_path, cli, monkeypatch):
    """A plan issued directly (2026, Lâm Đồng form): flow style, quotes and comments are kept."""
    data = Path(__file__).resolve().parents[1] / "content" / "data" / "ke-hoach-truc-tiep"
    shutil.copytree(data, tmp_path / "content" / "p")
    monkeypatch.chdir(tmp_path)
    assert cli("moi", "content/p2027", "--tu", "content/p")[0] == 0
    for name in ("don-vi.yaml", "ke-hoach.yaml", "phu-luc.yaml"):
        old = (tmp_path / "content/p" / name).read_text("utf-8").splitlines()
        new = (tmp_path / "content/p2027" / name).read_text("utf-8").splitlines()
        changed = [(a, b) for a, b in zip(old, new) if a != b]
        assert len(old) == len(new) and changed == {
            "don-vi.yaml": [],
            "ke-hoach.yaml": [('ngay_ban_hanh: "../12/2025"', 'ngay_ban_hanh: "../12/2026"')],
            "phu-luc.yaml": [("                thoi_gian: Năm 2026", "                thoi_gian: Năm 2027")],
        }[name], name
    text = (tmp_path / "content/p2027/phu-luc.yaml").read_text("utf-8")
    assert "phoi_hop: [{ghi: Theo phân công tại Quyết định số 1441/QĐ-UBND}]" in text
    assert cli("build", "--content", "content/p2027")[0] == 0


def test_refusals(office, cli):
    (office / "tep").write_text("x")
    assert cli("moi", "tep/moi", "--tu", OLD)[1:] == ("", "tep: lỗi: là một tệp, không phải thư mục [io.not-a-folder]\n"
                                                       "Có 1 lỗi, 0 cảnh báo.\n")
    status, out, err = cli("moi", OLD, "--tu", OLD)
    assert (status, err.splitlines()[0]) == (2, (
        "content/hoai-nhon-2021: lỗi: thư mục đã có; docgen không ghi vào dự án có sẵn: chọn tên khác hoặc xóa thư "
        "mục đó [moi.exists]"))
    status, out, err = cli("moi", NEW, "--tu", OLD, "--nam", "2021")
    assert (status, err.splitlines()[0]) == (2, "--nam: lỗi: năm mới trùng năm của dự án cũ (2021) [moi.same-year]")
    assert not (office / NEW).exists()
