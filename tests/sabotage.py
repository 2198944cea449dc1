"""Does the suite notice a broken product?  Run: `python tests/sabotage.py [--mode M] [--libreoffice]`.

Not a test (pytest collects only test_*.py). For each sabotage mode the script copies the
checkout (the files git knows, committed or not) to a temporary folder beside a link to
`../shared`, breaks the copy, runs the whole suite there and prints what passed:

- `templates`: the body of every template in `templates/` is emptied (the package stays valid:
  section properties, styles, headers and footers are kept, and a jinja comment keeps it a
  template). Every document docgen builds from them has no text.
- `renderer`: the templates are intact, but the engine's rendering of `word/document.xml` is
  patched to return an empty body.

In both modes the build's own Decree 30 check is switched off (`check_outputs` reports nothing,
under every name it is bound to: the package's, the runner's, the batch's), so that a test fails
because of its own assertions, not because the build refused an empty document. Subprocesses
of the suite are broken the same way: the copy gets a `sitecustomize.py` that patches docgen's
engine and checker as a child process imports them (`patch_subprocess`). The same file is the
pytest plugin (`-p tests.sabotage`) that applies the renderer patch and records, per test,
whether it rendered a document through docgen's engine
(in the test, in one of its fixtures, in a subprocess, or through a commune batch whose workers
render), and
whether it opened a zip package for reading in the test process (a DOCX: real, made in the
test, a template). The passing tests are printed in three kinds: render a document (target:
none), open a DOCX but render none, open no DOCX. Target: at most 25% of all tests pass, and
not one of the document tests.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ENV_MODE, ENV_REPORT = "DOCGEN_SABOTAGE", "DOCGEN_SABOTAGE_REPORT"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MODES = ("templates", "renderer")


def empty_body(xml: bytes, marker: str = "") -> bytes:
    """word/document.xml with every child of w:body removed but the final w:sectPr."""
    from lxml import etree

    root = etree.fromstring(xml)
    body = root.find(f"{W}body")
    for child in list(body):
        if child.tag != f"{W}sectPr":
            body.remove(child)
    body.text = marker or None
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def empty_template(path: Path) -> None:
    """Rewrite a .docx template in place with an empty body (entry order kept)."""
    with zipfile.ZipFile(path) as zf:
        entries = [(info, zf.read(info)) for info in zf.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for info, data in entries:
            if info.filename == "word/document.xml":
                data = empty_body(data, "{# body emptied by tests/sabotage.py #}")
            zf.writestr(info, data)


# --- the pytest plugin (loaded in the copy with -p tests.sabotage) ---------------------------

_RENDERS = [0]  # documents rendered in this process (a list: mutable from the wrappers)
_READS = [0]    # zip packages (DOCX: built, real, hand-made, templates) opened for reading
_DOC_FIXTURES: set[str] = set()
_READ_FIXTURES: set[str] = set()
_RESULTS: dict[str, dict] = {}


def _install_patches(mode: str) -> None:
    import docgen.cli
    import docgen.pipeline
    import docgen.pipeline.batch
    import docgen.pipeline.checking
    import docgen.pipeline.runner
    from docgen.render import engine

    render, render_part, run_batch = engine.Template.render, engine.Template._render_part, \
        docgen.pipeline.batch.run_batch

    def counted_render(self, *args, **kwargs):
        _RENDERS[0] += 1
        return render(self, *args, **kwargs)

    def empty_render_part(self, name, context):
        data = render_part(self, name, context)
        return empty_body(data) if name == "word/document.xml" else data

    inner = docgen.pipeline.batch._run_batch

    def counted_batch(*args, **kwargs):
        result = run_batch(*args, **kwargs)
        _RENDERS[0] += len(result.rendered)  # its workers render in other processes
        return result

    def counted_inner(*args, **kwargs):  # the runner's entry to the batch (docgen.pipeline.runner)
        result = inner(*args, **kwargs)
        _RENDERS[0] += len(result.rendered)
        return result

    zip_init = zipfile.ZipFile.__init__

    def counted_zip(self, file, mode="r", *args, **kwargs):
        if mode == "r":
            _READS[0] += 1
        zip_init(self, file, mode, *args, **kwargs)

    zipfile.ZipFile.__init__ = counted_zip
    engine.Template.render = counted_render
    if mode == "renderer":
        engine.Template._render_part = empty_render_part
    check_outputs = docgen.pipeline.checking.check_outputs

    def no_check(outputs, out_dir, *args, **kwargs):
        return [], []

    # every name bound to them (`from … import run_batch`, `… import check_outputs`), in the
    # modules imported now: pytest_configure runs after docgen.cli has imported every command
    for module in list(sys.modules.values()):
        if getattr(module, "__name__", "").startswith("docgen"):
            if getattr(module, "run_batch", None) is run_batch:
                module.run_batch = counted_batch
            if getattr(module, "_run_batch", None) is inner:
                module._run_batch = counted_inner
            if getattr(module, "check_outputs", None) is check_outputs:
                module.check_outputs = no_check


# --- subprocesses of the suite (`python -c "from docgen.cli import main; …"`) ---------------

ENV_PARENT, ENV_MARKS = "DOCGEN_SABOTAGE_PARENT", "DOCGEN_SABOTAGE_MARKS"
SITECUSTOMIZE = f"""import os
if os.environ.get({ENV_PARENT!r}):   # a process started by the suite under tests/sabotage.py
    from tests.sabotage import patch_subprocess
    patch_subprocess()
