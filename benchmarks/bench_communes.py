"""Benchmark: commune plans for a synthetic province (prints figures; not a timed test).

    python benchmarks/bench_communes.py [--n 1000] [--jobs N] [--sizes 100,500,1000]

A synthetic province of N communes is generated from the registry pattern of the bundled
project into a temporary folder (never into the repository). Each stage runs in a fresh
Python process so that peak memory (ru_maxrss of the process and of its worker children)
belongs to that stage alone. Stages:

  docgen        `run_batch` (the normal path of `docgen xa-phuong`), no checker
  docgen+check  the same with the Decree 30 checker on every document (in the workers);
                this stage and `docgen` again are run --reps times: best and median
                documents/s, and the CPU time per document of all processes (main + workers)
                with the projection "cores / CPU time per document"
  docxtpl       the same derivation, then a plain docxtpl loop: a fresh DocxTemplate(path),
                render(ctx, jinja_env=Environment(autoescape=True, undefined=StrictUndefined)),
                save to BytesIO, per document, over the same number of processes
  no-change     `run_batch` again on the docgen output: nothing to do
  identical     a few communes built alone (`names=[…]`, one process) are byte-identical to
                the batch output
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = ROOT / "content" / "hoai-nhon-2021"


def make_province(folder: Path, n: int) -> Path:
    """Copy the bundled content and replace its 17 communes by n generated from them."""
    from docgen.content import load_project

    content = folder / f"tinh-{n}"
    shutil.copytree(BUNDLED, content)
    base = load_project(BUNDLED).don_vi.xa_phuong
    text = (content / "don-vi.yaml").read_text("utf-8")
    text = text[: text.index("\nxa_phuong:")] + "\nxa_phuong:\n"
    lines = []
    for k in range(n):
        xp = base[k % len(base)]
        lines.append(f'  - ma: "{30000 + k}"\n    loai: {xp.loai}\n    ten: {xp.ten} {k // len(base) + 1}\n'
                     f"    don_vi_con: {xp.don_vi_con}\n")
    (content / "don-vi.yaml").write_text(text + "".join(lines), "utf-8")
    (content / "xa-phuong").mkdir()
    for k in range(0, n, 10):                        # every tenth commune has its own file
        xp = base[k % len(base)]
        from docgen.derive.commune import slug
        name = slug(f"{xp.ten} {k // len(base) + 1}")
        (content / "xa-phuong" / f"{name}.yaml").write_text(f"chu_tich: Nguyễn Văn {k}\n", "utf-8")
    return content


def _maxrss_mb() -> tuple[float, float]:
    me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return round(me, 1), round(kids, 1)


# --- stages (each in its own process) -------------------------------------------------------

def stage_docgen(content: str, out: str, jobs: int, check: bool) -> dict:
    from docgen.pipeline.batch import run_batch

    t, cpu = time.perf_counter(), _cpu_seconds()
    r = run_batch(content, out, jobs=jobs, check=check, progress=False)
    dt, cpu = time.perf_counter() - t, _cpu_seconds() - cpu
    assert not r.problems, [str(p) for p in r.problems[:5]]
    docs = len(r.rendered)  # documents rendered (two per commune)
    return {"seconds": round(dt, 3), "documents": docs, "rendered": docs // 2,
            "docs_per_s": round(docs / dt, 1) if docs else None, "maxrss_mb": _maxrss_mb(),
            "cpu_ms_per_doc": round(1000 * cpu / docs, 2) if docs else None}


def _cpu_seconds() -> float:
    """CPU time (user + system) of this process and of its finished children (the pool's
    workers, once the pool is shut down)."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


_T: dict = {}


def _plain_init(templates: str) -> None:
    import jinja2

    _T["dir"] = Path(templates)
    _T["env"] = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)


def _plain_chunk(jobs_: list[tuple[str, dict]]) -> int:
    import gc
    import io

    from docxtpl import DocxTemplate

    n = 0
    for name, ctx in jobs_:
        tpl = DocxTemplate(str(_T["dir"] / f"{name}.docx"))
        tpl.render(ctx, jinja_env=_T["env"])
        buf = io.BytesIO()
        tpl.save(buf)
        n += 1
        if n % 20 == 0:
            gc.collect()
    return n


def _derive_contexts(content: str) -> list[tuple[str, dict]]:
    from docgen.content import load_model, load_project
    from docgen.derive.commune import ke_hoach_xa_phuong, slug
    from docgen.model.commune import XaPhuongRieng
    from docgen.model.trich_dan import trich_dan_quyet_dinh
    from docgen.render.context import context_for

    project = load_project(content)
    cite = trich_dan_quyet_dinh(project)
    out = []
    for xp in project.don_vi.xa_phuong:
        f = Path(content) / "xa-phuong" / f"{slug(xp.ten)}.yaml"
        rieng = load_model(f, XaPhuongRieng)[0] if f.exists() else None
        kq = ke_hoach_xa_phuong(project, xp, rieng, trich_dan=cite)
        out += [(d.mau, context_for(d.noi_dung)) for d in (kq.ke_hoach, kq.phu_luc)]
    return out


def stage_docxtpl(content: str, jobs: int) -> dict:
    from concurrent.futures import ProcessPoolExecutor

    from docgen.paths import templates_dir

    t = time.perf_counter()
    work = _derive_contexts(content)        # the same derivation docgen does, counted in the time
    chunks = [work[i:i + 20] for i in range(0, len(work), 20)]
    with ProcessPoolExecutor(max_workers=jobs, initializer=_plain_init, initargs=(str(templates_dir()),)) as pool:
        docs = sum(pool.map(_plain_chunk, chunks))
    dt = time.perf_counter() - t
    return {"seconds": round(dt, 3), "documents": docs, "docs_per_s": round(docs / dt, 1), "maxrss_mb": _maxrss_mb()}


