"""`docgen excel`: the appendix as an Excel workbook (openpyxl), laid out as xlsx_cols says.

A sheet per appendix ("Phụ lục", or "Phụ lục I", "Phụ lục II", …): title row, header row, key
row (frozen), one row per group and sub-group (bold, filled) and per task row (a task printed
over several rows: one sheet row each, its TT and Nhiệm vụ cells merged over them); wrapped text,
widths per column; every table cell is formatted as text ("@") so that a deadline typed as
12/2021 stays text in Excel; a dropdown (data validation, a warning only: an
alias or a key may be typed too) of the registry's agencies on the chủ trì column. Sheet
"Cơ quan": key, name, short name, aliases of every agency.

The bytes are reproducible: openpyxl stamps docProps/core.xml and every zip entry with the
clock, so the package is rewritten with fixed dates (the same parts, in the same order).
"""

from __future__ import annotations

import io
import re
import zipfile

from openpyxl import Workbook
from openpyxl.packaging.custom import StringProperty
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from .xlsx_cols import (
    AGENCY_SHEET,
    DECLARED,
    FIRST_ROW,
    HEADER_ROW,
    KEY_ROW,
    MERGED,
    NO_TT,
    TITLE_LABEL,
    TITLE_ROW,
    WIDTHS,
    cell_text,
    group_id,
    sheet_name,
)

STAMP = "2000-01-01T00:00:00Z"   # docProps/core.xml created/modified (never the clock)
_EPOCH = (1980, 1, 1, 0, 0, 0)
SPARE_ROWS = 100                 # empty rows below the table, already formatted as text

_BOLD = Font(bold=True)
_KEY_FONT = Font(italic=True, size=8, color="808080")
_HEAD_FILL = PatternFill("solid", fgColor="BDD7EE")
_GROUP_FILL = PatternFill("solid", fgColor="E2EFDA")
_WRAP = Alignment(wrap_text=True, vertical="top")
_CENTER = Alignment(wrap_text=True, vertical="center", horizontal="center")


def agency_name(ref: str, don_vi, index: dict[str, str]) -> str:
    """What a cell shows for an agency reference: its name, unless the name is ambiguous."""
    key = index.get(ref)
    if key is None:
        return ref
    name = don_vi.co_quan[key].ten
    return name if index.get(name) == key else key


def columns(pl) -> list[tuple[str, str]]:
    """(key, header) of every column of the sheet: the appendix's, with TT first if it has none."""
    cols = [(c.ma, c.tieu_de) for c in pl.cot_ds]
    return cols if "tt" in dict(cols) else [("tt", "TT")] + cols


def _rows(groups, keys, name, path=()):
    """(kind, [cell texts], rows of the task) for every group and task row, sub-groups below their
    group; a task printed over several rows gives one sheet row per row ("tiep" after the first,
    its TT and Nhiệm vụ cells left empty: merged into the first's)."""
    for gi, group in enumerate(groups, 1):
        here = [*path, gi]
        yield "nhom", [group_id(here) if k == "tt" else group.ten if k == "nhiem_vu" else "" for k in keys], 1
        for ti, task in enumerate(group.nhiem_vu, 1):
            for ri, row in enumerate(task.hang):
                first = {"tt": str(ti), "nhiem_vu": task.nhiem_vu} if ri == 0 else {"tt": "", "nhiem_vu": ""}
                yield ("tiep" if ri else "nhiem_vu",
                       [first[k] if k in first else cell_text(k, getattr(row, k), name) for k in keys],
                       len(task.hang))
        yield from _rows(group.nhom, keys, name, here)


def _merge_task(ws, keys, row: int, span: int) -> None:
    """A task over `span` rows: its TT and Nhiệm vụ cells are one merged range each."""
    for key in MERGED:
        col = get_column_letter(keys.index(key) + 1)
        ws.merge_cells(f"{col}{row}:{col}{row + span - 1}")


