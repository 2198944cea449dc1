"""Orchestration of derived plans: load project + overrides, derive, render, check, write.

Nothing is written when any problem is found (content, override, traceability, Decree 30).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from ..content import display_path, load_project
from ..content.files import appendix_file
from ..content.overrides import FOLDER, load_overrides, problem_at
from ..derive import ChoNhap, KetQua, Nguon, ke_hoach_con, select
from ..errors import DocgenError, Problem, UsageError
from ..paths import templates_dir as default_templates_dir
from ..render.engine import Engine
from . import BuildResult, finish
from .checking import template_files
from .lock import locked_run
from .render_docs import render_all


@dataclass
class DerivedResult:
    build: BuildResult
    ket_qua: KetQua
    cho_nhap: list[ChoNhap] = field(default_factory=list)


def derive_project(content_dir: str | Path, agency: str | None = None, kind: str | None = None):
    """Load, validate and derive in memory: (project, KetQua); DocgenError with every problem."""
    project = load_project(content_dir)
    if agency is not None:
        if agency not in project.agency_keys:
            raise UsageError(Problem("--agency", None, "usage.unknown-agency",
                                     f'không có cơ quan "{agency}" trong danh mục (don-vi.yaml); các mã có thể '
                                     f'dùng: {", ".join(sorted(k for k, c in project.don_vi.co_quan.items() if not c.nhom))}'))
        agency = project.key(agency)
    plan_ids = {s.ma for s in select(project)}
    overrides, docs, problems = load_overrides(project, plan_ids)
    nguon = Nguon(project)
    files = {ma: display_path(d.path) for ma, d in docs.items()}
    result = ke_hoach_con(nguon, overrides, files, agency=agency, kind=kind)
    phu_luc = display_path(appendix_file(project.root))
    for loi in result.loi:
        problems.append(problem_at(docs.get(loi.ma), phu_luc, loi.loc, loi.code,
                                   f"kế hoạch của nhiệm vụ {loi.ma}: {loi.message}"))
    problems += [Problem(t.van_ban, None, t.code, t.message) for t in result.truy_vet]
    if problems:
        raise DocgenError(problems)
    # a suggested override file name is shown relative to the working folder
    content_shown = display_path(Path(project.root))
    result.cho_nhap = [c if c.tep.startswith(content_shown) else
                       ChoNhap(c.van_ban, c.truong, c.khoa, f"{content_shown}/{c.tep}") for c in result.cho_nhap]
    return project, result


def build_derived(content_dir: str | Path, out_dir: str | Path, *, agency: str | None = None,
                  kind: str | None = None, templates: str | Path | None = None, check: bool = True,
                  force: bool = False) -> DerivedResult:
    with locked_run(out_dir):  # one build per output folder at a time, for the whole run
        timings: dict[str, float] = {}
        _, result = derive_project(content_dir, agency, kind)
        engine = Engine(Path(templates) if templates else default_templates_dir())
        t = time.perf_counter()
        outputs = render_all(engine, result.van_ban)
        timings["render"] = time.perf_counter() - t
        built = finish(outputs, Path(out_dir), check=check, force=force, timings=timings,
                       templates=template_files(engine.templates_dir, result.van_ban))
        return DerivedResult(built, result, result.cho_nhap)


__all__ = ["DerivedResult", "FOLDER", "build_derived", "derive_project"]
