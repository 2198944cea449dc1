"""PDF conversion of the 17 commune plans: seconds per document, amortised.

Run: python benchmarks/bench_pdf.py [--workers N] [--batch-size N] [--rounds N]

Builds the bundled content and its commune plans (`docgen xa-phuong`) into a temp folder and
converts the 17 `xa-phuong/<slug>/ke-hoach.docx`; if the commune build is unavailable,
17 copies of the built plan (ke-hoach.docx, the closest in size) stand in for them, under
the same folder layout (so the same-name handling is exercised too). The first round starts
from cold LibreOffice profiles (deleted beforehand); later rounds reuse them, as a second
`docgen pdf` on the same machine does (run it on an otherwise idle machine: it deletes
the shared profile folder first). Prints figures; this is not a timed test.
Target (issue 6): at most 0.3 s per document on 2 cores.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from docgen.cli import run  # noqa: E402
from docgen.paths import default_content_dir  # noqa: E402
from docgen.pipeline import build  # noqa: E402
from docgen.preview.pool import Job, _Profiles, convert  # noqa: E402

COMMUNES = 17


def commune_plans(build_dir: Path) -> tuple[list[Path], str]:
    plans = sorted(p for p in (build_dir / "xa-phuong").glob("*/ke-hoach*.docx"))
    if len(plans) >= COMMUNES:
        return plans[:COMMUNES], "kế hoạch xã, phường do docgen dựng"
    stand_ins = []
    for k in range(1, COMMUNES + 1):
        dest = build_dir / "xa-phuong" / f"xa-{k:02d}" / "ke-hoach.docx"
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(build_dir / "ke-hoach.docx", dest)
        stand_ins.append(dest)
    return stand_ins, "17 bản sao ke-hoach.docx (chưa có kế hoạch xã, phường dựng sẵn)"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--workers", type=int, default=os.cpu_count())
    ap.add_argument("--batch-size", type=int, default=20)
    ap.add_argument("--rounds", type=int, default=3)
    a = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-pdf-") as tmp:
        build_dir = Path(tmp) / "build"
        build(default_content_dir(), build_dir, check=False)
        run(["xa-phuong", "--vi-du", "--out", str(build_dir)])  # the commune plans
        docs, what = commune_plans(build_dir)
        print(f"{len(docs)} văn bản: {what}; {a.workers} worker(s), cpu_count={os.cpu_count()}, "
              f"batch ≤ {a.batch_size}")
        shutil.rmtree(_Profiles(0).base, ignore_errors=True)  # cold start for round 1
        times = []
        for r in range(1, a.rounds + 1):
            out = Path(tmp) / f"pdf-{r}"
            jobs = [Job(d, out / d.relative_to(build_dir).with_suffix(".pdf")) for d in docs]
            t = time.perf_counter()
            result = convert(jobs, workers=a.workers, batch_size=a.batch_size)
            dt = time.perf_counter() - t
            assert not result.failed, result.failed
            times.append(dt)
            print(f"round {r}{' (cold profiles)' if r == 1 else ''}: {dt:.2f} s total, "
                  f"{dt / len(docs):.3f} s/doc")
        warm = times[1:] or times
        print(f"median warm: {statistics.median(warm) / len(docs):.3f} s/doc "
              f"(target ≤ 0.300); cold: {times[0] / len(docs):.3f} s/doc")
        incremental(build_dir / "xa-phuong", Path(tmp) / "pdf-cmd")


def incremental(folder: Path, out: Path) -> None:
    """`docgen pdf` as a person runs it again: nothing changed, then one document changed."""
    args = ["pdf", str(folder), "-o", str(out)]
    for label in ("first docgen pdf", "nothing changed", "one document changed"):
        if label == "one document changed":  # forget one entry: as if its DOCX had changed
            state = out / ".docgen" / "chuyen-doi.json"
            data = json.loads(state.read_text("utf-8"))
            data["van_ban"].pop(next(iter(data["van_ban"])))
            state.write_text(json.dumps(data), "utf-8")
        t = time.perf_counter()
        assert run(args) == 0
        print(f"{label}: {time.perf_counter() - t:.2f} s (whole command, in-process)")


if __name__ == "__main__":
    main()
