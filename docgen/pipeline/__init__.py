"""Orchestration: read and validate everything, render, check, then write atomically."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from .. import progress
from ..content import load_project
from ..errors import DocgenError, Problem
from ..paths import templates_dir as default_templates_dir
from ..render.engine import Engine
from .documents import core_documents
from .lock import locked_run
from .render_docs import render_all
from .writer import WriteResult, write_outputs


@dataclass
class BuildResult:
    out_dir: Path
    outputs: dict[str, bytes]
    write: WriteResult
    warnings: list[Problem] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)


def check_outputs(outputs: dict[str, bytes], out_dir: Path,
                  parts: dict[str, dict[str, bytes]] | None = None) -> tuple[list[Problem], list[Problem]]:
    """Run the Decree 30 checker on every rendered document: (errors, warnings). With `parts`
    (path -> unzipped parts, from render_all_parts) the checker reads those directly."""
    from ..check import check_docx_bytes, check_parts  # imported only when used

    errors, warnings = [], []
    with progress.bar(len(outputs), "Kiểm tra thể thức") as bar:
        for rel, data in outputs.items():
            name = str(out_dir / rel)
            found = check_parts(parts[rel], name) if parts and rel in parts else \
                check_docx_bytes(data, name)
            for finding in found:
                problem = finding.as_problem() if hasattr(finding, "as_problem") else finding
                (errors if problem.is_error else warnings).append(problem)
            bar.update(1)
    return errors, warnings


def finish(outputs: dict[str, bytes], out_dir: Path, *, check: bool, force: bool,
           timings: dict[str, float]) -> BuildResult:
    """Check (unless disabled) then write. Nothing is written when any check fails."""
    warnings: list[Problem] = []
    if check:
        t = time.perf_counter()
        errors, warnings = check_outputs(outputs, out_dir)
        timings["check"] = time.perf_counter() - t
        if errors:
            raise DocgenError(errors)
    t = time.perf_counter()
    result = write_outputs(out_dir, outputs, force=force)
    timings["write"] = time.perf_counter() - t
    return BuildResult(out_dir, outputs, result, warnings, timings)


def build(content_dir: str | Path, out_dir: str | Path, *, templates: str | Path | None = None,
          check: bool = True, force: bool = False) -> BuildResult:
    """Build the decision, plan, appendix and the combined file of `content_dir` into `out_dir`.

    The output folder's lock is held for the whole run (one build per folder at a time)."""
    with locked_run(out_dir):
        timings: dict[str, float] = {}
        project = load_project(content_dir, timings=timings)
        engine = Engine(Path(templates) if templates else default_templates_dir())
        t = time.perf_counter()
        outputs = render_all(engine, core_documents(project))
        timings["render"] = time.perf_counter() - t
        return finish(outputs, Path(out_dir), check=check, force=force, timings=timings)
