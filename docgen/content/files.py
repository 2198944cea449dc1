"""Reading one content file: the path as shown to the user, load + validate one YAML file.

Its own module so that the package and its modules (khung.py, overrides.py) do not import each
other; `docgen.content` re-exports both.
"""

from __future__ import annotations

import time
from pathlib import Path

from ..doctypes import CONTENT
from ..errors import Problem
from .validate import validate
from .xlsx_read import load_xlsx
from .yaml_loader import load_yaml

# the appendix: YAML, or Excel in its place (the registry's content file with a workbook standing in)
_APPENDIX = next(c for c in CONTENT if c.thay_the.endswith(".xlsx"))
APPENDIX, APPENDIX_XLSX = _APPENDIX.tep, _APPENDIX.thay_the


def appendix_file(folder: Path) -> Path:
    """The project's appendix file: phu-luc.xlsx when it stands in place of phu-luc.yaml."""
    xlsx = Path(folder) / APPENDIX_XLSX
    return xlsx if xlsx.exists() else Path(folder) / APPENDIX


def display_path(path: Path) -> str:
    """A path as the user should see it: relative to the working folder when possible."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def load_model(path: Path, model, timings: dict | None = None):
    """Load and validate one YAML file; returns (value, document, problems).

    The appendix may be `phu-luc.xlsx` in place of (never beside) `phu-luc.yaml`: then the
    workbook is read (xlsx_read) and the document is an `xlsx_read.Workbook`."""
    timings = {} if timings is None else timings
    if path.name == APPENDIX and (xlsx := path.with_name(APPENDIX_XLSX)).exists():
        if path.exists():
            return None, None, [Problem(display_path(xlsx), None, "content.two-appendices",
                                        f"có cả {APPENDIX} và {APPENDIX_XLSX} trong thư mục; docgen chỉ đọc một "
                                        "tệp Phụ lục: xóa (hoặc đổi tên) tệp không dùng nữa")]
        return load_xlsx(xlsx, display_path(xlsx), model, timings)
    t = time.perf_counter()
    doc, problems = load_yaml(path, display_path(path))
    t2 = time.perf_counter()
    timings["load"] = timings.get("load", 0.0) + t2 - t
    if doc is None:
        return None, None, problems
    value, problems = validate(doc, model)
    timings["validate"] = timings.get("validate", 0.0) + time.perf_counter() - t2
    return value, doc, problems
