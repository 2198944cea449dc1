"""The text of the bundled derived and commune documents as they were before the skeletons.

`python -m tests.khung.golden OUT` writes tests/khung/data/*.txt from a build folder OUT made by
`docgen build/ke-hoach-con/xa-phuong --vi-du --out OUT` (it was run once, on main before the
sentences moved to docgen/khung/); test_golden.py compares today's documents with them.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from docx import Document

DATA = Path(__file__).parent / "data"
DOCUMENTS = ("ke-hoach-con/phong-noi-vu/kiem-tra.docx", "ke-hoach-con/phong-van-hoa-va-thong-tin/tuyen-truyen.docx",
             "ke-hoach-con/phong-van-hoa-va-thong-tin/ung-dung-cntt.docx",
             "ke-hoach-con/phong-noi-vu/i-5-khao-sat-muc-do-hai-long.docx",
             "ke-hoach-con/phong-noi-vu/bang-phan-cong.docx",
             "xa-phuong/hoai-my/ke-hoach.docx", "xa-phuong/hoai-my/phu-luc.docx",
             "xa-phuong/tam-quan-bac/ke-hoach.docx", "xa-phuong/tam-quan-bac/phu-luc.docx")


def text(data: bytes) -> str:
    doc = Document(io.BytesIO(data))
    lines = [p.text for p in doc.paragraphs]
    lines += [c.text for t in doc.tables for r in t.rows for c in r.cells]
    return "\n".join(lines) + "\n"


def name(rel: str) -> str:
    return rel.replace("/", "__").replace(".docx", ".txt")


if __name__ == "__main__":
    out = Path(sys.argv[1])
    for rel in DOCUMENTS:
        (DATA / name(rel)).write_text(text((out / rel).read_bytes()), "utf-8")
