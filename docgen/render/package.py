"""Deterministic DOCX packaging: fixed entry order, timestamps and attributes.

Same parts in, same bytes out: every entry is dated 1980-01-01, written in the template's
order with the same compression and attributes, so a rebuild is byte-identical.
"""

from __future__ import annotations

import io
import zipfile
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
    """Zip `entries` (name, data) in the given order, reproducibly."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            zf.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=6)
    return buf.getvalue()
