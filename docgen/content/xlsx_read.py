"""Reading `phu-luc.xlsx` (the Excel form of phu-luc.yaml, xlsx_cols) into the same content.

The workbook becomes the data the YAML file would hold and is validated by the same model;
every problem is reported at its cell ("phu-luc.xlsx: Phụ lục!D12: lỗi: …"), all of them in
one run. A task printed over several rows (`dong`) is a vertical merge of its Nhiệm vụ (and TT)
cells over its rows. Refused, each at its cell: a formula, a date typed as an Excel date, merged
cells other than the title row, a group row's name and those of a task over several rows, an unknown column key, an empty required
cell, a task before the first group, a sub-group without its group, an agency not in the
registry.
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
from .validate import _problem, plain_loc, suggest_agency
from .xlsx_cols import (
    AGENCY_FIELDS,
    BAT_BUOC_MAC_DINH,
    COT,
    COT_MAC_DINH,
    DECLARED,
    FIRST_ROW,
    KEY_ROW,
    MERGED,
    NO_TT,
    SHEET,
    TITLE_ROW,
    cell_value,
    group_depth,
    is_appendix_sheet,
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
        out = []
        for cell, ref in self.agency_refs:
            if ref not in index:
                hint = suggest_agency(ref, index) or '; chữ không phải tên cơ quan thì viết "ghi:" ở đầu dòng'
                out.append(self.at(cell, "content.unknown-agency", f'cơ quan "{ref}" không có trong danh mục{hint}'))
        return out


class Sheet:
    """One appendix sheet being read: its keys, its declared columns, where its rows go."""

    def __init__(self, book: Workbook, ws, ai: int, declared: dict[str, bool]):
        self.book, self.ws, self.ai = book, ws, ai
        self.keys = _keys(book, ws)
        self.cols = {k: get_column_letter(i) for i, k in enumerate(self.keys, 1) if k}
        headers = {k: _text(book, ws, ws.cell(KEY_ROW - 1, i)).strip() or COT[k]
                   for i, k in enumerate(self.keys, 1) if k}
        self.headers = headers
        present = [k for k in self.keys if k]
        default = present == list(COT_MAC_DINH) and all(headers[k] == COT[k] for k in present)
        self.declared = ws.title in declared or not default
        printed = [k for k in present if not (k == "tt" and declared.get(ws.title))]
        self.cot = ([k if headers[k] == COT[k] else {k: headers[k]} for k in printed]
                    if self.declared else None)
        self.orphans = 0
        self.spans = _task_spans(ws, self.cols)   # first row of a task over several rows -> its last
        self.cont = {r for first, last in self.spans.items() for r in range(first + 1, last + 1)}


def _task_spans(ws, cols: dict[str, str]) -> dict[int, int]:
    """The tasks printed over several rows: a vertical merge in the Nhiệm vụ column."""
    col = cols.get("nhiem_vu")
    return {rng.min_row: rng.max_row for rng in ws.merged_cells.ranges
            if col and rng.min_col == rng.max_col and get_column_letter(rng.min_col) == col
            and rng.max_row > rng.min_row >= FIRST_ROW}


def _text(book: Workbook, ws, cell) -> str:
    """A cell's text; a formula or an Excel date is a problem (and reads as empty)."""
    where = f"{ws.title}!{cell.coordinate}"
    value = cell.value
    if type(cell).__name__ == "MergedCell":   # covered by a merged range: reported by _merged if misplaced
        book.bad_cells.add(where)
    if value is None:
        return ""
    if cell.data_type == "f":
        book.bad_cells.add(where)
        book.problems.append(book.at(where, "content.excel-formula",
                                     "ô chứa công thức; docgen chỉ đọc chữ: thay công thức bằng chữ nó cho ra"))
        return ""
    if isinstance(value, (datetime.datetime, datetime.date, datetime.time)):
        book.bad_cells.add(where)
        book.problems.append(book.at(where, "content.excel-date", (
            "ô là một ngày của Excel, không phải chữ (Excel tự đổi khi gõ 12/2021 vào ô định dạng chung); "
            'định dạng ô là Văn bản (Text) rồi gõ lại dạng chữ, ví dụ "12/2021" hoặc "Quý I/2021"')))
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).replace("\r\n", "\n").replace("\r", "\n")


