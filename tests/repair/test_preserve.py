"""Everything a fix does not concern stays as it was: images, comments, custom XML, an
earlier tracked change, fields, XML comments; only the parts that needed a fix are rewritten."""
from __future__ import annotations

import io
import struct
import zipfile
import zlib

import docx
from docx.shared import Mm

from docgen.repair.engine import repair_bytes
from tests.check.xmledit import W, find_para, mutate, w

CUSTOM = b'<?xml version="1.0"?><ho-so xmlns="urn:docgen-test"><ma>VB-01</ma></ho-so>'


def _png() -> bytes:
    raw = b"\x00\xff\x00\x00"
    chunk = lambda kind, data: (struct.pack(">I", len(data)) + kind + data  # noqa: E731
                                + struct.pack(">I", zlib.crc32(kind + data)))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def _rich(built) -> bytes:
    """docgen's decision plus an image, a comment, a custom XML item, an earlier tracked
    insertion, a DATE field and an XML comment; then its left margin broken."""
    d = docx.Document(io.BytesIO(built["quyet-dinh"]))
    p = d.paragraphs[-1]
    p.add_run().add_picture(io.BytesIO(_png()), width=Mm(5))
    target = next(q for q in d.paragraphs if q.text.startswith("Điều 2."))
    d.add_comment(target.runs[0], text="Xem lại thời hạn", author="Văn thư")
    buf = io.BytesIO()
    d.save(buf)

    def fn(root):
        from lxml import etree
        body = root.find(w("body"))
        body.insert(0, etree.Comment(" ghi chú của người soạn "))
        q = find_para(root, "Điều 3.")
        q.append(etree.fromstring(
            f'<w:ins xmlns:w="{W}" w:id="501" w:author="Phòng Nội vụ" w:date="2026-01-01T00:00:00Z">'
            '<w:r><w:t xml:space="preserve"> (đã bổ sung)</w:t></w:r></w:ins>'))
        q.append(etree.fromstring(f'<w:fldSimple xmlns:w="{W}" w:instr=" DATE "><w:r><w:t>'
                                  '01/01/2026</w:t></w:r></w:fldSimple>'))
        root.find(f"{w('body')}/{w('sectPr')}/{w('pgMar')}").set(w("left"), "1418")
    return mutate(buf.getvalue(), fn=fn, extra={"customXml/item1.xml": CUSTOM})


def test_only_the_fixed_part_is_rewritten(built):
    data = _rich(built)
    result = repair_bytes(data, "t.docx")
    assert "mục 1: lề trái 25,0 → 30,0 mm [nd30.margin]" in [str(f) for f in result.fixes]
    a, b = zipfile.ZipFile(io.BytesIO(data)), zipfile.ZipFile(io.BytesIO(result.data))
    assert [i.filename for i in a.infolist()] == [i.filename for i in b.infolist()]
    changed = {n for n in a.namelist() if a.read(n) != b.read(n)}
    assert changed == {"word/document.xml"}
    assert any(n.startswith("word/media/") for n in b.namelist())
    assert b.read("customXml/item1.xml") == CUSTOM
    xml = b.read("word/document.xml").decode()
    for kept in ("<!-- ghi chú của người soạn -->", 'w:author="Phòng Nội vụ"', "(đã bổ sung)",
                 'w:instr=" DATE "', "w:commentRangeStart", "w:commentReference", "r:embed="):
        assert kept in xml, kept
