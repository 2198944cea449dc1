"""Safe outputs: atomic writes, a manifest of what docgen wrote, hand edits never lost.

The manifest (`<out>/.docgen/manifest.json`) records the sha256 of every file docgen wrote.
A file on disk whose hash is not in the manifest was changed by a person (or by another
program): the build stops before writing anything and names it, unless `force` is given, in
which case the file is first copied to `.docgen/sao-luu/<time>/`.

Writes are atomic (a temporary file with a unique name, then a rename): the documents of one
`write_outputs` are all written to temporary files before any is renamed into place, so a
write that fails (full disk, …) replaces nothing, and its temporary files are removed. They are
made durable by one sync() before the renames and one after (fsync per file where the system
has no sync()); the manifest and state files by an fsync each. The caller
holds the output folder's lock (`build/lock.py`) for the whole run, so temporary files left by
a killed run are stale and are removed at the start of the next write. While files are being replaced
the manifest accepts both the old and the new hash, so a build killed at any point leaves
every file either old or new, and the next build still recognises them as docgen's own.
The previous version of every file a build changed is kept in `.docgen/truoc/` for
`docgen diff`. A forced overwrite keeps the hand-edited file in `.docgen/sao-luu/<time>[-n]/`,
a new folder per run (never overwritten, even for two runs in the same second).

Symbolic links: the output folder itself may be a link (it is followed), but a link inside it
(a sub-folder, `.docgen` or an output file) is refused with `[io.symlink]`: docgen writes only
where the output folder really is. Every OSError is a `[io.*]` problem (docgen/oserrors.py).
"""

from __future__ import annotations

import datetime as _dt
import errno
import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import DocgenError, Problem
from ..oserrors import display, fs_error

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


_UMASK = os.umask(0o022)
os.umask(_UMASK)
FILE_MODE = 0o666 & ~_UMASK  # what open() would give; mkstemp gives 0600


