"""What can be tested of the Windows path here: docgen starts without POSIX-only modules, no
module calls one outside the guarded places, `docgen pdf` converts with fcntl blocked, and the
LibreOffice pool's Windows branches (docgen/preview/procs.py) build the right command lines."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

from tests.expect import assert_core_files

ROOT = Path(__file__).resolve().parents[1]

WITHOUT_POSIX = """
import sys
for name in ("fcntl", "resource"):   # (click picks termios or msvcrt itself)
    sys.modules[name] = None          # as on Windows: importing them fails
from docgen.cli import run
sys.exit(run(sys.argv[1:]))
"""


def test_commands_start_without_posix_modules(tmp_path):
    for args in (["--help"], ["build", "--help"], ["pdf", "--help"], ["check", "--help"]):
        r = subprocess.run([sys.executable, "-c", WITHOUT_POSIX, *args], capture_output=True,
                           text=True, encoding="utf-8", cwd=ROOT)
        assert r.returncode == 0 and r.stderr == "", (args, r.stderr)
        assert r.stdout.startswith("Cách dùng: docgen")
    out = tmp_path / "out"
    r = subprocess.run([sys.executable, "-c", WITHOUT_POSIX, "build", "chinh", "--vi-du", "--out", str(out)],
                       capture_output=True, text=True, encoding="utf-8", cwd=ROOT)
    assert r.returncode == 0, r.stderr
    assert_core_files(out)


POSIX_ONLY = {"fcntl", "pwd", "grp", "termios", "resource", "posix"}
POSIX_CALLS = {"killpg", "getuid", "geteuid", "fork", "setsid", "getpgid", "getpgrp", "chown",
               "symlink_to", "symlink"}
# Where a POSIX-only call is allowed: behind a platform switch, with the Windows branch beside it.
GUARDED = {"docgen/pipeline/lock.py": ["fcntl"],                # fcntl, or msvcrt (guarded import)
           "docgen/preview/procs.py": ["killpg", "getuid"]}  # only when windows() is false


def _posix_uses(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found += [a.name for a in node.names if a.name.split(".")[0] in POSIX_ONLY]
        elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in POSIX_ONLY:
            found.append(node.module)
        elif isinstance(node, ast.Attribute) and node.attr in POSIX_CALLS:
            found.append(node.attr)
    return found


def test_no_posix_only_calls_outside_the_guarded_places():
    """Every command, the LibreOffice pool included, runs on Windows as it is."""
    offenders = {}
    for path in sorted((ROOT / "docgen").rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        uses = _posix_uses(path)
        for allowed in GUARDED.get(rel, []):
            uses.remove(allowed)
        if uses:
            offenders[rel] = uses
    assert offenders == {}


def test_files_saved_by_windows_notepad(cli, project, tmp_path):
    """UTF-8 with a BOM and CRLF line ends (Notepad) build the same bytes; errors keep their line."""
    status, _, err = cli("build", "chinh", "--content", project, "--out", tmp_path / "a")
    assert status == 0, err
    assert_core_files(tmp_path / "a")
    for path in project.glob("*.yaml"):
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    status, _, err = cli("build", "chinh", "--content", project, "--out", tmp_path / "b")
    assert status == 0, err
    for name in ("quyet-dinh.docx", "ke-hoach.docx", "phu-luc.docx", "tron-bo.docx"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name
    plan = project / "phu-luc.yaml"
    data = plan.read_bytes()
    line = data[: data.index(b"        chu_tri: PNV")].count(b"\n") + 1
    plan.write_bytes(data.replace(b"        chu_tri: PNV", b"        chu_tri PNV", 1))
    status, _, err = cli("build", "chinh", "--content", project, "--out", tmp_path / "c")
    assert status == 1
    assert err.splitlines()[0] == (f'{project}/phu-luc.yaml:{line}: lỗi: thiếu dấu hai chấm ":" sau '
                                   "khóa: “chu_tri PNV” [content.yaml-syntax]")


def test_output_redirected_on_windows_is_utf8():
    import io

    from docgen.cli import utf8_output

    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="cp1252")    # `docgen build > ket-qua.txt` on Windows
    utf8_output([stream])
    stream.write("Đã dựng 4 văn bản")
    stream.flush()
    assert raw.getvalue().decode("utf-8") == "Đã dựng 4 văn bản"
    console = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    utf8_output([console])
    assert console.encoding == "utf-8"


PDF_WITHOUT_POSIX = """
import sys
for name in ("fcntl", "resource"):
    sys.modules[name] = None
