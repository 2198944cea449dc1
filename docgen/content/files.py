"""Reading one content file: the path as shown to the user, load + validate one YAML file.

Its own module so that the package and its modules (khung.py, overrides.py) do not import each
other; `docgen.content` re-exports both.
"""

from __future__ import annotations

import time
from pathlib import Path

from .validate import validate
from .yaml_loader import load_yaml


def display_path(path: Path) -> str:
    """A path as the user should see it: relative to the working folder when possible."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def load_model(path: Path, model, timings: dict | None = None):
    """Load and validate one YAML file; returns (value, document, problems)."""
    timings = {} if timings is None else timings
    t = time.perf_counter()
    doc, problems = load_yaml(path, display_path(path))
    t2 = time.perf_counter()
    timings["load"] = timings.get("load", 0.0) + t2 - t
    if doc is None:
        return None, None, problems
    value, problems = validate(doc, model)
    timings["validate"] = timings.get("validate", 0.0) + time.perf_counter() - t2
    return value, doc, problems
