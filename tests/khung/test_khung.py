"""Skeletons (docgen/khung/*.yaml): per-project override, slot errors, roles, levels, placeholders."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pytest
from docx import Document

from docgen.content.khung import SHIPPED
from docgen.derive.slots import fill
from tests.expect import assert_commune_files
from tests.helpers import edit


def _text(path: Path) -> str:
    doc = Document(io.BytesIO(path.read_bytes()))
    return "\n".join([p.text for p in doc.paragraphs] + [c.text for t in doc.tables for r in t.rows for c in r.cells])


def _texts(out: Path, folder: str) -> dict[str, str]:
    return {p.relative_to(out).as_posix(): _text(p) for p in sorted((out / folder).rglob("*.docx"))}


def _own_khung(project: Path, name: str) -> Path:
    (project / "khung").mkdir(exist_ok=True)
    dst = project / "khung" / f"{name}.yaml"
    shutil.copy(SHIPPED / f"{name}.yaml", dst)
    return dst


def test_fill_slots_and_literal_braces():
    assert fill("về {ubnd} (qua {co_quan_noi_vu})", {"ubnd": "UBND huyện", "co_quan_noi_vu": "Phòng Nội vụ"}) == \
        "về UBND huyện (qua Phòng Nội vụ)"
    assert fill("{{nam}} là {nam}", {"nam": "2021"}) == "{nam} là 2021"
    assert fill("{nam}", {"nam": "{ubnd}"}) == "{ubnd}"          # a value is never filled again


def test_project_skeleton_changes_a_commune_duty(project, tmp_path, cli):
    own = _own_khung(project, "xa-phuong")
    edit(own, "Thực hành tiết kiệm, chống lãng phí trong quản lý, sử dụng ngân sách và tài sản công",
         "Thực hành tiết kiệm, chống lãng phí ngân sách của {dv} năm {nam} {{theo Luật}}")
    out = tmp_path / "out"
    status, _, err = cli("xa-phuong", "Hoài Mỹ", "--content", project, "--out", out)
    assert status == 0, err
    plan = _text(out / "xa-phuong/hoai-my/ke-hoach.docx")
    table = _text(out / "xa-phuong/hoai-my/phu-luc.docx")
    assert "- Thực hành tiết kiệm, chống lãng phí ngân sách của xã năm 2021 {theo Luật}." in plan
    assert "Thực hành tiết kiệm, chống lãng phí ngân sách của xã năm 2021 {theo Luật}" in table
    assert "sử dụng ngân sách và tài sản công" not in plan + table


def test_project_skeleton_changes_a_derived_plan(project, tmp_path, cli):
    own = _own_khung(project, "kiem-tra")
    edit(own, "Thư ký: {thu_ky}", "Thư ký Đoàn: {thu_ky}")
    out = tmp_path / "out"
    status, _, err = cli("ke-hoach-con", "--kind", "kiem_tra", "--content", project, "--out", out)
    assert status == 0, err
    text = "\n".join(_texts(out, "ke-hoach-con").values())
    assert "- Thư ký Đoàn: [Cần nhập: thư ký Đoàn kiểm tra]" in text and "- Thư ký: " not in text


@pytest.mark.parametrize("command", [("xa-phuong",), ("ke-hoach-con",), ("build",)])
def test_unknown_slot_is_an_error_at_its_line(project, tmp_path, cli, command):
    own = _own_khung(project, "xa-phuong")
    line = edit(own, "Trưởng các {con}", "Trưởng các {conn}")
    out = tmp_path / "out"
    status, stdout, err = cli(*command, "--content", project, "--out", out)
    assert status == 1
    assert f'{own}:{line}: lỗi: chỗ trống "{{conn}}" không có; có phải "{{con}}"? [khung.unknown-slot]' in err
    assert not out.exists() or not any(p.suffix == ".docx" for p in out.rglob("*"))


def test_unknown_slot_without_a_close_name_lists_the_slots(project, tmp_path, cli):
    own = _own_khung(project, "ke-hoach-con")
    line = edit(own, "thu_truong: CHỦ TỊCH", "thu_truong: CHỦ TỊCH {zzzzzzzzzz}")
    status, _, err = cli("ke-hoach-con", "--content", project, "--out", tmp_path / "out")
    assert status == 1
    assert re.search(rf'{re.escape(str(own))}:{line}: lỗi: chỗ trống "{{zzzzzzzzzz}}" không có; ở đây dùng '
                     r'được: \{cap\}, \{cap_uy\}, .*\{tap_the\}.* \[khung.unknown-slot\]', err)


def test_lone_brace_and_unknown_insert(project, tmp_path, cli):
    own = _own_khung(project, "xa-phuong")
    brace = edit(own, "luu: VT", "luu: VT {")
    chen = edit(own, "chen: linh_vuc", "chen: linh_vuc_x")
    status, _, err = cli("xa-phuong", "--content", project, "--out", tmp_path / "out")
    assert status == 1
    assert (f'{own}:{brace}: lỗi: dấu ngoặc nhọn không khớp; chỗ trống viết "{{ten}}", dấu ngoặc thật viết '
            '"{{" và "}}" [khung.brace]') in err
    assert f'{own}:{chen}: lỗi: chỗ chèn "linh_vuc_x" không có; các chỗ chèn: "linh_vuc" [khung.unknown-insert]' in err


def test_skeleton_yaml_error_and_unknown_key(project, tmp_path, cli):
    own = _own_khung(project, "tuyen-truyen")
    line = edit(own, "  linh_vuc: \"{linh_vuc}: {nhiem_vu}.\"", "  linh_vuc: \"{linh_vuc}: {nhiem_vu}.")
    status, _, err = cli("ke-hoach-con", "--content", project, "--out", tmp_path / "out")
    assert status == 1 and f"{own}:{line}: lỗi: " in err and "[content.yaml-syntax]" in err
    shutil.copy(SHIPPED / "tuyen-truyen.yaml", own)
    key = edit(own, "noi_nhan:", "noi_nhan_x:")
    status, _, err = cli("ke-hoach-con", "--content", project, "--out", tmp_path / "out")
    assert status == 1 and f'{own}:{key}: lỗi: khóa "noi_nhan_x" không hợp lệ ở đây' in err


def test_unknown_skeleton_file(project, tmp_path, cli):
    (project / "khung").mkdir()
    (project / "khung" / "xa-phuongg.yaml").write_text("a: b\n", "utf-8")
    status, _, err = cli("xa-phuong", "--content", project, "--out", tmp_path / "out")
    assert status == 1
    assert (f'{project / "khung" / "xa-phuongg.yaml"}: lỗi: tệp khung "xa-phuongg.yaml" không có trong docgen; '
            "các tệp khung: xa-phuong.yaml, ke-hoach-con.yaml, kiem-tra.yaml, tuyen-truyen.yaml, ung-dung-cntt.yaml, "
            "ke-hoach-chung.yaml, bang-phan-cong.yaml [khung.unknown-file]") in err


def test_another_role_holder_is_named_everywhere(project, tmp_path, cli):
    """Renaming the home-affairs agency renames it in every derived and commune sentence."""
    new = "Phòng Nội vụ - Lao động"
    for path in project.rglob("*.yaml"):
        path.write_text(path.read_text("utf-8").replace("Phòng Nội vụ", new), "utf-8")
    out = tmp_path / "out"
    for command in ("ke-hoach-con", "xa-phuong"):
        status, _, err = cli(command, "--content", project, "--out", out)
        assert status == 0, err
    texts = {**_texts(out, "ke-hoach-con"), **_texts(out, "xa-phuong")}
    assert len(texts) == 21 + 34
    for rel, text in texts.items():
        assert text.count("Phòng Nội vụ") == text.count(new), rel
    commune = texts["xa-phuong/hoai-my/ke-hoach.docx"]
    assert f"năm về UBND thị xã (qua {new})." in commune and f"- {new} thị xã (b/c);" in commune
    assert f"{new}\n- Phối hợp cung cấp nội dung tuyên truyền" in "\n".join(texts.values())


def test_role_points_at_another_agency(project, tmp_path, cli):
    edit(project / "don-vi.yaml", "  noi_vu: PNV", "  noi_vu: VP")
    out = tmp_path / "out"
    status, _, err = cli("xa-phuong", "Hoài Mỹ", "--content", project, "--out", out)
    assert status == 0, err
    assert "về UBND thị xã (qua Văn phòng HĐND và UBND)." in _text(out / "xa-phuong/hoai-my/ke-hoach.docx")


def test_unknown_role_holder_and_undeclared_role(project, tmp_path, cli):
    status, _, err = cli("xa-phuong", "Hoài Mỹ", "--content", project, "--out", tmp_path / "ok")
    assert status == 0, err                    # positive control: the roles as shipped build
    assert_commune_files(tmp_path / "ok", ["hoai-my"])
    line = edit(project / "don-vi.yaml", "  tu_phap: PTP", "  tu_phap: PTPP")
    status, _, err = cli("xa-phuong", "--content", project, "--out", tmp_path / "out")
    assert status == 1
    assert (f'{project / "don-vi.yaml"}:{line}: lỗi: cơ quan giữ vai trò "tu_phap" là "PTPP": không có trong '
            'danh mục co_quan; có phải "PTP"? [content.unknown-agency]') in err
    edit(project / "don-vi.yaml", "  tu_phap: PTPP\n", "")
    edit(project / "don-vi.yaml", "  noi_vu: PNV\n", "")
    status, _, err = cli("xa-phuong", "Hoài Mỹ", "--content", project, "--out", tmp_path / "out")
    assert status == 1
    assert (f'{project / "don-vi.yaml"}: lỗi: chưa khai báo cơ quan giữ vai trò nội vụ (vai_tro: {{noi_vu: '
            '<mã cơ quan>}); câu chữ của khung dùng "{co_quan_noi_vu}" [content.missing-role]') in err


def test_level_huyen_gives_huyen_wording(project, tmp_path, cli):
    edit(project / "don-vi.yaml", "cap: thi_xa", "cap: huyen")
    registry = project / "don-vi.yaml"      # a huyện has xã and thị trấn, no phường (content.level)
    registry.write_text(registry.read_text(encoding="utf-8").replace("loai: phuong", "loai: thi_tran"),
                        encoding="utf-8")
    out = tmp_path / "out"
    for command in ("ke-hoach-con", "xa-phuong"):
        status, _, err = cli(command, "--content", project, "--out", out)
        assert status == 0, err
    commune = _text(out / "xa-phuong/hoai-my/ke-hoach.docx")
    assert "năm về UBND huyện (qua Phòng Nội vụ)." in commune
    assert "Kế hoạch cải cách hành chính năm 2021 của huyện trên địa bàn xã" in commune
    assert "- Phòng Nội vụ huyện (b/c);" in commune and "- UBND huyện (b/c);" in commune
    table = _text(out / "xa-phuong/hoai-my/phu-luc.docx")
    assert "theo hướng dẫn của UBND huyện" in table and "Theo kế hoạch của huyện" in table
    derived = "\n".join(_texts(out, "ke-hoach-con").values())
    assert "- TT Huyện ủy, TT HĐND huyện (b/c);" in derived and "TT Thị ủy" not in derived
    assert "báo cáo UBND huyện (qua Phòng Nội vụ) để xem xét" in derived
    assert "UBND thị xã" not in commune.replace("UBND thị xã Hoài Nhơn", "")   # the rest cites content


def test_one_placeholder_form(project, tmp_path, cli):
    """Commune, derived and core documents print a missing value the same way: "[Cần nhập: …]"."""
    edit(project / "quyet-dinh.yaml", "ho_ten: Phạm Trương", "ho_ten: ''")
    out = tmp_path / "out"
    for command in ("build", "ke-hoach-con", "xa-phuong"):
        status, _, err = cli(command, "--content", project, "--out", out, "--no-check")
        assert status == 0, err
    assert "[Cần nhập: họ và tên người ký]" in _text(out / "quyet-dinh.docx")
    assert "[Cần nhập: họ và tên Chủ tịch UBND xã Hoài Mỹ]" in _text(out / "xa-phuong/hoai-my/ke-hoach.docx")
    derived = "\n".join(_texts(out, "ke-hoach-con").values())
    assert "[Cần nhập: họ và tên người ký]" in derived
    every = derived + "\n".join(_texts(out, "xa-phuong").values()) + _text(out / "quyet-dinh.docx")
    assert set(re.findall(r"\[(?!Cần nhập: )[^\]]*(?:nhập|Họ và tên)[^\]]*\]", every)) == set()
    lists = [(out / "ke-hoach-con/can-nhap.md").read_text("utf-8"), (out / "can-nhap-xa-phuong.md").read_text("utf-8")]
    for listing in lists:   # one listing format: document heading, file to fill, "- what: khóa `key`"
        assert re.search(r"^## .+\.docx\n\nTệp ghi đè: `.+\.yaml` \((đã có|chưa có: .+)\)\n\n- .+: khóa `.+`$",
                         listing, re.M)


def test_a_sentence_slot_is_only_allowed_in_its_sentence(project, tmp_path, cli):
    """{ten_xa} exists in the schedule's sentences, not in the body, where it has no value."""
    own = _own_khung(project, "kiem-tra")
    line = edit(own, "Thư ký: {thu_ky}", "Thư ký: {ten_xa}")
    edit(own, "dia_diem_xa: Trụ sở UBND {ten_xa}", "dia_diem_xa: Trụ sở {ten_xa}")     # allowed here
    status, _, err = cli("ke-hoach-con", "--content", project, "--out", tmp_path / "out")
    assert status == 1
    assert err.count("[khung.unknown-slot]") == 1
    assert (f'{own}:{line}: lỗi: chỗ trống "{{ten_xa}}" không có; ở đây dùng được: {{cap}}, {{cap_uy}}, '
            '{co_quan_ban_hanh}, {co_quan_chu_tri}, ') in err and "{thu_ky}, {trich_dan}" in err


