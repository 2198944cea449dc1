"""Safe outputs: atomic writes, a manifest of what docgen wrote, hand edits never lost.

The manifest (`<out>/.docgen/manifest.json`) records the sha256 of every file docgen wrote.
A file on disk whose hash is not in the manifest was changed by a person (or by another
program): the build stops before writing anything and names it, unless `force` is given, in
which case the file is first copied to `.docgen/sao-luu/<time>/`.

Writes are atomic per file (temporary file, fsync, rename). While files are being replaced
the manifest accepts both the old and the new hash, so a build killed at any point leaves
every file either old or new, and the next build still recognises them as docgen's own.
The previous version of every file a build changed is kept in `.docgen/truoc/` for
`docgen diff`.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import DocgenError, Problem

STATE_DIR = ".docgen"
MANIFEST = "manifest.json"
PREVIOUS = "truoc"
BACKUPS = "sao-luu"
TMP_SUFFIX = ".docgen-tmp"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass
class WriteResult:
    written: list[str] = field(default_factory=list)     # relative paths rewritten
    unchanged: list[str] = field(default_factory=list)   # identical bytes already there
    backed_up: list[str] = field(default_factory=list)   # hand-edited files saved before overwrite


def _atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + TMP_SUFFIX)
    with open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


class Manifest:
    """Hashes of what docgen wrote, per relative path (a list: old and new mid-write)."""

    def __init__(self, out_dir: Path):
        self.path = out_dir / STATE_DIR / MANIFEST
        self.files: dict[str, list[str]] = {}
        self.extra: dict = {}
        if self.path.exists():
            try:
                data = json.loads(self.path.read_text("utf-8"))
                self.files = {k: list(v) for k, v in data.get("files", {}).items()}
                self.extra = {k: v for k, v in data.items() if k != "files"}
            except (ValueError, AttributeError):
                self.files = {}

    def accepts(self, rel: str, digest: str) -> bool:
        return digest in self.files.get(rel, [])

    def save(self) -> None:
        data = {**self.extra, "files": {k: sorted(set(v)) for k, v in sorted(self.files.items())}}
        _atomic_write(self.path, json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def plan_writes(out_dir: Path, outputs: dict[str, bytes], manifest: Manifest, force: bool):
    """Sort outputs into unchanged / to write / hand-edited (problems unless force)."""
    to_write, unchanged, edited, problems = {}, [], [], []
    for rel, data in outputs.items():
        target = out_dir / rel
        if not target.exists():
            to_write[rel] = data
            continue
        current = sha256(target.read_bytes())
        if current == sha256(data):
            unchanged.append(rel)
            continue
        if not manifest.accepts(rel, current):
            edited.append(rel)
            if not force:
                problems.append(Problem(
                    _display(target), None, "build.edited-by-hand",
                    "tệp đã được sửa tay sau lần dựng trước (hoặc không do docgen tạo); "
                    "không ghi đè. Chạy lại với --force để lưu bản sao rồi ghi đè"))
        to_write[rel] = data
    return to_write, unchanged, edited, problems


def _keep_previous(out_dir: Path, rels: list[str]) -> None:
    """Replace .docgen/truoc/ with the current versions of the files about to change."""
    state = out_dir / STATE_DIR
    staging = state / (PREVIOUS + TMP_SUFFIX)
    shutil.rmtree(staging, ignore_errors=True)
    for rel in rels:
        src = out_dir / rel
        if src.exists():
            dst = staging / rel
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, dst)
    final = state / PREVIOUS
    if staging.exists():
        shutil.rmtree(final, ignore_errors=True)
        os.replace(staging, final)


def _backup(out_dir: Path, rels: list[str]) -> None:
    stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    for rel in rels:
        dst = out_dir / STATE_DIR / BACKUPS / stamp / rel
        dst.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(out_dir / rel, dst)


def write_outputs(out_dir: Path, outputs: dict[str, bytes], *, force: bool = False) -> WriteResult:
    """Write `outputs` (relative path -> bytes) into `out_dir` safely; see module doc."""
    out_dir = Path(out_dir)
    for rel in outputs:  # leftovers of a build that was killed mid-write
        (out_dir / rel).with_name(Path(rel).name + TMP_SUFFIX).unlink(missing_ok=True)
    manifest = Manifest(out_dir)
    to_write, unchanged, edited, problems = plan_writes(out_dir, outputs, manifest, force)
    if problems:
        raise DocgenError(problems)
    result = WriteResult(unchanged=sorted(unchanged))
    if not to_write:
        return result
    if edited:
        _backup(out_dir, edited)
        result.backed_up = sorted(edited)
    _keep_previous(out_dir, sorted(to_write))
    digests = {rel: sha256(data) for rel, data in to_write.items()}
    for rel, digest in digests.items():          # accept old and new while replacing
        manifest.files.setdefault(rel, []).append(digest)
    manifest.save()
    for rel, data in sorted(to_write.items()):
        _atomic_write(out_dir / rel, data)
    for rel, digest in digests.items():
        manifest.files[rel] = [digest]
    for rel in unchanged:
        manifest.files[rel] = [sha256(outputs[rel])]
    manifest.save()
    result.written = sorted(to_write)
    return result
