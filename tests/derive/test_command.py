"""`docgen ke-hoach-con`: output folders, the placeholder list, bad input (message, line, exit 1)."""


import pytest

from docgen.cli import run
from tests.expect import assert_derived_document, assert_derived_outputs


@pytest.fixture
def cwd(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _written(out):
    """The derived documents under `out`, by path relative to it."""
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in (out / "ke-hoach-con").rglob("*.docx")}


def _run(capsys, *args):
    code = run(["ke-hoach-con", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_builds_one_agency_and_lists_placeholders(content, cwd, capsys):
    (content / "ke-hoach-con" / "kiem-tra.yaml").write_text("nhiem_vu: I.2\n", "utf-8")
    code, out, err = _run(capsys, "--content", "content", "--out", "out", "--agency", "PNV")
    assert code == 0, err
    files = sorted(str(p.relative_to(cwd / "out")) for p in (cwd / "out" / "ke-hoach-con").rglob("*.docx"))
    assert files == [
        "ke-hoach-con/phong-noi-vu/bang-phan-cong.docx",
        "ke-hoach-con/phong-noi-vu/i-5-khao-sat-muc-do-hai-long.docx",
        "ke-hoach-con/phong-noi-vu/i-6-trien-khai-xac-dinh-chi-so.docx",
        "ke-hoach-con/phong-noi-vu/i-7-to-chuc-hoi-nghi-danh-gia.docx",
        "ke-hoach-con/phong-noi-vu/iv-2-kiem-tra-thuc-hien-phan-cap.docx",
        "ke-hoach-con/phong-noi-vu/kiem-tra.docx",
        "ke-hoach-con/phong-noi-vu/v-2-dao-tao-boi-duong-can-bo.docx",
        "ke-hoach-con/phong-noi-vu/v-4-chuyen-doi-vi-tri-cong-tac.docx",
    ]
    assert_derived_outputs(_written(cwd / "out"))
    lines = out.splitlines()
    assert len(lines) == 2, out   # one summary, no list on screen
    assert lines[0].startswith("Đã dựng 8 văn bản vào out/ke-hoach-con/: 8 đã ghi, 0 không đổi (tổng ")
    assert lines[1] == ("Còn 26 chỗ cần người nhập trong 7 văn bản; danh sách theo từng văn bản: "
                        "out/ke-hoach-con/can-nhap.md")
    listing = (cwd / "out" / "ke-hoach-con" / "can-nhap.md").read_text("utf-8")
    assert listing.startswith("# Chỗ cần nhập trong các kế hoạch con\n\nCòn 26 chỗ cần nhập trong 7 văn bản.")
    assert listing.count("\n- ") == 26 and listing.count("\n## ") == 7
    section = listing.split("## ke-hoach-con/phong-noi-vu/kiem-tra.docx\n\n")[1].split("\n## ")[0]
    assert section.startswith("Tệp ghi đè: `content/ke-hoach-con/kiem-tra.yaml` (đã có)\n\n")
    assert "- thành viên Đoàn kiểm tra: khóa `doan_kiem_tra.thanh_vien`\n" in section
    other = listing.split("## ke-hoach-con/phong-noi-vu/i-5-khao-sat-muc-do-hai-long.docx\n\n")[1]
    assert other.startswith("Tệp ghi đè: `content/ke-hoach-con/i-5-khao-sat-muc-do-hai-long.yaml` (chưa có: "
                            "tạo tệp này, khóa `nhiem_vu` là mã nhiệm vụ trong Phụ lục)\n\n")
    assert "`docgen ke-hoach-con --agency PNV`" in listing


def test_one_kind(content, cwd, capsys):
    code, out, err = _run(capsys, "--content", "content", "--out", "out", "--kind", "cntt")
    assert code == 0, err
    assert [p.name for p in (cwd / "out" / "ke-hoach-con").rglob("*.docx")] == ["ung-dung-cntt.docx"]
    assert_derived_outputs(_written(cwd / "out"))


def test_unknown_agency_option_is_a_usage_error(content, cwd, capsys):
    code, out, err = _run(capsys, "--content", "content", "--out", "out", "--agency", "XYZ")
    assert code == 2
    assert err.startswith('--agency: lỗi: không có cơ quan "XYZ" trong danh mục (don-vi.yaml); các mã có thể dùng: ')
    assert not (cwd / "out").exists()


BAD = """\
nhiem_vu: I.2
doi_tuong:
  ty_le: 120
  xa_phuong:
    - Tam Quan
    - Hoài Thanh Tay
  co_quan: [PXYZ]
lich:
  - don_vi: Tam Quan
    ngay: 05/01/2022
"""


def test_bad_overrides_every_problem_nothing_overwritten(content, cwd, capsys):
    assert _run(capsys, "--content", "content", "--out", "out", "--no-check")[0] == 0
    assert len(_written(cwd / "out")) == 21
    assert_derived_outputs(_written(cwd / "out"))
    before = {p: p.read_bytes() for p in (cwd / "out").rglob("*") if p.is_file()}
    d = content / "ke-hoach-con"
    (d / "kiem-tra.yaml").write_text(BAD, "utf-8")
    (d / "khac.yaml").write_text("nhiem_vu: IX.9\n", "utf-8")
    (d / "tt.yaml").write_text("nhiem_vu: I.3\ndoi_tuong:\n  ty_le: 70\n", "utf-8")
    (d / "kiem-tra-2.yaml").write_text("nhiem_vu: I.2\n", "utf-8")
    (d / "qd.yaml").write_text("nhiem_vu: I.4\n", "utf-8")
    code, out, err = _run(capsys, "--content", "content", "--out", "out", "--no-check")
    assert code == 1
    d = "content/ke-hoach-con"
    k = f"{d}/kiem-tra.yaml"
    assert err.splitlines() == [
        f'{d}/khac.yaml:1: lỗi: nhiệm vụ "IX.9" không có trong Phụ lục (phu-luc.yaml); mã nhiệm vụ có dạng "I.2" '
        f'(nhóm La Mã, số thứ tự) [content.unknown-task]',
        f'{k}:1: lỗi: nhiệm vụ "I.2" đã có tệp ghi đè {d}/kiem-tra-2.yaml [content.duplicate]',
        f'{d}/qd.yaml:1: lỗi: nhiệm vụ "I.4" không phải nhiệm vụ ban hành kế hoạch (sản phẩm không có "Kế hoạch" '
        f'hay "Đề án"), hoặc là chính Kế hoạch cải cách hành chính [content.not-a-plan]',
        f'{d}/tt.yaml:2: lỗi: kế hoạch của nhiệm vụ I.3: khóa "doi_tuong" chỉ dùng cho kế hoạch kiểm tra, '
        f'không dùng cho kế hoạch này (kế hoạch thông tin, tuyên truyền) [content.unused-key]',
        "Có 4 lỗi, 0 cảnh báo.",
    ]
    (content / "ke-hoach-con" / "kiem-tra-2.yaml").unlink()
    code, out, err = _run(capsys, "--content", "content", "--out", "out", "--no-check")
    assert code == 1
    lines = err.splitlines()
    for expected in (
        f"{k}:3: lỗi: kế hoạch của nhiệm vụ I.2: tỷ lệ 120% không hợp lệ: phải lớn hơn 0 và không quá 100% "
        f"[content.percent]",
        f'{k}:6: lỗi: kế hoạch của nhiệm vụ I.2: xã, phường "Hoài Thanh Tay" không có trong danh mục (don-vi.yaml); '
        f'có phải "Hoài Thanh Tây"? [content.unknown-commune]',
        f'{k}:7: lỗi: kế hoạch của nhiệm vụ I.2: cơ quan "PXYZ" không có trong danh mục (don-vi.yaml) '
        f'[content.unknown-agency]',
        f"{k}:10: lỗi: kế hoạch của nhiệm vụ I.2: ngày kiểm tra 05/01/2022 sau thời hạn 31/12/2021 của nhiệm vụ I.2 "
        f"[derive.after-deadline]",
    ):
        assert expected in lines
    assert lines[-1] == "Có 7 lỗi, 0 cảnh báo."
    after = {p: p.read_bytes() for p in (cwd / "out").rglob("*") if p.is_file()}
    assert after == before


def test_plan_task_without_lead_agency(content, cwd, capsys):
    p = content / "phu-luc.yaml"
    text = p.read_text("utf-8")
    start = text.index("Ban hành Kế hoạch kiểm tra công tác CCHC")
    cut = text.index("        chu_tri: PNV\n", start)
    p.write_text(text[:cut] + text[cut + len("        chu_tri: PNV\n"):], "utf-8")
    line = text[:start].count("\n") + 1
    code, out, err = _run(capsys, "--content", "content", "--out", "out")
    assert code == 1
    assert err.splitlines() == [f'content/phu-luc.yaml:{line}: lỗi: thiếu khóa bắt buộc "chu_tri" [content.missing]',
                                "Có 1 lỗi, 0 cảnh báo."]
    assert not (cwd / "out").exists()


def test_hand_edited_draft_is_not_overwritten(content, cwd, capsys):
    assert _run(capsys, "--content", "content", "--out", "out", "--no-check", "--kind", "kiem_tra")[0] == 0
    target = cwd / "out" / "ke-hoach-con" / "phong-noi-vu" / "kiem-tra.docx"
    assert_derived_document("ke-hoach-con/phong-noi-vu/kiem-tra.docx", target.read_bytes())
    target.write_bytes(target.read_bytes() + b"sua tay")
    (content / "ke-hoach-con" / "kiem-tra.yaml").write_text("nhiem_vu: I.2\nkinh_phi: Ngân sách thị xã\n", "utf-8")
    code, out, err = _run(capsys, "--content", "content", "--out", "out", "--no-check", "--kind", "kiem_tra")
    assert code == 1
    assert "[build.edited-by-hand]" in err
    assert target.read_bytes().endswith(b"sua tay")
