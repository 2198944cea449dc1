"""Batch build of every commune's plan: incremental, parallel, one commune's error never
stops the others.

    run_batch(content_dir, out_dir, names=None, jobs=None, check=True, force=False)

Incremental state: the "xa_phuong" section of the output folder's one state file
(pipeline/state.py) records, per commune, the digest of what its two documents are made from
(their registry inputs, pipeline/digests.py: the town content files, the templates, the
skeleton, docgen's own source, the check setting, and the commune's own file) and the sha256,
size and mtime of each output. A commune whose digest is unchanged and whose outputs are intact
is not rendered at all. When nothing changed the project is not even loaded. The section is
dropped when a build fails.

Writes go through `writer.write_outputs` (manifest, atomic, hand edits never overwritten
silently): a hand-edited output is that commune's error; the others are still written.

Workers: a process pool whose initializer builds the Engine once per process and makes the
worker exit when this process dies (docgen/parentwatch.py); work is sent in chunks; `gc.collect()`
every 20 documents keeps memory flat (platform-notes.md); each output is hashed in the worker
(the parent writes and records it with that digest).
"""

from __future__ import annotations

import difflib
import gc
import os
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from ..content import display_path, load_model, load_project
from ..content.yaml_loader import load_yaml
from ..derive.cho_nhap import ChoNhap
from ..derive.commune import FOLDER, KetQua, ke_hoach_xa_phuong, loi_ten, slug
from ..doctypes import COMMUNE, content_files, of_target, template_names
from ..errors import DocgenError, Problem, UsageError
from ..model import Project, XaPhuong
from ..model.commune import XaPhuongRieng
from ..model.khung import KHUNG
from ..model.phu_luc import nhom_goc
from ..parentwatch import die_with_parent
from ..paths import templates_dir as default_templates_dir
from ..progress import bar as progress_bar
from . import state
from .digests import Inputs, keys_of
from .lock import locked_run
from .result import Result
from .writer import Manifest, plan_writes, sha256, write_outputs

SECTION = "xa_phuong"  # of the state file
# what every commune's documents are made from, besides its own file (docgen/doctypes.py)
TOWN_FILES = content_files(of_target(COMMUNE))
TEMPLATES = template_names(of_target(COMMUNE))
KEYS = tuple(dict.fromkeys(k for d in of_target(COMMUNE) for k in keys_of(d)))
GC_EVERY = 20


@dataclass
class CommuneResult:
    slug: str
    ten: str                                    # "phường Tam Quan Bắc"
    outputs: dict[str, bytes] = field(default_factory=dict)
    digests: dict[str, str] = field(default_factory=dict)   # sha256 of each output, made here
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    cho_trong: tuple[dict, ...] = ()         # ChoNhap.as_dict() of each placeholder


# --- digests and state ---------------------------------------------------------------------

def commune_digest(inputs: Inputs, own: Path | None) -> str:
    """The digest of one commune's documents: their registry inputs and the commune's own file."""
    mine = (f"content/{own.relative_to(inputs.content).as_posix()}",) if own else ()
    return inputs.digest(KEYS + mine)


def skeletons_digest(inputs: Inputs) -> str:
    """Every skeleton the project loads (the project's own or the shipped one): load_project checks
    them all, so a broken one must not hide behind the no-change path (the commune documents
    themselves are worded by khung_names(of_target(COMMUNE)) only, which KEYS holds)."""
    return inputs.digest(tuple(f"khung/{n}" for n in KHUNG))


def commune_files(content_dir: Path) -> dict[str, Path]:
    folder = content_dir / FOLDER
    if not folder.is_dir():
        return {}
    return {p.stem: p for p in sorted(folder.glob("*.yaml"))}


def discard_state(out_dir: Path) -> None:
    state.save_section(out_dir, SECTION, None)


def cho_nhap_items(cho_trong: dict[str, list[dict]], content: Path) -> list[ChoNhap]:
    """The communes' placeholders, their file shown as the user reaches it."""
    shown = display_path(content)
    return [ChoNhap(**{**d, "tep": f"{shown}/{d['tep']}"}) for _, v in sorted(cho_trong.items()) for d in v]


# --- the worker side --------------------------------------------------------------------------

_W: dict = {}


def _init_worker(project: Project, templates: str, check: bool, out_dir: str, trich_dan: str,
                 parent_pid: int | None = None) -> None:
    from ..render.engine import Engine

    if parent_pid is not None:  # a pool worker: exit when the batch's process dies (kill -9)
        die_with_parent(parent_pid)
    _W.update(project=project, engine=Engine(Path(templates)), check=check, out_dir=Path(out_dir),
              trich_dan=trich_dan, done=0, collected=0, worker=parent_pid is not None, templates={})


