"""Orchestration: read and validate everything, render, check, then write atomically."""
from __future__ import annotations

import time
from pathlib import Path

from ..content import load_project
from ..errors import DocgenError, Problem
from ..paths import templates_dir as default_templates_dir
from .checking import check_outputs, template_files
from .documents import core_documents
from .lock import locked_run
from .result import Result
from .writer import write_outputs

__all__ = ["Result", "build", "check_outputs", "finish"]


def finish(outputs: dict[str, bytes], out_dir: Path, *, check: bool, force: bool,
           timings: dict[str, float], templates: dict[str, tuple[str, ...]] | None = None) -> Result:
    """Check (unless disabled) then write. Nothing is written when any check fails.
    `templates` (checking.template_files) reports template faults against the template."""
    warnings: list[Problem] = []
    if check:
        t = time.perf_counter()
        errors, warnings = check_outputs(outputs, out_dir, templates=templates)
        timings["check"] = time.perf_counter() - t
        if errors:
            raise DocgenError(errors)
    t = time.perf_counter()
    write = write_outputs(out_dir, outputs, force=force)
    timings["write"] = time.perf_counter() - t
    return Result(out_dir, outputs=outputs, documents=sorted(outputs), written=write.written,
                  unchanged=write.unchanged, backed_up=write.backed_up, warnings=warnings, timings=timings)


def build(content_dir: str | Path, out_dir: str | Path, *, templates: str | Path | None = None,
          check: bool = True, force: bool = False) -> Result:
    """Build the decision, plan, appendix and the combined file of `content_dir` into `out_dir`.

    The output folder's lock is held for the whole run (one build per folder at a time)."""
    from ..render.engine import Engine  # docxtpl: imported only when something is rendered
    from .render_docs import render_all

    with locked_run(out_dir):
        timings: dict[str, float] = {}
        project = load_project(content_dir, timings=timings)
        engine = Engine(Path(templates) if templates else default_templates_dir())
        t = time.perf_counter()
        docs = core_documents(project, Path(content_dir))
        outputs = render_all(engine, docs)
        timings["render"] = time.perf_counter() - t
        return finish(outputs, Path(out_dir), check=check, force=force, timings=timings,
                      templates=template_files(engine.templates_dir, docs))
