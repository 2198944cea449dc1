"""The Excel form of an appendix (issue #13): its layout and how a cell's text maps to content.

One sheet per appendix ("Phụ lục"). Row 1: "Tiêu đề" and the title (B1, merged to the last
column); row 2: the printed column headers; row 3: the column keys (`tt`, `nhiem_vu`, …: what
docgen reads, so a header can be reworded freely); rows 4…: one row per group (its TT a Roman
numeral: I, II, …) or task (any other TT, usually 1, 2, …; docgen numbers tasks itself).
A cell that holds several entries (products, agencies) has one entry per line (Alt+Enter).
Thời gian: one text, or the printed lines "- Ban hành Kế hoạch: …" / "- Thực hiện: …".

Both directions live here so that writing and reading cannot drift apart (the export checks
that every cell it writes reads back to the same value).
"""

from __future__ import annotations

import re

SHEET = "Phụ lục"
AGENCY_SHEET = "Cơ quan"
TITLE_ROW, HEADER_ROW, KEY_ROW, FIRST_ROW = 1, 2, 3, 4
TITLE_LABEL = "Tiêu đề"

# key -> (default header, Excel column width in characters)
COLUMNS: dict[str, tuple[str, int]] = {
    "tt": ("TT", 6),
    "nhiem_vu": ("Nhiệm vụ", 48),
    "san_pham": ("Sản phẩm", 30),
    "chu_tri": ("Cơ quan chủ trì", 24),
    "phoi_hop": ("Cơ quan phối hợp", 28),
    "thoi_gian": ("Thời gian hoàn thành", 24),
    "kinh_phi": ("Kinh phí", 16),
    "ket_qua": ("Kết quả", 24),
    "ghi_chu": ("Ghi chú", 18),
    "theo_doi": ("Theo dõi, kiểm tra, đôn đốc", 24),
}
DEFAULT_COLUMNS = ("tt", "nhiem_vu", "san_pham", "chu_tri", "phoi_hop", "thoi_gian", "ghi_chu")
LIST_FIELDS = {"san_pham", "phoi_hop"}          # always a list, one entry per line
AGENCY_FIELDS = {"chu_tri": "chủ trì", "phoi_hop": "phối hợp", "theo_doi": "theo dõi"}
REQUIRED = {"nhiem_vu", "san_pham", "chu_tri", "thoi_gian"}

_ROMAN = re.compile(r"^(?=[IVXLC])M*(C[MD]|D?C{0,3})(X[CL]|L?X{0,3})(I[XV]|V?I{0,3})$")
_TIME_PARTS = {"Ban hành Kế hoạch": "ban_hanh", "Thực hiện": "thuc_hien"}
_TIME_LINE = re.compile(r"^(?:- )?(Ban hành Kế hoạch|Thực hiện): (.+)$")


def is_group_number(text: str) -> bool:
    """A group row's TT: a Roman numeral (I, II, …, XL)."""
    return bool(_ROMAN.match(text.strip()))


def lines(text: str) -> list[str]:
    """The entries of a cell: one per line, blank lines dropped."""
    return [line.strip() for line in text.split("\n") if line.strip()]


def time_value(text: str):
    """Thời gian cell -> the content value (a str, or {ban_hanh, thuc_hien})."""
    parts = [_TIME_LINE.match(line) for line in lines(text)]
    if parts and all(parts) and len({m.group(1) for m in parts}) == len(parts):
        return {_TIME_PARTS[m.group(1)]: m.group(2) for m in parts}
    return text


def time_text(thoi_gian) -> str:
    """The content value (model ThoiGian) -> its cell text: the printed lines."""
    return "\n".join(thoi_gian.dong())


def cell_value(key: str, text: str):
    """The content value of a task cell from its text (None: the cell says nothing)."""
    if not text.strip():
        return None
    if key == "thoi_gian":
        return time_value(text)
    if key in LIST_FIELDS:
        return lines(text)
    if key in AGENCY_FIELDS:
        entries = lines(text)
        return entries[0] if len(entries) == 1 else entries
    return text
