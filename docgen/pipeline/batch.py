"""Batch build of every commune's plan: incremental, parallel, one commune's error never
stops the others.

    run_batch(content_dir, out_dir, names=None, jobs=None, check=True, force=False)

Incremental state: `<out>/.docgen/xa-phuong.json` records, per commune, the digest of what
its outputs were built from (the town content files, the two templates, docgen's own source,
the check setting and the commune's file) and the sha256, size and mtime of each output. A
commune whose inputs are unchanged and whose outputs are intact is not rendered at all. When
nothing changed the project is not even loaded. The state is deleted when a build fails.

Writes go through `writer.write_outputs` (manifest, atomic, hand edits never overwritten
silently): a hand-edited output is that commune's error; the others are still written.

Workers: a process pool whose initializer builds the Engine once per process and makes the
worker exit when this process dies (docgen/parentwatch.py); work is sent in chunks; `gc.collect()` every 20 documents keeps memory flat (platform-notes.md).
"""

from __future__ import annotations

import difflib
import gc
import hashlib
import json
import os
import stat
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from .. import __version__
from ..content import display_path, load_model, load_project
from ..content.khung import khung_path
from ..content.yaml_loader import load_yaml
from ..derive.commune import FOLDER, KetQua, ke_hoach_xa_phuong, loi_ten, slug
from ..doctypes import COMMUNE, content_files, of_target, template_names
from ..errors import DocgenError, Problem, UsageError
from ..model import Project, XaPhuong
from ..model.commune import XaPhuongRieng
from ..model.khung import KHUNG
from ..parentwatch import die_with_parent
from ..paths import templates_dir as default_templates_dir
from ..progress import bar as progress_bar
from .lock import locked_run
from .sources import source_files
from .writer import (
    STATE_DIR,
    Manifest,
    atomic_write,
    plan_writes,
    sha256,
    symlink_problem,
    write_outputs,
)

STATE_FILE = "xa-phuong.json"
SOURCES_FILE = "nguon.json"   # which source files shape the documents (pipeline/sources.py)
STATE_VERSION = 2
# what every commune's documents are made from, besides its own file (docgen/doctypes.py)
TOWN_FILES = content_files(of_target(COMMUNE))
TEMPLATES = template_names(of_target(COMMUNE))
GC_EVERY = 20


@dataclass
class CommuneResult:
    slug: str
    ten: str                                    # "phường Tam Quan Bắc"
    outputs: dict[str, bytes] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    cho_trong: tuple[dict, ...] = ()         # ChoNhap.as_dict() of each placeholder


@dataclass
class BatchResult:
    out_dir: Path
    built: list[str] = field(default_factory=list)       # communes whose files were (re)written
    unchanged: list[str] = field(default_factory=list)   # not rendered, or rendered identical
    failed: list[str] = field(default_factory=list)
    rendered: list[str] = field(default_factory=list)    # communes derived and rendered this run
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    written: list[str] = field(default_factory=list)     # relative paths written
    backed_up: list[str] = field(default_factory=list)
    cho_trong: dict[str, list[dict]] = field(default_factory=dict)  # relative path -> ChoNhap.as_dict()


# --- digests and state ---------------------------------------------------------------------

def _file_digest(path: Path | None) -> str:
    """sha256 of a file; "-" when absent; "!" for a FIFO, device or folder (never read: the
    loader reports it, and a run that fails keeps no state)."""
    if path is None:
        return "-"
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            return "!"
        return sha256(path.read_bytes())
    except FileNotFoundError:
        return "-"


_CODE_DIGEST: dict[str, str] = {}


def code_digest(cache: Path | None = None) -> str:
    """docgen's version and every source file the commune documents depend on: the modules
    this one reaches by imports (pipeline/sources.py; not the CLI, diff or preview)."""
    if "code" not in _CODE_DIGEST:
        h = hashlib.sha256(__version__.encode())
        root = Path(__file__).resolve().parents[1]
        for path in source_files(("docgen.pipeline.batch",), cache):
            h.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes())
        _CODE_DIGEST["code"] = h.hexdigest()
    return _CODE_DIGEST["code"]


