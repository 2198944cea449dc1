"""Deterministic DOCX packaging: fixed entry order, timestamps and attributes.

Same parts in, same bytes out: every entry is dated 1980-01-01, written in the template's
order with the same compression and attributes, so a rebuild is byte-identical.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections import OrderedDict
from xml.sax.saxutils import escape

_EPOCH = (1980, 1, 1, 0, 0, 0)

CORE_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
    ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"'
    ' xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
    "<dc:title>{title}</dc:title><dc:creator>{creator}</dc:creator>"
    "<cp:lastModifiedBy>docgen</cp:lastModifiedBy><cp:revision>1</cp:revision>"
    "<dc:language>vi-VN</dc:language>"
    '<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
    '<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>'
    "</cp:coreProperties>"
)


def core_properties(title: str, creator: str, stamp: str) -> bytes:
    """docProps/core.xml from the document itself (never the clock). `stamp`: W3CDTF date."""
    return CORE_XML.format(title=escape(title), creator=escape(creator), stamp=stamp).encode("utf-8")


def write_zip(entries: list[tuple[str, bytes]]) -> bytes:
    """Zip `entries` (name, data) in the given order, reproducibly: the bytes zipfile writes
    (tests/render/test_package.py compares them), with each entry's compressed record
    cached by content, so the parts every document of a template shares (styles, settings,
    headers, relationships) are compressed once per process, not once per document."""
    if not all(name.isascii() for name, _ in entries) or \
            sum(len(data) for _, data in entries) > _MAX_FAST:
        return _zipfile(entries)
    out, central = [], []
    offset = 0
    for name, data in entries:
        local, crc, size, packed = _record(name, data)
        out.append(local)
        central.append(struct.pack(_CENTRAL, b"PK\x01\x02", 20, 0, 20, 0, 0, 8, _DOS_TIME, _DOS_DATE,
                                   crc, packed, size, len(name), 0, 0, 0, 0, _ATTR, offset)
                       + name.encode("ascii"))
        offset += len(local)
    directory = b"".join(central)
    end = struct.pack(_END, b"PK\x05\x06", 0, 0, len(entries), len(entries), len(directory),
                      offset, 0)
    return b"".join(out) + directory + end


# ZIP records (APPNOTE.TXT 4.3.7, 4.3.12, 4.3.16) exactly as zipfile writes them for the
# entries above: version 2.0, no flags, deflate, no extra field, no comment, and the
# external attributes zipfile gives an entry that has none (?rw-------)
_ATTR = 0o600 << 16
_LOCAL, _CENTRAL, _END = "<4s2B4HL2L2H", "<4s4B4HL2L5H2L", "<4s4H2LH"
_DOS_DATE = (_EPOCH[0] - 1980) << 9 | _EPOCH[1] << 5 | _EPOCH[2]
_DOS_TIME = _EPOCH[3] << 11 | _EPOCH[4] << 5 | _EPOCH[5] // 2
_MAX_FAST = 1 << 30           # beyond (never for a document), zipfile and its ZIP64 records
_records: OrderedDict[tuple[str, bytes], tuple[bytes, int, int, int]] = OrderedDict()
_MAX_RECORDS = 256
_MAX_CACHED = 256 * 1024


def _record(name: str, data: bytes) -> tuple[bytes, int, int, int]:
    """(local header + deflated data, crc, size, compressed size) of one entry."""
    key = (name, data)
    hit = _records.get(key)
    if hit is not None:
        _records.move_to_end(key)
        return hit
    deflate = zlib.compressobj(6, zlib.DEFLATED, -15)
    packed = deflate.compress(data) + deflate.flush()
    crc = zlib.crc32(data)
    raw = name.encode("ascii")
    local = struct.pack(_LOCAL, b"PK\x03\x04", 20, 0, 0, 8, _DOS_TIME, _DOS_DATE, crc, len(packed),
                        len(data), len(raw), 0) + raw + packed
    hit = (local, crc, len(data), len(packed))
    if len(data) <= _MAX_CACHED and getattr(data, "tree", False) is False:
        # (a RenderedPart, rendered for one document, has a `tree`: not kept)
        _records[key] = hit
        if len(_records) > _MAX_RECORDS:
            _records.popitem(last=False)
    return hit


def _zipfile(entries: list[tuple[str, bytes]]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            zf.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=6)
    return buf.getvalue()