from docgen.cli import run
import docgen.preview.pool as pool
assert "fcntl" not in pool.__dict__ and sys.modules["fcntl"] is None
sys.exit(run(sys.argv[1:]))
"""


def test_pdf_converts_without_posix_modules(tmp_path):
    """`docgen pdf` with fcntl unimportable (as on Windows): the pool runs, PDFs are written."""
    import docx

    from tests.preview.conftest import FAKE_CONVERTER

    fake = tmp_path / "bin" / "soffice"
    fake.parent.mkdir()
    fake.write_text(FAKE_CONVERTER.format(python=sys.executable, log=str(tmp_path / "log")), "utf-8")
    fake.chmod(0o755)
    for name in ("a.docx", "b.docx"):
        d = docx.Document()
        d.add_paragraph(name)
        d.save(tmp_path / name)
    env = {**os.environ, "DOCGEN_SOFFICE": str(fake), "TMPDIR": str(tmp_path / "tmp")}
    (tmp_path / "tmp").mkdir()
    r = subprocess.run([sys.executable, "-c", PDF_WITHOUT_POSIX, "pdf", str(tmp_path / "a.docx"),
                        str(tmp_path / "b.docx"), "-o", str(tmp_path / "pdf")],
                       capture_output=True, text=True, encoding="utf-8", cwd=ROOT, env=env)
    assert r.returncode == 0, r.stderr
    assert sorted(p.name for p in (tmp_path / "pdf").glob("*.pdf")) == ["a.pdf", "b.pdf"]
    assert (tmp_path / "pdf" / "a.pdf").read_bytes().startswith(b"%PDF-1.4\n%docx ")
    assert [p.name for p in (tmp_path / "tmp").iterdir()] == [f"docgen-libreoffice-{os.getuid()}"]


def test_soffice_started_and_killed_the_windows_way():
    from docgen.preview import procs

    assert procs.popen_options(win=True) == {"creationflags": 0x200}
    assert procs.popen_options(win=False) == {"start_new_session": True}
    calls = []
    procs.kill_tree(4321, win=True, run=lambda argv, **kw: calls.append((argv, kw["check"])))
    assert calls == [(["taskkill", "/F", "/T", "/PID", "4321"], False)]


def test_soffice_command_line_with_a_windows_profile():
    from pathlib import PureWindowsPath

    from docgen.preview.pool import soffice_argv

    temp = PureWindowsPath(r"C:\Users\Can Bo\AppData\Local\Temp")
    argv = soffice_argv(r"C:\Program Files\LibreOffice\program\soffice.exe",
                        temp / "docgen-libreoffice-Can_Bo" / "profile-0", "pdf",
                        temp / "docgen-pdf-x" / "out", [str(temp / "docgen-pdf-x" / "in" / "0000.docx")])
    assert argv == [r"C:\Program Files\LibreOffice\program\soffice.exe",
                    "-env:UserInstallation=file:///C:/Users/Can%20Bo/AppData/Local/Temp/"
                    "docgen-libreoffice-Can_Bo/profile-0",
                    "--headless", "--norestore", "--nologo", "--nodefault", "--nolockcheck",
                    "--convert-to", "pdf", "--outdir",
                    r"C:\Users\Can Bo\AppData\Local\Temp\docgen-pdf-x\out",
                    r"C:\Users\Can Bo\AppData\Local\Temp\docgen-pdf-x\in\0000.docx"]


def test_profiles_folder_named_by_windows_user():
    from docgen.preview import procs

    assert procs.user_tag(win=True, env={"USERNAME": "Can Bo.PNV"}) == "Can_Bo.PNV"
    assert procs.user_tag(win=True, env={}) == "user"
    assert procs.user_tag(win=False) == str(os.getuid())


def test_soffice_candidates_on_windows():
    import ntpath

    from docgen.preview import procs

    env = {"ProgramFiles": r"D:\Program Files", "ProgramFiles(x86)": r"D:\Program Files (x86)"}
    assert procs.soffice_candidates(env, win=True, join=ntpath.join) == [
        "soffice.exe", "soffice",
        r"D:\Program Files\LibreOffice\program\soffice.exe",
        r"D:\Program Files (x86)\LibreOffice\program\soffice.exe",
        r"C:\Program Files\LibreOffice\program\soffice.exe",
        r"C:\Program Files (x86)\LibreOffice\program\soffice.exe"]
    assert procs.soffice_candidates(env, win=False) == ["soffice", "libreoffice"]


def test_soffice_found_under_program_files(tmp_path, monkeypatch):
    """A fake Program Files tree: found after DOCGEN_SOFFICE and PATH, 64-bit before x86."""
    from docgen.preview import pool, procs

    exes = {}
    for var, folder in (("ProgramFiles(x86)", "pf86"), ("ProgramFiles", "pf")):
        exe = tmp_path / folder / "LibreOffice" / "program" / "soffice.exe"
        exe.parent.mkdir(parents=True)
        exe.write_text("")
        exe.chmod(0o755)
        monkeypatch.setenv(var, str(tmp_path / folder))
        exes[var] = str(exe)
    monkeypatch.setattr(procs, "windows", lambda: True)
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    monkeypatch.delenv("DOCGEN_SOFFICE", raising=False)
    assert pool.find_soffice() == exes["ProgramFiles"]
    (tmp_path / "pf" / "LibreOffice" / "program" / "soffice.exe").unlink()
    assert pool.find_soffice() == exes["ProgramFiles(x86)"]
    monkeypatch.setenv("DOCGEN_SOFFICE", exes["ProgramFiles(x86)"])
    assert pool.find_soffice() == exes["ProgramFiles(x86)"]


def test_missing_libreoffice_and_poppler_on_windows(tmp_path, monkeypatch):
    import pytest

    from docgen.errors import DocgenError
    from docgen.preview import pool, procs
    from docgen.preview.png import find_pdftoppm

    monkeypatch.setattr(procs, "windows", lambda: True)
    monkeypatch.setenv("PATH", str(tmp_path))
    for var in ("DOCGEN_SOFFICE", "DOCGEN_PDFTOPPM", "ProgramFiles", "ProgramW6432", "ProgramFiles(x86)"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setattr(procs, "soffice_candidates", lambda: ["soffice.exe", "soffice"])
    with pytest.raises(DocgenError) as err:
        pool.find_soffice()
    assert str(err.value.problems[0]) == (
        "soffice: lỗi: không tìm thấy LibreOffice (lệnh soffice); cài LibreOffice cho Windows "
        r"(libreoffice.org) vào C:\Program Files\LibreOffice, hoặc đặt DOCGEN_SOFFICE=đường dẫn "
        "tới soffice.exe (xem README) [preview.no-libreoffice]")
    with pytest.raises(DocgenError) as err:
        find_pdftoppm()
    assert str(err.value.problems[0]) == (
        "pdftoppm: lỗi: không tìm thấy pdftoppm (gói poppler-utils); ảnh PNG cần pdftoppm của "
        "Poppler cho Windows: giải nén bản Poppler cho Windows và thêm thư mục Library\\bin của "
        "nó vào PATH (xem README); docgen pdf vẫn chạy chỉ với LibreOffice [preview.no-poppler]")


def test_fonts_on_windows(tmp_path):
    from docgen.preview.fonts import FontStatus, check_fonts

    (tmp_path / "Fonts").mkdir()
    missing = check_fonts(win=True, env={"WINDIR": str(tmp_path)})
    assert (missing.family, missing.ok) == (None, False)
    assert missing.message == (f"không thấy phông Times New Roman ({tmp_path / 'Fonts' / 'times.ttf'}); "
                               "LibreOffice dùng phông khác nên bố cục trang có thể sai")
    (tmp_path / "Fonts" / "times.ttf").write_bytes(b"\0")
    assert check_fonts(win=True, env={"WINDIR": str(tmp_path)}) == (
        FontStatus("Times New Roman", True, ""))


def test_pdftoppm_from_docgen_pdftoppm(tmp_path, monkeypatch):
    """Poppler for Windows unpacked anywhere: DOCGEN_PDFTOPPM names it, PATH need not."""
    from docgen.preview.png import find_pdftoppm

    exe = tmp_path / "poppler" / "Library" / "bin" / "pdftoppm.exe"
    exe.parent.mkdir(parents=True)
    exe.write_text("")
    exe.chmod(0o755)
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setenv("DOCGEN_PDFTOPPM", str(exe))
    assert find_pdftoppm() == str(exe)
