"""Precision and recall of `docgen check` on the labelled real documents (issue #14).

    python benchmarks/bench_real_docs.py [REAL_DOCX_DIR]

Reads ../shared/real-docx (in place) and tests/check/real/labels.yaml; prints overall and
per-rule precision (true findings / findings) and recall (true findings / true problems).
"""
from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from docgen.check import check_docx_bytes  # noqa: E402
from docgen.check.labels import load_labels, score  # noqa: E402


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:5.1f}%" if b else "    –"


def main(argv: list[str]) -> int:
    real = Path(argv[0]) if argv else ROOT.parent / "shared" / "real-docx"
    labels = load_labels(ROOT / "tests" / "check" / "real" / "labels.yaml")
    tp, fp, fn = Counter(), Counter(), Counter()
    t0 = time.perf_counter()
    for name, label in sorted(labels.items()):
        s = score(check_docx_bytes((real / name).read_bytes(), name), label)
        for c, k in ((tp, s.tp), (fp, s.fp), (fn, s.fn)):
            for (code, *_), n in k.items():
                c[code] += n
    took = time.perf_counter() - t0
    T, P, N = sum(tp.values()), sum(fp.values()), sum(fn.values())
    print(f"{len(labels)} files, {T + N} true problems, {T + P} findings, {took:.2f} s")
    print(f"overall   precision {_pct(T, T + P)}   recall {_pct(T, T + N)}")
    print(f"{'rule':28} {'tp':>4} {'fp':>4} {'fn':>4} {'precision':>10} {'recall':>8}")
    for code in sorted(set(tp) | set(fp) | set(fn)):
        print(f"{code:28} {tp[code]:4} {fp[code]:4} {fn[code]:4} {_pct(tp[code], tp[code] + fp[code]):>10}"
              f" {_pct(tp[code], tp[code] + fn[code]):>8}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
