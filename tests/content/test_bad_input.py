"""Each kind of bad content input: one Vietnamese message with file and line, exit 1,
every problem of the run reported, and nothing in build/ replaced."""

from __future__ import annotations

import pytest

from tests.conftest import copy_build
from tests.expect import assert_core_files
from tests.helpers import edit, fails_to_build


@pytest.fixture
def built(project, tmp_path, full_build):
    """A build of the project (a copy of the session's: the same content, built once)."""
    out = copy_build(full_build, tmp_path / "build")
    assert_core_files(out, project)  # real documents, that a failed build must leave alone
    return out


def _fails(cli, project, out, *expected: str):
    return fails_to_build(cli, project, out, *expected)


def test_broken_yaml(cli, project, built):
    line = edit(project / "phu-luc.yaml", "tieu_de:", "tieu_de: [khong dong\n  x: y\ntieu_de_cu:")
    _fails(cli, project, built, f"phu-luc.yaml:{line}: lỗi: ", "[content.yaml-syntax]")  # the "[" line


def test_missing_field(cli, project, built):
    text = (project / "quyet-dinh.yaml").read_text("utf-8")
    start = text.index("tham_quyen:")
    end = text.index("\n", start)
    (project / "quyet-dinh.yaml").write_text(text[:start] + "# bỏ" + text[end:], "utf-8")
    # a missing top-level key has no line of its own: the file's first line is named
    _fails(cli, project, built, 'quyet-dinh.yaml:1: lỗi: thiếu khóa bắt buộc "tham_quyen" [content.missing]')


def test_missing_nested_field_names_its_parent_line(cli, project, built):
    edit(project / "quyet-dinh.yaml", "  ho_ten: Phạm Trương\n", "")
    text = (project / "quyet-dinh.yaml").read_text("utf-8")
    edit(project / "quyet-dinh.yaml", "  chuc_vu:", "  chuc_vuu:")
    parent = text[: text.index("  chuc_vu:")].count("\n") + 1
    _fails(cli, project, built, f'quyet-dinh.yaml:{parent}: lỗi: khóa "chuc_vuu" không hợp lệ ở đây; có phải "chuc_vu"?',
           'lỗi: thiếu khóa bắt buộc "chuc_vu" [content.missing]')


def test_mistyped_field_is_an_unknown_key_with_a_suggestion(cli, project, built):
    line = edit(project / "quyet-dinh.yaml", "theo_de_nghi:", "theo_de_nghii:")
    _fails(cli, project, built,
           f'quyet-dinh.yaml:{line}: lỗi: khóa "theo_de_nghii" không hợp lệ ở đây; có phải "theo_de_nghi"? [content.unknown-key]')


def test_unknown_agency_with_suggestion(cli, project, built):
    line = edit(project / "phu-luc.yaml", "chu_tri: PTP", "chu_tri: Phòng Tư phap")
    _fails(cli, project, built,
           f'phu-luc.yaml:{line}: lỗi: cơ quan chủ trì "Phòng Tư phap" không có trong danh mục (don-vi.yaml); '
           f'có phải "Phòng Tư pháp"? [content.unknown-agency]')


def test_unknown_partner_agency(cli, project, built):
    line = edit(project / "phu-luc.yaml", "        phoi_hop:\n          - CQDVDP",
                "        phoi_hop:\n          - KHONGCO") + 1
    _fails(cli, project, built, f'phu-luc.yaml:{line}: lỗi: cơ quan phối hợp "KHONGCO" không có trong danh mục')


def test_impossible_date(cli, project, built):
    line = edit(project / "quyet-dinh.yaml", 'ngay_ban_hanh: "../12/2020"', 'ngay_ban_hanh: "31/02/2021"')
    _fails(cli, project, built,
           f'quyet-dinh.yaml:{line}: lỗi: "ngay_ban_hanh" ngày "31/02/2021" không có thật [content.invalid-date]')


def test_empty_required_list(cli, project, built):
    text = (project / "phu-luc.yaml").read_text("utf-8")
    start = text.index("        san_pham:\n")
    end = text.index("        chu_tri:", start)
    line = text[:start].count("\n") + 1
    (project / "phu-luc.yaml").write_text(text[:start] + "        san_pham: []\n" + text[end:], "utf-8")
    _fails(cli, project, built, f'phu-luc.yaml:{line}: lỗi: danh sách "san_pham" không được để trống [content.empty-list]')


def test_wrong_type(cli, project, built):
    line = edit(project / "quyet-dinh.yaml", "nguoi_ky:", "nguoi_ky: Phạm Trương\nnguoi_ky_cu:")
    _fails(cli, project, built, f'quyet-dinh.yaml:{line}: lỗi: "nguoi_ky" phải là bảng khóa–giá trị [content.type]')


def test_all_problems_of_a_run_are_reported_together(cli, project, built):
    l1 = edit(project / "quyet-dinh.yaml", 'ngay_ban_hanh: "../12/2020"', 'ngay_ban_hanh: "30/13/2020"')
    l2 = edit(project / "phu-luc.yaml", "chu_tri: PTP", "chu_tri: PXX")
    l3 = edit(project / "ke-hoach.yaml", "trich_yeu:", "trich_yeuu:")
    err = _fails(cli, project, built, f"quyet-dinh.yaml:{l1}: lỗi:", f"phu-luc.yaml:{l2}: lỗi:",
                 f"ke-hoach.yaml:{l3}: lỗi:")
    assert err.strip().splitlines()[-1].startswith("Có ")


def test_missing_content_folder(cli, tmp_path):
    status, _, err = cli("build", "--content", tmp_path / "khong-co", "--out", tmp_path / "b")
    assert status == 1
    assert "lỗi: không tìm thấy thư mục nội dung [content.missing-folder]" in err


def test_missing_file_and_non_utf8(cli, project, built):
    (project / "ke-hoach.yaml").unlink()
    (project / "phu-luc.yaml").write_bytes("tieu_de: Nhi\xe1m v\xf9\n".encode("latin-1"))
    (project / "quyet-dinh.yaml").unlink()   # without ke-hoach.yaml, a decision alone is a shape
    _fails(cli, project, built, "ke-hoach.yaml: lỗi: không tìm thấy tệp; dự án cần ít nhất một văn bản chính: "
           "ke-hoach.yaml (Kế hoạch) hoặc quyet-dinh.yaml (Quyết định) [content.missing-file]",
           "phu-luc.yaml:1: lỗi: tệp không phải UTF-8")


def test_control_character_is_refused(cli, project, built):
    line = edit(project / "quyet-dinh.yaml", "luu:", 'luu: "VT\\u0007"\nluu_cu:')
    _fails(cli, project, built, f"quyet-dinh.yaml:{line}: lỗi:", "[content.control-char]")


def test_usage_error_exit_2(cli):
    status, _, err = cli("build", "--khong-co")
    assert status == 2
    assert "lỗi: không có tùy chọn '--khong-co'" in err


def test_duplicate_key(cli, project, built):
    line = edit(project / "quyet-dinh.yaml", "luu:", 'luu: "VT"\nluu:')
    _fails(cli, project, built, f'quyet-dinh.yaml:{line + 1}: lỗi: khóa "luu" bị lặp lại (đã có ở dòng {line}) [content.duplicate-key]')
