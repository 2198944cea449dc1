"""Derived plans: selection, the three named drafts, Decree 30 check, traceability, overrides."""

import dataclasses
import datetime as dt
import re

import pytest

from docgen.check import check_docx_bytes
from docgen.content import load_project
from docgen.derive import Nguon, select, sheet, sheet_agencies, truy_vet
from docgen.derive.kiem_tra import parent_target
from docgen.pipeline.derived import build_derived, derive_project
from tests.derive.derive_helpers import CONTENT, paragraphs, table_rows
from tests.expect import assert_derived_document, assert_derived_outputs, assert_in_order

KT = "ke-hoach-con/phong-noi-vu/kiem-tra.docx"
TT = "ke-hoach-con/phong-van-hoa-va-thong-tin/tuyen-truyen.docx"
IT = "ke-hoach-con/phong-van-hoa-va-thong-tin/ung-dung-cntt.docx"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    return build_derived(CONTENT, out, check=True)


def test_three_named_drafts_for_the_right_agencies(built):
    specs = {s.ma: s for s in select(load_project(CONTENT))}
    titles = {KT: "Kiểm tra công tác cải cách hành chính năm 2021",
              TT: "Thông tin, tuyên truyền về cải cách hành chính năm 2021",
              IT: "Ứng dụng công nghệ thông tin trong hoạt động của cơ quan nhà nước năm 2021"}
    for rel, title in titles.items():                 # each draft, built, is that plan
        assert_in_order(built.outputs[rel], ["KẾ HOẠCH", title], rel)
    assert (specs["I.2"].kind, specs["I.2"].chu_tri, specs["I.2"].duong_dan) == ("kiem_tra", "PNV", KT)
    assert (specs["I.3"].kind, specs["I.3"].chu_tri, specs["I.3"].duong_dan) == ("tuyen_truyen", "PVHTT", TT)
    assert (specs["VII.1"].kind, specs["VII.1"].chu_tri, specs["VII.1"].duong_dan) == ("cntt", "PVHTT", IT)
    assert "I.1" not in specs                     # the parent plan itself
    assert "I.4" not in specs                     # a Quyết định, not a plan
    assert all(re.fullmatch(r"[a-z0-9/.-]+", s.duong_dan) for s in specs.values())


def test_every_plan_row_has_a_draft(built):
    for spec in select(load_project(CONTENT)):
        assert spec.duong_dan in built.outputs
        assert_derived_document(spec.duong_dan, built.outputs[spec.duong_dan])
    sheets = sorted(p for p in built.outputs if p.endswith("/bang-phan-cong.docx"))
    assert sheets == [f"ke-hoach-con/{a}/bang-phan-cong.docx" for a in (
        "phong-noi-vu", "phong-tai-chinh-ke-hoach", "phong-tu-phap", "phong-van-hoa-va-thong-tin",
        "van-phong-hdnd-va-ubnd")]


def test_inspection_plan_names_12_communes_all_before_the_deadline(built):
    assert parent_target(load_project(CONTENT)) == 70
    data = built.outputs[KT]
    rows = [r for r in table_rows(data) if len(r) == 7 and r[0].isdigit()]
    units = [r[1] for r in rows]
    assert len(units) == 12 and len(set(units)) == 12
    assert all(re.match(r"UBND (phường|xã) ", u) for u in units)
    deadline = dt.date(2021, 12, 31)              # I.2 "Thực hiện: Cả năm" of 2021
    for r in rows:
        d, m, y = map(int, re.search(r"ngày (\d\d)/(\d\d)/(\d{4})", r[2]).groups())
        assert dt.date(y, m, d) < deadline
    text = "\n".join(paragraphs(data))
    assert "UBND 12 xã, phường (chỉ tiêu 70% của 17 xã, phường là 12 đơn vị" in text
    assert "[Cần nhập: thành viên Đoàn kiểm tra]" in text


def test_it_plan_carries_the_parent_percentages(built):
    text = "\n".join(paragraphs(built.outputs[IT]))
    assert "- Phấn đấu đạt 100% văn bản đi, đến của các cơ quan, đơn vị được phát hành, xử lý dưới dạng điện tử." in text
    assert ("80% thủ tục hành chính đang được cung cấp dịch vụ công trực tuyến mức độ 3, mức độ 4 có phát sinh hồ sơ; "
            "40% thủ tục hành chính được xử lý trực tuyến mức độ 3, mức độ 4") in text
    assert "TCVN ISO 9001:2015" in text


def test_signature_blocks(built):
    text = "\n".join(paragraphs(built.outputs[KT]))
    assert "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH" in text
    assert "Số:       /KH-UBND" in text
    pvh = "\n".join(paragraphs(built.outputs["ke-hoach-con/phong-noi-vu/v-2-dao-tao-boi-duong-can-bo.docx"]))
    assert "UBND THỊ XÃ HOÀI NHƠN\nPHÒNG NỘI VỤ" in pvh and "/KH-PNV" in pvh and "TRƯỞNG PHÒNG" in pvh


def test_every_derived_document_passes_the_checker(built):
    for rel, data in built.outputs.items():
        errors = [f for f in check_docx_bytes(data, rel) if f.is_error]
        assert errors == [], rel


