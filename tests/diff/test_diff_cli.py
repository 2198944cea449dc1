"""`docgen diff` and `docgen watch` through click's CliRunner: messages and exit codes."""

import shutil
import threading
import time
from pathlib import Path

from click.testing import CliRunner

from docgen.cli import main_group
from docgen.cli.diff import make_watch_command
from tests.conftest import copy_build
from tests.expect import assert_core_files
from tests.helpers import edit


def invoke(*args, cmd=main_group):
    return CliRunner().invoke(cmd, [str(a) for a in args], catch_exceptions=False)


def test_missing_file(mk, tmp_path):
    a = mk("a.docx", ["Một"])
    r = invoke("diff", a, tmp_path / "khong-co.docx")
    assert r.exit_code == 2
    assert r.stderr == f"{tmp_path / 'khong-co.docx'}: lỗi: không tìm thấy tệp [diff.missing-file]\nCó 1 lỗi, 0 cảnh báo.\n"
    assert "Traceback" not in r.output


def test_not_a_docx(mk, tmp_path):
    txt = tmp_path / "ghi-chu.docx"
    txt.write_text("không phải zip", encoding="utf-8")
    r = invoke("diff", mk("a.docx", ["Một"]), txt)
    assert r.exit_code == 2
    assert r.stderr == (f"{txt}: lỗi: không phải tệp DOCX (không đọc được word/document.xml) "
                        "[diff.not-docx]\nCó 1 lỗi, 0 cảnh báo.\n")


def test_one_file_is_a_usage_error(mk):
    r = invoke("diff", mk("a.docx", ["Một"]))
    assert r.exit_code == 2
    assert "cần đúng hai tệp DOCX" in r.stderr


def test_two_files_with_html(mk, tmp_path):
    a = mk("a.docx", ["Điều 1. A & B <x>"])
    b = mk("b.docx", ["Điều 1. A & C <x>"])
    r = invoke("diff", a, b, "--html", tmp_path / "kq.html")
    assert r.exit_code == 0
    assert r.stdout.splitlines() == [
        "b.docx: thay đổi (1 bỏ, 1 thêm)", "  - Điều 1. A & B <x>", "  + Điều 1. A & C <x>",
        "1 văn bản thay đổi.", f"Trang HTML: {tmp_path / 'kq.html'}"]
    page = (tmp_path / "kq.html").read_text(encoding="utf-8")
    assert "<del>B</del>" in page and "<ins>C</ins>" in page and "&lt;x&gt;" in page
    assert "<x>" not in page


def test_build_without_previous(tmp_path):
    (tmp_path / "build").mkdir()
    r = invoke("diff", "--build-dir", tmp_path / "build")
    assert r.exit_code == 1
    assert "chưa có bản dựng trước để so sánh" in r.stderr


def test_build_against_previous(project, full_build, tmp_path):
    """A real rebuild after the decision got its number: only the decision and the files
    citing it change, and the diff shows the number line of the built documents."""
    build = copy_build(full_build, tmp_path / "build")
    edit(project / "quyet-dinh.yaml", 'so: ""', 'so: "12"')
    r = invoke("build", "chinh", "--content", project, "--out", build)
    assert r.exit_code == 0, r.output
    assert_core_files(build, project)
    r = invoke("diff", "--build-dir", build)
    assert r.exit_code == 0, r.output
    cite = "Quyết định số {}/QĐ-UBND ngày        tháng 12 năm 2020 của UBND thị xã Hoài Nhơn)"
    plan = [f"  - (Ban hành kèm theo {cite.format('      ')}", f"  + (Ban hành kèm theo {cite.format('12')}"]
    table = [f"  - (Kèm theo {cite.format('      ')}", f"  + (Kèm theo {cite.format('12')}"]
    number = ["  - [hàng] Số:       /QĐ-UBND | Hoài Nhơn, ngày        tháng 12 năm 2020",
              "  + [hàng] Số: 12/QĐ-UBND | Hoài Nhơn, ngày        tháng 12 năm 2020"]
    assert r.stdout.splitlines() == [
        "ke-hoach.docx: thay đổi (1 bỏ, 1 thêm)", *plan, "phu-luc.docx: thay đổi (1 bỏ, 1 thêm)", *table,
        "quyet-dinh.docx: thay đổi (1 bỏ, 1 thêm)", *number, "tron-bo.docx: thay đổi (3 bỏ, 3 thêm)",
        *number, "", *plan, "", *table, "4 văn bản thay đổi.", f"Trang HTML: {build / '.docgen' / 'khac-biet.html'}"]
    page = (build / ".docgen" / "khac-biet.html").read_text(encoding="utf-8")
    assert "quyet-dinh.docx" in page and "<ins>12/QĐ-UBND</ins>" in page


