"""The check of one hand-made document on the first call in a fresh process (prints figures;
not a timed test).

    python benchmarks/bench_check_first.py [FILE.docx] [--runs 5]

Each run is a new Python process that imports `docgen.check` (timed apart: "import"), then
times `check_paths([FILE])` twice: the first call (what `docgen check FILE` spends checking:
reading the file, parsing its parts, the document model, every rule; the rule modules and
their regular expressions are loaded on this call) and a second, warm call. Interpreter
start-up and the CLI are not counted. Bytecode is cached (in a temporary PYTHONPYCACHEPREFIX,
written by one warm-up process) as for any installed package; `--no-bytecode` compiles the
sources in every process instead. Wall clock: the best and the median of the runs,
and the CPU time of the first call (less noisy on a busy machine). Target: first call < 0.3 s.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "real-docx" / "ld10-bc-ubnd-cchc-2025.docx"

CHILD = """
import json, sys, time
t0, c0 = time.perf_counter(), time.process_time()
from docgen.check import check_paths
t1, c1 = time.perf_counter(), time.process_time()
n = len(check_paths([sys.argv[1]]))
t2, c2 = time.perf_counter(), time.process_time()
check_paths([sys.argv[1]])
t3 = time.perf_counter()
print(json.dumps({"import": t1 - t0, "first": t2 - t1, "first_cpu": c2 - c1, "warm": t3 - t2,
                  "findings": n}))
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file", nargs="?", default=str(DEFAULT))
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--no-bytecode", action="store_true",
                    help="compile every module from source in each process (PYTHONDONTWRITEBYTECODE "
                         "and no cached .pyc), as on a checkout nobody has run yet")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="docgen-pyc-") as pyc:
        env = dict(os.environ)
        if a.no_bytecode:
            env.update(PYTHONDONTWRITEBYTECODE="1", PYTHONPYCACHEPREFIX=pyc)
        else:     # bytecode cached, as pip leaves an installed package: one warm-up process
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            env["PYTHONPYCACHEPREFIX"] = pyc
            subprocess.run([sys.executable, "-c", CHILD, a.file], env=env, cwd=ROOT, check=True,
                           capture_output=True)
        runs = []
        for _ in range(a.runs):
            out = subprocess.run([sys.executable, "-c", CHILD, a.file], capture_output=True,
                                 text=True, cwd=ROOT, check=True, env=env).stdout
            runs.append(json.loads(out.strip().splitlines()[-1]))
    print(f"{Path(a.file).name}: {runs[0]['findings']} findings, {a.runs} fresh processes, "
          f"{'no cached bytecode' if a.no_bytecode else 'bytecode cached'}")
    for key, label in (("import", "import docgen.check"), ("first", "first check call"),
                       ("first_cpu", "first call, CPU"), ("warm", "second call (warm)")):
        v = [r[key] * 1000 for r in runs]
        print(f"  {label:20} best {min(v):6.0f} ms  median {statistics.median(v):6.0f} ms")


if __name__ == "__main__":
    main()
