"""A DOCX file as a list of comparable items: body paragraphs and table rows, in order.

Reads `word/document.xml` with lxml (no python-docx object tree: it is faster and sees merged
cells as they are stored). A table row is the tuple of its `w:tc` texts, so a merged cell
(`w:gridSpan`) counts once; a cell's paragraphs are joined with "\\n". Empty paragraphs are
dropped: they are layout, not content. Text is NFC.

Reading is bounded like `docgen check` (docgen/check/reader.py): only a regular file is read
(a FIFO or device is refused, never waited on), at most 50 MB, and word/document.xml is parsed
while it streams, within the checker's limits on XML size and node count (`[check.too-large]`).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from docgen.errors import DocgenError, Problem, UsageError

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_P, _TBL, _TR, _TC = (f"{{{W}}}{n}" for n in ("p", "tbl", "tr", "tc"))
_T, _TAB, _BR, _CR = (f"{{{W}}}{n}" for n in ("t", "tab", "br", "cr"))
_SDT, _SDTCONTENT = f"{{{W}}}sdt", f"{{{W}}}sdtContent"


@dataclass(frozen=True)
class Item:
    """One comparable unit. `kind` is "p" (paragraph) or "row"; `cells` is set for rows."""

    kind: str
    text: str
    cells: tuple[str, ...] = ()

    def display(self) -> str:
        """One line for people: line breaks as " ⏎ ", cells separated by " | "."""
        return self.text.replace("\n", " ⏎ ")


def paragraph_text(p: etree._Element) -> str:
    """The visible text of a `w:p`: runs, tabs as "\\t", line breaks as "\\n"."""
    parts: list[str] = []
    for el in p.iter(_T, _TAB, _BR, _CR):
        if el.tag == _T:
            parts.append(el.text or "")
        elif el.tag == _TAB:
            parts.append("\t")
        else:
            parts.append("\n")
    return unicodedata.normalize("NFC", "".join(parts))


def cell_text(tc: etree._Element) -> str:
    """A cell's paragraphs (nested tables included) joined with "\\n", empty ones dropped."""
    texts = (paragraph_text(p).strip() for p in tc.iter(_P))
    return "\n".join(t for t in texts if t)


def _walk(parent: etree._Element, out: list[Item]) -> None:
    for child in parent:
        if child.tag == _P:
            text = paragraph_text(child).strip()
            if text:
                out.append(Item("p", text))
        elif child.tag == _TBL:
            for tr in child.iterchildren(_TR):
                cells = tuple(cell_text(tc) for tc in tr.iterchildren(_TC))
                if any(cells):
                    out.append(Item("row", " | ".join(cells), cells))
        elif child.tag in (_SDT, _SDTCONTENT):
            _walk(child, out)


def read_document_root(path: Path) -> etree._Element:
    """The parsed `word/document.xml` of `path`; UsageError (exit 2) in Vietnamese otherwise."""
    from docgen.check.reader import MAX_FILE_BYTES, read_part
    from docgen.oserrors import read_input_bytes

    if not path.exists():
        raise UsageError(Problem(str(path), None, "diff.missing-file", "không tìm thấy tệp"))
    if path.is_dir():
        raise UsageError(Problem(str(path), None, "diff.not-docx",
                                 "đây là thư mục, không phải tệp DOCX"))
    try:
        data = read_input_bytes(path, MAX_FILE_BYTES, "diff.not-docx", "tệp DOCX")
        root = read_part(data, str(path), "word/document.xml")
    except DocgenError as exc:
        if all(p.code in ("check.empty", "check.not-docx", "check.corrupt") for p in exc.problems):
            root = None  # not a DOCX: the diff's own message below
        else:
            raise UsageError(exc.problems) from None  # too large, not a regular file, io.*
    if root is None:
        raise UsageError(Problem(str(path), None, "diff.not-docx",
                                 "không phải tệp DOCX (không đọc được word/document.xml)"))
    return root


def extract(path: Path | str) -> list[Item]:
    """Items of the document body of `path`, in document order."""
    root = read_document_root(Path(path))
    body = root.find(f"{{{W}}}body")
    items: list[Item] = []
    if body is not None:
        _walk(body, items)
    return items
