"""Progress bars: shown on a terminal once the work lasts, never when stderr is not a terminal;
the total time is counted from the start of the command."""

from __future__ import annotations

import io
import re
import time

from docgen import progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _run(monkeypatch, stream, total, after, pause=0.0):
    monkeypatch.setattr("sys.stderr", stream)
    with progress.bar(total, "Chuyển sang PDF", after=after) as bar:
        for _ in range(total):
            time.sleep(pause)
            bar.update(1)
    return stream.getvalue()


def test_bar_on_a_terminal_once_the_work_lasts(monkeypatch):
    out = _run(monkeypatch, Terminal(), 3, after=0.0)
    assert "Chuyển sang PDF" in out and "3/3" in out


def test_no_bar_for_quick_work(monkeypatch):
    assert _run(monkeypatch, Terminal(), 3, after=60.0) == ""


def test_no_bar_when_not_a_terminal(monkeypatch):
    assert _run(monkeypatch, io.StringIO(), 3, after=0.0) == ""


def test_total_time_counts_from_the_start_of_the_command():
    progress.start(time.perf_counter() - 12.34)
    assert re.fullmatch(r"12,[34] s", progress.total_time())
    progress.start()
    assert progress.elapsed() < 1
