"""Cost of copying the inputs into the pool's batch folder (instead of symlinking them).

Prints figures; it is not a test. The pool copies every DOCX under a numbered name into its
batch folder (a symlink needs a privilege on Windows); this measures that copy for the
documents `docgen xa-phuong` makes (built here into a temp folder), next to symlinks, best of
`--runs`. Compare with soffice's ~0.1 s per document.

    python benchmarks/bench_copy_inputs.py [--runs 5]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CLI = "import sys; from docgen.cli import run; sys.exit(run(sys.argv[1:]))"


def _best(runs: int, docs: list[Path], place) -> float:
    best = float("inf")
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as tmp:
            t0 = time.perf_counter()
            for k, src in enumerate(docs):
                place(src, Path(tmp, f"{k:04d}.docx"))
            best = min(best, time.perf_counter() - t0)
    return best


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    runs = ap.parse_args().runs
    with tempfile.TemporaryDirectory() as out:
        subprocess.run([sys.executable, "-c", CLI, "xa-phuong", "--vi-du", "--out", out],
                       check=True, capture_output=True, cwd=ROOT)
        docs = sorted(Path(out).rglob("*.docx"))
        size = sum(p.stat().st_size for p in docs)
        copy = _best(runs, docs, shutil.copyfile)
        link = _best(runs, docs, lambda s, d: d.symlink_to(s))
    print(f"{len(docs)} DOCX, {size / 1024:.0f} KiB in all, best of {runs}:")
    print(f"  copy    {copy * 1000:.1f} ms  ({copy / len(docs) * 1000:.2f} ms per document)")
    print(f"  symlink {link * 1000:.1f} ms  ({link / len(docs) * 1000:.2f} ms per document)")


if __name__ == "__main__":
    main()