def base_digest(content_dir: Path, templates: Path, check: bool, cache: Path | None = None) -> str:
    """Everything every commune is built from, except its own file."""
    h = hashlib.sha256(f"v{STATE_VERSION}|check={check}|{code_digest(cache)}".encode())
    for name in TOWN_FILES:
        h.update(f"|{name}:{_file_digest(content_dir / name)}".encode())
    for name in TEMPLATES:
        h.update(f"|{name}:{_file_digest(templates / f'{name}.docx')}".encode())
    # every skeleton the project loads (the project's own or the shipped one): load_project checks
    # them all, so a broken one must not hide behind the no-change path (the commune documents
    # themselves are worded by khung_names(of_target(COMMUNE)) only)
    for name in KHUNG:
        h.update(f"|khung/{name}:{_file_digest(khung_path(content_dir, name))}".encode())
    return h.hexdigest()


def commune_files(content_dir: Path) -> dict[str, Path]:
    folder = content_dir / FOLDER
    if not folder.is_dir():
        return {}
    return {p.stem: p for p in sorted(folder.glob("*.yaml"))}


def _state_path(out_dir: Path) -> Path:
    return out_dir / STATE_DIR / STATE_FILE


def load_state(out_dir: Path) -> dict:
    try:
        data = json.loads(_state_path(out_dir).read_text("utf-8"))
        return data if data.get("version") == STATE_VERSION else {}
    except (OSError, ValueError, AttributeError):
        return {}


def discard_state(out_dir: Path) -> None:
    try:
        _state_path(out_dir).unlink()
    except FileNotFoundError:
        pass


def _outputs_intact(out_dir: Path, outputs: dict[str, dict]) -> bool:
    for rel, rec in outputs.items():
        try:
            st = (out_dir / rel).stat()
        except FileNotFoundError:
            return False
        if st.st_size == rec["size"] and st.st_mtime_ns == rec["mtime_ns"]:
            continue
        if sha256((out_dir / rel).read_bytes()) != rec["sha256"]:
            return False
    return True


def _output_record(out_dir: Path, rel: str) -> dict:
    path = out_dir / rel
    st = path.stat()
    return {"sha256": sha256(path.read_bytes()), "size": st.st_size, "mtime_ns": st.st_mtime_ns}


# --- the worker side --------------------------------------------------------------------------

_W: dict = {}


def _init_worker(project: Project, templates: str, check: bool, out_dir: str, trich_dan: str,
                 parent_pid: int | None = None) -> None:
    from ..render.engine import Engine

    if parent_pid is not None:  # a pool worker: exit when the batch's process dies (kill -9)
        die_with_parent(parent_pid)
    _W.update(project=project, engine=Engine(Path(templates)), check=check, out_dir=Path(out_dir),
              trich_dan=trich_dan, done=0, worker=parent_pid is not None, frozen=False)


def _commune_file_problems(project: Project, rieng: XaPhuongRieng, doc) -> list[Problem]:
    n = len(project.phu_luc.nhom)
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

            errors, warnings = check_outputs(outputs, _W["out_dir"], parts,
                                             template_files(_W["engine"].templates_dir, docs))
            result.warnings = warnings
            if errors:
                result.problems = errors
                return result
    except DocgenError as exc:
        result.problems = exc.problems
        return result
    result.outputs = outputs
    result.cho_trong = tuple(c.as_dict() for c in ket_qua.cho_nhap)
    _W["done"] += 2
    if _W["done"] % GC_EVERY < 2:
        gc.collect()
        if _W["worker"] and not _W["frozen"]:
            # the project, the engine and the checker's per-template caches now live as long
            # as the worker: later collections need not traverse them again (a pool worker
            # only; in-process the caller's heap is left alone)
            gc.freeze()
            _W["frozen"] = True
    return result


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
        elif xp.ma in seen_ma:
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


def run_batch(content_dir: str | Path, out_dir: str | Path, **options) -> BatchResult:
    """Build the communes (all, or `names`); holds the output folder's lock for the whole run.

    Options: names, jobs, templates, check (True), force (False), progress (True)."""
    with locked_run(out_dir):
        return _run_batch(Path(content_dir), Path(out_dir), **options)


