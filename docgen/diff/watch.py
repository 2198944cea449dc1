"""Rebuild when a content file or a template is saved: polling, no extra dependency.

Every `interval` seconds the watched folders are scanned (path -> (mtime_ns, size)). A change
starts a quiet period: the rebuild runs once nothing has changed for `debounce` seconds, so an
editor that writes a file in several steps triggers one build. Polling 0.5 s over a few dozen
files costs well under a millisecond per scan and works on every file system (network shares,
Docker bind mounts) where inotify does not.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from pathlib import Path

Snapshot = dict[str, tuple[int, int]]
IGNORED_SUFFIXES = (".swp", ".swx", ".tmp", "~")


def snapshot(roots: Iterable[Path]) -> Snapshot:
    """Modification time and size of every file under the roots (editor temp files skipped)."""
    snap: Snapshot = {}
    for root in roots:
        for p in root.rglob("*"):
            name = p.name
            if name.startswith((".#", "~$")) or name.endswith(IGNORED_SUFFIXES):
                continue
            try:
                st = p.stat()
            except OSError:  # deleted between listing and stat
                continue
            if p.is_file():
                snap[str(p)] = (st.st_mtime_ns, st.st_size)
    return snap


def changed_paths(before: Snapshot, after: Snapshot) -> list[str]:
    return sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))


def watch(roots: list[Path], rebuild: Callable[[list[str]], None], *, interval: float = 0.5,
          debounce: float = 0.3, max_builds: int | None = None,
          sleep: Callable[[float], None] = time.sleep) -> int:
    """Call `rebuild(changed_paths)` after each settled change; return the number of builds.

    Runs until interrupted, or until `max_builds` builds (for tests).
    """
    current = snapshot(roots)
    pending: list[str] = []
    last_change = 0.0
    builds = 0
    while max_builds is None or builds < max_builds:
        sleep(interval)
        now_snap = snapshot(roots)
        changed = changed_paths(current, now_snap)
        current = now_snap
        if changed:
            pending = sorted(set(pending) | set(changed))
            last_change = time.monotonic()
            continue
        if pending and time.monotonic() - last_change >= debounce:
            rebuild(pending)
            builds += 1
            pending = []
            current = snapshot(roots)  # the build may touch watched files (it should not)
    return builds
