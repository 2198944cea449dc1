"""Cold `docgen build` of the bundled content: wall time and peak memory, by phase.

Prints figures; it is not a test. Target (issue 2): the whole process under 1 second on
a 2-core machine. Each run is a fresh Python process (cold imports, cold caches).

    python benchmarks/bench_build.py [--runs 5]
    python benchmarks/bench_build.py --no-change [--runs 5]

`--no-change`: the whole project (59 documents: core, derived, communes) is built once, then
`docgen build` runs again with nothing changed, each time a fresh process running the real
command (`docgen build`); target (issue 10): at most 0.5 s.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = r"""
import json, resource, sys, time
t0 = time.perf_counter()
from docgen.pipeline import build
import docgen.check  # imported by the build when it checks
t1 = time.perf_counter()
result = build(sys.argv[1], sys.argv[2])
t2 = time.perf_counter()
phases = {"import": t1 - t0, **result.timings, "total in process": t2 - t0}
phases["peak memory (MB)"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(phases))
"""


def one_run(out_dir: Path) -> tuple[float, dict]:
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-c", CHILD, str(ROOT / "content" / "hoai-nhon-2021"), str(out_dir)],
        cwd=ROOT, capture_output=True, text=True, check=True)
    wall = time.perf_counter() - start
    return wall, json.loads(proc.stdout.strip().splitlines()[-1])


def no_change(runs: int) -> None:
    content = str(ROOT / "content" / "hoai-nhon-2021")
    with tempfile.TemporaryDirectory() as tmp:
        cmd = [sys.executable, "-c", "from docgen.cli.app import main; main()", "build", "--content", content, "--out", tmp]
        subprocess.run(cmd, cwd=ROOT, capture_output=True, check=True)
        walls, last = [], ""
        for _ in range(runs):
            start = time.perf_counter()
            proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=True)
            walls.append(time.perf_counter() - start)
            last = proc.stdout.strip().splitlines()[0]
    print(f"no-change docgen build of content/hoai-nhon-2021 ({runs} runs, fresh process each)")
    print(f"  {last}")
    print(f"  wall time, whole process: median {statistics.median(walls):.3f} s, "
          f"min {min(walls):.3f} s, max {max(walls):.3f} s   (target <= 0.5 s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-change", action="store_true",
                        help="time a rebuild of the whole project with nothing changed")
    args = parser.parse_args()
    if args.no_change:
        no_change(args.runs)
        return
    walls, phases = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(args.runs):
            wall, ph = one_run(Path(tmp) / f"b{i}")  # a fresh out dir: everything is written
            walls.append(wall)
            phases.append(ph)
    print(f"cold docgen build of content/hoai-nhon-2021 ({args.runs} runs, fresh process each)")
    print(f"  wall time, whole process: median {statistics.median(walls):.3f} s, "
          f"min {min(walls):.3f} s, max {max(walls):.3f} s   (target < 1 s)")
    for key in phases[0]:
        values = [p.get(key, 0.0) for p in phases]
        unit = "" if "MB" in key else " s"
        print(f"  {key:<20} median {statistics.median(values):8.3f}{unit}")
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"  peak memory of the build process: {rss:.0f} MB")


if __name__ == "__main__":
    main()
