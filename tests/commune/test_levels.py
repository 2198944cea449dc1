"""Levels as data (issue #11 item 2): don-vi.yaml levels validated against parent and period.

Each bad level is one Vietnamese message at its file and line, exit 1, nothing written.
The province fixture (tests/commune/data/tinh-2026) is a 2026 plan of UBND tỉnh with a xã, a
phường and an đặc khu; Hoài Nhơn (thị xã, 2021) is the three-level period.
"""

from __future__ import annotations

import io

from docx import Document

from docgen.model.cap import mo_hinh
from docgen.model.content import CoQuanBanHanh
from tests.helpers import edit, fails_to_build


def test_period_from_date_or_year():
    assert mo_hinh(2025, 6) == "ba_cap" and mo_hinh(2025, 7) == "hai_cap"
    assert mo_hinh(2025) == "ba_cap" and mo_hinh(2026) == "hai_cap"


def test_sub_unit_level_not_under_a_province_after_2025(tinh, tmp_path, cli):
    line = edit(tinh / "don-vi.yaml", "loai: phuong, ten: Xuân Trường - Đà Lạt", "loai: thi_tran, ten: Xuân Trường - Đà Lạt")
    err = fails_to_build(cli, tinh, tmp_path / "out")
    assert (f"{tinh / 'don-vi.yaml'}:{line}: lỗi: thị trấn Xuân Trường - Đà Lạt (loai: thi_tran) không trực thuộc "
            "tỉnh; đơn vị trực thuộc tỉnh từ ngày 01/7/2025 (chính quyền địa phương 2 cấp): xã, phường, đặc khu "
            "[content.level]") in err
    assert "Có 1 lỗi, 0 cảnh báo." in err


def test_dac_khu_not_under_a_thi_xa(project, tmp_path, cli):
    line = edit(project / "don-vi.yaml", "    loai: xa\n    ten: Hoài Mỹ", "    loai: dac_khu\n    ten: Hoài Mỹ")
    err = fails_to_build(cli, project, tmp_path / "out")
    assert (f"{project / 'don-vi.yaml'}:{line}: lỗi: đặc khu Hoài Mỹ (loai: dac_khu) không trực thuộc thị xã; "
            "đơn vị trực thuộc thị xã trước ngày 01/7/2025 (chính quyền địa phương 3 cấp): xã, phường "
            "[content.level]") in err


def test_no_district_level_after_2025(project, tmp_path, cli):
    edit(project / "ke-hoach.yaml", "trich_yeu: Cải cách hành chính thị xã Hoài Nhơn năm 2021",
         "trich_yeu: Cải cách hành chính thị xã Hoài Nhơn năm 2026")
    edit(project / "quyet-dinh.yaml", 'ngay_ban_hanh: "../12/2020"', 'ngay_ban_hanh: "../12/2025"')
    line = edit(project / "don-vi.yaml", "cap: thi_xa", "cap: thi_xa")
    err = fails_to_build(cli, project, tmp_path / "out")
    assert (f"{project / 'don-vi.yaml'}:{line}: lỗi: cấp thị xã không còn từ ngày 01/7/2025 (chính quyền địa "
            "phương 2 cấp): kế hoạch của thời kỳ này do tỉnh, thành phố hoặc xã, phường, đặc khu ban hành "
            "[content.level]") in err


def test_parent_not_above_the_body(tinh, tmp_path, cli):
    edit(tinh / "don-vi.yaml", "  cap: tinh\n", "  cap: tinh\n  cap_tren:\n    ten: Ủy ban nhân dân xã Đam Rông 3\n"
         "    cap: xa\n")
    line = edit(tinh / "don-vi.yaml", "    cap: xa\n", "    cap: xa\n")
    err = fails_to_build(cli, tinh, tmp_path / "out")
    assert (f"{tinh / 'don-vi.yaml'}:{line}: lỗi: cơ quan cấp trên là cấp xã, không phải cấp trên của cấp tỉnh "
            "(cap: tinh) [content.level]") in err


