"""Extract the text of a real DOCX the way a reader sees it, for the fidelity test.

    python scripts/extract_docx_text.py ../shared/real-docx/ld09-kh-ubnd-cchc-2026.docx \
        -o tests/fidelity/ld09.txt

Output format (the one `tests/test_fidelity.py` reads, like the Hoài Nhơn seed):
- one body paragraph per line, in document order, with Word's automatic list labels
  ("1.", "a)") written in front as the page shows them; empty paragraphs are left out;
- a table of three or more columns (a data table such as the appendix) is one line per row,
  cells separated by a tab; the paragraphs of a cell are joined by a space; a cell merged
  with the one above (w:vMerge) is empty, a cell spanning n columns (w:gridSpan) is followed
  by n - 1 empty cells, so every row has the same number of cells;
- a layout table (one or two columns: the header block, Nơi nhận | signature) is written one
  line per cell paragraph, cell by cell, because that is how its text reads;
- tabs and line breaks inside a paragraph become one space; text is NFC; headers and footers
  (page numbers) are not part of the body and are left out.

Only the body text is written; the DOCX itself stays where it is (it is not copied).
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from pathlib import Path

from docx import Document
from docx.oxml.ns import qn

from docgen.check.numbering import Numbering

W_P, W_TBL, W_TR, W_TC = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc")


def numbering(document) -> Numbering:
    """Word's automatic list labels, counted as Word counts them (docgen.check.numbering, the
    checker's reader side)."""
    try:
        root = document.part.numbering_part.element
    except (KeyError, NotImplementedError):
        root = None
    return Numbering(root, document.part.styles.element)


def _val(element, tag: str) -> str | None:
    child = element.find(qn(tag))
    return None if child is None else child.get(qn("w:val"))


def paragraph_text(p) -> str:
    parts = []
    for node in p.iter(qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr")):
        parts.append(node.text or "" if node.tag == qn("w:t") else " ")
    return unicodedata.normalize("NFC", re.sub(r"\s+", " ", "".join(parts)).strip())


def cell_text(tc) -> str:
    return " ".join(t for t in (paragraph_text(p) for p in tc.iter(W_P)) if t)


def table_lines(tbl) -> list[str]:
    rows = []
    for tr in tbl.findall(W_TR):
        cells = []
        for tc in tr.findall(W_TC):
            pr = tc.find(qn("w:tcPr"))
            merge = pr.find(qn("w:vMerge")) if pr is not None else None
            continued = merge is not None and merge.get(qn("w:val")) in (None, "continue")
            cells.append("" if continued else cell_text(tc))
            span = _val(pr, "w:gridSpan") if pr is not None else None
            cells.extend([""] * (int(span or 1) - 1))
        rows.append(cells)
    if max((len(r) for r in rows), default=0) >= 3:
        return ["\t".join(r) for r in rows]
    lines = []
    for tr in tbl.findall(W_TR):
        for tc in tr.findall(W_TC):
            lines.extend(t for t in (paragraph_text(p) for p in tc.iter(W_P)) if t)
    return lines


def extract(path: Path) -> str:
    document = Document(str(path))
    numbers = numbering(document)
    lines = []
    for element in document.element.body.iterchildren():
        if element.tag == W_P:
            text = paragraph_text(element)
            label = numbers.label(element)
            if text:
                lines.append(f"{label} {text}" if label else text)
        elif element.tag == W_TBL:
            lines.extend(table_lines(element))
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("docx", type=Path)
    parser.add_argument("-o", "--out", type=Path, help="output file (default: standard output)")
    args = parser.parse_args(argv)
    text = extract(args.docx)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
