"""What shapes a document, as digests: per-document change detection (issue #10 item 2).

A document's inputs are named by keys: `content/<file>` (a project file), `mau/<name>` (a
template), `khung/<name>` (a skeleton, the project's own or the shipped one), taken from its
registry entry (docgen/doctypes.py: `doc`, `mau`, `khung`) plus the one file of a folder entry
that is its own (`ke-hoach-con/kiem-tra.yaml` for the inspection plan, `xa-phuong/<xa>.yaml`
for a commune). Its digest is those files' sha256 with the state version, the check setting
and docgen's own source (every module the runner reaches by imports, pipeline/sources.py).
Each file is read once per run.
"""

from __future__ import annotations

import hashlib
import stat
from pathlib import Path

from .. import __version__
from ..content.khung import khung_files, khung_path
from ..doctypes import DocType
from ..model.khung import KHUNG
from .sources import source_files
from .state import path as state_path
from .writer import STATE_DIR, sha256, symlink_problem

VERSION = 3
ROOTS = ("docgen.pipeline.runner",)  # the modules whose imports reach every source that shapes outputs
SOURCES_FILE = "nguon.json"           # which source files those are (cached, pipeline/sources.py)

_CODE: dict[tuple, str] = {}


def file_digest(path: Path | None) -> str:
    """sha256 of a file; "-" when absent; "!" for a FIFO, device or folder (never read: the
    loader reports it, and a run that fails keeps no state)."""
    if path is None:
        return "-"
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            return "!"
        return sha256(path.read_bytes())
    except (FileNotFoundError, NotADirectoryError):
        return "-"


def sources_cache(out_dir: Path) -> Path | None:
    rel = f"{STATE_DIR}/{SOURCES_FILE}"  # never written through a link inside the output folder
    return None if symlink_problem(out_dir, rel) else out_dir / rel


def code_digest(cache: Path | None = None) -> str:
    """docgen's version and every source file that shapes a document (not cli/, diff/, preview/)."""
    files = source_files(ROOTS, cache)
    key = tuple((str(p), p.stat().st_mtime_ns) for p in files)
    if key not in _CODE:
        h = hashlib.sha256(__version__.encode())
        root = Path(__file__).resolve().parents[1]
        for path in files:
            h.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes())
        _CODE.clear()
        _CODE[key] = h.hexdigest()
    return _CODE[key]


class Inputs:
    """The files of one run (content folder, templates folder) and their digests, read once."""

    def __init__(self, content: Path, templates: Path, *, check: bool, out_dir: Path):
        self.content, self.templates = Path(content), Path(templates)
        # a first run caches nothing: a failed first build leaves no .docgen/ behind
        fresh = not state_path(Path(out_dir)).is_file()
        cache = None if fresh else sources_cache(Path(out_dir))
        self.base = f"v{VERSION}|check={check}|{code_digest(cache)}"
        self._seen: dict[str, str] = {}

    def path(self, key: str) -> Path:
        kind, _, name = key.partition("/")
        if kind == "content":
            return self.content / name
        if kind == "mau":
            return self.templates / f"{name}.docx"
        return khung_path(self.content, name)

    def file(self, key: str) -> str:
        if key not in self._seen:
            kind, _, name = key.partition("/")
            # a skeleton: every file that may word it (the project's own, or each shipped variant
            # by level and period: content.khung.bien_the), the level being known only after loading
            self._seen[key] = ("+".join(file_digest(p) for p in khung_files(self.content, name)) if kind == "khung"
                               else file_digest(self.path(key)))
        return self._seen[key]

    def digest(self, keys) -> str:
        h = hashlib.sha256(self.base.encode())
        for key in keys:
            h.update(f"|{key}:{self.file(key)}".encode())
        return h.hexdigest()

    def folder_digest(self, skip: tuple[str, ...] = ()) -> str:
        """Every content file (but those under `skip` folders), template and skeleton: when this is
        unchanged, no document can have changed, and the project need not be loaded."""
        names = [p.relative_to(self.content).as_posix() for p in sorted(self.content.rglob("*"))
                 if p.is_file() and p.relative_to(self.content).parts[0] not in skip]
        keys = [f"content/{n}" for n in names] + [f"mau/{p.stem}" for p in sorted(self.templates.glob("*.docx"))]
        return self.digest(keys + [f"khung/{n}" for n in KHUNG])


def keys_of(doctype: DocType, own: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The inputs of a document of `doctype`: its registry files, `own` files of its folder
    entries (content-relative), its templates and its skeletons."""
    files = [f for f in doctype.doc if not f.endswith("/")] + list(own)
    return (*(f"content/{f}" for f in files), *(f"mau/{m}" for m in doctype.mau),
            *(f"khung/{k}" for k in doctype.khung))
