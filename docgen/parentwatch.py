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


def _watch(parent_pid: int, on_orphan) -> None:
    def loop() -> None:
        while os.getppid() == parent_pid:
            time.sleep(POLL)
        on_orphan()

    threading.Thread(target=loop, name="docgen-parent-watch", daemon=True).start()


def die_with_parent(parent_pid: int) -> None:
    """Make this (worker) process exit when `parent_pid`, its parent, dies."""
    if not _pdeathsig(signal.SIGKILL):
        _watch(parent_pid, lambda: os._exit(1))
    if os.getppid() != parent_pid:  # the parent died before prctl took effect
        os._exit(1)
