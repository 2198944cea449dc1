"""One runner: `docgen build` brings every document of a project up to date.

Targets (`TARGETS`): `chinh` (the core documents), `ke-hoach-con` (derived drafts and task
sheets, with their can-nhap.md list), `xa-phuong` (commune plans, through batch.py, with
can-nhap-xa-phuong.md). No target = all three, under one output-folder lock. Which documents a
project gets comes from the registry (docgen/doctypes.py): the entries of a target that apply.

Change detection is per document (pipeline/digests.py): a job is a document and the keys of
the inputs that shape it (its registry entry's content files, templates and skeletons, its own
override file, docgen's source, the check setting). A document is rendered only when its digest
changed or its file was changed or removed; the digests and the outputs' records are kept in
the one state file (pipeline/state.py, section "van_ban"; communes: section "xa_phuong").
When no input file of a target changed at all and its outputs are intact, the project is not
even loaded. Nothing of core + derived is written when any of them fails its check; a commune
failure stops only that commune (batch.py).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from ..content import display_path, load_project
from ..derive.cho_nhap import ChoNhap
from ..derive.cho_nhap import can_nhap_markdown as listing
from ..doctypes import COMMUNE, CORE, DERIVED, DocType, content_file, kind_of, of_target
from ..errors import DocgenError, Problem
from ..model import VanBan
from ..paths import templates_dir as default_templates_dir
from . import batch, state
from .batch import _run_batch
from .checking import template_files
from .derived import derive_with_files
from .digests import ROOTS, Inputs, keys_of, sources_cache
from .documents import core_documents
from .lock import locked_run
from .result import Result
from .sources import source_files
from .writer import one_run, write_outputs

TARGETS = ("chinh", "ke-hoach-con", "xa-phuong")
KIND = {"chinh": CORE, "ke-hoach-con": DERIVED, "xa-phuong": COMMUNE}   # target -> registry target
SECTION = "van_ban"
DERIVED_LIST = "ke-hoach-con/can-nhap.md"
COMMUNE_LIST = "can-nhap-xa-phuong.md"  # beside xa-phuong/, which holds only commune folders


@dataclass(frozen=True)
class Job:
    """One document to bring up to date, and the keys of what shapes it (digests.Inputs)."""
    muc: str           # its target
    doc: VanBan
    keys: tuple[str, ...]


def commune_listing(items: list[ChoNhap]) -> str:
    """Every blank left in the commune plans, grouped by document: the same list as can-nhap.md."""
    existing = {c.tep for c in items if Path(c.tep).is_file()}
    return listing(items, existing, "docgen xa-phuong", "Chỗ cần nhập trong kế hoạch xã, phường",
                   "xem docs/xa-phuong.md")


FROM_PLAN = {"ke-hoach-con": "các kế hoạch con và bảng phân công", "xa-phuong": "kế hoạch của các xã, phường"}


def need_plan(content: Path, targets) -> list[Problem]:
    """A target named on the command line whose documents come from a plan, in a project whose
    decision issues none: said, not silently nothing (`docgen build` alone builds what exists)."""
    plan, decision = content_file("ke_hoach"), content_file("quyet_dinh")
    if set(targets) >= set(TARGETS) or plan.present(content) or not decision.present(content):
        return []
    return [Problem(display_path(content / plan.tep), None, "content.missing-plan",
                    f'mục "{t}" dựng {FROM_PLAN[t]} từ Kế hoạch, nhưng dự án không có {plan.tep} (Quyết định '
                    f'không kèm Kế hoạch): chỉ dựng được mục "chinh"') for t in TARGETS if t in FROM_PLAN and t in targets]


def _applies(target: str, content: Path) -> bool:
    return any(d.applies(content) for d in of_target(KIND[target]))


def _job(muc: str, doc: VanBan, own: tuple[str, ...] = ()) -> Job:
    kind: DocType | None = kind_of(doc.duong_dan)
    if kind is None:  # tests/test_doctypes.py: every document docgen makes is a declared kind
        raise AssertionError(f"{doc.duong_dan} is no kind of docgen/doctypes.py")
    return Job(muc, doc, keys_of(kind, own))


def plan_jobs(content: Path, targets) -> tuple[list[Job], dict[str, bytes], dict[str, list[ChoNhap]]]:
    """Load and derive in memory: the jobs of `targets`, the lists they make (path -> bytes),
    the places left for a person per target; DocgenError with every problem."""
    project = load_project(content)
    jobs: list[Job] = []
    lists: dict[str, bytes] = {}
    cho: dict[str, list[ChoNhap]] = {}
    if "chinh" in targets:
        jobs += [_job("chinh", d) for d in core_documents(project, content)]
    if "ke-hoach-con" in targets:
        derived, own = derive_with_files(project)
        jobs += [_job("ke-hoach-con", d, own.get(d.duong_dan, ())) for d in derived.van_ban
                 if kind_of(d.duong_dan) is None or kind_of(d.duong_dan).applies(content)]
        if derived.van_ban:   # no task appendix (ld08, a decision alone): no derived plan, no list
            existing = {c.tep for c in derived.cho_nhap if Path(c.tep).is_file()}
            lists[DERIVED_LIST] = listing(derived.cho_nhap, existing, "docgen ke-hoach-con").encode("utf-8")
        cho["ke-hoach-con"] = list(derived.cho_nhap)
    return jobs, lists, cho


def _clean(saved: dict) -> dict:
    """The section with only entries of the right shape (a damaged state file is never a failure)."""
    clean = {name: state.records(saved.get(name)) for name in ("docs", "lists")}
    clean["tong"] = {k: v for k, v in (saved.get("tong") if isinstance(saved.get("tong"), dict) else {}).items()
                     if isinstance(v, str)}
    notes = saved.get("cho_nhap") if isinstance(saved.get("cho_nhap"), dict) else {}
    clean["cho_nhap"] = {k: v for k, v in notes.items() if isinstance(v, list)}
    return clean


def _fresh_target(saved: dict, muc: str, total: str, out_dir: Path) -> bool:
    """Nothing the target's documents are made from changed, and its files are intact."""
    try:
        docs = {rel: rec for rel, rec in saved["docs"].items() if rec["muc"] == muc}
        lists = {rel: rec for rel, rec in saved["lists"].items() if rec["muc"] == muc}
        return saved["tong"][muc] == total and bool(docs) and state.all_intact(out_dir, docs | lists)
    except (KeyError, TypeError, AttributeError):
        return False


