"""An imported project with a task appendix names who holds each role (don-vi.yaml `vai_tro`),
so that `docgen build` (derived and commune plans included) runs on it; a holder the document does
not name is added with a warning; what a person must still enter is named with the file to write."""
from __future__ import annotations

from docgen.nhap import nhap
from docgen.nhap.vai_tro import assign
from tests.nhap.docs import LD08, LD09, real


def test_ld09_roles_go_to_the_agencies_it_names(tmp_path):
    result = nhap([real(LD09)])
    dv = result.files["don-vi.yaml"]
    assert dv["vai_tro"] == {"noi_vu": "SNV", "tu_phap": "STP", "van_hoa_thong_tin": "SVHTTDL",
                             "tai_chinh": "STC", "van_phong": "VPUBNDT"}
    assert dv["co_quan"]["VPUBNDT"]["ten"] == "Văn phòng UBND tỉnh"      # named in ld09's appendix
    assert dv["co_quan"]["SVHTTDL"] == {"ten": "Sở Văn hóa, Thể thao và Du lịch"}   # not named: added
    added = [str(p) for p in result.problems if p.code == "import.role-added"]
    assert added == [f"{LD09}: cảnh báo: văn bản không nêu cơ quan giữ vai trò văn hóa, thông tin; đã thêm "
                     '"Sở Văn hóa, Thể thao và Du lịch" (SVHTTDL) vào don-vi.yaml, hãy xem lại [import.role-added]']


def test_no_task_appendix_no_roles():
    """ld08's appendices are a schedule and an outline: no derived plan, no role asked for."""
    result = nhap([real(LD08)])
    assert "vai_tro" not in result.files["don-vi.yaml"]
    assert not [p for p in result.problems if p.code == "import.role-added"]


def test_commune_after_2025_one_office_holds_two_roles():
    dv = {"co_quan_ban_hanh": {"cap": "xa"}, "co_quan": {"VP": {"ten": "Văn phòng HĐND và UBND"}}}
    problems: list = []
    assign(dv, "x.docx", problems)
    assert dv["vai_tro"] == {"noi_vu": "PVHXH", "tu_phap": "VP", "van_hoa_thong_tin": "PVHXH",
                             "tai_chinh": "PKT", "van_phong": "VP"}
    assert [p.code for p in problems] == ["import.role-added", "import.role-added"]   # PVHXH once, PKT


def test_imported_ld09_builds_everything_once_the_inspection_target_is_entered(cli, tmp_path):
    content = tmp_path / "ld09"
    status, _, err = cli("nhap", real(LD09), "--content", content)
    assert status == 0, err
    status, _, err = cli("build", "--content", content, "--out", tmp_path / "out")
    assert status == 1
    assert err.splitlines()[0] == (
        f"{content}/phu-luc.yaml: lỗi: kế hoạch của nhiệm vụ VII.2: Kế hoạch (ke-hoach.yaml) không có chỉ "
        "tiêu \"kiểm tra công tác CCHC đối với …% UBND cấp xã\"; hãy nhập doi_tuong.ty_le (kế hoạch này "
        f"chưa có tệp nhập riêng: hãy tạo {content}/ke-hoach-con/kiem-tra.yaml gồm \"nhiem_vu: VII.2\" "
        "và khóa doi_tuong.ty_le; xem docs/ke-hoach-con.md) [derive.no-target]")
    assert not (tmp_path / "out" / "ke-hoach.docx").exists()
    (content / "ke-hoach-con").mkdir()
    (content / "ke-hoach-con" / "kiem-tra.yaml").write_text("nhiem_vu: VII.2\ndoi_tuong:\n  ty_le: 20\n",
                                                             encoding="utf-8")
    status, _, err = cli("build", "--content", content, "--out", tmp_path / "out")
    assert status == 0, err
    assert (tmp_path / "out" / "ke-hoach-con" / "so-noi-vu" / "kiem-tra.docx").exists()
    status, out, _ = cli("check", tmp_path / "out")
    assert status == 0 and out.splitlines()[-1].startswith("Có 0 lỗi, 0 cảnh báo")
