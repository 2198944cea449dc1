"""docgen.check: a Decree 30/2020/NĐ-CP conformance checker for any DOCX.

    check_docx_bytes(data, name) -> list[Finding]     (in-memory, used by the build)
    check_parts(parts, name) -> list[Finding]         (rendered parts, not zipped: the batch)
    check_paths(paths) -> list[Finding]               (files on disk)

Both raise `docgen.errors.UsageError` (exit 2) for a file that cannot be read safely
(not a DOCX, corrupt, empty, too large, no text).
"""
from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from docgen.check.finding import RULES, Finding
from docgen.errors import Problem, UsageError

__all__ = ["Finding", "RULES", "check_docx_bytes", "check_parts", "check_paths"]


def check_docx_bytes(data: bytes, name: str) -> list[Finding]:
    """Check one DOCX held in memory; `name` is used in the findings."""
    from docgen.check.reader import read_docx_bytes

    return _check(read_docx_bytes(data, name), name)


def check_parts(parts: dict[str, bytes], name: str) -> list[Finding]:
    """Check a document docgen has just rendered, from its parts (part name -> bytes) before
    they are zipped; the parts shared by every document of a template are parsed once."""
    from docgen.check.inmemory import package_from_parts, shared_styles

    pkg = package_from_parts(parts, name)
    return _check(pkg, name, shared_styles(pkg))


def _check(pkg, name: str, styles=None) -> list[Finding]:
    from docgen.check.docmodel import build_model
    from docgen.check.locate import split_parts
    from docgen.check.rules import Ctx, run_rules

    model = build_model(pkg, styles, lazy_runs=styles is not None)   # the batch: read-only
    if not any(p.text.strip() for p in model.paras):
        raise UsageError(Problem(name, None, "check.no-text",
                                 "tệp DOCX không có nội dung chữ nào, không có gì để kiểm tra"))
    return run_rules(Ctx(model, split_parts(model)))


def read_input(path: str | os.PathLike) -> bytes:
    """Read a file for checking, refusing missing, non-regular and oversized files (exit 2)."""
    from docgen.check.reader import MAX_FILE_BYTES

    p = Path(path)
    try:
        st = p.stat()
    except OSError:
        raise UsageError(Problem(str(path), None, "check.not-found", "không tìm thấy tệp")) from None
    if not p.is_file():
        raise UsageError(Problem(str(path), None, "check.not-docx", "không phải là tệp"))
    if st.st_size > MAX_FILE_BYTES:
        raise UsageError(Problem(str(path), None, "check.too-large",
                                 f"tệp quá lớn ({st.st_size / 1048576:.0f} MB), giới hạn "
                                 f"{MAX_FILE_BYTES // 1048576} MB"))
    try:
        return p.read_bytes()
    except OSError as exc:
        raise UsageError(Problem(str(path), None, "check.unreadable",
                                 f"không đọc được tệp ({exc.strerror})")) from None


def check_paths(paths: Iterable[str | os.PathLike]) -> list[Finding]:
    """Check files on disk, in order; the first unreadable file raises `UsageError`."""
    out: list[Finding] = []
    for path in paths:
        out.extend(check_docx_bytes(read_input(path), str(path)))
    return out
