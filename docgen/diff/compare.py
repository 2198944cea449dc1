"""What to compare: two DOCX files, or the current build against the previous one.

The build keeps the previous build's files under `<build>/.docgen/truoc/` with the same
relative paths (written by `docgen.build`). Files that are byte-identical are not read.
"""

from __future__ import annotations

from pathlib import Path

from docgen.diff.extract import extract
from docgen.diff.textdiff import DocDiff, diff_items
from docgen.errors import DocgenError, Problem

PREVIOUS = Path(".docgen") / "truoc"


def compare_files(old: Path, new: Path, name: str | None = None) -> DocDiff:
    """Diff of two DOCX files (both are read before anything is diffed)."""
    return diff_items(name or new.name, extract(old), extract(new))


def _docx_files(root: Path) -> dict[str, Path]:
    """Relative POSIX path -> file, for every .docx under root outside `.docgen` and `~$` locks."""
    found = {}
    for p in sorted(root.rglob("*.docx")):
        rel = p.relative_to(root)
        if rel.parts[0] == ".docgen" or p.name.startswith("~$"):
            continue
        found[rel.as_posix()] = p
    return found


def compare_build(build_dir: Path, include_same: bool = False) -> list[DocDiff]:
    """Diffs of every document of the build against the previous build, in path order."""
    if not build_dir.is_dir():
        raise DocgenError(Problem(str(build_dir), None, "diff.no-build",
                                  "không có thư mục bản dựng; hãy chạy docgen build trước"))
    prev_dir = build_dir / PREVIOUS
    if not prev_dir.is_dir():
        raise DocgenError(Problem(str(prev_dir), None, "diff.no-previous",
                                  "chưa có bản dựng trước để so sánh (cần dựng ít nhất hai lần)"))
    old, new = _docx_files(prev_dir), _docx_files(build_dir)
    diffs = []
    for rel in sorted(set(old) | set(new)):
        if rel not in old:
            diffs.append(DocDiff(rel, "thêm", diff_items(rel, [], extract(new[rel])).changes))
        elif rel not in new:
            diffs.append(DocDiff(rel, "bỏ", diff_items(rel, extract(old[rel]), []).changes))
        elif old[rel].read_bytes() == new[rel].read_bytes():
            if include_same:
                diffs.append(DocDiff(rel, "giống"))
        else:
            diffs.append(compare_files(old[rel], new[rel], rel))
    return diffs
