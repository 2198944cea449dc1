"""Stress and fault runs of issue #12 (not a CI test): prints counts tried / held.

    python scripts/stress.py [--rounds 20] [--kills 30] [--quick]

Cases:
- concurrency: two `docgen build` (different content) into one folder at once, many rounds;
  two `docgen xa-phuong` at once; every run must exit 0 and leave valid files the manifest knows;
- kill -9 of a build at random points: every file is then old or new, never partial, and the
  next build succeeds and is byte-identical to a clean one;
- kill -9 of the parent alone (`xa-phuong --jobs 2`, and `pdf` when LibreOffice is installed):
  no worker or LibreOffice process survives;
- lost edits: two hand edits, each followed by `--force`, within one second, many rounds;
- faults (root only: a small tmpfs): full disk, read-only disk (an up-to-date build succeeds);
- bounded reading: peak memory and time of `docgen check` on the two amplification files and
  of `docgen diff` on them, each in its own process.
Exit status 1 when any count of crashes, corrupt files, lost edits or survivors is not 0.
"""

from __future__ import annotations

import argparse
import io
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CONTENT = ROOT / "content" / "hoai-nhon-2021"
DOCGEN = [sys.executable, "-c", "from docgen.cli import main; main()"]
DOCS = ("quyet-dinh.docx", "ke-hoach.docx", "phu-luc.docx", "tron-bo.docx")
BAD = 0  # problems found (crashes, corrupt files, lost edits, survivors)


def run(*args, cwd=None, env=None, timeout=300) -> subprocess.CompletedProcess:
    return subprocess.run([*DOCGEN, *map(str, args)], capture_output=True, text=True, cwd=cwd,
                          env={**os.environ, **(env or {})}, timeout=timeout)


def crashed(p) -> bool:
    return p.returncode not in (0, 1) or "nội bộ" in p.stderr or "Traceback" in p.stderr


def report(name: str, tried: int, held: int, **bad: int) -> None:
    global BAD
    BAD += sum(bad.values())
    extra = ", ".join(f"{v} {k.replace('_', ' ')}" for k, v in bad.items())
    print(f"{name}: {tried} tried, {held} held; {extra}", flush=True)


