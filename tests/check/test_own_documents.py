"""Every document docgen builds passes its own checker with no error and no warning (issue
#14: the short lines are sized to 1/3-1/2 of the text above, wrapped trích yếu measured as
wrapped lines)."""
from __future__ import annotations

from pathlib import Path

import pytest

from docgen.check import check_paths
from docgen.cli import run
from tests.expect import assert_core_files

ROOT = Path(__file__).resolve().parents[2]


def test_no_finding_on_own_documents_of_a_build(full_build):
    files = sorted(full_build.rglob("*.docx"))
    assert len(files) == 59
    assert_core_files(full_build)
    assert [f"{f.path}: {f.message}" for f in check_paths(files)] == []


@pytest.mark.parametrize("command", ["ke-hoach-con", "xa-phuong"])
def test_no_finding_on_own_documents(tmp_path, command):
    assert run([command, "--content", str(ROOT / "content" / "hoai-nhon-2021"),
                "--out", str(tmp_path)]) == 0
    files = sorted(tmp_path.rglob("*.docx"))
    assert files
    assert [f"{f.path}: {f.message}" for f in check_paths(files)] == []
