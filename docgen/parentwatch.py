"""Pool workers never outlive docgen: `die_with_parent(parent_pid)`, a pool initializer.

On Linux the kernel sends SIGKILL to the worker when its parent dies (prctl PR_SET_PDEATHSIG,
through ctypes); elsewhere, or if prctl is unavailable, a daemon thread checks every `POLL`
seconds that the parent is still the same process and exits otherwise. Either way a worker
whose parent is already gone exits at once. (LibreOffice, started by the preview pool, has its
own watchdog: docgen/preview/pool.py.)
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import signal
import sys
import threading
import time

PR_SET_PDEATHSIG = 1
POLL = 0.5


def _pdeathsig(sig: int) -> bool:
    """Ask the kernel for `sig` when the parent dies; False where that is not possible."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        return libc.prctl(PR_SET_PDEATHSIG, int(sig), 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _alive(parent_pid: int):
    """A check that the parent still runs. On Windows a process keeps its parent's pid after
    the parent died, so there a handle on the parent is waited on instead of getppid()."""
    if os.name == "nt":  # pragma: no cover - exercised on Windows only
        kernel32 = ctypes.WinDLL("kernel32", use_errno=True)
        handle = kernel32.OpenProcess(0x00100000, False, parent_pid)  # SYNCHRONIZE
        if handle:
            return lambda: kernel32.WaitForSingleObject(handle, 0) != 0  # 0: it has exited
    return lambda: os.getppid() == parent_pid


def _watch(parent_pid: int, on_orphan) -> None:
    alive = _alive(parent_pid)

    def loop() -> None:
        while alive():
            time.sleep(POLL)
        on_orphan()

    threading.Thread(target=loop, name="docgen-parent-watch", daemon=True).start()


def die_with_parent(parent_pid: int) -> None:
    """Make this (worker) process exit when `parent_pid`, its parent, dies."""
    if not _pdeathsig(signal.SIGKILL):
        _watch(parent_pid, lambda: os._exit(1))
    if os.getppid() != parent_pid:  # the parent died before prctl took effect
        os._exit(1)
