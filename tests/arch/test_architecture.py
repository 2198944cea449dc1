"""The shape of the code (issue #10 item 5): no import circle inside docgen, click only in
docgen/cli, the command group built explicitly, no function over 60 lines."""

from __future__ import annotations

import ast

from tests.arch.imports import ROOT, cycles, graph, imports, modules

MAX_LINES = 60

# The ratchet of over-long functions left after issue #10a is empty since issue #11 split
# derive/kiem_tra.py lich (its entered rows are read by _given/_unit_of): every function is short.


def test_graph_reader_finds_a_cycle():
    """The cycle finder itself: a → b → c → a and d → a is one circle of three."""
    g = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": set()}
    assert cycles(g) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_graph_reader_resolves_relative_imports():
    """The graph is read right: a relative import of a sibling module is an edge to it."""
    g = graph(imports())
    assert "docgen.cli.common" in g["docgen.cli.build"]
    assert "docgen.pipeline.writer" in g["docgen.pipeline"]  # `from .writer import …`
    assert "docgen.check.rules.body" in g["docgen.check.rules"]  # `from docgen.check.rules import body`


def test_no_import_cycle():
    """No circle among docgen's modules, counting imports inside functions too."""
    found = cycles(graph(imports()))
    assert found == [], "import circles: " + "; ".join(" ↔ ".join(c) for c in found)


def test_click_only_in_cli():
    outside = sorted(f"{e.source}:{e.line}" for e in imports()
                     if e.target.split(".")[0] == "click" and not e.source.startswith("docgen.cli"))
    assert outside == []
    assert any(e.target == "click" for e in imports() if e.source == "docgen.cli.app")


def test_layers_do_not_import_the_cli():
    """derive/, check/, pipeline/, model/ … never reach up into the command line."""
    upward = sorted(f"{e.source}:{e.line} → {e.target}" for e in imports()
                    if e.target.startswith("docgen.cli") and not e.source.startswith("docgen.cli"))
    assert upward == []


def test_command_group_built_explicitly():
    """Every command is added in cli/app.py; no module decorates itself onto the group."""
    from docgen.cli import main_group

    assert sorted(main_group.commands) == ["build", "check", "diff", "excel", "ke-hoach-con", "moi", "nhap", "pdf",
                                           "preview", "sua", "watch", "xa-phuong"]
    for path in modules().values():
        assert "main_group.command(" not in path.read_text("utf-8"), path


def _long_functions() -> dict[tuple[str, str], int]:
    found = {}
    for path in sorted(ROOT.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = node.end_lineno - node.lineno + 1
                if length > MAX_LINES:
                    found[(path.relative_to(ROOT.parent).as_posix(), node.name)] = length
    return found


def test_no_function_over_60_lines():
    found = _long_functions()
    assert found == {}, f"functions over {MAX_LINES} lines: {found}"
