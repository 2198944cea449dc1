"""Rebuild when a content file or a template is saved: the operating system's file events.

watchfiles (Rust `notify`: inotify on Linux, ReadDirectoryChangesW on Windows, FSEvents on
macOS) wakes us when a file changes, instead of scanning the folders every half second. Changes
are grouped: the rebuild runs once nothing has changed for `quiet` seconds (watchfiles' `step`),
so an editor that writes a file in several steps, or Word's save through a temporary file,
triggers one build. Editor and Office temporary files are ignored. On network shares, where the
OS sends no events, `polling=True` makes watchfiles scan instead.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import watchfiles


class ContentFilter(watchfiles.DefaultFilter):
    """watchfiles' default filter plus Office lock files (~$x.docx) and *.tmp files."""

    ignore_entity_patterns = (*watchfiles.DefaultFilter.ignore_entity_patterns,
                              r"^~\$", r"\.tmp$")


def watch(roots: list[Path], rebuild: Callable[[list[str]], None], *, quiet: float = 0.3,
          max_builds: int | None = None, polling: bool = False,
          stop: threading.Event | None = None) -> int:
    """Call `rebuild(changed_paths)` after each settled change; return the number of builds.

    Runs until interrupted (KeyboardInterrupt propagates), `stop` is set, or `max_builds`
    builds have run (for tests).
    """
    builds = 0
    step = max(int(quiet * 1000), 10)
    for changes in watchfiles.watch(*roots, watch_filter=ContentFilter(), step=step,
                                    debounce=max(1600, 4 * step), stop_event=stop,
                                    force_polling=polling or None, poll_delay_ms=300):
        rebuild(sorted({path for _, path in changes}))
        builds += 1
        if max_builds is not None and builds >= max_builds:
            break
    return builds
