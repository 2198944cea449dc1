"""Issue #12 cases 2, 4, 5 and 6: concurrent builds, backups, filesystem faults, leftovers, links."""

from __future__ import annotations

import datetime as dt
import errno
import io
import os
import threading
import zipfile

import pytest

from docgen.errors import DocgenError
from docgen.pipeline import build, lock, writer
from tests.expect import assert_commune_files, assert_core_files, assert_derived_outputs
from tests.helpers import edit

DOCS = ("ke-hoach.docx", "phu-luc.docx", "quyet-dinh.docx", "tron-bo.docx")


def _snapshot(out):
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()
            and ".docgen" not in p.relative_to(out).parts}


def _temps(out):
    return sorted(p.relative_to(out).as_posix() for p in out.rglob(f"*{writer.TMP_SUFFIX}"))


# --- case 2: one build per output folder ------------------------------------------------------

def test_a_second_build_waits_a_bounded_time_then_says_why(project, tmp_path, cli, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DOCGEN_LOCK_WAIT", "0.3")
    with lock.output_lock(tmp_path / "b"):
        status, out, err = cli("build", "chinh", "--content", project, "--out", "b")
    assert status == 1
    assert err.splitlines()[0] == (f"b: lỗi: một lần dựng khác (tiến trình {os.getpid()}) đang ghi vào "
                                   "thư mục này; đã chờ 0,3 giây. Chạy lại khi lần dựng đó xong "
                                   "[build.locked]")
    assert not (tmp_path / "b" / "ke-hoach.docx").exists()
    assert cli("build", "chinh", "--content", project, "--out", "b")[0] == 0   # released: builds again
    assert_core_files(tmp_path / "b")


def test_every_writing_command_takes_the_lock(project, tmp_path, cli, monkeypatch):
    monkeypatch.setenv("DOCGEN_LOCK_WAIT", "0")
    out = tmp_path / "b"
    with lock.output_lock(out):
        for command in ("build", "ke-hoach-con", "xa-phuong"):
            status, _, err = cli(command, "--content", project, "--out", out, "--no-check")
            assert status == 1 and "[build.locked]" in err, (command, err)


def test_two_concurrent_builds_both_succeed_and_leave_valid_files(project, tmp_path, monkeypatch):
    """Each write is slowed down so that the two runs overlap; the lock serialises them."""
    real = writer._write_fd

    def slow(fd, data):
        threading.Event().wait(0.05)
        real(fd, data)

    monkeypatch.setattr(writer, "_write_fd", slow)
    out, errors = tmp_path / "b", []
    other = tmp_path / "content2"
    import shutil

    shutil.copytree(project, other)
    edit(other / "quyet-dinh.yaml", 'so: ""', 'so: "15"')

    def run(content):
        try:
            build(content, out, check=False)
        except Exception as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(c,)) for c in (project, other)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    manifest = writer.Manifest(out)
    for name in DOCS:
        data = (out / name).read_bytes()
        zipfile.ZipFile(io.BytesIO(data)).testzip()
        assert manifest.files[name] == [writer.sha256(data)]
    assert _temps(out) == []
    assert_core_files(out)
    build(project, out, check=False)   # the next build does not call anything edited by hand


def test_stale_temporary_files_are_removed_by_the_next_run(project, tmp_path):
    out = tmp_path / "b"
    build(project, out, check=False)
    stale = [out / "ke-hoach.docx.docgen-tmp", out / ".ke-hoach.docx.k2j3.docgen-tmp",
             out / ".docgen" / "manifest.json.docgen-tmp", out / ".docgen" / ".manifest.json.x.docgen-tmp"]
    for p in stale:
        p.write_bytes(b"half")
    (out / ".docgen" / "truoc.docgen-tmp").mkdir()
    build(project, out, check=False)
    assert _temps(out) == []
    assert_core_files(out)


# --- case 4: backups never overwrite each other ------------------------------------------------

class _FrozenClock:
    class datetime:
        @staticmethod
        def now():
            return dt.datetime(2026, 12, 1, 9, 30, 0)


