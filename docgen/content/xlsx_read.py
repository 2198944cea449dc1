"""Reading `phu-luc.xlsx` (the Excel form of phu-luc.yaml, xlsx_cols) into the same content.

The workbook becomes the data the YAML file would hold and is validated by the same model;
every problem is reported at its cell ("phu-luc.xlsx: Phụ lục!D12: lỗi: …"), all of them in
one run. Refused, each at its cell: a formula, a date typed as an Excel date, merged cells
other than the title row and a group row's name, an unknown column key, an empty required
cell, a task before the first group, an agency not in the registry.
"""

from __future__ import annotations

import dataclasses
import datetime
import io
import zipfile
from pathlib import Path

from pydantic import ValidationError

from ..errors import DocgenError, Problem
from ..oserrors import read_input_bytes
from .validate import _problem, suggest_agency
from .xlsx_cols import (
    AGENCY_FIELDS,
    COLUMNS,
    FIRST_ROW,
    KEY_ROW,
    REQUIRED,
    SHEET,
    TITLE_ROW,
    cell_value,
    is_group_number,
)

MAX_BYTES = 20 * 1024 * 1024


def get_column_letter(ci: int) -> str:
    """1 -> A, 27 -> AA (openpyxl itself is imported only when a workbook is read: startup time)."""
    letters = ""
    while ci:
        ci, rest = divmod(ci - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


class Workbook:
    """A loaded appendix workbook: its data and the cell of every location in it."""

    def __init__(self, path: Path, display: str):
        self.path, self.display = path, display
        self.data: dict = {}
        self.cells: dict[tuple, str] = {}
        self.agency_refs: list[tuple[str, str]] = []   # (cell, entry)
        self.problems: list[Problem] = []
        self.bad_cells: set[str] = set()                # reported already: no second problem there

    def line(self, loc: tuple) -> None:
        return None

    def cell(self, loc: tuple) -> str:
        """The cell of the deepest recorded part of `loc`."""
        for n in range(len(loc), -1, -1):
            if loc[:n] in self.cells:
                return self.cells[loc[:n]]
        return ""

    def at(self, cell: str, code: str, message: str) -> Problem:
        return Problem(self.display, None, code, message, cell=cell)

    def check_agencies(self, index: dict[str, str]) -> list[Problem]:
        return [self.at(cell, "content.unknown-agency",
                        f'cơ quan "{ref}" không có trong danh mục{suggest_agency(ref, index)}')
                for cell, ref in self.agency_refs if ref not in index]


def _text(book: Workbook, ws, cell) -> str:
    """A cell's text; a formula or an Excel date is a problem (and reads as empty)."""
    where = f"{ws.title}!{cell.coordinate}"
    value = cell.value
    if value is None:
        return ""
    if cell.data_type == "f" or isinstance(value, (datetime.datetime, datetime.date, datetime.time)):
        book.bad_cells.add(where)
    if cell.data_type == "f":
        book.problems.append(book.at(where, "content.excel-formula",
                                     "ô chứa công thức; docgen chỉ đọc chữ: thay công thức bằng chữ nó cho ra"))
        return ""
    if isinstance(value, (datetime.datetime, datetime.date, datetime.time)):
        book.problems.append(book.at(where, "content.excel-date", (
            "ô là một ngày của Excel, không phải chữ (Excel tự đổi khi gõ 12/2021 vào ô định dạng chung); "
            'định dạng ô là Văn bản (Text) rồi gõ lại dạng chữ, ví dụ "12/2021" hoặc "Quý I/2021"')))
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).replace("\r\n", "\n").replace("\r", "\n")


def _merged(book: Workbook, ws, group_rows: set[int]) -> None:
    for rng in ws.merged_cells.ranges:
        title = rng.min_row == rng.max_row == TITLE_ROW and rng.min_col == 2
        group = rng.min_row == rng.max_row and rng.min_row in group_rows and rng.min_col > 1
        if not (title or group):
            book.bad_cells.update(f"{ws.title}!{get_column_letter(c)}{r}" for r, c in rng.cells)
            book.problems.append(book.at(f"{ws.title}!{rng.start_cell.coordinate}", "content.excel-merged", (
                f"ô gộp {rng.coord} ở chỗ không được gộp: chỉ gộp được ô tiêu đề (dòng {TITLE_ROW}) và tên "
                "một nhóm trên dòng của nó; bỏ gộp ô (Merge & Center) rồi ghi mỗi giá trị vào ô của nó")))


def _keys(book: Workbook, ws) -> list[str | None]:
    keys: list[str | None] = []
    for ci in range(1, ws.max_column + 1):
        key = _text(book, ws, ws.cell(KEY_ROW, ci)).strip() or None
        if key is not None and key not in COLUMNS:
            book.problems.append(book.at(f"{ws.title}!{get_column_letter(ci)}{KEY_ROW}", "content.unknown-column",
                                         f'cột "{key}" không có; các cột: {", ".join(COLUMNS)}'))
            key = None
        keys.append(key)
    for needed in ("tt", "nhiem_vu"):
        if needed not in keys:
            book.problems.append(book.at(f"{ws.title}!A{KEY_ROW}", "content.missing",
                                         f'thiếu cột "{needed}" ({COLUMNS[needed][0]}) ở dòng khóa {KEY_ROW}'))
    return keys