def test_watch_missing_folder(tmp_path):
    r = invoke("watch", "--content", tmp_path / "khong-co")
    assert r.exit_code == 2
    assert r.stderr == f"{tmp_path / 'khong-co'}: lỗi: thư mục nội dung không tồn tại [watch.missing-dir]\nCó 1 lỗi, 0 cảnh báo.\n"


def test_watch_rebuilds_once_after_a_save(mk, tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    (content / "quyet-dinh.yaml").write_text("so: ''\n", encoding="utf-8")
    out = tmp_path / "build"
    calls = []

    def fake_build(content_dir, out_dir):
        calls.append((Path(content_dir), Path(out_dir)))
        (out_dir / ".docgen" / "truoc").mkdir(parents=True, exist_ok=True)
        shutil.copy(mk("a.docx", ["Số: /QĐ-UBND"]), out_dir / ".docgen" / "truoc" / "qd.docx")
        shutil.copy(mk("b.docx", ["Số: 7/QĐ-UBND"]), out_dir / "qd.docx")

    def save_twice():
        time.sleep(0.3)
        for text in ("so: '7'\n", "so: '7' \n"):  # an editor saving in two steps
            (content / "quyet-dinh.yaml").write_text(text, encoding="utf-8")
            time.sleep(0.05)

    threading.Thread(target=save_twice).start()
    cmd = make_watch_command(fake_build)
    r = invoke("--content", content, "--out", out, "--templates", tmp_path, "--quiet", "0.05",
               "--max-builds", "1", cmd=cmd)
    assert r.exit_code == 0, r.output
    assert calls == [(content, out)]
    lines = r.stdout.splitlines()
    assert lines[1] == f"Tệp đã lưu: {content / 'quyet-dinh.yaml'}"
    assert lines[2:] == ["Đã dựng lại.", "qd.docx: thay đổi (1 bỏ, 1 thêm)", "1 văn bản thay đổi."]


def test_watch_keeps_going_after_a_failed_build(tmp_path):
    from docgen.errors import DocgenError, Problem

    content = tmp_path / "content"
    content.mkdir()

    def failing(content_dir, out_dir):
        raise DocgenError(Problem("content/phu-luc.yaml", 12, "content.unknown-agency",
                                  "cơ quan chủ trì \"PTP2\" không có trong danh mục"))

    threading.Timer(0.2, lambda: (content / "a.yaml").write_text("x", encoding="utf-8")).start()
    r = invoke("--content", content, "--templates", tmp_path, "--out", tmp_path / "b",
               "--quiet", "0.05", "--max-builds", "1", cmd=make_watch_command(failing))
    assert r.exit_code == 0
    assert r.stderr.splitlines() == [
        'content/phu-luc.yaml:12: lỗi: cơ quan chủ trì "PTP2" không có trong danh mục '
        "[content.unknown-agency]",
        "Có 1 lỗi, 0 cảnh báo (dựng lại thất bại; đang chờ sửa)."]


def _two_projects(tmp_path, monkeypatch):
    """A folder holding two content projects (as the checkout does) and an old build of one."""
    for name in ("mot", "hai"):
        (tmp_path / "content" / name).mkdir(parents=True)
        (tmp_path / "content" / name / "don-vi.yaml").write_text("{}\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)


def test_diff_with_two_projects_asks_which(tmp_path, monkeypatch):
    _two_projects(tmp_path, monkeypatch)
    r = invoke("diff", "--summary-only")
    assert r.exit_code == 2
    assert r.stderr == (f"{tmp_path}: lỗi: có 2 dự án nội dung (content/hai, content/mot); chọn một "
                        "bằng --content THƯ_MỤC [usage.many-contents]\nCó 1 lỗi, 0 cảnh báo.\n")


def test_diff_content_reads_that_projects_build(tmp_path, monkeypatch):
    _two_projects(tmp_path, monkeypatch)
    r = invoke("diff", "--content", "content/hai", "--summary-only")
    assert r.exit_code == 1     # the folder of that project is the one read: build/hai/
    assert r.stderr == ("build/hai: lỗi: không có thư mục bản dựng; hãy chạy docgen build trước "
                        "[diff.no-build]\nCó 1 lỗi, 0 cảnh báo.\n")
