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


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` (relative path -> bytes), to show a failed build replaced nothing."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def fails_to_build(cli, content: Path, out: Path, *expected: str, target: tuple[str, ...] = ()) -> str:
    """`docgen build [target] --content … --out …` exits 1 with every `expected` line on stderr,
    no traceback, and `out` unchanged; returns stderr."""
    before = snapshot(out)
    status, stdout, err = cli("build", *target, "--content", content, "--out", out)
    assert status == 1, err
    assert "Traceback" not in err + stdout
    for line in expected:
        assert line in err, f"missing {line!r} in:\n{err}"
    after = snapshot(out)
    changed = sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))
    assert not changed, f"a failed build must not replace anything; changed: {changed}"
    return err


def build_and_check(cli, content: Path, out: Path) -> dict[str, bytes]:
    """`docgen build chinh` into `out` (exit 0), then `docgen check out` with 0 errors and 0
    warnings; the core documents built (file name -> bytes)."""
    status, _, err = cli("build", "chinh", "--content", content, "--out", out)
    assert status == 0, err
    status, stdout, err = cli("check", out)
    assert status == 0 and "0 lỗi, 0 cảnh báo" in stdout + err, stdout + err
    return {p.name: p.read_bytes() for p in out.glob("*.docx")}
