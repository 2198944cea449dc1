"""Shape "decision without a plan" (schema-13 §B, docs/content-shapes.md §1): don-vi.yaml +
quyet-dinh.yaml (+ phu-luc.yaml), no ke-hoach.yaml, as ld05, ld06, ld07, ld19 are. Core documents
quyet-dinh.docx (+ phu-luc.docx) + tron-bo.docx, no derived or commune plan; the appendix is
"(Kèm theo Quyết định …)"; where a plan is needed and missing, one message says so."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.expect import QUOC_HIEU, TIEU_NGU, assert_in_order, paragraphs, section_count, table_rows
from tests.helpers import edit
from tests.test_cli_language import english_words

DATA = Path(__file__).parent / "data" / "quyet-dinh-rieng"
NO_PLAN = "dự án không có ke-hoach.yaml (Quyết định không kèm Kế hoạch)"


def fails(cli, content: Path, out: Path, target: tuple[str, ...] = ()) -> list[str]:
    """`docgen build` exits 1, builds nothing; its stderr lines."""
    status, stdout, err = cli("build", *target, "--content", content, "--out", out)
    assert status == 1 and "Traceback" not in stdout + err, err
    assert not list(out.rglob("*.docx"))
    assert english_words(err) == [], err
    return err.splitlines()


@pytest.fixture
def alone(tmp_path) -> Path:
    dst = tmp_path / "quyet-dinh-rieng"
    shutil.copytree(DATA, dst)
    return dst


def test_a_decision_alone_builds_its_decision_appendix_and_combined_file(cli, alone, tmp_path):
    out = tmp_path / "b"
    status, stdout, err = cli("build", "--content", alone, "--out", out)   # every target: only what exists
    assert status == 0, err
    assert stdout.startswith(f"Đã dựng 3 văn bản vào {out}/: 3 đã ghi, 0 không đổi"), stdout
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*.docx")) == [
        "phu-luc.docx", "quyet-dinh.docx", "tron-bo.docx"]                  # no ke-hoach-con/, no xa-phuong/
    status, stdout, err = cli("check", out)
    assert status == 0 and "0 lỗi, 0 cảnh báo" in stdout + err, stdout + err
    decision = (out / "quyet-dinh.docx").read_bytes()
    assert_in_order(decision, [
        "ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG", QUOC_HIEU, TIEU_NGU, "Số:       /QĐ-UBND", "QUYẾT ĐỊNH",
        "Giao nhiệm vụ thực hiện công tác cải cách hành chính\ntrọng tâm năm 2026",
        "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", "QUYẾT ĐỊNH:",
        "Điều 1. Giao nhiệm vụ thực hiện công tác cải cách hành chính trọng tâm năm 2026 cho các cơ quan, "
        "đơn vị, địa phương (Có phụ lục kèm theo).",
        "Điều 3. Quyết định này có hiệu lực kể từ ngày ký ban hành.",
        "Điều 4. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Nội vụ, Thủ trưởng các cơ quan, đơn vị và "
        "Chủ tịch Ủy ban nhân dân các xã, phường, đặc khu chịu trách nhiệm thi hành Quyết định này./.",
    ], "quyet-dinh.docx")
    assert not any("Kế hoạch" in p for p in paragraphs(decision))   # nothing says it issues a plan
    appendix = (out / "phu-luc.docx").read_bytes()
    assert paragraphs(appendix)[:3] == [
        "Phụ lục", "NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH TRỌNG TÂM NĂM 2026",
        "(Kèm theo Quyết định số       /QĐ-UBND ngày        tháng 12 năm 2025 của UBND tỉnh Lâm Đồng)"]
    assert [r[:2] for r in table_rows(appendix)[1:]] == [
        ["I", "CẢI CÁCH THỂ CHẾ"], ["1", "Rà soát, hệ thống hóa văn bản quy phạm pháp luật của tỉnh"],
        ["II", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH"],
        ["1", "Công bố danh mục thủ tục hành chính được tiếp nhận trực tuyến toàn trình"],
        ["2", "Tổng hợp, báo cáo kết quả thực hiện nhiệm vụ cải cách hành chính năm 2026"]]
    assert section_count((out / "tron-bo.docx").read_bytes()) == 2   # the decision, the appendix
    status, stdout, _ = cli("build", "--content", alone, "--out", out)
    assert status == 0 and "0 đã ghi, 3 không đổi" in stdout


def test_a_decision_alone_without_appendix(cli, alone, tmp_path):
    (alone / "phu-luc.yaml").unlink()
    out = tmp_path / "b"
    status, _, err = cli("build", "--content", alone, "--out", out)
    assert status == 0, err
    assert sorted(p.name for p in out.rglob("*.docx")) == ["quyet-dinh.docx", "tron-bo.docx"]
    assert section_count((out / "tron-bo.docx").read_bytes()) == 1


@pytest.mark.parametrize("target, what", [("ke-hoach-con", "các kế hoạch con và bảng phân công"),
                                          ("xa-phuong", "kế hoạch của các xã, phường")])
def test_a_target_made_from_a_plan_is_refused_without_one(cli, alone, tmp_path, target, what):
    assert fails(cli, alone, tmp_path / "b", (target,)) == [
        f'{alone / "ke-hoach.yaml"}: lỗi: mục "{target}" dựng {what} từ Kế hoạch, nhưng {NO_PLAN}: '
        'chỉ dựng được mục "chinh" [content.missing-plan]', "Có 1 lỗi, 0 cảnh báo."]


def test_a_decision_that_issues_a_plan_needs_the_plan(cli, project, tmp_path):
    """Hoài Nhơn without ke-hoach.yaml: its title and Điều 1 issue a plan, and ke-hoach-con/ holds
    the content of derived plans: three messages, at their lines, nothing built."""
    (project / "ke-hoach.yaml").unlink()
    assert fails(cli, project, tmp_path / "b") == [
        f"{project / 'quyet-dinh.yaml'}:8: lỗi: trích yếu ban hành một Kế hoạch nhưng {NO_PLAN}: thêm "
        "ke-hoach.yaml vào thư mục nội dung, hoặc sửa trích yếu [content.missing-plan]",
        f"{project / 'quyet-dinh.yaml'}:24: lỗi: Điều 1 ban hành kèm theo Quyết định một Kế hoạch nhưng "
        f"{NO_PLAN}: thêm ke-hoach.yaml vào thư mục nội dung, hoặc sửa Điều 1 [content.missing-plan]",
        f"{project / 'ke-hoach-con'}/: lỗi: thư mục ke-hoach-con/ chứa nội dung của kế hoạch con, được lập từ "
        f"Kế hoạch, nhưng {NO_PLAN}: thêm ke-hoach.yaml, hoặc xóa (đổi tên) thư mục này [content.missing-plan]",
        "Có 3 lỗi, 0 cảnh báo."]


def test_an_article_issuing_a_plan_is_found_in_any_article(cli, alone, tmp_path):
    line = edit(alone / "quyet-dinh.yaml", "  - Quyết định này có hiệu lực",
                "  - Ban hành kèm theo Quyết định này Kế hoạch kiểm tra công tác cải cách hành chính năm 2026.\n"
                "  - Quyết định này có hiệu lực")
    (alone / "xa-phuong").mkdir()
    assert fails(cli, alone, tmp_path / "b") == [
        f"{alone / 'quyet-dinh.yaml'}:{line}: lỗi: Điều 3 ban hành kèm theo Quyết định một Kế hoạch nhưng "
        f"{NO_PLAN}: thêm ke-hoach.yaml vào thư mục nội dung, hoặc sửa Điều 3 [content.missing-plan]",
        f"{alone / 'xa-phuong'}/: lỗi: thư mục xa-phuong/ chứa nội dung của kế hoạch của xã, phường, được lập "
        f"từ Kế hoạch, nhưng {NO_PLAN}: thêm ke-hoach.yaml, hoặc xóa (đổi tên) thư mục này [content.missing-plan]",
        "Có 2 lỗi, 0 cảnh báo."]


def test_no_main_document_at_all(cli, alone, tmp_path):
    (alone / "quyet-dinh.yaml").unlink()
    assert fails(cli, alone, tmp_path / "b") == [
        f"{alone / 'ke-hoach.yaml'}: lỗi: không tìm thấy tệp; dự án cần ít nhất một văn bản chính: "
        "ke-hoach.yaml (Kế hoạch) hoặc quyet-dinh.yaml (Quyết định) [content.missing-file]",
        "Có 1 lỗi, 0 cảnh báo."]


def test_an_article_that_only_names_a_plan_is_fine(cli, alone, tmp_path):
    """Only a decision that issues a plan needs one: a regulation issued with it, or a plan it
    cites, is no missing plan."""
    edit(alone / "quyet-dinh.yaml", "  - Quyết định này có hiệu lực",
         "  - Ban hành kèm theo Quyết định này Quy chế phối hợp thực hiện Kế hoạch số 12/KH-UBND ngày 05 tháng 01 "
         "năm 2026 của Ủy ban nhân dân tỉnh.\n  - Quyết định này có hiệu lực")
    edit(alone / "quyet-dinh.yaml", "trich_yeu: \"Giao", "trich_yeu: \"Ban hành Quy chế phối hợp; giao")
    status, _, err = cli("build", "chinh", "--content", alone, "--out", tmp_path / "b")
    assert status == 0, err
