"""DOCX -> PDF on a pool of LibreOffice workers, in batches, with a timeout and a retry.

Why this shape (measured, see the platform notes): one `soffice --convert-to` call
costs about 1 s to start and about 0.1 s per document once started, so documents go in batches
(`soffice … --convert-to pdf --outdir D f1.docx f2.docx …`). Two LibreOffice processes sharing
one user profile fail, so each worker owns a profile, locked (flock, or msvcrt on Windows: the
lock of docgen/pipeline/lock.py) so that two docgen runs on one machine never share one; profiles
are kept under the temp dir between runs (a warm profile starts faster) and deleted after a
process had to be killed.

Inputs are copied into a batch folder under numbered names, so that two documents with the
same name (every commune has a ke-hoach.docx) never collide in the output folder (a copy,
not a symlink, which needs a privilege on Windows: about 0.2 ms per document against 0.1 s
for soffice to convert it, benchmarks/bench_copy_inputs.py). A batch that
fails or times out is split in two and retried (down to single files, which get one retry),
which isolates a bad file. On timeout soffice's whole process tree is killed (soffice is a shell
script that starts oosplash and soffice.bin; soffice.exe starts soffice.bin): the process
group on POSIX, `taskkill /T` on Windows (docgen/preview/procs.py holds every platform
difference). soffice runs under a watchdog (`_WATCHDOG`) that leads that group and kills the
tree when docgen dies, so a killed docgen never leaves LibreOffice running. Each PDF is copied next to its destination and
renamed into place, so a destination is either a complete PDF or absent.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
import threading
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path, PurePath

from docgen.errors import DocgenError, Problem
from docgen.pipeline.lock import _try_lock, _unlock  # the output-folder lock: flock or msvcrt
from docgen.preview import procs

DEFAULT_TIMEOUT = 120.0   # seconds per batch
DEFAULT_BATCH = 20        # documents per soffice call
_UMASK = os.umask(0o022)
os.umask(_UMASK)
FILE_MODE = 0o666 & ~_UMASK  # what open() would give; mkstemp gives 0600


# soffice runs under this watchdog (`python -I -c`, ~30 ms): it leads soffice's process group (a
# new session on POSIX, a new process group on Windows), waits for it, and kills soffice's whole
# tree when docgen dies (SIGTERM from PR_SET_PDEATHSIG on Linux, or docgen.parentwatch's check
# every 0.5 s elsewhere); it exits with soffice's status. argv: docgen's folder, parent pid, cmd.
_WATCHDOG = textwrap.dedent("""
    import os, signal, subprocess, sys
    sys.path.insert(0, sys.argv[1])
    from docgen.parentwatch import _pdeathsig, _watch
    from docgen.preview.procs import kill_tree, windows
    parent, proc = int(sys.argv[2]), None

    def kill(*_):
        if windows():  # soffice's tree (taskkill must not be asked to kill its own parent)
            if proc is not None:
                kill_tree(proc.pid)
            os._exit(1)
        kill_tree(os.getpgrp())  # the whole group, this watchdog included

    if not windows():
        signal.signal(signal.SIGTERM, kill)
        _pdeathsig(signal.SIGTERM)
    if os.getppid() != parent:
        sys.exit(1)
    proc = subprocess.Popen(sys.argv[3:])
    _watch(parent, kill)
    sys.exit(proc.wait())