def stage_identical(content: str, out: str, names: list[str]) -> dict:
    from docgen.pipeline.batch import run_batch

    with tempfile.TemporaryDirectory() as single:
        r = run_batch(content, single, names=names, jobs=1, check=False, progress=False)
        assert not r.problems
        same = all((Path(single) / rel).read_bytes() == (Path(out) / rel).read_bytes() for rel in r.written)
        return {"communes": names, "files": len(r.written), "identical": same}


def _run_stage(*args: str) -> dict:
    proc = subprocess.run([sys.executable, __file__, "--stage", *args], capture_output=True, text=True,
                          cwd=ROOT, check=False)
    if proc.returncode:
        raise SystemExit(proc.stderr)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--sizes", default="100,500,1000")
    ap.add_argument("--reps", type=int, default=3, help="runs of the with/without check stages")
    ap.add_argument("--stage", nargs="*")
    args = ap.parse_args()
    if args.stage:
        kind, *rest = args.stage
        if kind == "docgen":
            res = stage_docgen(rest[0], rest[1], int(rest[2]), rest[3] == "check")
        elif kind == "docxtpl":
            res = stage_docxtpl(rest[0], int(rest[1]))
        else:
            res = stage_identical(rest[0], rest[1], rest[2].split("|"))
        print(json.dumps(res, ensure_ascii=False))
        return

    print(f"CPU: {os.cpu_count()}, processes: {args.jobs}, communes: {args.n}")
    with tempfile.TemporaryDirectory(prefix="docgen-bench-") as tmp:
        tmp = Path(tmp)
        content = make_province(tmp, args.n)
        out = tmp / "out"
        res = _run_stage("docgen", str(content), str(out), str(args.jobs), "nocheck")
        print(f"docgen, {args.n} communes:             {res['documents']} documents in {res['seconds']} s = "
              f"{res['docs_per_s']} documents/s; peak RSS main {res['maxrss_mb'][0]} MB, worker {res['maxrss_mb'][1]} MB")
        nochange = _run_stage("docgen", str(content), str(out), str(args.jobs), "nocheck")
        print(f"no-change rebuild of {args.n}:          {nochange['seconds']} s ({nochange['rendered']} rendered)")
        t = time.perf_counter()
        proc = subprocess.run([sys.executable, "-c", "from docgen.cli import main; main()", "xa-phuong", "--content", str(content), "--out",
                               str(out), "--no-check"], capture_output=True, text=True, cwd=ROOT, check=False)
        wall = time.perf_counter() - t
        print(f"  same, whole `docgen xa-phuong` process: {wall:.2f} s (exit {proc.returncode}): "
              f"{proc.stdout.strip().splitlines()[0] if proc.stdout.strip() else proc.stderr[-200:]}")
        plain = _run_stage("docxtpl", str(content), str(args.jobs))
        print(f"plain docxtpl loop, {args.n} communes: {plain['documents']} documents in {plain['seconds']} s = "
              f"{plain['docs_per_s']} documents/s; peak RSS main {plain['maxrss_mb'][0]} MB, "
              f"worker {plain['maxrss_mb'][1]} MB")
        print(f"  docgen / plain docxtpl: {res['docs_per_s'] / plain['docs_per_s']:.2f}x")
        from docgen.derive.commune import slug
        names = [f"{x} 1" for x in ("Tam Quan Bắc", "Hoài Mỹ")] + [f"Hoài Đức {args.n // 17}"]
        ident = _run_stage("identical", str(content), str(out), "|".join(names))
        print(f"single-commune build identical to batch: {ident['identical']} ({ident['files']} files: "
              f"{', '.join(slug(n) for n in names)})")
        checked_out = tmp / "out-check"
        print(f"with and without the Decree 30 check on every document, {args.reps} runs each "
              f"(wall clock depends on how busy the machine is; CPU time much less):")
        for mode in ("nocheck", "check"):
            runs = []
            for _ in range(args.reps):
                runs.append(_run_stage("docgen", str(content), str(checked_out), str(args.jobs), mode))
                shutil.rmtree(checked_out)
            rates = sorted(r["docs_per_s"] for r in runs)
            cpu = min(r["cpu_ms_per_doc"] for r in runs)
            print(f"  {'docgen + check' if mode == 'check' else 'docgen, no check':16} "
                  f"{runs[0]['documents']} documents: best {rates[-1]} documents/s, median "
                  f"{statistics.median(rates)}; CPU {cpu} ms/document (all processes, best) -> "
                  f"{args.jobs} idle cores: {1000 * args.jobs / cpu:.0f} documents/s; "
                  f"peak RSS worker {max(r['maxrss_mb'][1] for r in runs)} MB")
        print("memory as the number of communes grows (docgen, no check):")
        for size in [int(s) for s in args.sizes.split(",")]:
            c = make_province(tmp / f"m{size}", size)
            r = _run_stage("docgen", str(c), str(tmp / f"o{size}"), str(args.jobs), "nocheck")
            print(f"  {size:5d} communes: peak RSS main {r['maxrss_mb'][0]} MB, worker {r['maxrss_mb'][1]} MB, "
                  f"{r['docs_per_s']} documents/s")
            shutil.rmtree(tmp / f"o{size}")


if __name__ == "__main__":
    main()