def test_two_forced_builds_in_the_same_second_keep_both_hand_edits(project, tmp_path, cli, monkeypatch):
    monkeypatch.setattr(writer, "_dt", _FrozenClock)
    out = tmp_path / "b"
    assert cli("build", "chinh", "--content", project, "--out", out)[0] == 0
    (out / "ke-hoach.docx").write_bytes(b"sua tay A")
    assert cli("build", "chinh", "--content", project, "--out", out, "--force")[0] == 0
    (out / "ke-hoach.docx").write_bytes(b"sua tay B")
    assert cli("build", "chinh", "--content", project, "--out", out, "--force")[0] == 0
    backups = out / ".docgen" / "sao-luu"
    assert {p.relative_to(backups).as_posix(): p.read_bytes() for p in backups.rglob("*.docx")} == {
        "20261201-093000/ke-hoach.docx": b"sua tay A", "20261201-093000-2/ke-hoach.docx": b"sua tay B"}
    assert_core_files(out)


# --- case 5: filesystem faults -----------------------------------------------------------------

def test_out_is_a_file(project, tmp_path, cli, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "b").write_text("x")
    status, _, err = cli("build", "chinh", "--content", project, "--out", "b")
    assert (status, err.splitlines()[0]) == (
        1, "b: lỗi: thư mục kết quả (--out) là một tệp, không phải thư mục [io.not-a-folder]")


def test_state_folder_is_a_file(project, tmp_path, cli, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / ".docgen").write_text("x")
    status, _, err = cli("build", "chinh", "--content", project, "--out", "b")
    assert (status, err.splitlines()[0]) == (1, "b/.docgen: lỗi: là một tệp, không phải thư mục [io.not-a-folder]")


def test_an_output_path_is_a_folder(project, tmp_path, cli, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "b" / "ke-hoach.docx").mkdir(parents=True)
    status, _, err = cli("build", "chinh", "--content", project, "--out", "b")
    assert (status, err.splitlines()[0]) == (1, "b/ke-hoach.docx: lỗi: là thư mục, không phải tệp [io.is-a-folder]")
    assert not (tmp_path / "b" / "quyet-dinh.docx").exists()
    (tmp_path / "b" / "ke-hoach.docx").rmdir()          # the folder gone, the same build writes
    assert cli("build", "chinh", "--content", project, "--out", "b")[0] == 0
    assert_core_files(tmp_path / "b")


def _fault(monkeypatch, err_no, after_bytes=4096):
    """The write call writes `after_bytes` then fails with `err_no` (a full disk, …)."""
    def failing(fd, data):
        os.write(fd, data[:after_bytes])
        raise OSError(err_no, os.strerror(err_no))

    monkeypatch.setattr(writer, "_write_fd", failing)


