"""Commune and derived plans of a province after 2025 vs a thị xã before (issue #11 item 2).

The wording comes from the skeleton chosen by level and period (docgen/khung/*.tinh*.yaml for
a province, xa-phuong.yaml for a pre-2025 thị xã); role holders come from `vai_tro`.
"""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

from docx import Document

from tests.helpers import edit


def _text(path: Path) -> str:
    doc = Document(io.BytesIO(path.read_bytes()))
    return "\n".join([p.text for p in doc.paragraphs] + [c.text for t in doc.tables for r in t.rows for c in r.cells])


def _build(cli, content: Path, out: Path) -> Path:
    status, _, err = cli("build", "--content", content, "--out", out)
    assert status == 0, err
    return out


def test_post_2025_commune_plan_of_a_province(tinh, tmp_path, cli):
    out = _build(cli, tinh, tmp_path / "out")
    plan = _text(out / "xa-phuong/dam-rong-3/ke-hoach.docx")
    assert plan.startswith("UBND TỈNH LÂM ĐỒNG\nỦY BAN NHÂN DÂN\nXÃ ĐAM RÔNG 3") or \
        "UBND TỈNH LÂM ĐỒNG\nỦY BAN NHÂN DÂN\nXÃ ĐAM RÔNG 3" in plan
    assert "Cải cách hành chính nhà nước năm 2026 của xã Đam Rông 3" in plan
    assert ("Là cơ quan đầu mối tham mưu UBND xã tổ chức thực hiện Kế hoạch; theo dõi, đôn đốc, tổng hợp, báo cáo "
            "định kỳ quý, 6 tháng, năm về UBND tỉnh (qua Sở Nội vụ).") in plan
    assert "\n2. Phòng Văn hóa - Xã hội\n" in plan
    assert "- Văn phòng HĐND và UBND: tham mưu cải cách thể chế" in plan and "- Phòng Kinh tế: tham mưu bố trí" in plan
    assert "- Trung tâm Phục vụ hành chính công: tiếp nhận, giải quyết thủ tục hành chính" in plan
    assert "báo cáo Chủ tịch UBND xã (qua Phòng Văn hóa - Xã hội) để xem xét, giải quyết./." in plan
    assert "- UBND tỉnh (b/c);\n- Sở Nội vụ (b/c);" in plan
    for stale in ("thị xã", "Phòng Nội vụ", "Công chức Văn phòng", "huyện"):
        assert stale not in plan, stale
    table = _text(out / "xa-phuong/dam-rong-3/phu-luc.docx")
    assert "Chủ trì thực hiện" in table and "(Kèm theo Kế hoạch số       /KH-UBND ngày        tháng 01 năm 2026 " \
        "của UBND xã Đam Rông 3)" in table
    # the officer per kind of unit: a phường has Phòng Kinh tế, Hạ tầng và Đô thị; an đặc khu Phòng Kinh tế
    ward = _text(out / "xa-phuong/xuan-truong-da-lat/ke-hoach.docx")
    assert "- Phòng Kinh tế, Hạ tầng và Đô thị: tham mưu bố trí kinh phí" in ward and "PHƯỜNG XUÂN TRƯỜNG - ĐÀ LẠT" in ward
    island = _text(out / "xa-phuong/phu-quy/ke-hoach.docx")
    assert "- Phòng Kinh tế: tham mưu bố trí kinh phí" in island and "ĐẶC KHU PHÚ QUÝ" in island
    assert "của đặc khu đến cán bộ, công chức" in island


def test_the_reporting_line_comes_from_the_role_holder(tinh, tmp_path, cli):
    edit(tinh / "don-vi.yaml", "SNV: {ten: Sở Nội vụ,", "SNV: {ten: Sở Nội vụ tỉnh Lâm Đồng,")
    plan = _text(_build(cli, tinh, tmp_path / "out") / "xa-phuong/dam-rong-3/ke-hoach.docx")
    assert "về UBND tỉnh (qua Sở Nội vụ tỉnh Lâm Đồng)." in plan and "- Sở Nội vụ tỉnh Lâm Đồng (b/c);" in plan