"""


def _patch_module(module, mode: str) -> None:
    """The same breakage as in the suite's process, applied to one module as it is imported."""
    if module.__name__ == "docgen.pipeline.checking":
        module.check_outputs = lambda outputs, out_dir, *args, **kwargs: ([], [])
        return
    render, render_part = module.Template.render, module.Template._render_part

    def counted_render(self, *args, **kwargs):
        _RENDERS[0] += 1
        return render(self, *args, **kwargs)

    module.Template.render = counted_render
    if mode == "renderer":
        module.Template._render_part = lambda self, name, context: (
            empty_body(render_part(self, name, context)) if name == "word/document.xml"
            else render_part(self, name, context))


def patch_subprocess() -> None:
    """Called by sitecustomize.py in the copy: patch docgen's engine and checker when (and if)
    the process imports them, and leave a mark for the suite when it rendered a document."""
    import atexit
    import importlib.machinery

    mode = os.environ.get(ENV_MODE)

    class Finder:
        @staticmethod
        def find_spec(name, path=None, target=None):
            if name not in ("docgen.render.engine", "docgen.pipeline.checking"):
                return None
            spec = importlib.machinery.PathFinder.find_spec(name, path)
            if spec is not None:
                exec_module = spec.loader.exec_module

                def exec_and_patch(module):
                    exec_module(module)
                    _patch_module(module, mode)

                spec.loader.exec_module = exec_and_patch
            return spec

    sys.meta_path.insert(0, Finder)
    marks = os.environ.get(ENV_MARKS)
    if marks:
        atexit.register(lambda: _RENDERS[0] and (Path(marks) / str(os.getpid())).touch())


def _marks() -> int:
    return len(os.listdir(os.environ[ENV_MARKS])) if os.environ.get(ENV_MARKS) else 0


def pytest_configure(config):
    mode = os.environ.get(ENV_MODE)
    if mode not in MODES:
        raise SystemExit(f"tests/sabotage.py: {ENV_MODE} must be one of {MODES}")
    import docgen

    if not Path(docgen.__file__).resolve().is_relative_to(Path.cwd().resolve()):
        raise SystemExit(f"tests/sabotage.py: docgen imported from {docgen.__file__}, not the copy")
    _install_patches(mode)
    os.environ[ENV_PARENT] = str(os.getpid())   # its subprocesses patch themselves


def _hookwrapper(fn):
    import pytest

    return pytest.hookimpl(wrapper=True)(fn)


@_hookwrapper
def pytest_fixture_setup(fixturedef, request):
    before, reads = _RENDERS[0], _READS[0]
    try:
        return (yield)
    finally:
        if _RENDERS[0] > before:
            _DOC_FIXTURES.add(fixturedef.argname)
        if _READS[0] > reads:
            _READ_FIXTURES.add(fixturedef.argname)


@_hookwrapper
def pytest_runtest_protocol(item, nextitem):
    before, reads, marks = _RENDERS[0], _READS[0], _marks()
    result = yield
    entry = _RESULTS.setdefault(item.nodeid, {"outcome": "passed"})
    entry["document"] = _RENDERS[0] > before or _marks() > marks or \
        bool(_DOC_FIXTURES & set(item.fixturenames))
    entry["reads"] = _READS[0] > reads or bool(_READ_FIXTURES & set(item.fixturenames))
    return result


def pytest_runtest_logreport(report):
    entry = _RESULTS.setdefault(report.nodeid, {"outcome": "passed"})
    if report.failed:
        entry["outcome"] = "failed"
    elif report.skipped and entry["outcome"] == "passed":
        entry["outcome"] = "skipped"