def _commune_file_problems(project: Project, rieng: XaPhuongRieng, doc) -> list[Problem]:
    n = len(nhom_goc(project.phu_luc_ds))   # the areas of every task appendix (derive/commune.py)
    problems = []
    for key, items in (("chi_tieu", rieng.chi_tieu), ("nhiem_vu_them", rieng.nhiem_vu_them)):
        for i, item in enumerate(items):
            if item.linh_vuc > n:
                problems.append(Problem(doc.display, doc.line((key, i, "linh_vuc")), "content.invalid-value",
                                        f'"linh_vuc" {item.linh_vuc} không có: Phụ lục của thị xã có {n} lĩnh vực '
                                        f"(1 đến {n})"))
    return problems


def build_commune(index: int, file: str | None) -> CommuneResult:
    """Derive, render and check one commune (in a worker, or in-process when jobs == 1)."""
    from .render_docs import render_all_parts

    _collect()
    project: Project = _W["project"]
    xp = project.don_vi.xa_phuong[index]
    result = CommuneResult(slug(xp.ten), xp.ten_day_du)
    rieng = None
    if file is not None:
        rieng, doc, problems = load_model(Path(file), XaPhuongRieng)
        if rieng is not None:
            problems = _commune_file_problems(project, rieng, doc)
        if problems:
            result.problems = problems
            return result
    try:
        ket_qua: KetQua = ke_hoach_xa_phuong(project, xp, rieng, trich_dan=_W["trich_dan"])
        docs = [ket_qua.ke_hoach, ket_qua.phu_luc]
        outputs, parts = render_all_parts(_W["engine"], docs)
        if _W["check"]:
            from . import check_outputs  # (through the package: tests/sabotage.py replaces it)
            from .checking import template_files

            errors, warnings = check_outputs(outputs, _W["out_dir"], parts, _templates(docs, template_files))
            result.warnings = warnings
            if errors:
                result.problems = errors
                return result
    except DocgenError as exc:
        result.problems = exc.problems
        return result
    result.outputs = outputs
    result.digests = {rel: sha256(data) for rel, data in outputs.items()}  # hashed once, here
    result.cho_trong = tuple(c.as_dict() for c in ket_qua.cho_nhap)
    _W["done"] += 2
    return result


def _collect() -> None:
    """`gc.collect()` every GC_EVERY documents, between two communes (nothing of the last one
    is alive then). In a pool worker the survivors are then frozen (`gc.freeze`): they are the
    project, the engine and the checker's per-template caches, which live as long as the
    worker and only grow, so later collections need not traverse them again (a collection
    over them cost ~0.3 ms per document). In-process the caller's heap is left alone."""
    if _W["done"] - _W["collected"] < GC_EVERY:
        return
    _W["collected"] = _W["done"]
    gc.collect()
    if _W["worker"]:
        gc.freeze()


def _templates(docs, template_files) -> dict[str, tuple[str, ...]]:
    """checking.template_files of the documents, each document's templates shown once per worker
    (they depend only on the templates it is made from)."""
    seen = _W["templates"]                  # emptied by _init_worker: one run's templates
    out = {}
    for d in docs:
        key = tuple(p.mau for p in (d.phan or (d,)))
        if key not in seen:
            seen[key] = template_files(_W["engine"].templates_dir, [d])[d.duong_dan]
        out[d.duong_dan] = seen[key]
    return out


def _build_chunk(chunk: list[tuple[int, str | None]]) -> list[CommuneResult]:
    return [build_commune(i, f) for i, f in chunk]


# --- the batch ---------------------------------------------------------------------------------

def _registry_problems(content_dir: Path, communes: tuple[XaPhuong, ...]) -> dict[int, Problem]:
    """Unsafe names and duplicates in the registry, by commune index (first entry wins)."""
    found: dict[int, tuple[tuple, str, str]] = {}
    seen_slug: dict[str, int] = {}
    seen_ma: dict[str, int] = {}
    for i, xp in enumerate(communes):
        reason = loi_ten(xp.ten)
        if reason:
            found[i] = (("xa_phuong", i, "ten"), "xa-phuong.unsafe-name", reason)
            continue
        s = slug(xp.ten)
        if s in seen_slug:
            found[i] = (("xa_phuong", i, "ten"), "xa-phuong.duplicate",
                        f'xã/phường "{xp.ten}" trùng với mục thứ {seen_slug[s] + 1} (cùng thư mục "{s}"); '
                        "không dựng mục này")
        elif xp.ma and xp.ma in seen_ma:
            found[i] = (("xa_phuong", i, "ma"), "xa-phuong.duplicate",
                        f'mã "{xp.ma}" trùng với mục thứ {seen_ma[xp.ma] + 1}; không dựng mục này')
        seen_slug.setdefault(s, i)
        seen_ma.setdefault(xp.ma, i)
    if not found:
        return {}
    doc, _ = load_yaml(content_dir / "don-vi.yaml", display_path(content_dir / "don-vi.yaml"))
    disp = display_path(content_dir / "don-vi.yaml")
    return {i: Problem(disp, doc.line(loc) if doc else None, code, msg) for i, (loc, code, msg) in found.items()}


