"""Helpers shared by tests (import as `from tests.helpers import …`)."""

from __future__ import annotations

from pathlib import Path


def edit(path: Path, old: str, new: str, count: int = 1) -> int:
    """Replace `old` by `new` in a content file; return the 1-based line of the change."""
    text = path.read_text("utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, count), "utf-8")
    return line