def _write_fd(fd: int, data: bytes) -> None:
    """Write all of `data` to `fd` (the one write call; tests inject faults here)."""
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def _write_temp(path: Path, data: bytes, durable: bool) -> str:
    """`data` in a new uniquely named temporary file next to `path` (fsynced if `durable`);
    a failed write removes it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=TMP_SUFFIX)
    try:
        try:
            if hasattr(os, "fchmod"):
                os.fchmod(fd, FILE_MODE)
            _write_fd(fd, data)
            if durable:
                os.fsync(fd)
        finally:
            os.close(fd)
    except BaseException as exc:
        _unlink(tmp)
        if isinstance(exc, OSError) and not exc.filename:
            exc.filename = str(path)  # os.write names no file; the message must
        raise
    return tmp


def _unlink(tmp: str) -> None:
    try:
        os.unlink(tmp)
    except OSError:
        pass


def atomic_write(path: Path, data: bytes, *, if_changed: bool = False) -> bool:
    """Write `data` to `path` through a uniquely named temporary file; False if skipped."""
    if if_changed:
        try:
            if path.read_bytes() == data:
                return False
        except OSError:
            pass
    tmp = _write_temp(path, data, durable=True)
    try:
        os.replace(tmp, path)
    except BaseException:
        _unlink(tmp)
        raise
    return True


_SYNC = getattr(os, "sync", None)   # POSIX: flush every file system, wait for it (Linux)


def replace_all(files: dict[Path, bytes]) -> None:
    """Write several files atomically as one batch: every file goes to its temporary file
    first, and only when all are written are they renamed into place (a failed write,
    a full disk say, replaces nothing and leaves no temporary file). Where the system has
    sync(), one sync before the renames and one after make the data and the renames
    durable, instead of one fsync per file (an fsync costs a disk flush, ~5 ms here:
    seconds for a province's 2,000 documents); elsewhere each temporary file is fsynced."""
    temps: list[tuple[str, Path]] = []
    done = 0
    try:
        for path, data in files.items():
            temps.append((_write_temp(path, data, durable=_SYNC is None), path))
        if _SYNC is not None and temps:
            _SYNC()
        for tmp, path in temps:
            os.replace(tmp, path)
            done += 1
    except BaseException:
        for tmp, _ in temps[done:]:
            _unlink(tmp)
        raise
    if _SYNC is not None and temps:
        _SYNC()


_atomic_write = atomic_write  # the batch's name for it


def clean_stale(folders) -> None:
    """Remove temporary files and folders of killed runs (the caller holds the lock)."""
    for folder in folders:
        try:
            stale = [p for p in Path(folder).iterdir() if p.name.endswith(TMP_SUFFIX)]
        except (FileNotFoundError, NotADirectoryError):
            continue
        for p in stale:
            try:
                if p.is_dir() and not p.is_symlink():
                    shutil.rmtree(p, ignore_errors=True)
                else:
                    p.unlink(missing_ok=True)
            except OSError:
                pass  # a read-only disk: a leftover is harmless, the build must still succeed


class Manifest:
    """Hashes of what docgen wrote, per relative path (a list: old and new mid-write)."""

    def __init__(self, out_dir: Path):
        self.path = out_dir / STATE_DIR / MANIFEST
        self.files: dict[str, list[str]] = {}
        self.extra: dict = {}
        try:
            text = self.path.read_text("utf-8")
        except (FileNotFoundError, NotADirectoryError):
            return
        except UnicodeDecodeError:
            raise self._bad("không phải văn bản UTF-8") from None
        try:
            data = json.loads(text)
        except ValueError as exc:
            raise self._bad(f"không phải JSON hợp lệ ({exc.msg}, dòng {exc.lineno})") from None
        files = data.get("files") if isinstance(data, dict) else None
        if not isinstance(files, dict) or not all(
                isinstance(v, list) and all(isinstance(h, str) for h in v) for v in files.values()):
            raise self._bad('không đúng dạng (cần {"files": {"tệp": ["sha256", …]}})')
        self.files = {str(k): list(v) for k, v in files.items()}
        self.extra = {k: v for k, v in data.items() if k != "files"}

    def _bad(self, why: str) -> DocgenError:
        return DocgenError(Problem(
            display(self.path), None, "build.bad-manifest",
            f"sổ ghi các tệp docgen đã tạo bị hỏng: {why}. Không dựng để khỏi ghi đè tệp sửa tay; "
            "xóa tệp này rồi dựng lại (tệp nào khác bản dựng sẽ được báo là sửa tay)"))

    def accepts(self, rel: str, digest: str) -> bool:
        return digest in self.files.get(rel, [])

    def save(self) -> None:
        data = {**self.extra, "files": {k: sorted(set(v)) for k, v in sorted(self.files.items())}}
        atomic_write(self.path, json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"),
                     if_changed=True)


def _display(path: Path) -> str:
    return display(path)


def symlink_problem(out_dir: Path, rel: str) -> Problem | None:
    """A symbolic link between `out_dir` and the output `rel` (included) is refused."""
    p = out_dir
    for part in Path(rel).parts:
        p = p / part
        if p.is_symlink():
            return Problem(display(p), None, "io.symlink",
                           "là liên kết tượng trưng (symlink); docgen không ghi qua liên kết bên "
                           "trong thư mục kết quả (chỉ chính thư mục --out được là liên kết)")
    return None


def _way_back(target: Path, rel: str) -> str:
    """A core document edited in Word can go back into the content (docgen nhap, suatay/)."""
    from ..doctypes import CORE, kind_of

    kind = kind_of(rel)
    if kind is None or kind.muc_tieu != CORE:
        return ""
    return f", hoặc chạy: docgen nhap {_display(target)} để đưa sửa đổi vào nội dung"


def plan_writes(out_dir: Path, outputs: dict[str, bytes], manifest: Manifest, force: bool,
                digests: dict[str, str] | None = None):
    """Sort outputs into unchanged / to write / hand-edited (problems unless force);
    `digests`: the outputs' sha256 where already known."""
    to_write, unchanged, edited, problems = {}, [], [], []
    for rel, data in outputs.items():
        target = out_dir / rel
        link = symlink_problem(out_dir, rel)
        if link:
            problems.append(link)
            continue
        if not target.exists():
            to_write[rel] = data
            continue
        current = sha256(target.read_bytes())
        if current == ((digests or {}).get(rel) or sha256(data)):
            unchanged.append(rel)
            continue
        if not manifest.accepts(rel, current):
            edited.append(rel)
            if not force:
                problems.append(Problem(
                    _display(target), None, "build.edited-by-hand",
                    "tệp đã được sửa tay sau lần dựng trước (hoặc không do docgen tạo); "
                    "không ghi đè. Chạy lại với --force để lưu bản sao rồi ghi đè" + _way_back(target, rel)))
        to_write[rel] = data
    return to_write, unchanged, edited, problems


_RUN: dict[Path, bool] = {}  # output folders of the current one_run() -> truoc/ started


@contextmanager
def one_run(out_dir: Path) -> Iterator[None]:
    """Several write_outputs calls of one run (`docgen build` of every target) share one
    .docgen/truoc/: the first replaces it, the later ones add to it."""
    _RUN[Path(out_dir)] = False
    try:
        yield
    finally:
        _RUN.pop(Path(out_dir), None)


def _keep_previous(out_dir: Path, rels: list[str]) -> None:
    """Replace .docgen/truoc/ with the current versions of the files about to change."""
    state = out_dir / STATE_DIR
    state.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=state, prefix=f".{PREVIOUS}.", suffix=TMP_SUFFIX))
    try:
        copied = False
        if _RUN.get(out_dir) and (state / PREVIOUS).is_dir():  # a later write of the same run
            shutil.copytree(state / PREVIOUS, staging, dirs_exist_ok=True)
            copied = True
        for rel in rels:
            src = out_dir / rel
            if src.exists():
                dst = staging / rel
                dst.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(src, dst)
                copied = True
        if not copied:  # nothing existed before: the previous build's versions stay
            shutil.rmtree(staging)
            return
        final = state / PREVIOUS
        old = state / f".{PREVIOUS}.old{os.getpid()}{TMP_SUFFIX}"
        if final.exists():
            os.replace(final, old)
        os.replace(staging, final)
        shutil.rmtree(old, ignore_errors=True)
        if out_dir in _RUN:
            _RUN[out_dir] = True
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _backup_folder(out_dir: Path) -> Path:
    """A new folder under sao-luu/, named by the time; "-2", "-3", … when it exists already."""
    root = out_dir / STATE_DIR / BACKUPS
    root.mkdir(parents=True, exist_ok=True)
    stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    for n in range(1, 10_000):
        folder = root / (stamp if n == 1 else f"{stamp}-{n}")
        try:
            folder.mkdir()
            return folder
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "too many backups in one second", str(root))