def test_full_disk_leaves_nothing_half_written(project, tmp_path, cli, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert cli("build", "chinh", "--content", project, "--out", "b")[0] == 0
    before = _snapshot(tmp_path / "b")
    edit(project / "quyet-dinh.yaml", 'so: ""', 'so: "15"')
    with monkeypatch.context() as m:
        _fault(m, errno.ENOSPC)
        status, out, err = cli("build", "chinh", "--content", project, "--out", "b")
    assert status == 1 and "nội bộ" not in err
    assert err.splitlines()[0] == ("b/.docgen/manifest.json: lỗi: ổ đĩa đầy, không ghi được; hãy giải phóng "
                                   "chỗ trống rồi chạy lại [io.disk-full]")
    assert _snapshot(tmp_path / "b") == before
    assert _temps(tmp_path / "b") == []
    assert cli("build", "chinh", "--content", project, "--out", "b")[0] == 0   # space again: builds


def test_full_disk_while_replacing_a_document(project, tmp_path, cli, monkeypatch):
    """The fault hits a document (not the manifest): every file is old or new, none is partial."""
    monkeypatch.chdir(tmp_path)
    assert cli("build", "chinh", "--content", project, "--out", "b")[0] == 0
    edit(project / "quyet-dinh.yaml", 'so: ""', 'so: "15"')
    real, calls = writer._write_fd, []

    def third_fails(fd, data):
        calls.append(1)
        if len(calls) == 3:
            os.write(fd, data[:100])
            raise OSError(errno.ENOSPC, "No space left on device")
        real(fd, data)

    monkeypatch.setattr(writer, "_write_fd", third_fails)
    status, _, err = cli("build", "chinh", "--content", project, "--out", "b")
    assert status == 1 and "[io.disk-full]" in err
    assert _temps(tmp_path / "b") == []
    for name in DOCS:
        zipfile.ZipFile(tmp_path / "b" / name).testzip()
    monkeypatch.setattr(writer, "_write_fd", real)
    status, out, err = cli("build", "chinh", "--content", project, "--out", "b")
    assert status == 0, err                  # nothing is taken for a hand edit afterwards


def _read_only(monkeypatch):
    def erofs(*a, **k):
        raise OSError(errno.EROFS, "Read-only file system", str(a[0]) if a else None)

    monkeypatch.setattr(lock, "_create", erofs)
    monkeypatch.setattr(writer.tempfile, "mkstemp",
                        lambda dir=None, **k: erofs(os.path.join(str(dir), "tmp")))


def test_read_only_disk_up_to_date_build_succeeds(project, tmp_path, cli, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert cli("build", "--content", project, "--out", "b")[0] == 0
    assert_core_files(tmp_path / "b")
    assert_commune_files(tmp_path / "b")
    _read_only(monkeypatch)
    status, out, err = cli("build", "--content", project, "--out", "b")
    assert status == 0, err
    assert "59 văn bản vào b/: 0 đã ghi, 59 không đổi" in out
    edit(project / "quyet-dinh.yaml", 'so: ""', 'so: "15"')
    status, out, err = cli("build", "--content", project, "--out", "b")
    assert status == 1
    assert err.splitlines()[0] == "b/.docgen/tmp: lỗi: ổ đĩa chỉ cho đọc, không ghi được [io.read-only]"


def test_read_only_disk_with_leftovers_still_builds_up_to_date(project, tmp_path, cli, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert cli("build", "--content", project, "--out", "b")[0] == 0
    assert_core_files(tmp_path / "b")
    (tmp_path / "b" / ".ke-hoach.docx.x1.docgen-tmp").write_bytes(b"half")
    _read_only(monkeypatch)
    real_unlink = writer.Path.unlink

    def erofs_unlink(self, missing_ok=False):
        if self.name.endswith(writer.TMP_SUFFIX):
            raise OSError(errno.EROFS, "Read-only file system", str(self))
        real_unlink(self, missing_ok=missing_ok)

    monkeypatch.setattr(writer.Path, "unlink", erofs_unlink)
    status, out, err = cli("build", "--content", project, "--out", "b")
    assert status == 0, err
    assert "0 đã ghi, 59 không đổi" in out


@pytest.mark.parametrize("content, why", [
    ('{"files": {"ke-hoach.docx": 5}}', 'không đúng dạng (cần {"files": {"tệp": ["sha256", …]}})'),
    ("[1, 2]", 'không đúng dạng (cần {"files": {"tệp": ["sha256", …]}})'),
    ('{"files": {', "không phải JSON hợp lệ (Expecting property name enclosed in double quotes, dòng 1)"),
])
def test_manifest_of_the_wrong_shape_is_a_message(project, tmp_path, cli, monkeypatch, content, why):
    monkeypatch.chdir(tmp_path)
    assert cli("build", "--content", project, "--out", "b")[0] == 0
    assert_core_files(tmp_path / "b")
    (tmp_path / "b" / ".docgen" / "manifest.json").write_text(content)
    status, _, err = cli("build", "--content", project, "--out", "b")
    assert status == 1
    assert err.splitlines()[0] == (
        f"b/.docgen/manifest.json: lỗi: sổ ghi các tệp docgen đã tạo bị hỏng: {why}. Không dựng để "
        "khỏi ghi đè tệp sửa tay; xóa tệp này rồi dựng lại (tệp nào khác bản dựng sẽ được báo là "
        "sửa tay) [build.bad-manifest]")


def test_an_oserror_escaping_a_command_is_an_io_message(cli, monkeypatch, tmp_path):
    import docgen.pipeline.runner as runner

    def busy(*a, **k):
        raise OSError(errno.EBUSY, "Device or resource busy", str(tmp_path / "x.docx"))

    monkeypatch.setattr(runner, "run", busy)
    status, _, err = cli("build", "--vi-du", "--out", tmp_path / "b")
    assert status == 1
    assert err.splitlines()[0] == (f"{tmp_path / 'x.docx'}: lỗi: tệp đang bị chương trình khác giữ; đóng "
                                   "chương trình đó rồi chạy lại [io.locked]")


def test_a_file_open_in_word_on_windows_is_io_locked():
    from docgen.oserrors import fs_problem

    exc = PermissionError(errno.EACCES, "The process cannot access the file", "b/ke-hoach.docx")
    exc.winerror = 32
    assert str(fs_problem(exc)) == ("b/ke-hoach.docx: lỗi: tệp đang được mở trong chương trình khác "
                                    "(ví dụ Word); đóng tệp rồi chạy lại [io.locked]")


# --- case 6: symbolic links, one rule for every command ----------------------------------------

def test_out_folder_may_be_a_link(project, tmp_path):
    real = tmp_path / "that"
    real.mkdir()
    (tmp_path / "b").symlink_to(real)
    build(project, tmp_path / "b", check=False)
    assert_core_files(real)


@pytest.mark.parametrize("command, folder", [("xa-phuong", "xa-phuong"), ("ke-hoach-con", "ke-hoach-con")])
def test_a_link_inside_the_out_folder_is_refused(project, tmp_path, cli, monkeypatch, command, folder):
    monkeypatch.chdir(tmp_path)
    names = ["Hoài Mỹ"] if command == "xa-phuong" else []
    status, _, err = cli(command, *names, "--content", project, "--out", "ok", "--no-check")
    assert status == 0, err                    # positive control: without the link, it builds
    _written[command](tmp_path / "ok")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / folder).symlink_to(elsewhere)
    status, _, err = cli(command, *names, "--content", project, "--out", "b", "--no-check")
    assert status == 1 and "nội bộ" not in err
    assert (f"b/{folder}: lỗi: là liên kết tượng trưng (symlink); docgen không ghi qua liên kết bên "
            "trong thư mục kết quả (chỉ chính thư mục --out được là liên kết) [io.symlink]") in err
    assert list(elsewhere.iterdir()) == []


def _derived_files(out):
    assert_derived_outputs({p.relative_to(out).as_posix(): p.read_bytes()
                            for p in (out / "ke-hoach-con").rglob("*.docx")})


_written = {"xa-phuong": lambda out: assert_commune_files(out, ["hoai-my"]), "ke-hoach-con": _derived_files}


def test_a_failed_first_build_leaves_no_folder(project, tmp_path):
    edit(project / "quyet-dinh.yaml", "ngay_ban_hanh:", "ngay_ban_hanh: 99/99/2020\nx_:")
    with pytest.raises(DocgenError):
        build(project, tmp_path / "b")
    assert not (tmp_path / "b").exists()



def test_the_manifest_is_merged_across_commands(project, tmp_path):
    """Each command updates only its own entries; none loses another's (so no false hand edit)."""
    from docgen.pipeline.batch import run_batch
    from docgen.pipeline.derived import build_derived

    out = tmp_path / "b"
    build(project, out, check=False)
    build_derived(project, out, check=False)
    run_batch(project, out, names=["Tam Quan"], jobs=1, check=False, progress=False)
    files = writer.Manifest(out).files
    assert set(DOCS) <= set(files)
    assert any(k.startswith("ke-hoach-con/") for k in files)
    assert {"xa-phuong/tam-quan/ke-hoach.docx", "xa-phuong/tam-quan/phu-luc.docx"} <= set(files)
    for rel, digests in files.items():
        assert digests == [writer.sha256((out / rel).read_bytes())], rel
    assert_core_files(out)
    assert_commune_files(out, ["tam-quan"])


def test_pdf_refuses_a_link_inside_its_out_folder(project, tmp_path, cli, monkeypatch):
    from docgen.preview import run

    monkeypatch.setattr(run, "find_soffice", lambda *a: "soffice")
    monkeypatch.chdir(tmp_path)
    build(project, tmp_path / "b", check=False)
    assert_core_files(tmp_path / "b")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "b" / "pdf").mkdir()
    (tmp_path / "b" / "pdf" / "ke-hoach.pdf").symlink_to(tmp_path / "elsewhere" / "x.pdf")
    status, _, err = cli("pdf", "b")
    assert status == 1
    assert ("b/pdf/ke-hoach.pdf: lỗi: là liên kết tượng trưng (symlink); docgen không ghi qua liên kết "
            "bên trong thư mục kết quả (chỉ chính thư mục --out được là liên kết) [io.symlink]") in err
