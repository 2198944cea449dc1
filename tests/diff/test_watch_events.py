"""`docgen watch` wakes on the operating system's file events (watchfiles): one rebuild per
settled save, editor and Office temporary files ignored."""

from __future__ import annotations

import threading
import time

import watchfiles

from docgen.diff.watch import ContentFilter, watch


def test_filter_ignores_temporary_files(tmp_path):
    keep = ContentFilter()
    change = watchfiles.Change.modified
    assert keep(change, str(tmp_path / "phu-luc.yaml"))
    for name in ("~$quyet-dinh.docx", ".phu-luc.yaml.swp", "phu-luc.yaml~", "x.tmp", ".#phu-luc.yaml"):
        assert not keep(change, str(tmp_path / name)), name


def test_a_save_in_several_writes_is_one_rebuild(tmp_path):
    target = tmp_path / "phu-luc.yaml"
    target.write_text("a: 1\n", "utf-8")
    calls = []

    def save():
        time.sleep(0.3)
        (tmp_path / "~$lock.docx").write_text("x", "utf-8")   # ignored
        for text in ("a: 2\n", "a: 3\n", "a: 4\n"):
            target.write_text(text, "utf-8")
            time.sleep(0.02)

    threading.Thread(target=save).start()
    stop = threading.Event()
    safety = threading.Timer(8, stop.set)   # never hang the suite
    safety.start()
    builds = watch([tmp_path], calls.append, quiet=0.2, max_builds=1, stop=stop)
    safety.cancel()
    assert builds == 1
    assert calls == [[str(target)]]
