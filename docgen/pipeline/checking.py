"""The Decree 30 check of rendered documents, findings turned into Problems.

A finding about what only the template decides (page size, orientation, margins: the section
properties docgen copies from the template untouched) is reported against the template, once:
the clerk fixes `templates/ke-hoach.docx`, not a file in build/ that was never written.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from .. import progress
from ..content import display_path
from ..errors import Problem
from ..model import VanBan

TEMPLATE_CODES = frozenset({"nd30.page-size", "nd30.orientation", "nd30.margin"})


def template_files(templates_dir: Path, docs: list[VanBan]) -> dict[str, tuple[str, ...]]:
    """Output path -> the templates of its sections, as shown to the user (one; a combined
    file: one per part, each part being one section, "mục 1", "mục 2" …)."""
    return {d.duong_dan: tuple(display_path(templates_dir / f"{p.mau}.docx") for p in (d.phan or (d,)))
            for d in docs}


def _in_template(templates: tuple[str, ...], where: str) -> tuple[str, str]:
    """(template, place in it) of a section fault: section k of a combined file is section 1 of
    its part's template."""
    section = re.match(r"mục (\d+)", where)
    k = int(section.group(1)) - 1 if section else 0
    if len(templates) == 1 or not 0 <= k < len(templates):
        return templates[0], where
    return templates[k], "mục 1" + where[section.end():]


def check_outputs(outputs: dict[str, bytes], out_dir: Path,
                  parts: dict[str, dict[str, bytes]] | None = None,
                  templates: dict[str, tuple[str, ...]] | None = None) -> tuple[list[Problem], list[Problem]]:
    """Run the checker on every rendered document: (errors, warnings). With `parts` (path ->
    unzipped parts, from render_all_parts) the checker reads those directly; with `templates`
    (template_files) template faults are reported against the template."""
    from ..check import check_docx_bytes, check_parts  # imported only when used

    errors, warnings, seen = [], [], set()
    with progress.bar(len(outputs), "Kiểm tra thể thức") as bar:
        for rel, data in outputs.items():
            name = str(out_dir / rel)
            found = check_parts(parts[rel], name) if parts and rel in parts else \
                check_docx_bytes(data, name)
            for finding in found:
                problem = _problem(finding, (templates or {}).get(rel), seen)
                if problem is not None:
                    (errors if problem.is_error else warnings).append(problem)
            bar.update(1)
    return errors, warnings


def _problem(finding, templates: tuple[str, ...] | None, seen: set) -> Problem | None:
    """The finding as a Problem; a template fault once (None when already said: the same
    template behind the combined file)."""
    if not templates or finding.code not in TEMPLATE_CODES:
        return finding.to_problem()
    template, where = _in_template(templates, finding.where)
    problem = dataclasses.replace(finding.to_problem(template), where=where)
    if problem in seen:
        return None
    seen.add(problem)
    return problem
