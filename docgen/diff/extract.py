"""A DOCX file as a list of comparable items: body paragraphs and table rows, in order.

Reads `word/document.xml` with lxml (no python-docx object tree: it is faster and sees merged
cells as they are stored). A table row is the tuple of its `w:tc` texts, so a merged cell
(`w:gridSpan`) counts once; a cell's paragraphs are joined with "\\n". Empty paragraphs are
dropped: they are layout, not content. Text is NFC.
"""

from __future__ import annotations

import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from docgen.errors import Problem, UsageError

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


def read_document_xml(path: Path) -> bytes:
    """The `word/document.xml` bytes of `path`; UsageError (exit 2) in Vietnamese otherwise."""
    if not path.exists():
        raise UsageError(Problem(str(path), None, "diff.missing-file", "không tìm thấy tệp"))
    if path.is_dir():
        raise UsageError(Problem(str(path), None, "diff.not-docx",
                                 "đây là thư mục, không phải tệp DOCX"))
    try:
        with zipfile.ZipFile(path) as z:
            return z.read("word/document.xml")
    except (zipfile.BadZipFile, KeyError, OSError) as exc:
        raise UsageError(Problem(str(path), None, "diff.not-docx",
                                 "không phải tệp DOCX (không đọc được word/document.xml)")) from exc


def extract(path: Path | str) -> list[Item]:
    """Items of the document body of `path`, in document order."""
    path = Path(path)
    data = read_document_xml(path)
    try:
        root = etree.fromstring(data)
    except etree.XMLSyntaxError as exc:
        raise UsageError(Problem(str(path), None, "diff.not-docx",
                                 "tệp DOCX hỏng: word/document.xml không phải XML hợp lệ")) from exc
    body = root.find(f"{{{W}}}body")
    items: list[Item] = []
    if body is not None:
        _walk(body, items)
    return items
