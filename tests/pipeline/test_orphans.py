"""Issue #12 case 6: pool workers and LibreOffice exit when docgen is killed (kill -9)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from tests.conftest import ROOT


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a zombie waiting for its (new) parent counts as gone
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split(") ")[1][0] != "Z"
    except OSError:
        return True


def _gone_within(pids, seconds=10.0) -> list[int]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        left = [p for p in pids if _alive(p)]
        if not left:
            return []
        time.sleep(0.1)
    return left


def _run_and_kill(script: str) -> list[int]:
    """Run `script`, read the pids it prints (one line), kill -9 it, return those pids."""
    proc = subprocess.Popen([sys.executable, "-c", textwrap.dedent(script)], cwd=ROOT,
                            stdout=subprocess.PIPE, text=True)
    line = proc.stdout.readline()
    pids = [int(p) for p in line.split()]
    assert pids, "the script printed no pid"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    return pids


@pytest.mark.skipif(os.name != "posix", reason="kill -9 semantics")
def test_batch_pool_workers_exit_when_the_parent_is_killed():
    pids = _run_and_kill("""
        import os, time
        from concurrent.futures import ProcessPoolExecutor
        from docgen.pipeline import batch

        def pid_then_wait(_):
            return os.getpid()

        batch._init_worker = lambda *a: None  # only the parent watch of the real initializer
        from docgen.parentwatch import die_with_parent
        pool = ProcessPoolExecutor(2, initializer=die_with_parent, initargs=(os.getpid(),))
        pids = {pool.submit(pid_then_wait, i).result() for i in range(4)}
        print(*pids, flush=True)
        time.sleep(60)
    """)
    assert _gone_within(pids) == []


def test_the_batch_initializer_sets_the_parent_watch(monkeypatch, project):
    from docgen.pipeline import batch

    called = []
    monkeypatch.setattr(batch, "die_with_parent", called.append)
    batch._init_worker(None, str(ROOT / "templates"), False, "b", "x", 4242)
    assert called == [4242]


@pytest.mark.skipif(os.name != "posix", reason="process groups")
def test_libreoffice_is_killed_when_docgen_is_killed(tmp_path):
    """A stand-in soffice that starts a child and hangs, as soffice.bin under oosplash does."""
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\nsleep 300 &\necho $! > \"$DOCGEN_TEST_PIDS\"\necho $$ >> \"$DOCGEN_TEST_PIDS\"\n"
                    "wait\n")
    fake.chmod(0o755)
    pids_file = tmp_path / "pids"
    docx = tmp_path / "a.docx"
    docx.write_bytes(b"PK")
    script = f"""
        import os, threading, time
        os.environ["DOCGEN_TEST_PIDS"] = {str(pids_file)!r}
        from pathlib import Path
        from docgen.preview.pool import Job, convert
        t = threading.Thread(target=convert, args=([Job(Path({str(docx)!r}), Path({str(tmp_path / 'a.pdf')!r}))],),
                             kwargs=dict(soffice={str(fake)!r}, timeout=300), daemon=True)
        t.start()
        while not os.path.exists({str(pids_file)!r}) or len(open({str(pids_file)!r}).read().split()) < 2:
            time.sleep(0.05)
        print(open({str(pids_file)!r}).read().replace(chr(10), " "), flush=True)
        time.sleep(60)
    """
    pids = _run_and_kill(script)
    assert len(pids) == 2
    assert _gone_within(pids) == []