def _recorded(result: Result, saved: dict, muc: str) -> None:
    """A fresh target: what the state says it holds."""
    result.documents += sorted(r for r, rec in saved["docs"].items() if rec.get("muc") == muc)
    result.unchanged += sorted(r for r, rec in saved["docs"].items() if rec.get("muc") == muc)
    result.lists += sorted(r for r, rec in saved["lists"].items() if rec.get("muc") == muc)
    result.cho_nhap += [ChoNhap(**d) for d in saved.get("cho_nhap", {}).get(muc, [])]


def _stale(jobs: list[Job], inputs: Inputs, saved: dict, out_dir: Path) -> tuple[list[Job], dict[str, str]]:
    """The jobs whose digest changed or whose file is not what was written; every job's digest."""
    docs = saved["docs"]
    digests = {j.doc.duong_dan: inputs.digest(j.keys) for j in jobs}
    stale = []
    for j in jobs:
        rec = docs.get(j.doc.duong_dan)
        if not (isinstance(rec, dict) and rec.get("digest") == digests[j.doc.duong_dan]
                and state.intact(out_dir, j.doc.duong_dan, rec)):
            stale.append(j)
    return stale, digests


def _render_check(jobs: list[Job], templates: Path, out_dir: Path, check: bool) -> tuple[dict, list[Problem]]:
    """Render and check the documents of `jobs`; DocgenError with every problem, before any write."""
    if not jobs:
        return {}, []
    from ..render.engine import Engine  # docxtpl: imported only when something is rendered
    from .render_docs import render_all

    engine = Engine(templates)
    docs = [j.doc for j in jobs]
    rendered = render_all(engine, docs)
    warnings: list[Problem] = []
    if check:
        from . import check_outputs  # (through the package: tests/sabotage.py replaces it)

        errors, warnings = check_outputs(rendered, out_dir, templates=template_files(engine.templates_dir, docs))
        if errors:
            raise DocgenError(errors)
    return rendered, warnings


def _run_core_derived(result: Result, content: Path, templates: Path, *, check: bool, force: bool) -> None:
    out_dir = result.out_dir
    targets = [t for t in result.targets if t != "xa-phuong" and _applies(t, content)]
    inputs = Inputs(content, templates, check=check, out_dir=out_dir)
    total = inputs.folder_digest(skip=("xa-phuong",))
    saved = _clean(state.section(out_dir, SECTION))
    todo = [t for t in targets if not _fresh_target(saved, t, total, out_dir)]
    for t in targets:
        if t not in todo:
            _recorded(result, saved, t)  # nothing changed: the project is not even loaded
    if not todo:
        return
    # a failure keeps the state: it names the inputs of the last good run, which differ now
    t0 = time.perf_counter()
    jobs, lists, cho = plan_jobs(content, todo)
    stale, digests = _stale(jobs, inputs, saved, out_dir)
    result.timings["plan"] = time.perf_counter() - t0
    rendered, warnings = _render_check(stale, templates, out_dir, check)
    write = write_outputs(out_dir, rendered | lists, force=force)
    result.outputs.update(rendered)
    result.documents += [j.doc.duong_dan for j in jobs]
    result.written += write.written
    result.unchanged += [j.doc.duong_dan for j in jobs if j.doc.duong_dan not in write.written]
    result.backed_up += write.backed_up
    result.warnings += warnings
    result.lists += list(lists)
    for t in todo:
        result.cho_nhap += cho.get(t, [])
    _save(out_dir, saved, todo, total, jobs, digests, lists, cho, content)
    source_files(ROOTS, sources_cache(out_dir))  # a good run caches which sources shape them