def _table_sheet(ws, pl, don_vi, index) -> None:
    cols = columns(pl)
    keys = [k for k, _ in cols]
    last = get_column_letter(len(cols))
    ws.cell(TITLE_ROW, 1, TITLE_LABEL).font = _BOLD
    ws.cell(TITLE_ROW, 2, pl.tieu_de).font = _BOLD
    ws.cell(TITLE_ROW, 2).alignment = _WRAP
    ws.merge_cells(f"B{TITLE_ROW}:{last}{TITLE_ROW}")
    for ci, (key, header) in enumerate(cols, 1):
        head = ws.cell(HEADER_ROW, ci, header)
        head.font, head.fill, head.alignment = _BOLD, _HEAD_FILL, _CENTER
        ws.cell(KEY_ROW, ci, key).font = _KEY_FONT
        ws.column_dimensions[get_column_letter(ci)].width = WIDTHS[key]
    row = FIRST_ROW
    merges = []
    for kind, texts, span in _rows(pl.nhom, keys, lambda ref: agency_name(ref, don_vi, index)):
        for ci, text in enumerate(texts, 1):
            cell = ws.cell(row, ci, text or None)
            cell.number_format, cell.alignment = "@", _WRAP
            if kind == "nhom":
                cell.font, cell.fill = _BOLD, _GROUP_FILL
        if kind == "nhiem_vu" and span > 1:
            merges.append((row, span))
        row += 1
    for first, span in merges:
        _merge_task(ws, keys, first, span)
    for spare in range(row, row + SPARE_ROWS):
        for ci in range(1, len(cols) + 1):
            ws.cell(spare, ci).number_format = "@"
            ws.cell(spare, ci).alignment = _WRAP
    ws.freeze_panes = f"A{FIRST_ROW}"
    if "chu_tri" in keys:
        col = get_column_letter(keys.index("chu_tri") + 1)
        dv = DataValidation(type="list", formula1=f"'{AGENCY_SHEET}'!$B$2:$B${len(don_vi.co_quan) + 1}",
                            allow_blank=True, showErrorMessage=True, errorStyle="warning",
                            errorTitle="Cơ quan chủ trì", error="Cơ quan này không có trong danh mục (don-vi.yaml).",
                            promptTitle="Cơ quan chủ trì", prompt="Chọn một cơ quan trong danh sách.")
        dv.add(f"{col}{FIRST_ROW}:{col}{row + SPARE_ROWS - 1}")
        ws.add_data_validation(dv)


def _agency_sheet(ws, don_vi) -> None:
    for ci, (header, width) in enumerate((("Mã", 12), ("Tên", 40), ("Tên ngắn", 16), ("Bí danh", 40)), 1):
        head = ws.cell(1, ci, header)
        head.font, head.fill = _BOLD, _HEAD_FILL
        ws.column_dimensions[get_column_letter(ci)].width = width
    for row, (key, cq) in enumerate(don_vi.co_quan.items(), 2):
        for ci, value in enumerate((key, cq.ten, cq.ten_ngan, "\n".join(cq.bi_danh)), 1):
            cell = ws.cell(row, ci, value or None)
            cell.number_format, cell.alignment = "@", _WRAP
    ws.freeze_panes = "A2"


def workbook_bytes(appendices, don_vi, index: dict[str, str]) -> bytes:
    """Every appendix (model PhuLuc) as one reproducible .xlsx: a sheet each, then the agencies."""
    wb = Workbook()
    many, declared = len(appendices) > 1, []
    for i, pl in enumerate(appendices, 1):
        ws = wb.active if i == 1 else wb.create_sheet()
        ws.title = sheet_name(i, many)
        _table_sheet(ws, pl, don_vi, index)
        if pl.cot is not None:
            declared.append(ws.title + ("" if "tt" in {c.ma for c in pl.cot} else f"|{NO_TT}"))
    _agency_sheet(wb.create_sheet(AGENCY_SHEET), don_vi)
    if declared:
        wb.custom_doc_props.append(StringProperty(name=DECLARED, value="\n".join(declared)))
    wb.properties.creator = "docgen"
    buf = io.BytesIO()
    wb.save(buf)
    return reproducible(buf.getvalue())


_CORE_DATES = re.compile(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)")


def reproducible(data: bytes) -> bytes:
    """Same parts, fixed dates: core.xml's created/modified and every zip entry's time."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            part = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                part = _CORE_DATES.sub(lambda m: m.group(1) + STAMP.encode() + m.group(3), part)
            fixed = zipfile.ZipInfo(info.filename, date_time=_EPOCH)
            fixed.external_attr = 0
            dst.writestr(fixed, part, compress_type=zipfile.ZIP_DEFLATED, compresslevel=6)
    return out.getvalue()