def pytest_sessionfinish(session):
    if os.environ.get(ENV_REPORT):
        Path(os.environ[ENV_REPORT]).write_text(json.dumps(_RESULTS, indent=1), "utf-8")


# --- the script ------------------------------------------------------------------------------

def _copy_checkout(dest: Path) -> Path:
    files = subprocess.run(["git", "ls-files", "-co", "--exclude-standard", "-z"], cwd=ROOT,
                           capture_output=True, check=True).stdout.decode().split("\0")
    repo = dest / "repo"
    for rel in filter(None, files):
        src = ROOT / rel
        if src.is_file():
            (repo / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, repo / rel)
    (dest / "shared").symlink_to((ROOT.parent / "shared").resolve())
    return repo


def run_mode(mode: str, libreoffice: bool, keyword: str | None = None) -> dict[str, dict]:
    with tempfile.TemporaryDirectory(prefix=f"docgen-sabotage-{mode}-") as tmp:
        repo = _copy_checkout(Path(tmp))
        if mode == "templates":
            for template in sorted((repo / "templates").glob("*.docx")):
                empty_template(template)
        (repo / "sitecustomize.py").write_text(SITECUSTOMIZE, "utf-8")
        report, marks = Path(tmp) / "report.json", Path(tmp) / "marks"
        marks.mkdir()
        env = dict(os.environ, PYTHONPATH=str(repo),
                   **{ENV_MODE: mode, ENV_REPORT: str(report), ENV_MARKS: str(marks)})
        env.pop(ENV_PARENT, None)
        marker = ["-m", ""] if libreoffice else []
        marker += ["-k", keyword] if keyword else []
        subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "tests.sabotage", *marker],
                       cwd=repo, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if not report.exists():
            raise SystemExit(f"tests/sabotage.py: the suite did not run in mode {mode}")
        return json.loads(report.read_text("utf-8"))


def _where(test: str) -> str:
    """tests/vn/test_x.py::t -> tests/vn; tests/test_x.py::t -> tests/test_x.py."""
    path = test.split("::", 1)[0]
    return path.rsplit("/", 1)[0] if path.count("/") > 1 else path


def summarize(mode: str, results: dict[str, dict]) -> bool:
    """Print the figures of one mode; True when the targets are met."""
    n = len(results)
    by = {k: sorted(t for t, r in results.items() if r["outcome"] == k)
          for k in ("passed", "failed", "skipped")}
    documents = [t for t, r in results.items() if r.get("document")]
    bad = sorted(t for t in by["passed"] if results[t].get("document"))
    share = len(by["passed"]) / n if n else 1.0
    print(f"mode {mode}: {n} tests collected, {len(by['passed'])} passed, {len(by['failed'])} failed, "
          f"{len(by['skipped'])} skipped; {share:.1%} passing (target ≤ 25%)")
    print(f"  document tests (render through docgen's engine): {len(documents)}, "
          f"passing: {len(bad)} (target 0)")
    reading = [t for t in by["passed"] if results[t].get("reads") and not results[t].get("document")]
    print(f"  passing tests that render nothing but open a DOCX (real, made in the test, a template): "
          f"{len(reading)}; passing tests that open no DOCX in the test process: "
          f"{len(by['passed']) - len(bad) - len(reading)}")
    where = Counter(_where(t) for t in by["passed"])
    print("  passing, by place: " + ", ".join(f"{k} {v}" for k, v in sorted(where.items())))
    for test in bad:
        print(f"    {test}")
    return n > 0 and share <= 0.25 and not bad


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mode", choices=(*MODES, "both"), default="both")
    parser.add_argument("--libreoffice", action="store_true",
                        help="also run the LibreOffice group (slow; needs soffice)")
    parser.add_argument("--list-passing", action="store_true", help="list every passing test")
    parser.add_argument("-k", dest="keyword", help="only the tests pytest -k selects (a quick look)")
    args = parser.parse_args(argv)
    ok = True
    for mode in MODES if args.mode == "both" else (args.mode,):
        results = run_mode(mode, args.libreoffice, args.keyword)
        ok = summarize(mode, results) and ok
        if args.list_passing:
            for test, r in sorted(results.items()):
                if r["outcome"] == "passed":
                    kind = "renders" if r.get("document") else "opens a DOCX" if r.get("reads") else "no DOCX"
                    print(f"    passing ({kind}): {test}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