def test_task_sheet_wording_from_its_skeleton(project, tmp_path, cli):
    own = _own_khung(project, "bang-phan-cong")
    edit(own, "chu_tri: Chủ trì", "chu_tri: Cơ quan chủ trì")
    out = tmp_path / "out"
    status, _, err = cli("ke-hoach-con", "--agency", "PNV", "--content", project, "--out", out)
    assert status == 0, err
    sheet = _text(out / "ke-hoach-con/phong-noi-vu/bang-phan-cong.docx")
    assert "Cơ quan chủ trì, nhiệm vụ I.1" in sheet and "\nChủ trì, nhiệm vụ" not in sheet


def test_changing_a_skeleton_rebuilds_the_communes(project, tmp_path, cli):
    out = tmp_path / "out"
    assert cli("xa-phuong", "--content", project, "--out", out, "--no-check")[0] == 0
    status, stdout, _ = cli("xa-phuong", "--content", project, "--out", out, "--no-check")
    assert status == 0 and stdout.startswith(f"Đã dựng 34 văn bản vào {out}/xa-phuong/: 0 đã ghi, 34 không đổi")
    own = _own_khung(project, "xa-phuong")
    status, stdout, _ = cli("xa-phuong", "--content", project, "--out", out, "--no-check")
    assert status == 0 and stdout.startswith(f"Đã dựng 34 văn bản vào {out}/xa-phuong/: 0 đã ghi, 34 không đổi")   # same text: same bytes
    edit(own, "luu: VT", "luu: VT, VP")
    status, stdout, _ = cli("xa-phuong", "--content", project, "--out", out, "--no-check")
    assert status == 0 and stdout.startswith(f"Đã dựng 34 văn bản vào {out}/xa-phuong/: 17 đã ghi, 17 không đổi")
    assert "- Lưu: VT, VP." in _text(out / "xa-phuong/hoai-my/ke-hoach.docx")


def test_a_commune_role_used_but_not_declared_is_an_error(project, tmp_path, cli):
    """{cong_chuc_noi_vu} in a text of a skeleton whose cong_chuc has no noi_vu: one message, no crash."""
    own = _own_khung(project, "xa-phuong")
    edit(own, "nhiem_vu: Nhiệm vụ\n", "nhiem_vu: Nhiệm vụ do {cong_chuc_noi_vu} tổng hợp\n")
    status, _, err = cli("xa-phuong", "--content", project, "--out", tmp_path / "out")
    assert status == 1
    assert f'{own}:1: lỗi: vai "noi_vu" được dùng nhưng không có trong "cong_chuc" [content.missing]' in err
    assert "Traceback" not in err and not (tmp_path / "out" / "xa-phuong").exists()
