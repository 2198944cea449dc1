"""One build per output folder at a time: an exclusive lock on `<out>/.docgen/lock`.

Every command that writes into an output folder (build, ke-hoach-con, xa-phuong, and watch
through build) holds the lock for its whole run, from before it reads the manifest until the
last file is written. A second run waits up to `wait` seconds (default `DEFAULT_WAIT`, or
$DOCGEN_LOCK_WAIT) and then stops with `[build.locked]`, naming the process that holds it.

Why fcntl/msvcrt directly rather than the `filelock` library: the lock file must never be
truncated or deleted (the holder's pid is in it, for the message), and on a read-only file
system, where the lock file cannot be created, an up-to-date build must still succeed: no
other process can write there either, so the run goes on unlocked and any write it attempts
fails with `[io.read-only]`. Both need the open() in our hands; the rest is ten lines.
The kernel releases the lock when the process dies, so a killed build never leaves it held.
"""

from __future__ import annotations

import errno
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import DocgenError, Problem
from ..oserrors import display, fs_error

LOCK_FILE = "lock"
DEFAULT_WAIT = 30.0
_POLL = 0.05

try:
    import fcntl  # POSIX; on Windows msvcrt below
except ImportError:
    fcntl = None

if os.name == "nt":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        os.lseek(fd, 1 << 30, os.SEEK_SET)  # lock a byte far past the pid, which stays readable
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False

    def _unlock(fd: int) -> None:
        os.lseek(fd, 1 << 30, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
elif fcntl is not None:
    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            return False

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
else:  # neither (an exotic platform): runs are not serialised
    def _try_lock(fd: int) -> bool:
        return True

    def _unlock(fd: int) -> None:
        pass


def _holder(fd: int) -> str:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        pid = os.read(fd, 32).split(b"\n")[0].decode("ascii").strip()
        return f" (tiến trình {pid})" if pid.isdigit() else ""
    except (OSError, UnicodeDecodeError):
        return ""


def _create(state: Path) -> int:
    state.mkdir(parents=True, exist_ok=True)
    return os.open(state / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o644)


def _open(out_dir: Path) -> int | None:
    """The lock file's descriptor; None on a read-only file system."""
    state = out_dir / ".docgen"
    if out_dir.exists() and not out_dir.is_dir():
        raise DocgenError(Problem(display(out_dir), None, "io.not-a-folder",
                                  "thư mục kết quả (--out) là một tệp, không phải thư mục"))
    if state.is_symlink():
        raise DocgenError(Problem(display(state), None, "io.symlink",
                                  "thư mục trạng thái .docgen là liên kết tượng trưng (symlink); "
                                  "docgen không ghi qua liên kết bên trong thư mục kết quả"))
    try:
        return _create(state)
    except OSError as exc:
        if exc.errno == errno.EROFS:
            return None
        raise fs_error(exc) from None


def _acquire(out_dir: Path, wait: float) -> int | None:
    """Open and lock; retry when the file was removed meanwhile (a failed first run cleans up)."""
    deadline, told = time.monotonic() + wait, False
    while True:
        fd = _open(out_dir)
        if fd is None:
            return None
        while not _try_lock(fd):
            if time.monotonic() >= deadline:
                holder = _holder(fd)
                os.close(fd)
                secs = f"{wait:g}".replace(".", ",")
                raise DocgenError(Problem(
                    display(out_dir), None, "build.locked",
                    f"một lần dựng khác{holder} đang ghi vào thư mục này; đã chờ {secs} giây. "
                    "Chạy lại khi lần dựng đó xong"))
            if not told and wait >= 1:
                sys.stderr.write(f"Đang chờ lần dựng khác{_holder(fd)} ghi xong vào {display(out_dir)}…\n")
                told = True
            time.sleep(_POLL)
        try:
            same = os.stat(out_dir / ".docgen" / LOCK_FILE).st_ino == os.fstat(fd).st_ino
        except OSError:
            same = False
        if same:
            return fd
        os.close(fd)


def _remove_if_only_lock(out_dir: Path) -> None:
    """A run that created the output folder and wrote nothing leaves no folder behind."""
    state = out_dir / ".docgen"
    try:
        if [p.name for p in out_dir.iterdir()] == [".docgen"] and \
                [p.name for p in state.iterdir()] == [LOCK_FILE]:
            (state / LOCK_FILE).unlink()
            state.rmdir()
            out_dir.rmdir()
    except OSError:
        pass


@contextmanager
def output_lock(out_dir: str | os.PathLike, wait: float | None = None) -> Iterator[None]:
    """Hold the output folder's lock for the duration of the `with` block."""
    out_dir = Path(out_dir)
    if wait is None:
        wait = float(os.environ.get("DOCGEN_LOCK_WAIT", DEFAULT_WAIT))
    created = not out_dir.exists()
    fd = _acquire(out_dir, wait)
    if fd is None:
        yield
        return
    try:
        try:
            os.ftruncate(fd, 0)
            os.lseek(fd, 0, os.SEEK_SET)
            os.write(fd, f"{os.getpid()}\n".encode("ascii"))
        except OSError:
            pass  # the pid is only for the message
        try:
            yield
        finally:
            if created:  # still locked: nobody else can be writing here
                _remove_if_only_lock(out_dir)
            _unlock(fd)
    finally:
        os.close(fd)


@contextmanager
def locked_run(out_dir: str | os.PathLike) -> Iterator[None]:
    """Hold the output folder's lock; an OSError inside becomes an `[io.*]` problem."""
    with output_lock(out_dir):
        try:
            yield
        except OSError as exc:
            raise fs_error(exc) from None