def test_pre_2025_phuong_of_a_thi_xa_unchanged(project, tmp_path, cli):
    status, _, err = cli("xa-phuong", "Tam Quan Bắc", "--content", project, "--out", tmp_path / "out")
    assert status == 0, err
    plan = _text(tmp_path / "out/xa-phuong/tam-quan-bac/ke-hoach.docx")
    assert "UBND THỊ XÃ HOÀI NHƠN\nỦY BAN NHÂN DÂN\nPHƯỜNG TAM QUAN BẮC" in plan
    assert "năm về UBND thị xã (qua Phòng Nội vụ)." in plan
    assert "\n2. Công chức Văn phòng - Thống kê\n" in plan
    assert "báo cáo Chủ tịch UBND phường (qua công chức Văn phòng - Thống kê)" in plan
    assert "- Phòng Nội vụ thị xã (b/c);" in plan
    assert "Phòng Văn hóa - Xã hội" not in plan and "Sở Nội vụ" not in plan and "UBND tỉnh" not in plan


def test_derived_plans_of_a_province_name_role_holders_and_level(tinh, tmp_path, cli):
    out = _build(cli, tinh, tmp_path / "out")
    kiem_tra = _text(out / "ke-hoach-con/so-noi-vu/kiem-tra.docx")
    assert "\n1. Sở Nội vụ\n- Tham mưu Chủ tịch UBND tỉnh thành lập Đoàn kiểm tra" in kiem_tra
    assert "\n1. Công tác chỉ đạo, điều hành\n- Kết quả thực hiện nhiệm vụ I.1: ban hành Kế hoạch kiểm tra" in kiem_tra
    assert "UBND 1 xã, phường, đặc khu (chỉ tiêu 20% của 3 đơn vị hành chính cấp xã là 1 đơn vị), gồm:" in kiem_tra
    assert "kịp thời báo cáo UBND tỉnh (qua Sở Nội vụ) để xem xét, giải quyết./." in kiem_tra
    for line in ("- Bộ Nội vụ (b/c);", "- TT Tỉnh ủy, TT HĐND tỉnh (b/c);", "- Chủ tịch, các PCT UBND tỉnh;",
                 "- Các cơ quan chuyên môn thuộc UBND tỉnh;", "- UBND các xã, phường, đặc khu;", "- Lưu: VT, NV."):
        assert line in kiem_tra, line
    assert "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH" in kiem_tra and "TM. ỦY BAN NHÂN DÂN" not in kiem_tra
    cntt = _text(out / "ke-hoach-con/so-khoa-hoc-va-cong-nghe/ung-dung-cntt.docx")
    assert "\n2. Văn phòng UBND tỉnh\n" in cntt and "\n3. Sở Tài chính\n" in cntt and "\n4. Sở Nội vụ\n" in cntt
    assert "\n5. Các sở, ban, ngành và UBND các xã, phường, đặc khu\n" in cntt
    assert "- 100% văn bản đi, đến được xử lý trên hệ thống quản lý văn bản và điều hành, trừ văn bản mật." in cntt
    tuyen = _text(out / "ke-hoach-con/so-noi-vu/tuyen-truyen.docx")
    assert "\n2. Sở Văn hóa, Thể thao và Du lịch\n" in tuyen and "Các sở, ban, ngành và UBND các xã, phường, đặc khu" in tuyen
    sheet = _text(out / "ke-hoach-con/so-noi-vu/bang-phan-cong.docx")
    assert "BẢNG PHÂN CÔNG NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2026 CỦA SỞ NỘI VỤ" in sheet
    every = kiem_tra + cntt + tuyen + sheet
    assert "thị xã" not in every and "UBND các xã, phường;" not in every
    assert not re.search(r"Phòng (?!họp)", every)       # no Phòng of a district; "Phòng họp không giấy" is a system


def test_commune_kinds_come_from_the_registry(tinh, tmp_path, cli):
    text = (tinh / "don-vi.yaml").read_text(encoding="utf-8")
    (tinh / "don-vi.yaml").write_text(text.replace('  - {ma: "90003", loai: dac_khu, ten: Phú Quý, don_vi_con: thôn}\n',
                                                   ""), encoding="utf-8")
    kiem_tra = _text(_build(cli, tinh, tmp_path / "out") / "ke-hoach-con/so-noi-vu/kiem-tra.docx")
    assert "- UBND các xã, phường;" in kiem_tra and "đặc khu" not in kiem_tra