""")
_ROOT = str(Path(__file__).resolve().parents[2])  # the folder that holds the docgen package


def _guarded(cmd: list[str]) -> list[str]:
    return [sys.executable, "-I", "-c", _WATCHDOG, _ROOT, str(os.getpid()), *cmd]


@dataclass(frozen=True)
class Job:
    """Convert `src` (a DOCX) into the PDF `dest`."""

    src: Path
    dest: Path


@dataclass
class Result:
    converted: list[Job] = field(default_factory=list)
    failed: list[tuple[Job, str]] = field(default_factory=list)  # (job, Vietnamese reason)


def find_soffice(explicit: str | None = None) -> str:
    """The soffice executable: `explicit`, $DOCGEN_SOFFICE, then soffice/libreoffice on PATH
    (on Windows: soffice.exe on PATH, then LibreOffice under the Program Files folders)."""
    found = procs.find_executable([explicit, os.environ.get("DOCGEN_SOFFICE"),
                                   *procs.soffice_candidates()])
    if found:
        return found
    raise DocgenError(Problem("soffice", None, "preview.no-libreoffice",
                              f"không tìm thấy LibreOffice (lệnh soffice); {procs.install_hint()}"))


class _Profiles:
    """Profile folders, one per worker, each held with an exclusive lock while in use (the
    output-folder lock's flock / msvcrt.locking; the kernel drops it when docgen dies)."""

    def __init__(self, count: int):
        self.base = Path(tempfile.gettempdir()) / f"docgen-libreoffice-{procs.user_tag()}"
        self.base.mkdir(mode=0o700, exist_ok=True)
        self._locks: list[int] = []
        self.free: list[Path] = []
        k = 0
        while len(self.free) < count:
            fd = os.open(self.base / f"profile-{k}.lock", os.O_RDWR | os.O_CREAT, 0o600)
            if _try_lock(fd):
                self._locks.append(fd)
                self.free.append(self.base / f"profile-{k}")
            else:  # another docgen run uses this profile
                os.close(fd)
            k += 1
        self._mutex = threading.Lock()

    def take(self) -> Path:
        with self._mutex:
            return self.free.pop()

    def give(self, profile: Path) -> None:
        with self._mutex:
            self.free.append(profile)

    def close(self) -> None:
        for fd in self._locks:
            _unlock(fd)
            os.close(fd)


def _is_pdf(path: Path) -> bool:
    try:
        with open(path, "rb") as f:
            head = f.read(5)
            f.seek(max(0, path.stat().st_size - 1024))
            tail = f.read()
    except OSError:
        return False
    return head == b"%PDF-" and b"%%EOF" in tail


def _is_output(path: Path, fmt: str) -> bool:
    """A complete output of LibreOffice: a PDF with its end, a DOCX zip, or any other
    non-empty file (e.g. a Word 97–2003 .doc)."""
    if fmt == "pdf":
        return _is_pdf(path)
    try:
        with open(path, "rb") as f:
            head = f.read(2)
    except OSError:
        return False
    return head == b"PK" if fmt == "docx" else bool(head)


def _place(pdf: Path, dest: Path) -> None:
    """Copy `pdf` next to `dest` under a temp name, then rename it into place (atomic)."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=dest.parent, prefix=f".{dest.name}.", suffix=".tmp")
    os.close(fd)
    try:
        shutil.copyfile(pdf, tmp)
        os.chmod(tmp, FILE_MODE)
        os.replace(tmp, dest)
    except BaseException:
        os.unlink(tmp)
        raise


def soffice_argv(exe: str, profile: PurePath, fmt: str, outdir: PurePath,
                 names: list[str]) -> list[str]:
    """One soffice call; the profile as a file URI (file:///C:/… on Windows)."""
    return [exe, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
            "--nologo", "--nodefault", "--nolockcheck", "--convert-to", fmt,
            "--outdir", str(outdir), *names]


class _Runner:
    """Runs soffice calls; `abort()` kills the running ones and stops any PDF being placed."""

    def __init__(self, exe: str, timeout: float, profiles: _Profiles, fmt: str = "pdf"):
        self.exe, self.timeout, self.profiles, self.fmt = exe, timeout, profiles, fmt
        self.cancelled = threading.Event()
        self._procs: set[subprocess.Popen] = set()
        self._lock = threading.Lock()

    def abort(self) -> None:
        with self._lock:
            self.cancelled.set()
            for proc in self._procs:
                _kill_group(proc, wait=False)

    def run(self, batch: list[Job]) -> tuple[list[Job], list[Job], str | None]:
        """One soffice call on a free profile: (converted, failed, reason for the failed)."""
        profile = self.profiles.take()
        try:
            # (Windows may refuse to delete a file a just-killed soffice still holds open)
            with tempfile.TemporaryDirectory(prefix="docgen-pdf-", ignore_cleanup_errors=True) as tmp:
                return self._run_in(Path(tmp), profile, batch)
        finally:
            self.profiles.give(profile)

    def _run_in(self, tmp: Path, profile: Path, batch: list[Job]):
        tmp_in, tmp_out = tmp / "in", tmp / "out"
        tmp_in.mkdir()
        names = []
        for k, job in enumerate(batch):
            name = f"{k:04d}{job.src.suffix.lower() or '.docx'}"
            shutil.copyfile(job.src, tmp_in / name)  # portable (a symlink needs a privilege on Windows)
            names.append(str(tmp_in / name))
        cmd = soffice_argv(self.exe, profile, self.fmt, tmp_out, names)
        with self._lock:
            if self.cancelled.is_set():
                return [], batch, "đã dừng"
            proc = subprocess.Popen(_guarded(cmd), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                    stderr=subprocess.DEVNULL, **procs.popen_options())
            self._procs.add(proc)
        reason = None
        try:
            proc.wait(timeout=self.timeout)
        except subprocess.TimeoutExpired:
            _kill_group(proc)
            shutil.rmtree(profile, ignore_errors=True)  # a killed profile may be left locked
            reason = f"LibreOffice không phản hồi sau {self.timeout:g} giây".replace(".", ",")
        finally:
            with self._lock:
                self._procs.discard(proc)
        done, failed = [], []
        for k, job in enumerate(batch):
            with self._lock:
                made = tmp_out / f"{k:04d}.{self.fmt}"
                ok = not self.cancelled.is_set() and _is_output(made, self.fmt)
                if ok:
                    _place(made, job.dest)
            (done if ok else failed).append(job)
        if failed and reason is None:
            what = self.fmt.upper()
            reason = (f"LibreOffice không tạo được {what} (mã thoát {proc.returncode})"
                      if proc.returncode else f"LibreOffice không tạo được {what}")
        return done, failed, reason


def _kill_group(proc: subprocess.Popen, wait: bool = True) -> None:
    """Kill the watchdog and soffice's whole tree (process group / taskkill /T)."""
    procs.kill_tree(proc.pid)
    if wait:
        proc.wait()


def _batches(jobs: list[Job], workers: int, batch_size: int) -> list[list[Job]]:
    """Split jobs into at least `workers` batches of at most `batch_size`, sizes balanced."""
    n = max(min(workers, len(jobs)), -(-len(jobs) // batch_size))
    return [jobs[i::n] for i in range(n) if jobs[i::n]]


def convert(jobs: list[Job], *, workers: int | None = None, timeout: float = DEFAULT_TIMEOUT,
            batch_size: int = DEFAULT_BATCH, soffice: str | None = None,
            progress: Callable[[int], None] | None = None, fmt: str = "pdf") -> Result:
    """Convert every job; failures are returned, not raised, except a LibreOffice that hangs.

    `fmt` is LibreOffice's target ("pdf", or "docx" to read a Word 97–2003 file).
    `progress(n)` is called (in the calling thread) as n more documents are done or given up.

    Raises DocgenError (preview.no-libreoffice) when soffice is missing, and (preview.hung)
    when two calls time out before any document was converted.
    """
    exe = find_soffice(soffice)
    result = Result()
    if not jobs:
        return result
    workers = max(1, min(workers or os.cpu_count() or 1, len(jobs)))
    profiles = _Profiles(workers)
    runner = _Runner(exe, timeout, profiles, fmt)
    try:
        with ThreadPoolExecutor(workers) as pool:
            try:
                _schedule(pool, runner, _batches(jobs, workers, batch_size), result,
                          progress or (lambda n: None))
            except BaseException:
                runner.abort()
                raise
    finally:
        profiles.close()
    order = {j: i for i, j in enumerate(jobs)}
    result.converted.sort(key=order.__getitem__)
    result.failed.sort(key=lambda x: order[x[0]])
    return result


def _schedule(pool: ThreadPoolExecutor, runner: _Runner, batches: list[list[Job]],
              result: Result, progress: Callable[[int], None]) -> None:
    """Run the batches; split and retry failed ones; raise preview.hung on a hanging soffice."""
    running: dict[Future, bool] = {pool.submit(runner.run, b): False for b in batches}
    timeouts = 0
    while running:
        finished, _ = wait(running, return_when=FIRST_COMPLETED)
        for fut in finished:
            retried = running.pop(fut)
            done, failed, reason = fut.result()
            result.converted += done
            progress(len(done))
            if not failed:
                continue
            timeouts += "không phản hồi" in (reason or "")
            if timeouts >= 2 and not result.converted:
                raise DocgenError(Problem(runner.exe, None, "preview.hung",
                                          f"{reason}, kể cả khi thử lại; đã dừng, "
                                          "không ghi tệp PDF nào"))
            if len(failed) > 1:
                half = len(failed) // 2
                for part in (failed[:half], failed[half:]):
                    running[pool.submit(runner.run, part)] = True
            elif not retried:
                running[pool.submit(runner.run, failed)] = True
            else:
                result.failed.append((failed[0], reason or "lỗi không rõ"))
                progress(1)
