"""What can be tested of the Windows path here: docgen starts without POSIX-only modules, and
no module on the path of build, check, xa-phuong, ke-hoach-con, diff or watch calls one."""

from __future__ import annotations

import ast
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
    r = subprocess.run([sys.executable, "-c", WITHOUT_POSIX, "build", "--out", str(out)],
                       capture_output=True, text=True, encoding="utf-8", cwd=ROOT)
    assert r.returncode == 0, r.stderr
    assert sorted(p.name for p in out.glob("*.docx")) == [
        "ke-hoach.docx", "phu-luc.docx", "quyet-dinh.docx", "tron-bo.docx"]


POSIX_ONLY = {"fcntl", "pwd", "grp", "termios", "resource", "posix"}
POSIX_CALLS = {"killpg", "getuid", "geteuid", "fork", "setsid", "getpgid", "chown"}


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


def test_no_posix_only_calls_outside_the_libreoffice_pool():
    """build, check, xa-phuong, ke-hoach-con, diff, watch run on Windows as they are."""
    offenders = {}
    for path in sorted((ROOT / "docgen").rglob("*.py")):
        if path.relative_to(ROOT).as_posix() == "docgen/preview/pool.py":
            continue  # LibreOffice pool: POSIX process groups and flock (see README, Windows)
        uses = _posix_uses(path)
        if path.relative_to(ROOT).as_posix() == "docgen/pipeline/lock.py":
            uses.remove("fcntl")  # the output-folder lock: fcntl, or msvcrt on Windows (guarded import)
        if uses:
            offenders[path.relative_to(ROOT).as_posix()] = uses
    assert offenders == {}


def test_files_saved_by_windows_notepad(cli, project, tmp_path):
    """UTF-8 with a BOM and CRLF line ends (Notepad) build the same bytes; errors keep their line."""
    status, _, err = cli("build", "--content", project, "--out", tmp_path / "a")
    assert status == 0, err
    assert_core_files(tmp_path / "a")
    for path in project.glob("*.yaml"):
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    status, _, err = cli("build", "--content", project, "--out", tmp_path / "b")
    assert status == 0, err
    for name in ("quyet-dinh.docx", "ke-hoach.docx", "phu-luc.docx", "tron-bo.docx"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name
    plan = project / "phu-luc.yaml"
    data = plan.read_bytes()
    line = data[: data.index(b"        chu_tri: PNV")].count(b"\n") + 1
    plan.write_bytes(data.replace(b"        chu_tri: PNV", b"        chu_tri PNV", 1))
    status, _, err = cli("build", "--content", project, "--out", tmp_path / "c")
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