def test_inspection_schedule_by_month_as_ld08(tinh, tmp_path, cli):
    out = _build(cli, tinh, tmp_path / "out")
    kiem_tra = _text(out / "ke-hoach-con/so-noi-vu/kiem-tra.docx")
    assert "Từ tháng 3/2026 đến tháng 7/2026 (lịch cụ thể tại Phụ lục kèm theo)" in kiem_tra
    assert "UBND phường Xuân Trường - Đà Lạt\nTháng 3/2026\n" in kiem_tra and "Sở Tài chính\nTháng 7/2026\n" in kiem_tra
    assert "CƠ QUAN CHUYÊN MÔN THUỘC UBND TỈNH" in kiem_tra


def test_a_month_only_schedule_needs_a_skeleton_that_words_it(project, tmp_path, cli):
    own = project / "ke-hoach-con" / "kiem-tra.yaml"
    own.write_text(own.read_text(encoding="utf-8") + "lich:\n  - don_vi: Tam Quan\n    ngay: ../09/2021\n",
                   encoding="utf-8")
    line = own.read_text(encoding="utf-8").splitlines().index("    ngay: ../09/2021") + 1
    status, _, err = cli("ke-hoach-con", "--content", project, "--out", tmp_path / "out")
    assert status == 1
    assert (f'{own}:{line}: lỗi: kế hoạch của nhiệm vụ I.2: ngày kiểm tra phải ghi đủ ngày/tháng/năm (khung kiểm tra không có câu "lich_thang" '
            "cho lịch theo tháng) [content.invalid-date]") in err


LAM_DONG = Path(__file__).resolve().parents[2] / "content" / "lam-dong-2026"


def test_lam_dong_inspection_plan_and_a_commune_plan(tmp_path, cli):
    """The bundled province: ld08's inputs give its units and months; a xã's 2026 plan reads as one."""
    content = tmp_path / "lam-dong"
    shutil.copytree(LAM_DONG, content)
    out = tmp_path / "out"
    status, _, err = cli("build", "--content", content, "--out", out, "ke-hoach-con")
    assert status == 0, err
    kiem_tra = _text(out / "ke-hoach-con/so-noi-vu/kiem-tra.docx")
    assert "UBND 25 xã, phường, đặc khu (chỉ tiêu 20% của 124 đơn vị hành chính cấp xã là 25 đơn vị), gồm:" in kiem_tra
    assert "UBND xã Đam Rông 3\nTháng 5/2026\n" in kiem_tra and "Sở Công Thương\nTháng 9/2026\n" in kiem_tra
    assert "Từ tháng 3/2026 đến tháng 9/2026 (lịch cụ thể tại Phụ lục kèm theo)" in kiem_tra
    assert "- Ban Quản lý các khu công nghiệp tỉnh;" in kiem_tra and "Nguyễn Ngọc Phúc" in kiem_tra
    # section II as the person wrote it from ld08 (noi_dung_kiem_tra), not one line per parent task
    assert "\n2. Xây dựng và tổ chức thi hành pháp luật\na) Công tác xây dựng, ban hành văn bản quy phạm pháp " \
        "luật theo thẩm quyền.\n" in kiem_tra and "Kết quả thực hiện nhiệm vụ" not in kiem_tra
    # the parent explains "trí tuệ nhân tạo (AI)" once; a derived plan explains it at its first use
    tuyen = _text(out / "ke-hoach-con/so-noi-vu/tuyen-truyen.docx")
    assert tuyen.count("(AI)") == 1 and tuyen.index("trí tuệ nhân tạo (AI)") < tuyen.index(" AI ")
    status, _, err = cli("build", "--content", content, "--out", out, "xa-phuong", "Đam Rông 3")
    assert status == 0, err
    plan = _text(out / "xa-phuong/dam-rong-3/ke-hoach.docx")
    assert "Đam Rông 3, ngày        tháng 01 năm 2026" in plan
    assert "báo cáo định kỳ quý, 6 tháng, năm về UBND tỉnh (qua Sở Nội vụ)." in plan
    assert "- Phối hợp với các sở, ban, ngành" in plan and "Phối hợp với Các" not in plan
    for stale in ("thị xã", "Phòng Nội vụ", "huyện"):
        assert stale not in plan, stale
