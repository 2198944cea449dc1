"""The Excel form of the appendices (issue #13): the layout, and how a cell's text maps to content.

One sheet per appendix: "Phụ lục" (one appendix) or "Phụ lục I", "Phụ lục II", … (several).
Row 1: "Tiêu đề" and the title (B1, merged to the last column); row 2: the printed column
headers; row 3: the column keys (`tt`, `nhiem_vu`, …: what docgen reads, so a header can be
reworded); rows 4…: one row per group or task. A group row's TT is its id: "I", "II" for the
groups, "I.1", "I.2" for the sub-groups of group I, "I.1.1" below that; any other TT is a task
(usually 1, 2, …: docgen numbers tasks itself). The name of a group is in the nhiem_vu column.
A cell that holds several entries (products; agencies of chủ trì, phối hợp, theo dõi) has one
entry per line (Alt+Enter): ";" does not separate entries. An agency line that is free text,
not an agency, starts with "ghi:" ({ghi: …} in YAML). A task printed over several rows (`dong`)
is one sheet row per row, its TT and Nhiệm vụ cells each one range merged vertically over them. Thời gian: one text, or the printed lines
"- Ban hành Kế hoạch: …" / "- Thực hiện: …".

Whether an appendix declares its columns (`cot`; the default seven print from another
template) is kept in a custom document property, `docgen-cot`: the sheets that declare them,
one per line, "<sheet>|khong-tt" when the TT column is there for the rows but not printed.
A workbook whose columns or headers differ from the default seven declares them anyway.

Both directions live here so that writing and reading cannot drift apart (`docgen excel`
checks that the workbook it writes reads back to the same documents).
"""

from __future__ import annotations

import re

from ..model.phu_luc import BAT_BUOC_MAC_DINH, COT, COT_CO_QUAN, COT_MAC_DINH
from ..vn.numbering import roman

SHEET = "Phụ lục"
AGENCY_SHEET = "Cơ quan"
DECLARED = "docgen-cot"
NO_TT = "khong-tt"
TITLE_ROW, HEADER_ROW, KEY_ROW, FIRST_ROW = 1, 2, 3, 4
TITLE_LABEL = "Tiêu đề"
MERGED = ("tt", "nhiem_vu")
"""The columns merged vertically over the rows of a task printed over several rows (`dong`)."""
GHI = "ghi:"

WIDTHS = {"tt": 6, "nhiem_vu": 48, "san_pham": 30, "chu_tri": 24, "phoi_hop": 28, "thoi_gian": 24,
          "kinh_phi": 16, "ket_qua": 24, "ghi_chu": 18, "theo_doi": 24}
AGENCY_FIELDS = {"chu_tri": "chủ trì", "phoi_hop": "phối hợp", "theo_doi": "theo dõi"}
assert set(AGENCY_FIELDS) == set(COT_CO_QUAN) and set(WIDTHS) == set(COT)
__all__ = ["BAT_BUOC_MAC_DINH", "COT", "COT_MAC_DINH"]

_ROMAN = r"(?=[IVXLC])M*(?:C[MD]|D?C{0,3})(?:X[CL]|L?X{0,3})(?:I[XV]|V?I{0,3})"
_GROUP = re.compile(rf"^{_ROMAN}(?:\.\d+)*$")
_SHEET = re.compile(rf"^{SHEET}(?: {_ROMAN})?$")
_TIME_PARTS = {"Ban hành Kế hoạch": "ban_hanh", "Thực hiện": "thuc_hien"}
_TIME_LINE = re.compile(r"^(?:- )?(Ban hành Kế hoạch|Thực hiện): (.+)$")


def sheet_name(i: int, many: bool) -> str:
    return f"{SHEET} {roman(i)}" if many else SHEET


def is_appendix_sheet(name: str) -> bool:
    return bool(_SHEET.match(name))


def group_depth(tt: str) -> int:
    """1 for a group row ("II"), 2 for a sub-group ("II.1"), …; 0 for a task row."""
    tt = tt.strip()
    return tt.count(".") + 1 if _GROUP.match(tt) else 0


def group_id(path: list[int]) -> str:
    """[2, 1] -> "II.1"."""
    return ".".join([roman(path[0])] + [str(n) for n in path[1:]])


def lines(text: str) -> list[str]:
    """The entries of a cell: one per line, blank lines dropped."""
    return [line.strip() for line in text.split("\n") if line.strip()]


def time_value(text: str):
    """Thời gian cell -> the content value (a str, or {ban_hanh, thuc_hien})."""
    parts = [_TIME_LINE.match(line) for line in lines(text)]
    if parts and all(parts) and len({m.group(1) for m in parts}) == len(parts):
        return {_TIME_PARTS[m.group(1)]: m.group(2) for m in parts}
    return text


def agency_entry(line: str):
    """One line of an agency cell: an agency reference, or {ghi: …} free text."""
    if line.lower().startswith(GHI):
        return {"ghi": line[len(GHI):].strip()}
    return line


def cell_value(key: str, text: str):
    """The content value of a task cell from its text (None: the cell says nothing)."""
    if not text.strip():
        return None
    if key == "thoi_gian":
        return time_value(text)
    if key == "san_pham":
        return lines(text)
    if key in AGENCY_FIELDS:
        entries = [agency_entry(x) for x in lines(text)]
        return entries[0] if len(entries) == 1 else entries
    return text


def cell_text(key: str, value, agency_name) -> str:
    """The cell text of a task's value (the model's), `agency_name(ref)` for agency references."""
    if key == "thoi_gian":
        return "\n".join(value.dong())
    if key == "san_pham":
        return "\n".join(value)
    if key in AGENCY_FIELDS:
        return "\n".join(agency_name(v) if isinstance(v, str) else f"{GHI} {v.ghi}" for v in value)
    return value or ""