def _row(book: Workbook, ws, r: int, keys) -> dict[str, str]:
    texts = {}
    for ci in range(1, ws.max_column + 1):
        text = _text(book, ws, ws.cell(r, ci))
        key = keys[ci - 1] if ci <= len(keys) else None
        if key is not None:
            texts[key] = text
        elif text.strip():
            book.problems.append(book.at(f"{ws.title}!{get_column_letter(ci)}{r}", "content.unknown-column",
                                         f"ô có chữ ở cột không có khóa (dòng {KEY_ROW} của cột này để trống)"))
    return texts


def _table(book: Workbook, ws, keys) -> tuple[list[dict], set[int]]:
    groups: list[dict] = []
    group_rows: set[int] = set()
    cols = {k: get_column_letter(i) for i, k in enumerate(keys, 1) if k}
    orphans = 0
    for r in range(FIRST_ROW, ws.max_row + 1):
        texts = _row(book, ws, r, keys)
        if not any(t.strip() for t in texts.values()):
            continue
        ref = {k: f"{ws.title}!{c}{r}" for k, c in cols.items()}
        if is_group_number(texts.get("tt", "")):
            group_rows.add(r)
            loc = ("nhom", len(groups))
            groups.append({"ten": texts.get("nhiem_vu", ""), "nhiem_vu": []})
            book.cells[loc] = book.cells[loc + ("ten",)] = book.cells[loc + ("nhiem_vu",)] = ref["nhiem_vu"]
            continue
        if not groups:
            if not orphans:   # one mistake (a missing group row), one problem at its first row
                book.problems.append(book.at(ref.get("tt", f"{ws.title}!A{r}"), "content.excel-no-group",
                                             "nhiệm vụ nằm trên dòng nhóm đầu tiên; dòng nhóm có TT là số La Mã "
                                             "(I, II, …)"))
            orphans += 1
            continue
        _task(book, groups, texts, ref)
    return groups, group_rows


def _task(book: Workbook, groups: list[dict], texts: dict[str, str], ref: dict[str, str]) -> None:
    tasks = groups[-1]["nhiem_vu"]
    loc = ("nhom", len(groups) - 1, "nhiem_vu", len(tasks))
    task = {}
    book.cells[loc] = ref["nhiem_vu"]
    for key, text in texts.items():
        if key == "tt":
            continue
        book.cells[loc + (key,)] = ref[key]
        value = cell_value(key, text)
        if value is not None:
            task[key] = value
            if key in AGENCY_FIELDS:
                book.agency_refs += [(ref[key], v) for v in (value if isinstance(value, list) else [value])]
    tasks.append(task)


def _validate(book: Workbook, model, headers: dict[str, str]):
    try:
        return model.model_validate(book.data)
    except ValidationError as exc:
        for err in exc.errors():
            loc = tuple(err["loc"])
            p = dataclasses.replace(_problem(book, model, err), cell=book.cell(loc))
            if p.cell in book.bad_cells:
                continue
            if err["type"] in ("missing", "too_short") and loc and loc[-1] in REQUIRED | {"ten", "tieu_de"}:
                p = dataclasses.replace(p, code="content.missing",
                                        message=f'ô "{headers.get(loc[-1], loc[-1])}" không được để trống')
            if p not in book.problems:
                book.problems.append(p)
        return None


def _open(data: bytes, display: str):
    from openpyxl import load_workbook

    try:
        return load_workbook(io.BytesIO(data), data_only=False), []
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError):
        return None, [Problem(display, None, "content.excel-unreadable",
                              "không đọc được tệp Excel (không phải tệp .xlsx hợp lệ); lưu lại bằng Excel dạng .xlsx")]


def load_xlsx(path: Path, display: str, model, timings: dict | None = None, data: bytes | None = None):
    """Load and validate the appendix workbook (the file, or `data`: its bytes); returns
    (value, workbook, problems)."""
    if data is None:
        try:
            data = read_input_bytes(path, MAX_BYTES, "content.not-a-file", "tệp Excel")
        except DocgenError as exc:
            return None, None, exc.problems
    wb, problems = _open(data, display)
    if wb is None:
        return None, None, problems
    book = Workbook(path, display)
    if SHEET not in wb.sheetnames:
        return None, None, [book.at("", "content.excel-sheet",
                                    f'không có trang "{SHEET}" (các trang: {", ".join(wb.sheetnames)})')]
    ws = wb[SHEET]
    keys = _keys(book, ws)
    headers = {k: str(ws.cell(KEY_ROW - 1, i).value or COLUMNS[k][0]) for i, k in enumerate(keys, 1) if k}
    title = _text(book, ws, ws.cell(TITLE_ROW, 2)).strip()
    book.cells[("tieu_de",)] = f"{ws.title}!B{TITLE_ROW}"
    groups, group_rows = _table(book, ws, keys)
    _merged(book, ws, group_rows)
    book.data = {"nhom": groups} | ({"tieu_de": title} if title else {})
    book.cells[("nhom",)] = f"{ws.title}!A{FIRST_ROW}"
    value = _validate(book, model, headers | {"tieu_de": "Tiêu đề", "ten": "tên nhóm"})
    return (None if book.problems else value), book, book.problems