def _run_batch(content_dir: Path, out_dir: Path, *, names: list[str] | None = None,
               jobs: int | None = None, templates: str | Path | None = None, check: bool = True,
               force: bool = False, progress: bool = True) -> BatchResult:
    templates = Path(templates) if templates else default_templates_dir()
    result = BatchResult(out_dir)
    rel = f"{STATE_DIR}/{SOURCES_FILE}"  # never written through a link inside the output folder
    base = base_digest(content_dir, templates, check, None if symlink_problem(out_dir, rel) else out_dir / rel)
    files = commune_files(content_dir)
    state = load_state(out_dir)
    old = state.get("xa_phuong", {}) if state.get("base") == base else {}
    if not names and _all_fresh(out_dir, state, old, files):
        # Fast path: nothing changed at all -> the project is not even loaded.
        result.unchanged = [rec["ten"] for rec in old.values()]
        result.cho_trong = {rel: list(v) for rec in old.values() for rel, v in rec["cho_trong"].items()}
        return result
    try:
        project = load_project(content_dir)
    except DocgenError:
        discard_state(out_dir)
        raise
    communes = project.don_vi.xa_phuong if project.phu_luc is not None else ()  # derived from its tasks
    bad = _registry_problems(content_dir, communes)
    slugs = {slug(xp.ten): i for i, xp in enumerate(communes) if i not in bad}
    selected = _selected(result, names, communes, bad, slugs, files)
    new_state: dict[str, dict] = {s: rec for s, rec in old.items() if s in slugs}
    todo, digests = _plan(result, out_dir, selected, communes, bad, files, old, new_state)
    from ..model.trich_dan import trich_dan_quyet_dinh

    init = (project, str(templates), check, str(out_dir), trich_dan_quyet_dinh(project))
    results = _render(todo, init, max(1, jobs or os.cpu_count() or 1), progress)
    order = {slug(communes[i].ten): n for n, (i, _) in enumerate(todo)}
    results.sort(key=lambda r: order[r.slug])
    result.rendered = [r.ten for r in results]
    _write_results(result, out_dir, results, force, digests, new_state)
    if result.problems:
        discard_state(out_dir)
    else:
        data = {"version": STATE_VERSION, "base": base, "all": not names or bool(state.get("all")) and
                state.get("base") == base, "xa_phuong": dict(sorted(new_state.items()))}
        atomic_write(_state_path(out_dir), json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"),
                     if_changed=True)
    return result


def _all_fresh(out_dir: Path, state: dict, old: dict, files: dict[str, Path]) -> bool:
    """Every commune was built by the last full run from the same inputs, and its outputs are there."""
    return bool(old and state.get("all") and set(files) <= set(old)
                and all(rec["file"] == _file_digest(files.get(s)) and _outputs_intact(out_dir, rec["outputs"])
                        for s, rec in old.items()))


def _selected(result: BatchResult, names, communes, bad, slugs, files) -> list[int]:
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


def _plan(result: BatchResult, out_dir: Path, selected, communes, bad, files, old, new_state):
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
        fd = _file_digest(files.get(s))
        digests[s] = fd
        rec = old.get(s)
        if rec and rec["file"] == fd and rec["ten"] == xp.ten_day_du and _outputs_intact(out_dir, rec["outputs"]):
            result.unchanged.append(xp.ten_day_du)
            result.cho_trong.update({rel: list(v) for rel, v in rec["cho_trong"].items()})
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


def _write_results(result: BatchResult, out_dir: Path, results, force: bool, digests, new_state) -> None:
    """Hand-edited outputs are that commune's error; everything else is written in one go."""
    manifest = Manifest(out_dir)
    ok: list[CommuneResult] = []
    for r in results:
        result.warnings += [w for w in r.warnings if w not in result.warnings]
        if not r.problems:
            r.problems = plan_writes(out_dir, r.outputs, manifest, force)[3]
        if r.problems:  # a template fault is found in every commune: said once
            result.problems += [p for p in r.problems if p not in result.problems]
            result.failed.append(r.ten)
            new_state.pop(r.slug, None)
        else:
            ok.append(r)
    outputs = {rel: data for r in ok for rel, data in r.outputs.items()}
    write = write_outputs(out_dir, outputs, force=force) if outputs else None
    written = set(write.written) if write else set()
    result.written = sorted(written)
    result.backed_up = list(write.backed_up) if write else []
    for r in ok:
        (result.built if written & set(r.outputs) else result.unchanged).append(r.ten)
        rels = sorted(r.outputs)
        cho = {rels[0]: list(r.cho_trong)} if r.cho_trong else {}
        result.cho_trong.update(cho)
        new_state[r.slug] = {"ten": r.ten, "file": digests[r.slug], "cho_trong": cho,
                             "outputs": {rel: _output_record(out_dir, rel) for rel in rels}}
