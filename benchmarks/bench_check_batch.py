"""CPU cost of the Decree 30 check in the commune batch (prints figures; not a timed test).

    python benchmarks/bench_check_batch.py [--n 100] [--reps 3]

Wall-clock documents/s (bench_communes.py) depend on how busy the machine is; CPU seconds of
one process much less. This runs the batch in-process with one worker, with and without the
check, and prints CPU ms per document (best and median of the repetitions), the check's own
cost, and the documents/s that two such workers would reach on two idle cores.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_communes import make_province  # noqa: E402

from docgen.pipeline.batch import run_batch  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--reps", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="docgen-bench-") as tmp:
        tmp = Path(tmp)
        content = make_province(tmp, args.n)
        docs = 2 * args.n
        cpu: dict[str, list[float]] = {"render": [], "render+check": []}
        for k in range(args.reps):
            for mode in cpu:
                t = time.process_time()
                r = run_batch(content, tmp / f"o{k}{mode}", jobs=1, check=mode != "render",
                              progress=False)
                cpu[mode].append(1000 * (time.process_time() - t) / docs)
                assert not r.problems, [str(p) for p in r.problems[:3]]
        print(f"{args.n} communes, {docs} documents, 1 worker, {args.reps} runs (CPU ms/document)")
        for mode, v in cpu.items():
            print(f"  {mode:13} best {min(v):6.2f}  median {statistics.median(v):6.2f}")
        check = min(cpu["render+check"]) - min(cpu["render"])
        print(f"  check alone   {check:6.2f} ms/document")
        print(f"  2 idle cores: {2000 / min(cpu['render']):.0f} documents/s without the check, "
              f"{2000 / min(cpu['render+check']):.0f} with it")


if __name__ == "__main__":
    main()