def _select(names: list[str], slugs: dict[str, int]) -> list[int]:
    chosen, unknown = [], []
    for name in names:
        s = slug(name)
        for prefix in ("phuong-", "xa-", "thi-tran-"):
            if s.startswith(prefix) and s[len(prefix):] in slugs and s not in slugs:
                s = s[len(prefix):]
        if s in slugs:
            if slugs[s] not in chosen:
                chosen.append(slugs[s])
        else:
            close = difflib.get_close_matches(s, list(slugs), n=1, cutoff=0.6)
            hint = f'; có phải "{close[0]}"?' if close else ""
            unknown.append(Problem("xa-phuong", None, "xa-phuong.unknown",
                                   f'không có xã/phường "{name}" trong danh mục (don-vi.yaml){hint}'))
    if unknown:
        raise UsageError(unknown)
    return chosen


def _chunks(items: list, jobs: int) -> list[list]:
    size = max(1, min(GC_EVERY, -(-len(items) // (jobs * 4))))
    return [items[i:i + size] for i in range(0, len(items), size)]


def _progress(total: int, show: bool):
    if not show or total == 0:
        return progress_bar(0, "")
    return progress_bar(total, "Dựng kế hoạch xã/phường", after=0)


def run_batch(content_dir: str | Path, out_dir: str | Path, **options) -> Result:
    """Build the communes (all, or `names`); holds the output folder's lock for the whole run.

    Options: names, jobs, templates, check (True), force (False), progress (True)."""
    with locked_run(out_dir):
        return _run_batch(Path(content_dir), Path(out_dir), **options)


def _run_batch(content_dir: Path, out_dir: Path, *, names: list[str] | None = None,
               jobs: int | None = None, templates: str | Path | None = None, check: bool = True,
               force: bool = False, progress: bool = True) -> Result:
    templates = Path(templates) if templates else default_templates_dir()
    result = Result(out_dir, ("xa-phuong",))
    inputs = Inputs(content_dir, templates, check=check, out_dir=out_dir)
    files = commune_files(content_dir)
    saved = state.section(out_dir, SECTION)
    old = {s: rec for s, rec in state.records(saved.get("xa_phuong")).items()
           if isinstance(rec.get("outputs"), dict) and isinstance(rec.get("cho_trong", {}), dict)}
    khung = skeletons_digest(inputs)
    if not names and _all_fresh(out_dir, saved, old, files, inputs, khung):
        # Fast path: nothing changed at all -> the project is not even loaded.
        _finish(result, content_dir, old)
        result.cho_trong = {rel: list(v) for rec in old.values() for rel, v in rec["cho_trong"].items()}
        result.cho_nhap = cho_nhap_items(result.cho_trong, content_dir)
        return result
    try:
        project = load_project(content_dir)
    except DocgenError:
        discard_state(out_dir)
        raise
    # derived from a plan's appendix's tasks (a decision alone has no plan)
    communes = project.don_vi.xa_phuong if project.phu_luc is not None and project.ke_hoach is not None else ()
    bad = _registry_problems(content_dir, communes)
    slugs = {slug(xp.ten): i for i, xp in enumerate(communes) if i not in bad}
    selected = _selected(result, names, communes, bad, slugs, files)
    new_state: dict[str, dict] = {s: rec for s, rec in old.items() if s in slugs}
    todo, digests = _plan(result, out_dir, selected, communes, bad, files, old, new_state, inputs)
    from ..model.trich_dan import trich_dan_quyet_dinh

    init = (project, str(templates), check, str(out_dir), trich_dan_quyet_dinh(project))
    results = _render(todo, init, max(1, jobs or os.cpu_count() or 1), progress)
    order = {slug(communes[i].ten): n for n, (i, _) in enumerate(todo)}
    results.sort(key=lambda r: order[r.slug])
    _write_results(result, out_dir, results, force, digests, new_state)
    _finish(result, content_dir, new_state)
    if result.problems:
        discard_state(out_dir)
    else:
        state.save_section(out_dir, SECTION, {"all": not names or bool(saved.get("all")), "khung": khung,
                                               "xa_phuong": dict(sorted(new_state.items()))})
    return result


def _finish(result: Result, content_dir: Path, records: dict[str, dict]) -> None:
    """The documents the communes now hold, which of them this run left as they were, the blanks."""
    result.documents = sorted({rel for rec in records.values() for rel in rec["outputs"]} | set(result.written))
    result.unchanged = [rel for rel in result.documents if rel not in set(result.written)]
    result.cho_nhap = cho_nhap_items(result.cho_trong, content_dir)


def _all_fresh(out_dir: Path, saved: dict, old: dict, files: dict[str, Path], inputs: Inputs, khung: str) -> bool:
    """Every commune was built by the last full run from the same inputs, and its outputs are there."""
    try:
        return bool(old and saved.get("all") and saved.get("khung") == khung and set(files) <= set(old)
                    and all(rec["digest"] == commune_digest(inputs, files.get(s))
                            and state.all_intact(out_dir, rec["outputs"]) for s, rec in old.items()))
    except (KeyError, TypeError, AttributeError):  # a state file of another shape: not fresh
        return False


def _selected(result: Result, names, communes, bad, slugs, files) -> list[int]:
    """The communes to consider: the named ones, or all (a commune file of no commune is reported)."""
    if names:
        return _select(names, slugs | {slug(communes[i].ten): i for i in bad if slug(communes[i].ten)})
    for stem, path in files.items():
        if stem not in slugs:
            close = difflib.get_close_matches(stem, list(slugs), n=1, cutoff=0.6)
            hint = f'; có phải "{close[0]}.yaml"?' if close else ""
            result.problems.append(Problem(
                display_path(path), None, "xa-phuong.unknown-file",
                f'tên tệp "{path.name}" không ứng với xã/phường nào trong danh mục (don-vi.yaml){hint}'))
    return list(range(len(communes)))


def _plan(result: Result, out_dir: Path, selected, communes, bad, files, old, new_state, inputs: Inputs):
    """(communes to render as (index, own file), digest of each commune's file); the unchanged
    and the badly registered ones are recorded in `result`."""
    todo: list[tuple[int, str | None]] = []
    digests: dict[str, str] = {}
    for i in selected:
        xp = communes[i]
        if i in bad:
            result.problems.append(bad[i])
            result.failed.append(xp.ten_day_du)
            new_state.pop(slug(xp.ten), None)
            continue
        s = slug(xp.ten)
        digest = commune_digest(inputs, files.get(s))
        digests[s] = digest
        rec = old.get(s)
        if (isinstance(rec, dict) and rec.get("digest") == digest and rec.get("ten") == xp.ten_day_du
                and state.all_intact(out_dir, rec.get("outputs", {}))):
            result.cho_trong.update({rel: list(v) for rel, v in rec.get("cho_trong", {}).items()})
            continue
        todo.append((i, str(files[s]) if s in files else None))
    return todo, digests


def _render(todo, init, jobs: int, show: bool) -> list[CommuneResult]:
    """Derive, render and check the communes of `todo`: in this process, or in a pool."""
    results: list[CommuneResult] = []
    with _progress(len(todo), show) as bar:
        if jobs == 1 or len(todo) <= 1:
            _init_worker(*init)
            for item in todo:
                results.append(build_commune(*item))
                bar.update(1)
        else:
            with ProcessPoolExecutor(max_workers=min(jobs, len(todo)), initializer=_init_worker,
                                     initargs=(*init, os.getpid())) as pool:
                futures = {pool.submit(_build_chunk, c): len(c) for c in _chunks(todo, jobs)}
                for fut in as_completed(futures):
                    results.extend(fut.result())
                    bar.update(futures[fut])
    return results


def _write_results(result: Result, out_dir: Path, results, force: bool, inputs_digests, new_state) -> None:
    """Hand-edited outputs are that commune's error; everything else is written in one go."""
    manifest = Manifest(out_dir)
    ok: list[CommuneResult] = []
    for r in results:
        result.warnings += [w for w in r.warnings if w not in result.warnings]
        if not r.problems:
            r.problems = plan_writes(out_dir, r.outputs, manifest, force, r.digests)[3]
        if r.problems:  # a template fault is found in every commune: said once
            result.problems += [p for p in r.problems if p not in result.problems]
            result.failed.append(r.ten)
            new_state.pop(r.slug, None)
        else:
            ok.append(r)
    result.outputs = {rel: data for r in ok for rel, data in r.outputs.items()}
    digests = {rel: d for r in ok for rel, d in r.digests.items()}
    write = write_outputs(out_dir, result.outputs, force=force, digests=digests) if result.outputs else None
    written = set(write.written) if write else set()
    result.written = sorted(written)
    result.backed_up = list(write.backed_up) if write else []
    for r in ok:
        if written & set(r.outputs):
            result.built.append(r.ten)
        rels = sorted(r.outputs)
        cho = {rels[0]: list(r.cho_trong)} if r.cho_trong else {}
        result.cho_trong.update(cho)
        new_state[r.slug] = {"ten": r.ten, "digest": inputs_digests[r.slug], "cho_trong": cho,
                             "outputs": {rel: state.record(out_dir, rel, r.digests.get(rel)) for rel in rels}}
