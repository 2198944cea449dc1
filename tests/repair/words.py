"""Word-for-word comparison of a document's text before and after a repair.

A repair may change spaces, punctuation, zero padding, letter case and the Unicode form;
never a word. So the comparison is on NFC, case-folded runs of letters and digits (numbers
compared by value: "05" is "5")."""
from __future__ import annotations

import io
import re
import unicodedata
import zipfile

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_WORD = re.compile(r"\w+")


def document_text(data: bytes) -> str:
    """All w:t text of the main document (headers hold page number fields, whose shown
    number is no text of the document; deleted text w:delText is excluded)."""
    out = []
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name in sorted(z.namelist()):
            if name == "word/document.xml":
                root = etree.fromstring(z.read(name))
                for p in root.iter(W + "p"):
                    out.append("".join(el.text or "" if el.tag == W + "t" else " "
                                       for el in p.iter(W + "t", W + "br", W + "tab", W + "cr")))
    return "\n".join(out)


def words(text: str) -> list[str]:
    norm = unicodedata.normalize("NFC", text).casefold()
    return [str(int(t)) if t.isdigit() else t for t in _WORD.findall(norm)]
