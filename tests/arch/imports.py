"""docgen's import graph, read from the source with ast (nothing is imported)."""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2] / "docgen"


@dataclass(frozen=True)
class Import:
    source: str       # importing module, "docgen.cli.app"
    target: str       # imported module or package, "docgen.pipeline"
    line: int
    top_level: bool   # executed when the importing module is imported (not inside a function)


def modules() -> dict[str, Path]:
    """Every module of docgen: dotted name -> file (a package is its __init__.py)."""
    found = {}
    for path in sorted(ROOT.rglob("*.py")):
        parts = path.relative_to(ROOT.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def _package(name: str, path: Path) -> str:
    return name if path.name == "__init__.py" else name.rpartition(".")[0]


def _absolute(node: ast.ImportFrom, package: str) -> str:
    if not node.level:
        return node.module or ""
    base = package.split(".")
    base = base[:len(base) - node.level + 1]
    return ".".join(base + ([node.module] if node.module else []))


def _function_scoped(tree: ast.Module) -> set[int]:
    """ids of the import nodes inside a function body (run only when the function is called)."""
    inner = set()
    for fn in ast.walk(tree):
        if isinstance(fn, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            inner |= {id(n) for n in ast.walk(fn) if isinstance(n, ast.Import | ast.ImportFrom)}
    return inner


def imports(known: dict[str, Path] | None = None) -> list[Import]:
    """Every import statement of docgen, resolved to what it names (third-party ones too)."""
    known = modules() if known is None else known
    found = []
    for name, path in known.items():
        tree = ast.parse(path.read_text("utf-8"), str(path))
        inner = _function_scoped(tree)
        for node in ast.walk(tree):
            targets = []
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = _absolute(node, _package(name, path))
                subs = [f"{base}.{a.name}" for a in node.names if f"{base}.{a.name}" in known]
                targets = subs if subs and len(subs) == len(node.names) else [base, *subs]
            found += [Import(name, t, node.lineno, id(node) not in inner) for t in targets]
    return found


def graph(edges: list[Import]) -> dict[str, set[str]]:
    """Module -> the docgen modules it imports."""
    known = modules()
    out: dict[str, set[str]] = {m: set() for m in known}
    for e in edges:
        if e.target in known and e.target != e.source:
            out[e.source].add(e.target)
    return out


def cycles(g: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in sorted(g):
        if root in index:
            continue
        work = [(root, iter(sorted(g[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(g[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found
