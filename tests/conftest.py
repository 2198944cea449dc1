"""Shared fixtures: the bundled project copied to a temporary folder, and CLI runs."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from docgen.cli import run

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = ROOT / "content" / "hoai-nhon-2021"


@pytest.fixture
def project(tmp_path) -> Path:
    """A writable copy of the bundled Hoài Nhơn content."""
    dst = tmp_path / "content"
    shutil.copytree(BUNDLED, dst)
    return dst


@pytest.fixture
def cli(capsys):
    """Run docgen with arguments; return (exit status, stdout, stderr)."""

    def _run(*args: str):
        status = run([str(a) for a in args])
        out = capsys.readouterr()
        return status, out.out, out.err

    return _run
