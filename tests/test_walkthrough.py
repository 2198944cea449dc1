"""The README's five-minute walk-through, as an officer would run it from the project folder:
build, change a task, rebuild, see what changed, check the folder (PDF: libreoffice group)."""

from __future__ import annotations

import shutil

import pytest

from tests.conftest import BUNDLED
from tests.expect import assert_core_files


@pytest.fixture
def office(tmp_path, monkeypatch):
    """A project folder laid out like the checkout: content/hoai-nhon-2021/."""
    shutil.copytree(BUNDLED, tmp_path / "content" / "hoai-nhon-2021")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _walk_to_diff(cli, office):
    status, out, err = cli("build")
    assert status == 0, err
    lines = out.splitlines()
    assert lines[0] == "Nội dung: content/hoai-nhon-2021 (tự tìm thấy; chọn khác bằng --content)."
    assert lines[1].startswith("Đã dựng 59 văn bản vào build/hoai-nhon-2021/: 59 đã ghi, 0 không đổi (tổng ")
    plan = office / "content" / "hoai-nhon-2021" / "phu-luc.yaml"
    plan.write_text(plan.read_text("utf-8").replace("thuc_hien: Cả năm", "thuc_hien: Quý II/2021", 1),
                    "utf-8")
    status, out, _ = cli("build")
    assert status == 0 and "59 văn bản vào build/hoai-nhon-2021/: 20 đã ghi, 39 không đổi" in out
    status, out, _ = cli("diff", "--summary-only")
    assert status == 0
    lines = out.splitlines()  # the task sheets and commune appendices citing the task changed too
    at = lines.index("phu-luc.docx: thay đổi (1 bỏ, 1 thêm)")
    assert lines[at + 1] == "  * Nhiệm vụ I.1: thời gian Thực hiện: Cả năm → Quý II/2021"
    assert (office / "build" / "hoai-nhon-2021" / ".docgen" / "khac-biet.html").is_file()


def test_five_minutes(cli, office):
    _walk_to_diff(cli, office)
    status, out, err = cli("check", "build")
    assert status == 0 and err == ""
    assert out.startswith("Có 0 lỗi, 0 cảnh báo (đã kiểm tra 59 tệp, ")


def test_a_typo_on_the_way_points_at_its_line(cli, office):
    plan = office / "content" / "hoai-nhon-2021" / "phu-luc.yaml"
    text = plan.read_text("utf-8")
    line = text[: text.index("        chu_tri: PNV")].count("\n") + 1
    plan.write_text(text.replace("        chu_tri: PNV", "        chu_tri PNV", 1), "utf-8")
    status, _, err = cli("build")
    assert status == 1
    assert err.splitlines()[0] == (f"content/hoai-nhon-2021/phu-luc.yaml:{line}: lỗi: thiếu dấu hai chấm "
                                   "\":\" sau khóa: “chu_tri PNV” [content.yaml-syntax]")


def test_outside_a_project_folder_nothing_is_built_silently(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    status, out, err = cli("build")
    assert status == 2 and out == ""
    assert err.splitlines() == [
        f"{tmp_path}: lỗi: thư mục này không có nội dung để dựng (không thấy don-vi.yaml, cũng không "
        "thấy content/<dự án>/don-vi.yaml); chỉ thư mục nội dung bằng --content THƯ_MỤC, hoặc dựng "
        "ví dụ Hoài Nhơn đi kèm bằng --vi-du [usage.no-content]",
        "Có 1 lỗi, 0 cảnh báo."]
    assert not (tmp_path / "build").exists()
    status, out, _ = cli("build", "--vi-du", "--out", "ra")
    assert status == 0 and out.splitlines()[0].startswith("Nội dung: ") and "(ví dụ đi kèm)." in out
    assert len(list((tmp_path / "ra").glob("*.docx"))) == 4
    assert_core_files(tmp_path / "ra")


def test_two_projects_ask_which(cli, office):
    shutil.copytree(BUNDLED, office / "content" / "khac")
    status, out, err = cli("build")
    assert status == 2
    assert err.splitlines()[0] == (f"{office}: lỗi: có 2 dự án nội dung (content/hoai-nhon-2021, "
                                   "content/khac); chọn một bằng --content THƯ_MỤC [usage.many-contents]")
    status, out, _ = cli("build", "--content", "content/khac")
    assert status == 0 and not out.startswith("Nội dung: ")
    assert_core_files(office / "build" / "khac")        # each project builds into its own folder


def test_project_folder_itself(cli, office, monkeypatch):
    monkeypatch.chdir(office / "content" / "hoai-nhon-2021")
    status, out, _ = cli("build", "--out", office / "ra")
    assert status == 0 and out.splitlines()[0] == "Nội dung: . (tự tìm thấy; chọn khác bằng --content)."
    assert_core_files(office / "ra")


def test_crash_log_goes_beside_the_output_used(cli, office, monkeypatch):
    import docgen.pipeline.runner

    def boom(*args, **kwargs):
        raise RuntimeError("lỗi giả")

    monkeypatch.setattr(docgen.pipeline.runner, "run", boom)
    status, _, err = cli("build", "--out", office / "ra")
    log = office / "ra" / ".docgen" / "loi.log"
    assert status == 1
    assert err == (f"lỗi: docgen gặp lỗi nội bộ (RuntimeError). Chi tiết đã ghi vào {log}; xin gửi "
                   "tệp này cho người phát triển.\n")
    assert "RuntimeError: lỗi giả" in log.read_text("utf-8")
    assert not (office / "build").exists()


@pytest.mark.libreoffice
def test_five_minutes_with_the_pdf(cli, office):
    _walk_to_diff(cli, office)
    status, out, _ = cli("pdf")
    assert status == 0 and out.startswith("Đã tạo 59 tệp PDF trong build/hoai-nhon-2021/pdf (tổng ")
    status, out, _ = cli("pdf")
    assert status == 0 and out.startswith("Không văn bản nào thay đổi từ lần trước: 59 tệp PDF")
