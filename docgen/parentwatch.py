"""Helpers never outlive docgen: pool workers and LibreOffice exit when their parent dies.

- `die_with_parent(parent_pid)`, a pool initializer: on Linux the kernel sends SIGKILL to the
  worker when its parent dies (prctl PR_SET_PDEATHSIG, through ctypes); elsewhere, or if prctl
  is unavailable, a daemon thread checks every `POLL` seconds that the parent is still the same
  process and exits otherwise. Either way a worker whose parent is already gone exits at once.
- `guarded(cmd)`: the command line that runs `cmd` under this file as a watchdog (used for
  soffice, which is a shell script that starts oosplash and soffice.bin). The watchdog runs in
  the command's process group, waits for it, and kills the whole group when docgen dies
  (SIGTERM from PR_SET_PDEATHSIG, or the parent-pid check), then exits with its status.

This file imports nothing from docgen, so the watchdog starts with `python -I` in ~20 ms.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import signal
import subprocess
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


def guarded(cmd: list[str]) -> list[str]:
    """`cmd` run under the watchdog (start it with start_new_session=True)."""
    return [sys.executable, "-I", os.path.abspath(__file__), str(os.getpid()), *cmd]


def _watchdog(parent_pid: int, cmd: list[str]) -> int:
    def kill_group(*_args) -> None:
        os.killpg(os.getpgrp(), signal.SIGKILL)  # the command's processes, and this one

    signal.signal(signal.SIGTERM, kill_group)
    _pdeathsig(signal.SIGTERM)
    if os.getppid() != parent_pid:
        return 1
    proc = subprocess.Popen(cmd)
    while True:
        try:
            return proc.wait(timeout=POLL)
        except subprocess.TimeoutExpired:
            if os.getppid() != parent_pid:
                kill_group()


if __name__ == "__main__":
    sys.exit(_watchdog(int(sys.argv[1]), sys.argv[2:]))