def _save(out_dir: Path, saved: dict, todo, total: str, jobs, digests, lists, cho, content: Path) -> None:
    def kept(name: str) -> dict:
        return {r: rec for r, rec in saved[name].items() if rec.get("muc") not in todo}

    docs = kept("docs") | {j.doc.duong_dan: {"muc": j.muc, "digest": digests[j.doc.duong_dan], "keys": list(j.keys),
                                             **state.record(out_dir, j.doc.duong_dan)} for j in jobs}
    made = kept("lists") | {rel: {"muc": "ke-hoach-con", **state.record(out_dir, rel)} for rel in lists}
    tong = {k: v for k, v in saved["tong"].items() if k not in todo} | dict.fromkeys(todo, total)
    notes = {k: v for k, v in saved["cho_nhap"].items() if k not in todo}
    notes |= {t: [c.as_dict() for c in cho.get(t, [])] for t in todo}
    state.save_section(out_dir, SECTION, {"tong": dict(sorted(tong.items())), "docs": dict(sorted(docs.items())),
                                          "lists": dict(sorted(made.items())), "cho_nhap": notes,
                                          "noi_dung": str(content.resolve())})   # for docgen nhap (suatay)


def _run_communes(result: Result, content: Path, templates: Path, names, **options) -> None:
    if not _applies("xa-phuong", content):
        return
    batch = _run_batch(content, result.out_dir, names=list(names or ()), templates=templates, **options)
    result.add(batch)
    if batch.documents and (batch.cho_trong or not batch.problems):   # no commune registered: no list
        data = commune_listing(batch.cho_nhap).encode("utf-8")
        listed = write_outputs(result.out_dir, {COMMUNE_LIST: data}, force=options.get("force", False))
        result.backed_up += listed.backed_up
        result.written += listed.written
        result.lists.append(COMMUNE_LIST)


def _keys_of_paths(content: Path, templates: Path, changed) -> set[str]:
    keys: set[str] = set()
    roots = ((content.resolve(), "content"), (templates.resolve(), "mau"))
    for changed_path in changed:
        path = Path(changed_path).resolve()
        for root, kind in roots:
            if not path.is_relative_to(root):
                continue
            rel = path.relative_to(root).as_posix()
            keys.add(f"content/{rel}" if kind == "content" else f"mau/{path.stem}")
            if kind == "content" and rel.startswith("khung/"):
                keys.add(f"khung/{path.stem}")
    return keys


def affected(content_dir: str | Path, out_dir: str | Path, changed, templates: str | Path | None = None) -> list[str]:
    """The documents (relative paths) a save of the `changed` files can change: those whose
    recorded inputs (the same keys their digests are made of) include one of them."""
    tpl = Path(templates) if templates else default_templates_dir()
    keys = _keys_of_paths(Path(content_dir), tpl, changed)
    docs = state.records(state.section(Path(out_dir), SECTION).get("docs"))
    found = {rel for rel, rec in docs.items() if keys & set(rec.get("keys") or ())}
    communes = state.records(state.section(Path(out_dir), batch.SECTION).get("xa_phuong"))
    for slug, rec in communes.items():
        if keys & set(batch.KEYS) or f"content/{batch.FOLDER}/{slug}.yaml" in keys:
            found |= set(state.records(rec.get("outputs")))
    return sorted(found)


def run(content_dir: str | Path, out_dir: str | Path, *, targets=TARGETS, names=(), jobs: int | None = None,
        templates: str | Path | None = None, check: bool = True, force: bool = False,
        progress: bool = False) -> Result:
    """Bring the documents of `targets` up to date, under one lock for the whole run."""
    content, out = Path(content_dir), Path(out_dir)
    tpl = Path(templates) if templates else default_templates_dir()
    result = Result(out, tuple(t for t in TARGETS if t in targets))
    if problems := need_plan(content, result.targets):
        raise DocgenError(problems)
    with locked_run(out), one_run(out):
        if set(result.targets) - {"xa-phuong"}:
            _run_core_derived(result, content, tpl, check=check, force=force)
        if "xa-phuong" in result.targets:
            _run_communes(result, content, tpl, names, jobs=jobs, check=check, force=force, progress=progress)
    return result
