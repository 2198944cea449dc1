"""Every document docgen builds passes its own checker with no error and no warning (issue
#14: the short lines are sized to 1/3-1/2 of the text above, wrapped trích yếu measured as
wrapped lines)."""
from __future__ import annotations

from pathlib import Path

import pytest

from docgen.check import check_paths
from docgen.cli import run
from docgen.vn.metrics import line_widths_mm, short_rule_mm
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


def test_short_rule_keeps_40_mm_in_range_and_resizes_otherwise():
    assert short_rule_mm([100.0], 40) == 40
    assert short_rule_mm([157.3], 40) == 62.9
    assert short_rule_mm([54.5], 40) == 21.8


def test_line_widths_wrap_at_the_column():
    widths = line_widths_mm("Về việc ban hành Kế hoạch cải cách hành chính thị xã Hoài Nhơn "
                            "năm 2021 và các nhiệm vụ trọng tâm", 14, True, 100)
    assert len(widths) == 3 and all(w <= 100 for w in widths) and sum(widths) > 200
