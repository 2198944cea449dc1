"""One runner: `docgen build` brings every document of a project up to date.

Targets (`TARGETS`): `chinh` (decision, plan, appendix, combined file), `ke-hoach-con` (derived
drafts and task sheets, with their can-nhap.md list), `xa-phuong` (commune plans, through
batch.py, with can-nhap-xa-phuong.md). No target = all three, under one output-folder lock.

Change detection: the core and derived documents are rebuilt only when a digest of what shapes
them changed (every content file outside xa-phuong/, the templates, the skeletons, docgen's
source reached by imports from this module, the check setting) or an output was changed or
removed; the digest and the outputs' records are kept in `<out>/.docgen/dung.json`. The
communes keep batch.py's per-commune state. Nothing of core + derived is written when any of
them fails its check; a commune failure stops only that commune (batch.py).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from .. import __version__
from ..content import display_path, load_project
from ..content.khung import khung_files
from ..derive.cho_nhap import ChoNhap
from ..derive.cho_nhap import can_nhap_markdown as listing
from ..errors import DocgenError, Problem
from ..model.khung import KHUNG
from ..paths import templates_dir as default_templates_dir
from ..render.engine import Engine
from .batch import (
    SOURCES_FILE,
    STATE_DIR,
    _file_digest,
    _output_record,
    _outputs_intact,
    _run_batch,
    load_state,
)
from .checking import check_outputs, template_files
from .derived import derive_project
from .documents import core_documents
from .lock import locked_run
from .render_docs import render_all
from .sources import source_files
from .writer import atomic_write, one_run, symlink_problem, write_outputs

TARGETS = ("chinh", "ke-hoach-con", "xa-phuong")
STATE_FILE = "dung.json"
ROOTS = ("docgen.pipeline.runner",)  # the modules whose imports reach every source that shapes outputs
STATE_VERSION = 1
DERIVED_LIST = "ke-hoach-con/can-nhap.md"
COMMUNE_LIST = "can-nhap-xa-phuong.md"  # beside xa-phuong/, which holds only commune folders


@dataclass
class RunResult:
    """What one `docgen build` did, over every target it ran."""
    out_dir: Path
    targets: tuple[str, ...]
    documents: list[str] = field(default_factory=list)   # relative paths of the documents it holds
    written: list[str] = field(default_factory=list)
    backed_up: list[str] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)  # commune failures (others were built)
    failed: list[str] = field(default_factory=list)         # communes not built
    cho_nhap: int = 0                                       # places left for a person
    lists: list[str] = field(default_factory=list)          # the can-nhap files of the run


def commune_listing(cho_trong: dict[str, list[dict]], content: Path) -> str:
    """Every blank left in the commune plans, grouped by document: the same list as can-nhap.md."""
    shown = display_path(content)
    items = [ChoNhap(**{**d, "tep": f"{shown}/{d['tep']}"}) for _, v in sorted(cho_trong.items()) for d in v]
    existing = {c.tep for c in items if Path(c.tep).is_file()}
    return listing(items, existing, "docgen xa-phuong", "Chỗ cần nhập trong kế hoạch xã, phường",
                   "xem docs/xa-phuong.md")


def _code_digest(cache: Path | None) -> str:
    h = hashlib.sha256(__version__.encode())
    root = Path(__file__).resolve().parents[1]
    for path in source_files(ROOTS, cache):
        h.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


def _sources_cache(out_dir: Path) -> Path | None:
    rel = f"{STATE_DIR}/{SOURCES_FILE}"
    return None if symlink_problem(out_dir, rel) else out_dir / rel


def inputs_digest(content: Path, templates: Path, out_dir: Path, check: bool, targets) -> str:
    """Digest of everything the core and derived documents are made from."""
    fresh = not (out_dir / STATE_DIR / STATE_FILE).is_file()  # a failed first run leaves no folder
    cache = None if fresh else _sources_cache(out_dir)
    h = hashlib.sha256(f"v{STATE_VERSION}|check={check}|{','.join(targets)}|{_code_digest(cache)}".encode())
    files = [p for p in sorted(content.rglob("*")) if p.is_file()
             and p.relative_to(content).parts[0] != "xa-phuong"]
    files += sorted(templates.glob("*.docx")) + [p for n in KHUNG for p in khung_files(content, n)]
    for path in files:
        h.update(f"|{path.as_posix()}:{_file_digest(path)}".encode())
    return h.hexdigest()


def _load_state(out_dir: Path) -> dict:
    try:
        data = json.loads((out_dir / STATE_DIR / STATE_FILE).read_text("utf-8"))
        return data if data.get("version") == STATE_VERSION else {}
    except (OSError, ValueError, AttributeError):
        return {}


def _save_state(out_dir: Path, digest: str, outputs: list[str], cho_nhap: int = 0) -> None:
    path = out_dir / STATE_DIR / STATE_FILE
    data = {"version": STATE_VERSION, "digest": digest, "cho_nhap": cho_nhap,
            "outputs": {rel: _output_record(out_dir, rel) for rel in sorted(outputs)}}
    atomic_write(path, json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"), if_changed=True)


def _render_core_derived(content: Path, out_dir: Path, engine: Engine, targets, check: bool):
    """(outputs, warnings, number of places to fill) of core and/or derived; raises DocgenError
    with every problem, before anything is written."""
    outputs: dict[str, bytes] = {}
    docs, n_cho = [], 0
    if "chinh" in targets:
        docs += core_documents(load_project(content))
    if "ke-hoach-con" in targets:
        _, derived = derive_project(content)
        docs += derived.van_ban
        existing = {c.tep for c in derived.cho_nhap if Path(c.tep).is_file()}
        outputs[DERIVED_LIST] = listing(derived.cho_nhap, existing, "docgen ke-hoach-con").encode("utf-8")
        n_cho = len(derived.cho_nhap)
    rendered = render_all(engine, docs)
    warnings: list[Problem] = []
    if check:
        errors, warnings = check_outputs(rendered, out_dir, templates=template_files(engine.templates_dir, docs))
        if errors:
            raise DocgenError(errors)
    return rendered | outputs, warnings, n_cho


def _run_core_derived(result: RunResult, content: Path, templates: Path, *, check: bool, force: bool) -> None:
    targets = [t for t in result.targets if t != "xa-phuong"]
    out_dir = result.out_dir
    digest = inputs_digest(content, templates, out_dir, check, targets)
    state = _load_state(out_dir)
    if state.get("digest") == digest and _outputs_intact(out_dir, state["outputs"]):
        result.documents += [r for r in state["outputs"] if r != DERIVED_LIST]
        result.cho_nhap += state.get("cho_nhap", 0)
        result.lists += [DERIVED_LIST] if DERIVED_LIST in state["outputs"] else []
        return  # nothing changed: the project is not even loaded
    # a failure keeps the state: it names the inputs of the last good run, which differ now
    outputs, warnings, n_cho = _render_core_derived(content, out_dir, Engine(templates), targets, check)
    write = write_outputs(out_dir, outputs, force=force)
    result.documents += [r for r in outputs if r != DERIVED_LIST]
    result.written += write.written
    result.backed_up += write.backed_up
    result.warnings += warnings
    result.cho_nhap += n_cho
    result.lists += [DERIVED_LIST] if DERIVED_LIST in outputs else []
    _save_state(out_dir, digest, list(outputs), n_cho)
    source_files(ROOTS, _sources_cache(out_dir))  # a good run caches which sources shape them


def _run_communes(result: RunResult, content: Path, templates: Path, names, **options) -> None:
    batch = _run_batch(content, result.out_dir, names=list(names or ()), templates=templates, **options)
    done = load_state(result.out_dir).get("xa_phuong", {})
    result.documents += sorted({rel for rec in done.values() for rel in rec["outputs"]} | set(batch.written))
    result.written += batch.written
    result.backed_up += batch.backed_up
    result.warnings += [w for w in batch.warnings if w not in result.warnings]
    result.problems += batch.problems
    result.failed += batch.failed
    result.cho_nhap += sum(len(v) for v in batch.cho_trong.values())
    if batch.cho_trong or not batch.problems:
        data = commune_listing(batch.cho_trong, content).encode("utf-8")
        listed = write_outputs(result.out_dir, {COMMUNE_LIST: data}, force=options.get("force", False))
        result.backed_up += listed.backed_up
        result.lists.append(COMMUNE_LIST)


def run(content_dir: str | Path, out_dir: str | Path, *, targets=TARGETS, names=(), jobs: int | None = None,
        templates: str | Path | None = None, check: bool = True, force: bool = False,
        progress: bool = False) -> RunResult:
    """Bring the documents of `targets` up to date, under one lock for the whole run."""
    content, out = Path(content_dir), Path(out_dir)
    tpl = Path(templates) if templates else default_templates_dir()
    result = RunResult(out, tuple(t for t in TARGETS if t in targets))
    with locked_run(out), one_run(out):
        if set(result.targets) - {"xa-phuong"}:
            _run_core_derived(result, content, tpl, check=check, force=force)
        if "xa-phuong" in result.targets:
            _run_communes(result, content, tpl, names, jobs=jobs, check=check, force=force, progress=progress)
    return result
