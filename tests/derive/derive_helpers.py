"""Reading rendered DOCX text back for the derived-plan tests."""

import re
import zipfile
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CONTENT = ROOT / "content" / "hoai-nhon-2021"
_T = r"<w:t(?: [^>]*)?>([^<]*)</w:t>"


def _unescape(text: str) -> str:
    return (text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&#39;", "'")
            .replace("&amp;", "&"))


def _xml(data: bytes) -> str:
    return zipfile.ZipFile(BytesIO(data)).read("word/document.xml").decode("utf-8")


def paragraphs(data: bytes) -> list[str]:
    """The text of every paragraph (w:br as a line break), in order."""
    out = []
    for p in re.findall(r"<w:p[ >].*?</w:p>", _xml(data), re.S):
        p = re.sub(r"<w:br/>", "<w:t>\n</w:t>", p)
        out.append(_unescape("".join(re.findall(_T, p))))
    return out


def table_rows(data: bytes) -> list[list[str]]:
    rows = []
    for tr in re.findall(r"<w:tr[ >].*?</w:tr>", _xml(data), re.S):
        cells = re.findall(r"<w:tc>.*?</w:tc>", tr, re.S)
        rows.append([_unescape("".join(re.findall(_T, c))) for c in cells])
    return rows