def test_each_draft_cites_the_decision_and_follows_its_number(content, tmp_path):
    _, before = derive_project(content)
    qd = content / "quyet-dinh.yaml"
    qd.write_text(qd.read_text("utf-8").replace('so: ""', 'so: "15"', 1), "utf-8")
    out = build_derived(content, tmp_path / "out", check=False).outputs
    for rel in (KT, TT, IT):
        first = paragraphs(out[rel])
        intro = next(p for p in first if p.startswith("Thực hiện Quyết định"))
        assert intro.startswith("Thực hiện Quyết định số 15/QĐ-UBND ngày")
        assert "về việc ban hành Kế hoạch cải cách hành chính thị xã Hoài Nhơn năm 2021" in intro


def test_same_input_same_bytes(tmp_path):
    a = build_derived(CONTENT, tmp_path / "a", check=False).outputs
    b = build_derived(CONTENT, tmp_path / "b", check=False).outputs
    assert a == b
    assert len(a) == 21
    assert_derived_outputs(a)


def _nguon():
    project = load_project(CONTENT)
    return project, Nguon(project)


def test_traceability_holds(built):
    project, nguon = _nguon()
    sheets = {k: sheet(nguon, k) for k in sheet_agencies(project)}
    assert truy_vet(project, sheets) == []
    leads = sum(1 for pl in sheets.values() for g in pl.nhom for r in g.nhiem_vu if r.ghi_chu.startswith("Chủ trì"))
    assert leads == sum(1 for _ in project.phu_luc.tasks())
    # the same in the built task sheets: every task of the appendix on exactly one "Chủ trì" row
    rows = [r for rel, data in built.outputs.items() if rel.endswith("/bang-phan-cong.docx")
            for r in table_rows(data) if len(r) == 7 and r[0].isdigit()]
    assert sorted(r[1] for r in rows if r[6].startswith("Chủ trì")) == \
        sorted(t.nhiem_vu for _, _, t in project.phu_luc.tasks())


def _edit(pl, fn):
    groups = tuple(dataclasses.replace(g, nhiem_vu=fn(g.nhiem_vu)) for g in pl.nhom)
    return dataclasses.replace(pl, nhom=groups)


def test_traceability_fails_when_a_task_is_removed():
    project, nguon = _nguon()
    sheets = {k: sheet(nguon, k) for k in sheet_agencies(project)}
    sheets["PNV"] = _edit(sheets["PNV"], lambda rows: tuple(r for r in rows if r.ma != "I.2"))
    problems = truy_vet(project, sheets)
    assert [p.message for p in problems] == [
        "nhiệm vụ I.2 (chủ trì: Phòng Nội vụ) không có trong bảng phân công của Phòng Nội vụ; phải có đúng một lần"]


def test_traceability_fails_when_a_task_is_duplicated():
    project, nguon = _nguon()
    sheets = {k: sheet(nguon, k) for k in sheet_agencies(project)}
    sheets["PTP"] = _edit(sheets["PTP"], lambda rows: rows + tuple(r for r in rows if r.ma == "II.1"))
    messages = [p.message for p in truy_vet(project, sheets)]
    assert "nhiệm vụ II.1 xuất hiện 2 lần trong bảng phân công" in messages
    assert ("nhiệm vụ II.1 (chủ trì: Phòng Tư pháp) có 2 lần trong bảng phân công của Phòng Tư pháp; "
            "phải có đúng một lần") in messages


def test_traceability_fails_when_a_lead_has_no_sheet():
    project, nguon = _nguon()
    sheets = {k: sheet(nguon, k) for k in sheet_agencies(project) if k != "PTCKH"}
    assert any("VI.1" in p.message for p in truy_vet(project, sheets))


OVERRIDE = """\
nhiem_vu: I.2
doan_kiem_tra:
  truong_doan: Ông Nguyễn Văn A & bà Lê Thị "B", Phó Chủ tịch UBND thị xã
  thanh_vien:
    - Trần Văn C, Phòng Tư pháp
doi_tuong:
  xa_phuong: [Tam Quan, Tam Quan Bắc, Tam Quan Nam, Hoài Hảo, Hoài Thanh Tây, Hoài Thanh,
              Hoài Hương, Hoài Tân, Hoài Xuân, Hoài Đức, Bồng Sơn, Hoài Sơn]
lich:
  - don_vi: Hoài Hương
    ngay: 15/10/2021
    gio: 14 giờ 00
"""


def test_override_appears_and_survives_a_second_build(content, tmp_path):
    (content / "ke-hoach-con" / "kiem-tra.yaml").write_text(OVERRIDE, "utf-8")
    first = build_derived(content, tmp_path / "out", check=True)
    text = "\n".join(paragraphs(first.outputs[KT]))
    assert 'Trưởng đoàn: Ông Nguyễn Văn A & bà Lê Thị "B", Phó Chủ tịch UBND thị xã' in text
    assert "Thành viên: Trần Văn C, Phòng Tư pháp" in text
    rows = [r for r in table_rows(first.outputs[KT]) if len(r) == 7 and r[0].isdigit()]
    assert [r[1] for r in rows][-1] == "UBND phường Hoài Hương"
    assert rows[-1][2] == "14 giờ 00, thứ Sáu, ngày 15/10/2021"
    assert "UBND xã Hoài Châu" not in [r[1] for r in rows]
    keys = {c.khoa for c in first.cho_nhap if c.van_ban == KT}
    assert "doan_kiem_tra.truong_doan" not in keys and "doan_kiem_tra.thu_ky" in keys
    second = build_derived(content, tmp_path / "out", check=True)
    assert KT in second.unchanged
    assert (tmp_path / "out" / KT).read_bytes() == first.outputs[KT]
    assert (content / "ke-hoach-con" / "kiem-tra.yaml").read_text("utf-8") == OVERRIDE
