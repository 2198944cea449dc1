"""Shared fixtures: the bundled project copied to a temporary folder, CLI runs, and builds of
the bundled project made once per session (read-only: tests that write copy them)."""

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


@pytest.fixture(scope="session")
def core_build(tmp_path_factory) -> dict[str, bytes]:
    """quyet-dinh / ke-hoach / phu-luc / tron-bo.docx (by stem) as `docgen.pipeline.build`
    makes them from the bundled content, built once (checker off). Never modify the bytes."""
    from docgen.pipeline import build

    result = build(BUNDLED, tmp_path_factory.mktemp("core-build"), check=False)
    return {Path(k).stem: v for k, v in result.outputs.items() if "/" not in k}


@pytest.fixture(scope="session")
def full_build(tmp_path_factory) -> Path:
    """The output folder of one `docgen build` (all documents, checked) of the bundled content,
    made once per session. Read it, or copy it with `copy_build`; never write into it."""
    out = tmp_path_factory.mktemp("full-build") / "build"
    assert run(["build", "--content", str(BUNDLED), "--out", str(out)]) == 0
    return out


def copy_build(full_build: Path, dest: Path) -> Path:
    """A private copy of the session's build (times kept, so it stays up to date)."""
    shutil.copytree(full_build, dest, symlinks=True)
    return dest
