"""Which of docgen's source files shape a document: found, not listed by hand.

The change tracking of a build job digests the code its documents depend on, so that a new
docgen that renders differently rebuilds, and a change to an unrelated command (diff, preview,
the CLI) does not. That set is every docgen module reachable by imports (inside functions too)
from the modules that make the documents, read with ast. Parsing costs a few tens of ms, so the
answer is kept in a small cache file beside the state, valid while no source file of docgen
changed (size and mtime of every file, one stat each).
"""

from __future__ import annotations

import ast
import hashlib
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]          # the docgen package
NOT_OUTPUT = ("docgen.cli",)                          # imports that print, never shape a document


def _module_files() -> dict[str, Path]:
    found = {}
    for path in sorted(ROOT.rglob("*.py")):
        parts = path.relative_to(ROOT.parent).with_suffix("").parts
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def _imports(name: str, path: Path, known: dict[str, Path]) -> set[str]:
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_bytes(), str(path))):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[:len(parts) - node.level + 1] + ([node.module] if node.module else []))
            out.add(base)
            out |= {f"{base}.{a.name}" for a in node.names if f"{base}.{a.name}" in known}
    return {m for m in out if m in known}


def reachable(roots: tuple[str, ...]) -> list[str]:
    """The docgen modules `roots` import, directly or not (parents packages included)."""
    known = _module_files()
    seen, todo = set(), list(roots)
    while todo:
        name = todo.pop()
        if name in seen or name not in known or name.startswith(NOT_OUTPUT):
            continue
        seen.add(name)
        parent = name.rpartition(".")[0]
        todo += [*_imports(name, known[name], known), *([parent] if parent else [])]
    return sorted(seen)


def _tree_stamp() -> str:
    h = hashlib.sha256()
    for path in sorted(ROOT.rglob("*.py")):
        st = path.stat()
        h.update(f"{path.relative_to(ROOT)}|{st.st_size}|{st.st_mtime_ns}\n".encode())
    return h.hexdigest()


_MEMO: dict[tuple[str, str], list[str]] = {}   # (tree stamp, roots) -> modules, within one process


def source_files(roots: tuple[str, ...], cache: Path | None = None) -> list[Path]:
    """The files of `reachable(roots)`; `cache` (a JSON file) saves the parse between runs, and
    the answer is kept in this process while no source file changed."""
    stamp, key = _tree_stamp(), "|".join(roots)
    if (stamp, key) in _MEMO and cache is None:
        known = _module_files()
        return [known[m] for m in _MEMO[stamp, key] if m in known]
    try:
        data = json.loads(cache.read_text("utf-8")) if cache else {}
    except (OSError, ValueError):
        data = {}
    if data.get("stamp") != stamp or key not in data.get("roots", {}):
        data = {"stamp": stamp, "roots": {**(data.get("roots", {}) if data.get("stamp") == stamp else {}),
                                          key: reachable(roots)}}
        if cache is not None:
            try:
                cache.parent.mkdir(parents=True, exist_ok=True)
                cache.write_text(json.dumps(data), "utf-8")
            except OSError:
                pass  # a read-only disk: parse again next time
    _MEMO[stamp, key] = data["roots"][key]
    known = _module_files()
    return [known[m] for m in data["roots"][key] if m in known]
