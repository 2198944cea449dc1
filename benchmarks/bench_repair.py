"""Seconds per document for `docgen sua` on the real documents (prints figures).

Run: python benchmarks/bench_repair.py [--repeat N] [--dir ../shared/real-docx]
Times `repair_bytes` (read, fix, write, check the copy again) on every DOCX of the folder,
best of N repeats per document (the machine is shared and noisy), plain and with --theo-doi.
Goal: < 0.5 s per document. Not a timed test.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--dir", type=Path, default=ROOT.parent / "shared" / "real-docx")
    a = ap.parse_args()
    from docgen.repair.engine import repair_bytes

    files = sorted(a.dir.glob("*.docx"))
    if not files:
        sys.exit(f"no .docx in {a.dir}")
    plain, tracked = [], []
    print(f"{'document':44} {'KB':>5} {'s':>6} {'s (theo dõi)':>13} {'fixes':>6}")
    for path in files:
        data = path.read_bytes()
        n = len(repair_bytes(data, path.name).fixes)
        t = _best(lambda d=data, p=path: repair_bytes(d, p.name), a.repeat)
        tt = _best(lambda d=data, p=path: repair_bytes(d, p.name, track=True), a.repeat)
        plain.append(t)
        tracked.append(tt)
        print(f"{path.name:44} {len(data) // 1024:5} {t:6.3f} {tt:13.3f} {n:6}")
    print(f"\n{len(files)} documents: mean {statistics.mean(plain):.3f} s, median "
          f"{statistics.median(plain):.3f} s, max {max(plain):.3f} s per document "
          f"(--theo-doi: mean {statistics.mean(tracked):.3f} s); goal < 0.5 s")


if __name__ == "__main__":
    main()
