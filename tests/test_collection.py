"""Guard: every test file under tests/ is collected by the README's test command.

pytest silently skips folders it is told to ignore (its default `norecursedirs` once hid
`tests/build/`) and files that fail to import under a clashing module name. This test runs the
collection of both marker groups in a fresh process, with the project's own configuration, and
compares the files that yielded tests with the test files on disk. It lists no file by name.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TESTS = ROOT / "tests"


def _on_disk() -> set[str]:
    found = set(TESTS.rglob("test_*.py")) | set(TESTS.rglob("*_test.py"))
    return {p.relative_to(ROOT).as_posix() for p in found if "__pycache__" not in p.parts}


def _collected(*marker: str) -> tuple[set[str], str]:
    """The files that yield at least one test under the README's configuration (+ marker)."""
    proc = subprocess.run([sys.executable, "-m", "pytest", "--collect-only", "-q", *marker],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    files = {line.split("::", 1)[0] for line in proc.stdout.splitlines() if "::" in line}
    return files, f"exit {proc.returncode}\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"


def test_every_test_file_is_collected():
    core, core_log = _collected()
    libreoffice, lo_log = _collected("-m", "libreoffice")
    assert core, f"the core group collected nothing: {core_log}"
    assert libreoffice, f"the LibreOffice group collected nothing: {lo_log}"
    missing = sorted(_on_disk() - core - libreoffice)
    assert missing == [], f"test files that pytest does not collect: {missing}\n{core_log}\n{lo_log}"
    assert "tests/test_collection.py" in core
