"""Text conventions: NFC, the "./." end mark, list punctuation (căn cứ, Nơi nhận)."""

from __future__ import annotations

import unicodedata

END_MARK = "./."
_TRAILING = ";.,: "


def nfc(text: str) -> str:
    """Return `text` in Unicode NFC (precomposed), as TCVN 6909:2001 text is stored."""
    return unicodedata.normalize("NFC", text)


def strip_end(text: str) -> str:
    """Drop trailing list punctuation (";", ".", ",", ":") and spaces, keeping "./." intact."""
    text = text.rstrip()
    if text.endswith(END_MARK):
        text = text[: -len(END_MARK)]
    return text.rstrip(_TRAILING)


def with_end_mark(text: str) -> str:
    """End the last paragraph of a body with "./." (Decree 30 samples), never doubled."""
    return strip_end(text) + END_MARK


def punctuate_run(items: list[str], last: str = ".") -> list[str]:
    """End every item with ";" and the last one with `last` (căn cứ runs, Kính gửi lists)."""
    bare = [strip_end(i) for i in items]
    return [b + (last if n == len(bare) - 1 else ";") for n, b in enumerate(bare)]


def noi_nhan_lines(items: list[str], luu: str) -> list[str]:
    """The Nơi nhận lines: "- X;" for each recipient and the final "- Lưu: VT, ….".

    `luu` is what follows "Lưu: " (e.g. "VT, PNV"); when it is empty only "VT" is kept.
    """
    lines = [f"- {strip_end(i.lstrip('- '))};" for i in items]
    luu = strip_end(luu) or "VT"
    lines.append(f"- Lưu: {luu}.")
    return lines
