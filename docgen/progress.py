"""Progress on long commands, and the honest total time of a command.

The layers say how far they are (`with bar(n, label) as b: b.update(1)`); what is drawn is
the command line's business: `docgen.cli` installs click's progress bar (`set_renderer`), and
without one (docgen used as a library) nothing is drawn. A bar is drawn only when stderr is a
terminal, so logs, pipes and tests get no control characters. The
total time a command reports is measured from the start of the command (`start()`, called by
the CLI; for the console command, from the first import of docgen, so the time to load
the libraries counts too), not from the start of one phase: a preview that takes 16 s says 16 s.
"""

from __future__ import annotations

import sys
import time
from contextlib import contextmanager

from . import STARTED

_started = [STARTED]
_renderer: list = [None]  # (total, label) -> object with update(n) and close(); set by the CLI


def set_renderer(factory) -> None:
    """How a bar is drawn: `factory(total, label)` (docgen.cli.common.terminal_bar), or None."""
    _renderer[0] = factory


def start(at: float | None = None) -> None:
    """Mark the start of a command (cli.run): now, or `at` (a perf_counter value)."""
    _started[0] = time.perf_counter() if at is None else at


def elapsed() -> float:
    """Seconds since the command started."""
    return time.perf_counter() - _started[0]


def seconds(x: float) -> str:
    """A duration the Vietnamese way: "4,2 s" (decimal comma)."""
    return f"{x:.1f}".replace(".", ",") + " s"


def total_time() -> str:
    return seconds(elapsed())


class _Quiet:
    def update(self, n: int = 1) -> None:
        pass


class _Delayed:
    """A bar that appears only once the work has taken longer than `after` seconds, so that
    a build of one second prints no flicker, and one on a slow machine still shows progress."""

    def __init__(self, total: int, label: str, after: float):
        self.total, self.label, self.after = total, label, after
        self.start, self.done, self._bar = time.perf_counter(), 0, None

    def update(self, n: int = 1) -> None:
        self.done += n
        if self._bar is None and time.perf_counter() - self.start >= self.after:
            self._bar = _renderer[0](self.total, self.label)
            self._bar.update(self.done)
        elif self._bar is not None:
            self._bar.update(n)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()


def shown(total: int) -> bool:
    """A bar is worth showing: one can be drawn, on a terminal, and more than one step."""
    stream = sys.stderr
    return _renderer[0] is not None and total > 1 and hasattr(stream, "isatty") and stream.isatty()


@contextmanager
def bar(total: int, label: str, after: float = 0.5):
    """A progress bar of `total` steps: `with bar(n, "Chuyển sang PDF") as b: b.update(1)`.

    Quiet when stderr is not a terminal; shown once the work has lasted `after` seconds.
    """
    if not shown(total):
        yield _Quiet()
        return
    delayed = _Delayed(total, label, after)
    try:
        yield delayed
    finally:
        delayed.close()