def test_a_commune_parent_after_2025_is_a_province(tinh, tmp_path, cli):
    text = (tinh / "don-vi.yaml").read_text(encoding="utf-8")
    text = text.replace("  cap: tinh\n", "  cap: xa\n  cap_tren:\n    ten: Ủy ban nhân dân huyện Đam Rông\n"
                        "    cap: huyen\n").split("\nxa_phuong:")[0] + "\n"
    (tinh / "don-vi.yaml").write_text(text, encoding="utf-8")
    line = text.splitlines().index("    cap: huyen") + 1
    err = fails_to_build(cli, tinh, tmp_path / "out")
    assert (f"{tinh / 'don-vi.yaml'}:{line}: lỗi: từ ngày 01/7/2025 (chính quyền địa phương 2 cấp) cấp trên của xã "
            "là tỉnh hoặc thành phố trực thuộc trung ương, không phải cấp huyện [content.level]") in err


def test_a_commune_named_twice_is_an_error_at_the_second_entry(tinh, tmp_path, cli):
    line = edit(tinh / "don-vi.yaml", 'ma: "90003", loai: dac_khu, ten: Phú Quý',
                'ma: "90003", loai: xa, ten: đam rông 3')
    err = fails_to_build(cli, tinh, tmp_path / "out")
    assert (f"{tinh / 'don-vi.yaml'}:{line}: lỗi: xã/phường \"đam rông 3\" đã có trong danh sách xa_phuong "
            f"(mục thứ 1, dòng {line - 2}); mỗi đơn vị chỉ ghi một lần [content.duplicate]") in err
    assert "Có 1 lỗi, 0 cảnh báo." in err


def test_every_level_problem_in_one_run(tinh, tmp_path, cli):
    edit(tinh / "don-vi.yaml", "loai: phuong", "loai: thi_tran")
    edit(tinh / "don-vi.yaml", "ten: Phú Quý", "ten: Đam Rông 3")
    err = fails_to_build(cli, tinh, tmp_path / "out")
    assert err.count("[content.level]") == 1 and err.count("[content.duplicate]") == 1
    assert "Có 2 lỗi, 0 cảnh báo." in err


def test_header_line_computed_from_the_parent_and_explicit_lines_win():
    base = dict(ten="Ủy ban nhân dân xã Đam Rông 3", ten_ngan="UBND xã Đam Rông 3",
                dong_tieu_de=("ỦY BAN NHÂN DÂN", "XÃ ĐAM RÔNG 3"), ky_hieu="UBND", dia_danh="Đam Rông 3", cap="xa",
                cap_tren={"ten": "Ủy ban nhân dân tỉnh Lâm Đồng", "cap": "tinh"})
    assert CoQuanBanHanh(**base).chu_quan == ("UBND TỈNH LÂM ĐỒNG",)
    assert CoQuanBanHanh(**base, chu_quan=("ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG",)).chu_quan == \
        ("ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG",)
    assert CoQuanBanHanh(**{**base, "cap_tren": None}).chu_quan == ()


def test_the_province_fixture_builds_clean(tinh, tmp_path, cli):
    status, stdout, err = cli("build", "--content", tinh, "--out", tmp_path / "out")
    assert status == 0, err
    assert "Có " not in err or "Có 0 lỗi, 0 cảnh báo" in err
    names = sorted(p.relative_to(tmp_path / "out").as_posix() for p in (tmp_path / "out").rglob("*.docx"))
    assert "xa-phuong/phu-quy/ke-hoach.docx" in names and "ke-hoach-con/so-noi-vu/kiem-tra.docx" in names
    assert not any("ubnd-cac-xa" in n for n in names)    # a group-led row issues no derived plan
    doc = Document(io.BytesIO((tmp_path / "out" / "xa-phuong/phu-quy/ke-hoach.docx").read_bytes()))
    cells = [c.text for t in doc.tables for r in t.rows for c in r.cells]
    assert "UBND TỈNH LÂM ĐỒNG\nỦY BAN NHÂN DÂN\nĐẶC KHU PHÚ QUÝ\n" in cells
    assert "Cải cách hành chính nhà nước năm 2026 của đặc khu Phú Quý" in [p.text for p in doc.paragraphs]
