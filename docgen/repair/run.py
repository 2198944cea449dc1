"""One file through `docgen sua`: read (refusing bad input), repair, write the copy."""
from __future__ import annotations

from pathlib import Path

from docgen.errors import Problem, UsageError
from docgen.repair.engine import Result, repair_bytes
from docgen.repair.inputs import load_docx, output_path, write_atomic


def repair_file(path: Path, out_dir: Path | None, track: bool = False) -> tuple[Path, Result]:
    dest = output_path(path, out_dir)
    data = load_docx(path)
    result = repair_bytes(data, str(path), track=track, admin_only=True)
    try:
        write_atomic(dest, result.data)
    except OSError as exc:
        raise UsageError(Problem(str(dest), None, "repair.write",
                                 f"không ghi được bản đã sửa ({exc.strerror})")) from None
    return dest, result
