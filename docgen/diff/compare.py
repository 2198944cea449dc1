"""What to compare: two DOCX files, or the current build against the previous one.

The build keeps, under `<build>/.docgen/truoc/` with the same relative paths, the previous
version of each file it rewrote (docgen.pipeline.writer). Byte-identical files are not read.
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


def compare_build(build_dir: Path, written: list[str] | None = None) -> list[DocDiff]:
    """Diffs of the documents the last build changed, in path order.

    `.docgen/truoc/` holds the previous version of every file the last build rewrote (see
    docgen.pipeline.writer), so only those are compared; a file there that is gone from the build
    is reported as removed. A file the build created has no previous version: it is reported
    as new only when `written` (the build's list of written paths) says it was written.
    """
    if not build_dir.is_dir():
        raise DocgenError(Problem(str(build_dir), None, "diff.no-build",
                                  "không có thư mục bản dựng; hãy chạy docgen build trước"))
    prev_dir = build_dir / PREVIOUS
    if not prev_dir.is_dir():
        raise DocgenError(Problem(str(prev_dir), None, "diff.no-previous",
                                  "chưa có bản dựng trước để so sánh (cần dựng ít nhất hai lần)"))
    old, new = _docx_files(prev_dir), _docx_files(build_dir)
    names = set(old) | {rel for rel in written or () if rel.endswith(".docx") and rel in new}
    diffs = []
    for rel in sorted(names):
        if rel not in old:
            diffs.append(DocDiff(rel, "thêm", diff_items(rel, [], extract(new[rel])).changes))
        elif rel not in new:
            diffs.append(DocDiff(rel, "bỏ", diff_items(rel, extract(old[rel]), []).changes))
        elif old[rel].read_bytes() != new[rel].read_bytes():
            diffs.append(compare_files(old[rel], new[rel], rel))
    return diffs