def _backup(out_dir: Path, rels: list[str]) -> Path:
    folder = _backup_folder(out_dir)
    for rel in rels:
        dst = folder / rel
        dst.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(out_dir / rel, dst)
    return folder


def write_outputs(out_dir: Path, outputs: dict[str, bytes], *, force: bool = False,
                  digests: dict[str, str] | None = None) -> WriteResult:
    """Write `outputs` (relative path -> bytes) into `out_dir` safely; see module doc.
    `digests` (relative path -> sha256 of its bytes, computed where they were made, the
    batch's workers) spares hashing them again.

    The caller holds `output_lock(out_dir)`. Every OSError becomes an `[io.*]` DocgenError.
    """
    out_dir = Path(out_dir)
    try:
        return _write_outputs(out_dir, outputs, force, digests or {})
    except OSError as exc:
        raise fs_error(exc) from None


def _write_outputs(out_dir: Path, outputs: dict[str, bytes], force: bool, known: dict[str, str]) -> WriteResult:
    folders = {out_dir / STATE_DIR} | {(out_dir / rel).parent for rel in outputs}
    clean_stale(sorted(folders))  # leftovers of a killed run: we hold the lock, so they are stale
    manifest = Manifest(out_dir)
    to_write, unchanged, edited, problems = plan_writes(out_dir, outputs, manifest, force, known)
    if problems:
        raise DocgenError(problems)
    result = WriteResult(unchanged=sorted(unchanged))
    if not to_write:
        return result
    if edited:
        _backup(out_dir, edited)
        result.backed_up = sorted(edited)
    _keep_previous(out_dir, sorted(to_write))
    digests = {rel: known.get(rel) or sha256(data) for rel, data in to_write.items()}
    for rel, digest in digests.items():          # accept old and new while replacing
        manifest.files.setdefault(rel, []).append(digest)
    manifest.save()
    replace_all({out_dir / rel: data for rel, data in sorted(to_write.items())})
    for rel, digest in digests.items():
        manifest.files[rel] = [digest]
    for rel in unchanged:
        manifest.files[rel] = [known.get(rel) or sha256(outputs[rel])]
    manifest.save()
    result.written = sorted(to_write)
    return result