def _merged(book: Workbook, ws, group_rows: set[int], sh: Sheet) -> None:
    task_cols = {sh.cols[k] for k in MERGED if k in sh.cols}
    for rng in ws.merged_cells.ranges:
        title = rng.min_row == rng.max_row == TITLE_ROW and rng.min_col == 2
        group = rng.min_row == rng.max_row and rng.min_row in group_rows and rng.min_col > 1
        task = (rng.min_col == rng.max_col and get_column_letter(rng.min_col) in task_cols
                and sh.spans.get(rng.min_row) == rng.max_row
                and not group_rows & set(range(rng.min_row, rng.max_row + 1)))
        if not (title or group or task):
            book.bad_cells.update(f"{ws.title}!{get_column_letter(c)}{r}" for r, c in rng.cells)
            book.problems.append(book.at(f"{ws.title}!{rng.start_cell.coordinate}", "content.excel-merged", (
                f"ô gộp {rng.coord} ở chỗ không được gộp: chỉ gộp được ô tiêu đề (dòng {TITLE_ROW}), tên "
                "một nhóm trên dòng của nó, và ô TT, ô Nhiệm vụ của một nhiệm vụ nhiều dòng (gộp dọc, cùng "
                "các dòng ở hai cột); bỏ gộp ô (Merge & Center) rồi ghi mỗi giá trị vào ô của nó")))


def _keys(book: Workbook, ws) -> list[str | None]:
    keys: list[str | None] = []
    for ci in range(1, ws.max_column + 1):
        key = _text(book, ws, ws.cell(KEY_ROW, ci)).strip() or None
        if key is not None and (key not in COT or key in keys):
            what = "có hai lần" if key in keys else f'không có; các cột: {", ".join(COT)}'
            book.problems.append(book.at(f"{ws.title}!{get_column_letter(ci)}{KEY_ROW}", "content.unknown-column",
                                         f'cột "{key}" {what}'))
            key = None
        keys.append(key)
    for needed in ("tt", "nhiem_vu"):
        if needed not in keys:
            book.problems.append(book.at(f"{ws.title}!A{KEY_ROW}", "content.missing",
                                         f'thiếu cột "{needed}" ({COT[needed]}) ở dòng khóa {KEY_ROW}'))
    return keys


def _row(sh: Sheet, r: int) -> dict[str, str]:
    texts = {}
    for ci in range(1, sh.ws.max_column + 1):
        text = _text(sh.book, sh.ws, sh.ws.cell(r, ci))
        key = sh.keys[ci - 1] if ci <= len(sh.keys) else None
        if key is not None:
            texts[key] = text
        elif text.strip():
            sh.book.problems.append(sh.book.at(
                f"{sh.ws.title}!{get_column_letter(ci)}{r}", "content.unknown-column",
                f"ô có chữ ở cột không có khóa (dòng {KEY_ROW} của cột này để trống)"))
    return texts


def _table(sh: Sheet) -> tuple[list[dict], set[int]]:
    """The groups of one sheet; `stack` holds the open group of each level with its location."""
    groups: list[dict] = []
    stack: list[tuple[dict, tuple, str]] = []   # (group, its location, its TT as typed)
    group_rows: set[int] = set()
    for r in range(FIRST_ROW, sh.ws.max_row + 1):
        texts = _row(sh, r)
        if not any(t.strip() for t in texts.values()):
            continue
        ref = {k: f"{sh.ws.title}!{c}{r}" for k, c in sh.cols.items()}
        depth = group_depth(texts.get("tt", ""))
        if depth:
            group_rows.add(r)
            tt = texts["tt"].strip()
            if depth > len(stack) + 1 or (depth > 1 and tt.rsplit(".", 1)[0] != stack[depth - 2][2]):
                sh.book.problems.append(sh.book.at(ref["tt"], "content.excel-no-group", (
                    f'nhóm con "{tt}" không nằm dưới nhóm cha của nó (dòng nhóm cấp trên, '
                    'ví dụ "I" trước "I.1")')))
                continue
            siblings = groups if depth == 1 else stack[depth - 2][0].setdefault("nhom", [])
            loc = (("phu_luc", sh.ai, "nhom") if depth == 1 else stack[depth - 2][1] + ("nhom",)) + (len(siblings),)
            group = {"ten": texts.get("nhiem_vu", "")}
            siblings.append(group)
            stack[depth - 1:] = [(group, loc, tt)]
            for part in ((), ("ten",), ("nhiem_vu",), ("nhom",)):
                sh.book.cells[loc + part] = ref["nhiem_vu"]
        elif r in sh.cont and stack and stack[-1][0].get("nhiem_vu"):
            _task_row(sh, *stack[-1][:2], texts, ref)   # a further row of the task above (merged cells)
        elif not stack:
            if not sh.orphans:   # one mistake (a missing group row), one problem at its first row
                sh.book.problems.append(sh.book.at(ref.get("tt", f"{sh.ws.title}!A{r}"), "content.excel-no-group",
                                                   "nhiệm vụ nằm trên dòng nhóm đầu tiên; dòng nhóm có TT là số La "
                                                   "Mã (I, II, …)"))
            sh.orphans += 1
        else:
            _task(sh, *stack[-1][:2], texts, ref, r in sh.spans)
    return groups, group_rows


