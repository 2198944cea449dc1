"""Orchestration of derived plans: load project + overrides, derive, render, check, write.

Nothing is written when any problem is found (content, override, traceability, Decree 30).
"""

from __future__ import annotations

import time
from pathlib import Path

from ..content import display_path, load_project
from ..content.files import appendix_file
from ..content.overrides import FOLDER, load_overrides, problem_at
from ..derive import ChoNhap, KetQua, Nguon, ke_hoach_con, override_file, select
from ..errors import DocgenError, Problem, UsageError
from ..model import Project
from ..paths import templates_dir as default_templates_dir
from . import finish
from .checking import template_files
from .lock import locked_run
from .result import Result


def _agency(project: Project, agency: str | None) -> str | None:
    if agency is None:
        return None
    if agency not in project.agency_keys:
        raise UsageError(Problem("--agency", None, "usage.unknown-agency",
                                 f'không có cơ quan "{agency}" trong danh mục (don-vi.yaml); các mã có thể '
                                 f'dùng: {", ".join(sorted(k for k, c in project.don_vi.co_quan.items() if not c.nhom))}'))
    return project.key(agency)


def derive_with_files(project: Project, agency: str | None = None, kind: str | None = None):
    """Validate and derive in memory: (KetQua, {document: its own override file, relative to the
    project}); DocgenError with every problem."""
    agency = _agency(project, agency)
    specs = {s.ma: s for s in select(project)}
    overrides, docs, problems = load_overrides(project, set(specs))
    files = {ma: display_path(d.path) for ma, d in docs.items()}
    result = ke_hoach_con(Nguon(project), overrides, files, agency=agency, kind=kind)
    phu_luc = display_path(appendix_file(project.root))
    for loi in result.loi:
        problems.append(problem_at(docs.get(loi.ma), phu_luc, loi.loc, loi.code,
                                   f"kế hoạch của nhiệm vụ {loi.ma}: {loi.message}"
                                   + _where_to_write(project, docs, specs.get(loi.ma), loi.loc)))
    problems += [Problem(t.van_ban, None, t.code, t.message) for t in result.truy_vet]
    if problems:
        raise DocgenError(problems)
    # a suggested override file name is shown relative to the working folder
    content_shown = display_path(Path(project.root))
    result.cho_nhap = [c if c.tep.startswith(content_shown) else
                       ChoNhap(c.van_ban, c.truong, c.khoa, f"{content_shown}/{c.tep}") for c in result.cho_nhap]
    root = Path(project.root)
    own = {spec.duong_dan: (Path(docs[spec.ma].path).relative_to(root).as_posix(),)
           for spec in result.ke_hoach if spec.ma in docs}
    return result, own


def _where_to_write(project: Project, docs: dict, spec, loc: tuple) -> str:
    """For a plan without its own override file: which file the missing key goes in."""
    if spec is None or spec.ma in docs or not loc:
        return ""
    key = ".".join(str(k) for k in loc)
    return (f" (kế hoạch này chưa có tệp nhập riêng: hãy tạo {display_path(Path(project.root))}/"
            f'{override_file(spec, {})} gồm "nhiem_vu: {spec.ma}" và khóa {key}; xem docs/ke-hoach-con.md)')


def derive_project(content_dir: str | Path, agency: str | None = None,
                   kind: str | None = None) -> tuple[Project, KetQua]:
    """Load, validate and derive in memory: (project, KetQua); DocgenError with every problem."""
    project = load_project(content_dir)
    return project, derive_with_files(project, agency, kind)[0]


def build_derived(content_dir: str | Path, out_dir: str | Path, *, agency: str | None = None,
                  kind: str | None = None, templates: str | Path | None = None, check: bool = True,
                  force: bool = False) -> Result:
    from ..render.engine import Engine  # docxtpl: imported only when something is rendered
    from .render_docs import render_all

    with locked_run(out_dir):  # one build per output folder at a time, for the whole run
        timings: dict[str, float] = {}
        _, derived = derive_project(content_dir, agency, kind)
        engine = Engine(Path(templates) if templates else default_templates_dir())
        t = time.perf_counter()
        outputs = render_all(engine, derived.van_ban)
        timings["render"] = time.perf_counter() - t
        result = finish(outputs, Path(out_dir), check=check, force=force, timings=timings,
                        templates=template_files(engine.templates_dir, derived.van_ban))
        result.cho_nhap = list(derived.cho_nhap)
        return result


__all__ = ["FOLDER", "build_derived", "derive_project", "derive_with_files"]
