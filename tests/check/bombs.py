"""Generators of hostile DOCX files that are small on disk and huge once read (issue #12).

    header_links(path)      16 header relationships to one 30 MB header part (~350 KB file)
    empty_paragraphs(path)  900,000 empty paragraphs (~350 KB file)

Used by tests/check/test_bounded.py and scripts/stress.py (which measures peak memory).
"""

from __future__ import annotations

import random
import zipfile
from pathlib import Path

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CT = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
      '<Default Extension="xml" ContentType="application/xml"/>'
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
      'officedocument.wordprocessingml.document.main+xml"/></Types>')
ROOT_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
             '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
             '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
             'relationships/officeDocument" Target="word/document.xml"/></Relationships>')
WORDS = ("Ủy ban", "nhân dân", "kế hoạch", "cải cách", "hành chính", "năm 2021", "thị xã", "Hoài Nhơn")
RSIDS = tuple(f"00{i * 7919 % 65536:04X}{i:02X}" for i in range(10))
BODY_TEXT = "<w:p><w:r><w:t>Văn bản thử</w:t></w:r></w:p>"


def _write(path: Path, parts: dict[str, str | bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for member, data in parts.items():
            zf.writestr(member, data)
    return Path(path)


def _doc_rels(links: int) -> str:
    rels = "".join(f'<Relationship Id="rIdH{i}" Type="{R}/header" Target="header1.xml"/>'
                   for i in range(links))
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://'
            f'schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>')


def header_links(path: Path, links: int = 16, header_mb: int = 30) -> Path:
    """`links` header relationships (in `links` sections) to one header of `header_mb` MB."""
    rng = random.Random(12)
    chunks, size = [], 0
    while size < header_mb * 1024 * 1024:
        p = f'<w:p><w:r><w:t>{rng.choice(WORDS[:3])}</w:t></w:r></w:p>'
        chunks.append(p)
        size += len(p)
    header = f'<w:hdr xmlns:w="{W}">{"".join(chunks)}</w:hdr>'
    sections = "".join(f'<w:p><w:pPr><w:sectPr><w:headerReference xmlns:r="{R}" w:type="default" '
                       f'r:id="rIdH{i}"/></w:sectPr></w:pPr></w:p>' for i in range(links))
    document = f'<w:document xmlns:w="{W}"><w:body>{BODY_TEXT}{sections}</w:body></w:document>'
    return _write(path, {"[Content_Types].xml": CT, "_rels/.rels": ROOT_RELS,
                         "word/document.xml": document, "word/_rels/document.xml.rels": _doc_rels(links),
                         "word/header1.xml": header})


def empty_paragraphs(path: Path, count: int = 900_000, attributes: bool = True) -> Path:
    """`count` empty paragraphs, each with a revision id as Word writes them (or none)."""
    rng = random.Random(9)
    paras = ("".join(f'<w:p w:rsidR="{rng.choice(RSIDS)}"/>' for _ in range(count)) if attributes
             else "<w:p/>" * count)
    document = f'<w:document xmlns:w="{W}"><w:body>{BODY_TEXT}{paras}</w:body></w:document>'
    return _write(path, {"[Content_Types].xml": CT, "_rels/.rels": ROOT_RELS, "word/document.xml": document})


def big_but_fine(path: Path, paragraphs: int = 10_000) -> Path:
    """A large ordinary document (well inside every limit): it must still be read."""
    document = f'<w:document xmlns:w="{W}"><w:body>{BODY_TEXT * paragraphs}</w:body></w:document>'
    return _write(path, {"[Content_Types].xml": CT, "_rels/.rels": ROOT_RELS, "word/document.xml": document})


def many_runs(path: Path, count: int = 990_000) -> Path:
    """One paragraph of `count` empty runs: just under the node limit, one paragraph."""
    document = (f'<w:document xmlns:w="{W}"><w:body>{BODY_TEXT}<w:p>{"<w:r/>" * count}</w:p>'
                "</w:body></w:document>")
    return _write(path, {"[Content_Types].xml": CT, "_rels/.rels": ROOT_RELS, "word/document.xml": document})
