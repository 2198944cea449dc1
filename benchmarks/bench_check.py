"""How long the Decree 30 checker takes on the documents docgen builds (prints figures).

Run: python benchmarks/bench_check.py [--repeat N]
Builds the bundled project in memory (checker off), then times `check_docx_bytes` on
quyet-dinh, ke-hoach and phu-luc (and tron-bo) in one process. Not a timed test.
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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=20)
    a = ap.parse_args()
    t0 = time.perf_counter()
    from docgen.check import check_docx_bytes
    t_import = time.perf_counter() - t0
    from docgen.pipeline import build

    with tempfile.TemporaryDirectory() as tmp:
        outputs = build(ROOT / "content" / "hoai-nhon-2021", tmp, check=False).outputs
    docs = {k: v for k, v in outputs.items() if "/" not in k}
    three = [k for k in ("quyet-dinh.docx", "ke-hoach.docx", "phu-luc.docx") if k in docs]
    t0 = time.perf_counter()
    for k in three:
        check_docx_bytes(docs[k], k)
    first = time.perf_counter() - t0
    runs = []
    for _ in range(a.repeat):
        t0 = time.perf_counter()
        for k in three:
            check_docx_bytes(docs[k], k)
        runs.append(time.perf_counter() - t0)
    print(f"import docgen.check: {t_import * 1000:.0f} ms")
    print(f"3 built documents, first call: {first * 1000:.0f} ms")
    print(f"3 built documents, median of {a.repeat}: {statistics.median(runs) * 1000:.0f} ms "
          f"(min {min(runs) * 1000:.0f} ms)")
    for k in sorted(docs):
        t0 = time.perf_counter()
        n = len(check_docx_bytes(docs[k], k))
        print(f"  {k}: {(time.perf_counter() - t0) * 1000:.0f} ms, {len(docs[k]) // 1024} KB, "
              f"{n} findings")


if __name__ == "__main__":
    main()