def _task(sh: Sheet, group: dict, group_loc: tuple, texts: dict[str, str], ref: dict[str, str],
          several: bool = False) -> None:
    """A task row; `several`: the first of a task printed over several rows (its cells go to `dong`)."""
    tasks = group.setdefault("nhiem_vu", [])
    loc = group_loc + ("nhiem_vu", len(tasks))
    sh.book.cells[loc] = ref["nhiem_vu"]
    task = {}
    if "nhiem_vu" in texts and cell_value("nhiem_vu", texts["nhiem_vu"]) is not None:
        task["nhiem_vu"] = cell_value("nhiem_vu", texts["nhiem_vu"])
    sh.book.cells[loc + ("nhiem_vu",)] = ref["nhiem_vu"]
    rest = {k: t for k, t in texts.items() if k not in MERGED}
    if several:
        task["dong"] = [_cells(sh, rest, ref, loc + ("dong", 0))]
    else:
        task |= _cells(sh, rest, ref, loc)
    tasks.append(task)


def _task_row(sh: Sheet, group: dict, group_loc: tuple, texts: dict[str, str], ref: dict[str, str]) -> None:
    """A further row of the last task (its TT and Nhiệm vụ cells merged into the task's first row)."""
    task = group["nhiem_vu"][-1]
    loc = group_loc + ("nhiem_vu", len(group["nhiem_vu"]) - 1, "dong", len(task["dong"]))
    task["dong"].append(_cells(sh, {k: t for k, t in texts.items() if k not in MERGED}, ref, loc))


def _cells(sh: Sheet, texts: dict[str, str], ref: dict[str, str], loc: tuple) -> dict:
    """The content of one printed row from its cells (their places recorded under `loc`)."""
    row = {}
    sh.book.cells[loc] = next(iter(ref.values()), "")
    for key, text in texts.items():
        sh.book.cells[loc + (key,)] = ref[key]
        value = cell_value(key, text)
        if value is None:
            if not sh.declared and key in BAT_BUOC_MAC_DINH and ref[key] not in sh.book.bad_cells:
                sh.book.problems.append(sh.book.at(ref[key], "content.missing",
                                                   f'ô "{sh.headers[key]}" không được để trống'))
            continue
        row[key] = value
        if key in AGENCY_FIELDS:
            sh.book.agency_refs += [(ref[key], v) for v in (value if isinstance(value, list) else [value])
                                    if isinstance(v, str)]
    return row


def _validate(book: Workbook, model, headers: dict[str, str]):
    try:
        return model.model_validate(book.data)
    except ValidationError as exc:
        for err in exc.errors():
            loc = plain_loc(err["loc"])
            if loc == ("phu_luc",) and book.data["phu_luc"]:
                continue   # pydantic's echo of an invalid appendix (reported at its own place)
            p = dataclasses.replace(_problem(book, model, err), cell=book.cell(loc))
            if p.cell in book.bad_cells:
                continue
            names = [x for x in loc if isinstance(x, str) and x in headers]
            if err["type"] in ("missing", "too_short", "string_too_short") and names:
                p = dataclasses.replace(p, code="content.missing",
                                        message=f'ô "{headers[names[-1]]}" không được để trống')
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


def _declared(wb) -> dict[str, bool]:
    """Sheet -> True when its TT column is not printed, for the sheets that declare columns."""
    try:
        value = wb.custom_doc_props[DECLARED].value or ""
    except KeyError:
        return {}
    return {line.split("|")[0]: line.endswith(f"|{NO_TT}") for line in value.split("\n") if line}


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
    sheets = [wb[name] for name in wb.sheetnames if is_appendix_sheet(name)]
    if not sheets:
        return None, None, [book.at("", "content.excel-sheet",
                                    f'không có trang "{SHEET}" (các trang: {", ".join(wb.sheetnames)})')]
    declared, appendices, headers = _declared(wb), [], {"tieu_de": "Tiêu đề", "ten": "tên nhóm"}
    for ai, ws in enumerate(sheets):
        sh = Sheet(book, ws, ai, declared)
        title = _text(book, ws, ws.cell(TITLE_ROW, 2)).strip()
        book.cells[("phu_luc", ai)] = book.cells[("phu_luc", ai, "tieu_de")] = f"{ws.title}!B{TITLE_ROW}"
        book.cells[("phu_luc", ai, "nhom")] = f"{ws.title}!A{FIRST_ROW}"
        groups, group_rows = _table(sh)
        _merged(book, ws, group_rows, sh)
        appendix = {"nhom": groups} | ({"tieu_de": title} if title else {}) | ({"cot": sh.cot} if sh.cot else {})
        appendices.append(appendix)
        headers |= {k: v for k, v in sh.headers.items() if k not in headers}
    book.data = {"phu_luc": appendices}
    value = _validate(book, model, headers)
    return (None if book.problems else value), book, book.problems
