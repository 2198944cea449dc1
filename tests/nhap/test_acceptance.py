"""Acceptance of `docgen nhap` (issue #13 item 1): real documents docgen did not make, imported
and built, keep ≥ 98 % of the original's words in order (tests/wordseq.py) with 0 checker
findings; a combined file docgen built, imported and built again, gives the same text."""
from __future__ import annotations

import difflib
from pathlib import Path

import pytest
import yaml

from docgen.nhap import nhap
from docgen.nhap.ghi import write
from docgen.pipeline import build
from tests.nhap.docs import LD07, LD08, LD09, ROOT, real
from tests.wordseq import extract, word_share

WORD_SHARE = 0.98


def import_and_build(sources: list[Path], tmp: Path) -> tuple[object, Path]:
    result = nhap(sources)
    write(tmp / "noi-dung", result.files, [s.name for s in sources])
    return result, build(tmp / "noi-dung", tmp / "build")


# ld08 (free-content appendices) and ld07 (articles with clauses, table appendices) need the
# forms of schema-13 §B/§C (helper model13, branch issue-13m), not merged yet: strict, so the
# marks must go when it lands
NEEDS_MODEL13 = pytest.mark.xfail(strict=True, reason="chờ nhánh issue-13m (schema-13 §B, §C)")


@pytest.mark.parametrize("name", [LD09, pytest.param(LD08, marks=NEEDS_MODEL13),
                                  pytest.param(LD07, marks=NEEDS_MODEL13)])
def test_real_document_imports_and_builds_faithfully(name, tmp_path):
    source = real(name)
    result, built = import_and_build([source], tmp_path)
    assert [str(p) for p in built.problems + built.warnings] == []          # 0 checker findings
    share = word_share(extract(source), extract(tmp_path / "build" / "tron-bo.docx"))
    print(f"{name}: {share:.4f}")
    assert share >= WORD_SHARE, f"{name}: {share:.2%} of the original's words in order"


def _lines_before_appendix(text: str) -> list[str]:
    lines = text.splitlines()
    end = next((i for i, line in enumerate(lines) if line.startswith(("Phụ lục", "PHỤ LỤC"))), len(lines))
    return lines[:end]


def _agency_cells_only(a: str, b: str) -> bool:
    """Two appendix rows that differ only in how an agency cell reads: the appendix import
    (docgen.nhap.co_quan, helper nhapbang) splits "Các cơ quan, đơn vị, địa phương" into three
    agencies, printed "Các cơ quan; Đơn vị; Địa phương"."""
    return a.replace(",", ";").lower().replace("; ", ";") == b.replace(",", ";").lower().replace("; ", ";")


@pytest.mark.parametrize("project", ["hoai-nhon-2021", "lam-dong-2026"])
def test_bundled_project_round_trip(project, tmp_path):
    first = build(ROOT / "content" / project, tmp_path / "goc")
    assert first.problems == []
    combined = tmp_path / "goc" / "tron-bo.docx"
    imported, again = import_and_build([combined], tmp_path)
    content = ROOT / "content" / project
    assert imported.files["don-vi.yaml"]["co_quan_ban_hanh"] == \
        yaml.safe_load((content / "don-vi.yaml").read_text("utf-8"))["co_quan_ban_hanh"]
    if (content / "quyet-dinh.yaml").exists():       # the decision comes back key for key
        assert imported.files["quyet-dinh.yaml"] == yaml.safe_load((content / "quyet-dinh.yaml").read_text("utf-8"))
    assert [str(p) for p in again.problems + again.warnings] == []
    before, after = extract(combined), extract(tmp_path / "build" / "tron-bo.docx")
    # the decision and the plan (this import's parts): exactly the same text
    assert _lines_before_appendix(after) == _lines_before_appendix(before)
    # the appendix: every differing row differs only in its agency cells (cause above)
    a, b = before.splitlines(), after.splitlines()
    changed = [op for op in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
               if op[0] != "equal"]
    for tag, i1, i2, j1, j2 in changed:
        assert tag == "replace" and i2 - i1 == j2 - j1, (tag, a[i1:i2], b[j1:j2])
        assert all(_agency_cells_only(x, y) for x, y in zip(a[i1:i2], b[j1:j2])), (a[i1:i2], b[j1:j2])
    print(f"{project}: {word_share(before, after):.4f}, {sum(i2 - i1 for _, i1, i2, _, _ in changed)} "
          "appendix rows differ in agency cells only")
