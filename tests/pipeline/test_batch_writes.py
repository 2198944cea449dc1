"""The writer's batch (writer.replace_all, write_outputs): every file goes to a temporary file
before any is renamed, a failed write replaces nothing, one sync() instead of an fsync per
file, and digests made by the batch's workers are recorded as they are."""

from __future__ import annotations

import errno
import os

import pytest

from docgen.errors import DocgenError
from docgen.pipeline import writer


def _files(out):
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()
            and ".docgen" not in p.relative_to(out).parts}


def test_a_failed_write_replaces_no_file(tmp_path, monkeypatch):
    old = {f"xa-{k}/ke-hoach.docx": f"old {k}".encode() for k in range(5)}
    writer.write_outputs(tmp_path, old)
    real, calls = writer._write_fd, []

    def fourth_fails(fd, data):
        calls.append(1)
        if len(calls) == 4:          # the manifest, then documents 1-2 written, the third fails
            os.write(fd, data[:2])
            raise OSError(errno.ENOSPC, "No space left on device")
        real(fd, data)

    monkeypatch.setattr(writer, "_write_fd", fourth_fails)
    with pytest.raises(DocgenError) as exc:
        writer.write_outputs(tmp_path, {rel: b"new" for rel in old})
    assert exc.value.problems[0].code == "io.disk-full"
    assert _files(tmp_path) == old                                  # not one replaced
    assert list(tmp_path.rglob(f"*{writer.TMP_SUFFIX}")) == []
    monkeypatch.setattr(writer, "_write_fd", real)
    assert writer.write_outputs(tmp_path, {rel: b"new" for rel in old}).written == sorted(old)
    assert set(_files(tmp_path).values()) == {b"new"}


def test_one_sync_before_and_after_the_renames_no_fsync_per_file(tmp_path, monkeypatch):
    if writer._SYNC is None:
        pytest.skip("no os.sync on this system: each file is fsynced")
    events = []
    real_replace = os.replace
    monkeypatch.setattr(writer, "_SYNC", lambda: events.append("sync"))
    monkeypatch.setattr(writer.os, "fsync", lambda fd: events.append("fsync"))
    monkeypatch.setattr(writer.os, "replace", lambda a, b: (events.append("rename"), real_replace(a, b)))
    files = {tmp_path / f"d{k}" / "a.docx": b"x" * k for k in range(4)}
    writer.replace_all(files)
    assert events == ["sync", "rename", "rename", "rename", "rename", "sync"]
    assert {p: p.read_bytes() for p in files} == files


def test_digests_given_are_recorded_without_hashing_again(tmp_path, monkeypatch):
    outputs = {"a/ke-hoach.docx": b"plan", "a/phu-luc.docx": b"annex"}
    digests = {rel: writer.sha256(data) for rel, data in outputs.items()}
    real, hashed = writer.sha256, []
    monkeypatch.setattr(writer, "sha256", lambda data: (hashed.append(data), real(data))[1])
    writer.write_outputs(tmp_path, outputs, digests=digests)
    assert hashed == []                                               # the new files: not hashed
    writer.write_outputs(tmp_path, outputs, digests=digests)
    assert len(hashed) == 2             # unchanged: each file on disk hashed, the outputs not
    manifest = writer.Manifest(tmp_path)
    assert manifest.files == {rel: [d] for rel, d in digests.items()}
