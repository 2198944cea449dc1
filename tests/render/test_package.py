"""The deterministic zip writer: exactly the bytes zipfile writes for the same entries
(so every build stays byte-identical), with its per-entry cache."""
from __future__ import annotations

import io
import zipfile

import pytest

from docgen.render import package
from docgen.render.package import _EPOCH, write_zip


def _reference(entries: list[tuple[str, bytes]]) -> bytes:
    """What docgen wrote before the cached writer (zipfile, entry by entry)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            zf.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=6)
    return buf.getvalue()


def test_same_bytes_as_zipfile_on_every_built_document(tmp_path):
    from docgen.pipeline import build
    from tests.conftest import ROOT

    outputs = build(ROOT / "content" / "hoai-nhon-2021", tmp_path, check=False).outputs
    assert len(outputs) >= 4
    for rel, data in outputs.items():
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            entries = [(i.filename, zf.read(i)) for i in zf.infolist()]
        assert len(entries) > 5
        assert write_zip(entries) == _reference(entries) == data, rel
        assert write_zip(entries) == data, rel          # again, from the cache


@pytest.mark.parametrize("entries", [
    [("a.xml", b"")],
    [("a.xml", b"x" * 100_000), ("b/c.xml", bytes(range(256)) * 50)],
    [("[Content_Types].xml", b"<x/>"), ("word/document.xml", "tiếng Việt".encode() * 999)],
])
def test_same_bytes_on_edge_cases(entries):
    assert write_zip(entries) == _reference(entries)
    with zipfile.ZipFile(io.BytesIO(write_zip(entries))) as zf:
        assert zf.testzip() is None
        assert [(i.filename, zf.read(i)) for i in zf.infolist()] == entries


def test_non_ascii_names_fall_back_to_zipfile():
    entries = [("word/tài-liệu.xml", b"<x/>"), ("a.xml", b"<y/>")]
    assert write_zip(entries) == _reference(entries)


def test_parts_rendered_for_one_document_are_not_cached():
    from docgen.render.engine import RenderedPart

    package._records.clear()
    write_zip([("word/styles.xml", b"<s/>"), ("word/document.xml", RenderedPart(b"<d/>"))])
    assert [name for name, _ in package._records] == ["word/styles.xml"]