def valid_docx(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return zf.testzip() is None and "word/document.xml" in zf.namelist()
    except zipfile.BadZipFile:
        return False


def corrupt_files(out: Path) -> int:
    from docgen.pipeline.writer import Manifest, sha256

    manifest = Manifest(out)
    bad = 0
    for p in out.rglob("*.docx"):
        if ".docgen" in p.relative_to(out).parts:
            continue
        data = p.read_bytes()
        if not valid_docx(data) or not manifest.accepts(p.relative_to(out).as_posix(), sha256(data)):
            bad += 1
    return bad


def contents(work: Path) -> tuple[Path, Path]:
    a, b = work / "content-a", work / "content-b"
    shutil.copytree(CONTENT, a)
    shutil.copytree(CONTENT, b)
    q = b / "quyet-dinh.yaml"
    q.write_text(q.read_text("utf-8").replace('so: ""', 'so: "15"', 1), "utf-8")
    return a, b


def concurrency(work: Path, a: Path, b: Path, rounds: int) -> None:
    out = work / "conc"
    tried = held = crashes = corrupt = 0
    for _ in range(rounds):
        procs = [subprocess.Popen([*DOCGEN, "build", "--content", str(c), "--out", str(out)],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                 for c in (a, b)]
        for p in procs:
            _, err = p.communicate(timeout=300)
            tried += 1
            ok = p.returncode == 0
            held += ok
            crashes += not ok
            if not ok:
                print("   ", err.strip().splitlines()[-1:], flush=True)
        corrupt += corrupt_files(out)
    report("two builds at once", tried, held, crashes=crashes, corrupt_files=corrupt)
    out = work / "conc-xp"
    tried = held = crashes = 0
    for _ in range(max(2, rounds // 5)):
        procs = [subprocess.Popen([*DOCGEN, "xa-phuong", "--content", str(a), "--out", str(out), "--no-check"],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
        for p in procs:
            p.communicate(timeout=300)
            tried += 1
            held += p.returncode == 0
            crashes += p.returncode != 0
    report("two xa-phuong at once", tried, held, crashes=crashes, corrupt_files=corrupt_files(out))


def kills(work: Path, a: Path, b: Path, count: int) -> None:
    ref = work / "ref"
    run("build", "--content", b, "--out", ref)
    reference = {n: (ref / n).read_bytes() for n in DOCS}
    out = work / "kill"
    tried = held = corrupt = lost = crashes = 0
    rng = random.Random(1)
    for i in range(count):
        content = a if i % 2 else b
        run("build", "--content", a if i % 2 == 0 else b, "--out", out)
        before = {n: (out / n).read_bytes() for n in DOCS if (out / n).exists()}
        p = subprocess.Popen([*DOCGEN, "build", "--content", str(content), "--out", str(out)],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.2, 1.6))
        p.send_signal(signal.SIGKILL)
        p.wait()
        tried += 1
        bad = corrupt_files(out)
        corrupt += bad
        after = run("build", "--content", b, "--out", out)
        crashes += crashed(after)
        same = after.returncode == 0 and all((out / n).read_bytes() == reference[n] for n in DOCS)
        lost += not same and bool(before)
        held += not bad and same
    report("kill -9 during a build", tried, held, crashes=crashes, corrupt_files=corrupt,
           failed_rebuilds=lost)


def _descendants(pid: int) -> set[int]:
    found, todo = set(), [pid]
    while todo:
        parent = todo.pop()
        for child in Path("/proc").glob("[0-9]*"):
            try:
                if int((child / "stat").read_text().split(") ")[1].split()[1]) == parent:
                    found.add(int(child.name))
                    todo.append(int(child.name))
            except (OSError, IndexError, ValueError):
                pass
    return found


def _alive(pid: int) -> bool:
    try:
        return (Path("/proc") / str(pid) / "stat").read_text().split(") ")[1][0] != "Z"
    except (OSError, IndexError):
        return False


def parent_kills(work: Path, a: Path, count: int) -> None:
    cases = [("xa-phuong", ["xa-phuong", "--content", str(a), "--out", str(work / "pk"), "--jobs", "2",
                            "--no-check", "--force"])]
    if shutil.which("soffice"):
        run("build", "--content", a, "--out", work / "pk-pdf")
        cases.append(("pdf", ["pdf", str(work / "pk-pdf")]))
    for name, args in cases:
        tried = survivors = 0
        for _ in range(count):
            shutil.rmtree(work / "pk", ignore_errors=True)
            shutil.rmtree(work / "pk-pdf" / "pdf", ignore_errors=True)
            p = subprocess.Popen([*DOCGEN, *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                 cwd=work)
            kids: set[int] = set()
            deadline = time.monotonic() + 20
            while time.monotonic() < deadline and p.poll() is None:
                kids |= _descendants(p.pid)
                if len(kids) >= 2:
                    break
                time.sleep(0.05)
            if p.poll() is not None or not kids:
                continue  # finished before any helper started: nothing to try
            time.sleep(0.2)
            kids |= _descendants(p.pid)
            os.kill(p.pid, signal.SIGKILL)
            p.wait()
            tried += 1
            time.sleep(3)
            left = [k for k in kids if _alive(k)]
            survivors += bool(left)
            for k in left:  # clean up what this script started
                os.kill(k, signal.SIGKILL)
        report(f"kill -9 of the parent alone ({name})", tried, tried - survivors, survivors=survivors)


def lost_edits(work: Path, a: Path, rounds: int) -> None:
    """In one process (a build takes ~0.2 s warm), so that both forced builds share a second."""
    from docgen.pipeline import build

    out = work / "edits"
    build(a, out)
    tried = kept = same_second = 0
    for r in range(rounds):
        edits = []
        start = time.time()
        for k in range(2):
            text = f"sua tay {r}-{k}".encode()
            (out / "ke-hoach.docx").write_bytes(text)
            edits.append(text)
            build(a, out, force=True, check=False)
        same_second += int(start) == int(time.time())
        saved = {p.read_bytes() for p in (out / ".docgen" / "sao-luu").rglob("ke-hoach.docx")}
        tried += 2
        kept += sum(e in saved for e in edits)
    report(f"hand edits then --force twice ({same_second}/{rounds} pairs in one second)", tried, kept,
           lost_edits=tried - kept)


def _mount(point: Path, size: str) -> bool:
    point.mkdir(parents=True, exist_ok=True)
    return subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(point)],
                          capture_output=True).returncode == 0


def faults(work: Path, a: Path, b: Path) -> None:
    if os.geteuid() != 0:
        print("faults: skipped (needs root for a tmpfs)")
        return
    full, ro = work / "full", work / "ro"
    try:
        tried = held = 0
        for size in ("16k", "28k", "40k", "52k", "64k"):   # the disk fills at different points
            if not _mount(full, size):
                break
            p = run("build", "--content", a, "--out", full / "b")
            tried += 1
            tmp_left = list(full.rglob("*.docgen-tmp"))
            ok = (p.returncode == 1 and "[io.disk-full]" in p.stderr) or p.returncode == 0
            held += ok and not tmp_left and not crashed(p) and corrupt_files(full / "b") == 0
            if not ok or tmp_left:
                print("   ", size, p.returncode, p.stderr.strip()[-200:], tmp_left, flush=True)
            subprocess.run(["umount", str(full)], capture_output=True)
        report("full disk (tmpfs 16–64 KB)", tried, held, unclear_or_half_written=tried - held)
        tried = held = 0
        if _mount(ro, "20m"):
            run("build", "--content", a, "--out", ro / "b")
            subprocess.run(["mount", "-o", "remount,ro", str(ro)], check=True)
            p = run("build", "--content", a, "--out", ro / "b")
            tried += 1
            held += p.returncode == 0 and "0 đã ghi, 4 không đổi" in p.stdout
            p = run("build", "--content", b, "--out", ro / "b")
            tried += 1
            held += p.returncode == 1 and "[io.read-only]" in p.stderr and not crashed(p)
        report("read-only disk (up to date, then changed)", tried, held, wrong=tried - held)
    finally:
        for point in (full, ro):
            subprocess.run(["umount", str(point)], capture_output=True)


def _measure(args: list[str]) -> tuple[int, float, float, str]:
    """(exit status, peak RSS in MB, seconds, last stderr line) of one docgen run."""
    code = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
            "p = subprocess.run(sys.argv[1:], capture_output=True, text=True); "
            "print(p.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, "
            "time.perf_counter() - t); print(p.stderr.strip().splitlines()[-1:] or [''])")
    out = subprocess.run([sys.executable, "-c", code, *DOCGEN, *args], capture_output=True, text=True)
    first, second = out.stdout.splitlines()[:2]
    status, rss, secs = first.split()
    return int(status), int(rss) / 1024, float(secs), second


def bounded(work: Path) -> None:
    from tests.check import bombs

    files = {"16 header links to one 30 MB part": bombs.header_links(work / "links.docx"),
             "900,000 empty paragraphs": bombs.empty_paragraphs(work / "empty.docx")}
    over = 0
    for name, path in files.items():
        for command in (["check", path], ["diff", path, path]):
            status, rss, secs, last = _measure([str(a) for a in command])
            over += rss > 512 or secs > 20
            print(f"  {command[0]} {name} ({path.stat().st_size // 1024} KB): exit {status}, "
                  f"peak {rss:.0f} MB, {secs:.1f} s: {last}", flush=True)
    report("bounded reading (≤ 512 MB, ≤ 20 s)", 4, 4 - over, over_budget=over)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=20)
    ap.add_argument("--kills", type=int, default=30)
    ap.add_argument("--quick", action="store_true", help="a few rounds of each")
    opts = ap.parse_args()
    if opts.quick:
        opts.rounds, opts.kills = 3, 4
    with tempfile.TemporaryDirectory(prefix="docgen-stress-") as tmp:
        work = Path(tmp)
        a, b = contents(work)
        concurrency(work, a, b, opts.rounds)
        kills(work, a, b, opts.kills)
        parent_kills(work, a, max(2, opts.kills // 6))
        lost_edits(work, a, opts.rounds)
        faults(work, a, b)
        bounded(work)
    print("all held" if BAD == 0 else f"{BAD} problems", flush=True)
    return 0 if BAD == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
