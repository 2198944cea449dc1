"""Appendix parts of an imported DOCX -> `phu_luc` entries (schema-13.md §A, §C, §D).

`nhap_phu_luc(parts, model, co_quan, source=...)` reads every appendix part (a
`docgen.check.locate.Part`) through the checker's document model: the title lines (kept,
joined by "\\n"), the "(Kèm theo …)" line (recognised and left out: docgen writes it from the
issuing document), then either one task table (its header mapped to the known columns,
`docgen.model.phu_luc.COT`) -> `{tieu_de, cot?, nhom}`, or anything else -> `{tieu_de,
noi_dung}` with body blocks and free tables (`docgen.nhap.tu_do`). What cannot be placed is a
warning "FILE.docx: bảng N, ô (r,c): cảnh báo: … [import.*]".
"""
from __future__ import annotations

import re

from docgen.check.docmodel import DocModel, Para, Table
from docgen.check.locate import Part
from docgen.errors import CANH_BAO, Problem
from docgen.model.phu_luc import BAT_BUOC_MAC_DINH, COT, COT_CO_QUAN, COT_MAC_DINH
from docgen.nhap.co_quan import CoQuanMatcher
from docgen.nhap.tu_do import header_key, noi_dung, table_cells
from docgen.vn.numbering import roman

ROW_KEYS = ("san_pham", "thoi_gian", "chu_tri", "phoi_hop", "theo_doi", "kinh_phi", "ket_qua",
            "ghi_chu")
"""The keys of one printed row of a task (a task holds them, or `dong` rows hold them)."""

_ROMAN = re.compile(r"^[IVXLC]+\.?$")
_SUB = re.compile(r"^(?:[IVXLC]+\.)?\d+(?:\.\d+)*\.?$|^[a-zđ]\)?$")
_NUMBERED_NAME = re.compile(r"^((?:[IVXLC]+|\d+(?:\.\d+)*|[a-zđ]))[.)]\s+(\S.*)$")
_BAN_HANH = re.compile(r"^-?\s*Ban hành(?: Kế hoạch| kế hoạch)?\s*:\s*(.+)$")
_THUC_HIEN = re.compile(r"^-?\s*Thực hiện\s*:\s*(.+)$")


def _warn(source: str, t: Table, ri: int, ci: int, message: str, code: str) -> Problem:
    return Problem(source, None, code, message, CANH_BAO, cell=f"bảng {t.index + 1}, ô ({ri + 1},{ci + 1})")


def nhap_phu_luc(parts: list[Part], model: DocModel, co_quan: CoQuanMatcher, *, source: str,
                 labels: dict[int, str] | None = None) -> tuple[list[dict], list[Problem]]:
    """One phu_luc entry per appendix part, and the import warnings. `labels` (optional): the
    labels of Word's automatic numbering (docgen.check.numbering.labels), read as typed."""
    entries, problems = [], []
    for part in parts:
        entry, found = _entry(part, co_quan, source, labels)
        entries.append(entry)
        problems += found
    return entries, problems


def _entry(part: Part, co_quan: CoQuanMatcher, source: str, labels: dict[int, str] | None
           ) -> tuple[dict, list[Problem]]:
    title, rest = _title(part)
    entry: dict = {"tieu_de": "\n".join(title) if title else "PHỤ LỤC"}
    problems: list[Problem] = []
    if not title:
        first = part.first_para
        problems.append(Problem(source, None, "import.no-title",
                                "phụ lục không có tiêu đề; đã đặt tiêu đề \"PHỤ LỤC\"", CANH_BAO,
                                cell=first.where if first is not None else ""))
    content = [b for b in rest if isinstance(b, Table) or b.text.strip()]
    if len(content) == 1 and isinstance(content[0], Table):
        table = TaskTable(content[0], co_quan, source, labels)
        if table.keys is not None:
            entry.update(table.read())
            return entry, problems + table.problems
        problems += table.problems
    else:
        for t in (b for b in content if isinstance(b, Table)):
            table = TaskTable(t, co_quan, source, labels)
            problems += table.problems
            if table.keys is not None:
                problems.append(_warn(
                    source, t, 0, 0, "bảng nhiệm vụ đứng cùng đoạn văn hoặc bảng khác trong một phụ lục; "
                    "bảng được nhập thành bảng tự do (kế hoạch con, kế hoạch xã không đọc bảng tự do)",
                    "import.task-table-in-text"))
    blocks, found = noi_dung(content, source, labels)
    entry["noi_dung"] = blocks
    return entry, problems + found


def _title(part: Part) -> tuple[list[str], list]:
    """The title lines and the blocks after the heading, title and "(Kèm theo …)" lines."""
    titles = list(part.phu_luc_title) or _plain_title(part)
    head = [p for p in (part.phu_luc_head, *titles) if p is not None]
    title = [p.norm for p in titles if p.norm]
    blocks = list(part.blocks)
    pos = 0
    if head:
        pos = next(i for i, b in enumerate(blocks) if b is head[-1]) + 1
    skip = pos
    while skip < len(blocks) and isinstance(blocks[skip], Para) and not blocks[skip].text.strip():
        skip += 1
    if skip < len(blocks) and isinstance(blocks[skip], Para) and _is_kem_theo(blocks[skip].norm):
        end = skip
        while end < len(blocks) - 1 and ")" not in _text(blocks[end]) and end - skip < 3:
            end += 1
        pos = end + 1
    return title, blocks[pos:]


def _plain_title(part: Part) -> list[Para]:
    """A title typed in lower case (locate finds capitals only): the centered paragraph right
    under the "Phụ lục …" line, when it is not the "(Kèm theo …)" line."""
    at = next((i for i, b in enumerate(part.blocks) if b is part.phu_luc_head), None)
    if at is None:
        return []
    after = part.blocks[at + 1:]
    nxt = next((b for b in after if isinstance(b, Table) or b.text.strip()), None)
    if isinstance(nxt, Para) and nxt.props.jc == "center" and not _is_kem_theo(nxt.norm):
        return [nxt]
    return []


def _text(b) -> str:
    return b.norm if isinstance(b, Para) else ""


def _is_kem_theo(text: str) -> bool:
    return text.startswith("(") and "kèm theo" in text[:30].lower()


class TaskTable:
    """One task table: its header mapped to column keys, its rows read into groups/tasks."""

    def __init__(self, t: Table, co_quan: CoQuanMatcher, source: str, labels: dict[int, str] | None = None):
        self.t, self.co_quan, self.source, self.labels = t, co_quan, source, labels
        self.problems: list[Problem] = []
        self.head = header_count(t)
        self.keys, self.headers = self._map_header()
        # a task's keys are written in the order of the table's columns
        self.row_keys = [self.keys[g] for g in sorted(self.keys or {}) if self.keys[g] in ROW_KEYS]
        self.nhom: list[dict] = []
        self._stack: list[tuple[int, dict]] = []
        self._task: dict | None = None
        self._numbered = False        # the current task's row has its number (TT)
        self._renumbered_said = False
        self._prev: dict[str, object] = {}

    def _map_header(self) -> tuple[dict[int, str] | None, dict[str, str]]:
        t = self.t
        ri = self.head - 1
        keys: dict[int, str] = {}
        headers: dict[str, str] = {}
        unknown = []
        for ci, (grid, lines) in enumerate(table_cells(t, ri, self.labels)):
            text = " ".join(lines) or self._above(ri, grid)
            if not text:
                continue                 # an empty header: its column's cells are reported
            key = header_key(text)
            if key is None or key in headers:
                unknown.append((ci, text))
                continue
            keys[grid], headers[key] = key, text
        if unknown or "nhiem_vu" not in headers:
            if unknown and ("nhiem_vu" in headers or len(set(headers) - {"tt", "ghi_chu"}) > 1):
                # it looked like a task table: say once why it is not one
                names = ", ".join(f'"{text}"' for _, text in unknown)
                self.problems.append(_warn(
                    self.source, t, ri, unknown[0][0],
                    f'{"cột" if len(unknown) == 1 else "các cột"} {names} không khớp cột nào của '
                    f'bảng nhiệm vụ ({", ".join(COT.values())}); bảng được nhập thành bảng tự do',
                    "import.unknown-column"))
            return None, headers
        return keys, headers

    def _above(self, ri: int, grid: int) -> str:
        """The text of a header cell over `grid` in the rows above (a two-row header)."""
        for r in range(ri - 1, -1, -1):
            for g, lines in table_cells(self.t, r, self.labels):
                if g == grid and lines:
                    return " ".join(lines)
        return ""

    def read(self) -> dict:
        header_texts = [" ".join(lines) for _, lines in table_cells(self.t, self.head - 1, self.labels)]
        for ri in range(self.head, len(self.t.cells)):
            cells = table_cells(self.t, ri, self.labels)
            texts = [" ".join(lines) for _, lines in cells]
            if not any(texts) or texts == header_texts or _column_numbers(texts):
                continue
            self._row(ri, cells)
        out: dict = {}
        cot = self._cot()
        if cot is not None:
            out["cot"] = cot
        out["nhom"] = self.nhom
        return out

    def _cot(self) -> list | None:
        keys = [self.keys[g] for g in sorted(self.keys)]
        plain = all(self.headers[k] == COT[k] for k in keys)
        if plain and tuple(keys) == COT_MAC_DINH and all(
                all(k in task for k in BAT_BUOC_MAC_DINH) for task in _tasks(self.nhom)):
            return None
        return [k if self.headers[k] == COT[k] else {k: self.headers[k]} for k in keys]

    def _row(self, ri: int, cells: list[tuple[int, list[str]]]) -> None:
        values: dict[str, list[str]] = {}
        cont: set[str] = set()
        vmerge = self.t.vmerge[ri] if ri < len(self.t.vmerge) else []
        for ci, (grid, lines) in enumerate(cells):
            key = self.keys.get(grid)
            if key is None:
                if lines:
                    self.problems.append(_warn(
                        self.source, self.t, ri, ci,
                        f'ô không nằm dưới cột nào của dòng tiêu đề; "{" ".join(lines)[:60]}" không được nhập',
                        "import.cell-outside"))
                continue
            values[key] = lines
            if ci < len(vmerge) and vmerge[ci] == "continue":
                cont.add(key)
        tt, nv = " ".join(values.get("tt", [])), values.get("nhiem_vu", [])
        others = any(values.get(k) for k in ROW_KEYS)
        # a row under a task with no number and no task text is that task's next row: merged
        # (w:vMerge) or typed as empty cells
        if "nhiem_vu" in cont or (not tt and not nv and others and self._task is not None):
            self._continue(ri, values, cont)
        elif nv and not others and (_ROMAN.match(tt) or (self._bold(ri) and _SUB.match(tt or "1"))):
            self._group(tt, "\n".join(nv), ri)
        elif not nv and not others and _NUMBERED_NAME.match(tt):
            m = _NUMBERED_NAME.match(tt)             # "II. CẢI CÁCH …" typed in one merged cell
            self._group(m.group(1), m.group(2), ri)
        elif nv and not tt and self._numbered:
            self._split_row(ri, values)
        elif nv:
            self._new_task(ri, values)
        else:
            self.problems.append(_warn(
                self.source, self.t, ri, 0, "dòng có nội dung nhưng không có nhiệm vụ; dòng không được nhập",
                "import.empty-task"))

    def _bold(self, ri: int) -> bool:
        runs = [r for cell in self.t.cells[ri] for p in cell for r in p.text_runs]
        return bool(runs) and all(r.props.b for r in runs)

    def _group(self, tt: str, name: str, ri: int) -> None:
        level = 0 if _ROMAN.match(tt) else (tt.count(".") if "." in tt.rstrip(".") else 1)
        level = 2 if re.match(r"^[a-zđ]\)?$", tt) else level
        group: dict = {"ten": name}
        while self._stack and self._stack[-1][0] >= level:
            self._stack.pop()
        if not self._stack or level == 0:
            self.nhom.append(group)
            level = 0
            if _ROMAN.match(tt):
                self._renumbered(ri, tt.rstrip("."), roman(len(self.nhom)), "nhóm")
        else:
            parent = self._stack[-1][1]
            if "nhiem_vu" in parent:
                self.problems.append(_warn(
                    self.source, self.t, ri, 0, f'nhóm con "{name}" đứng sau các nhiệm vụ của nhóm '
                    f'"{parent["ten"]}"; một nhóm chỉ có nhiệm vụ hoặc nhóm con', "import.group-kind"))
            parent.setdefault("nhom", []).append(group)
        self._stack.append((level, group))
        self._task, self._numbered = None, False

    def _renumbered(self, ri: int, typed: str, printed: str, what: str) -> None:
        """A typed number other than the one docgen prints: said, since the number is dropped."""
        if typed and (typed.isdigit() or _ROMAN.match(typed)) and typed != printed \
                and not self._renumbered_said:
            self._renumbered_said = True         # once a table: the numbers after follow on
            self.problems.append(_warn(
                self.source, self.t, ri, 0, f'số thứ tự "{typed}" của bản gốc; docgen đánh số {what} '
                f'này là "{printed}" (và đánh số tiếp theo thứ tự)', "import.renumbered"))

    def _new_task(self, ri: int, values: dict[str, list[str]]) -> None:
        if not self._stack:
            self.problems.append(_warn(
                self.source, self.t, ri, 0, 'nhiệm vụ đứng trước nhóm đầu tiên; đã đặt vào nhóm "Nhiệm vụ"',
                "import.task-before-group"))
            self._group("I", "Nhiệm vụ", ri)
        task: dict = {"nhiem_vu": "\n".join(values["nhiem_vu"])}
        row = self._row_values(values, set())
        task.update(row)
        tasks = self._stack[-1][1].setdefault("nhiem_vu", [])
        tasks.append(task)
        self._task, self._prev = task, row
        tt = " ".join(values.get("tt", [])).rstrip(".")
        self._numbered = bool(tt)
        self._renumbered(ri, tt, str(len(tasks)), "nhiệm vụ")

    def _continue(self, ri: int, values: dict[str, list[str]], cont: set[str]) -> None:
        task = self._task
        if task is None:
            self.problems.append(_warn(
                self.source, self.t, ri, 0, "dòng tiếp theo của một nhiệm vụ nhưng không đứng dưới "
                "nhiệm vụ nào; dòng không được nhập", "import.empty-task"))
            return
        row = self._row_values(values, cont)
        if "dong" not in task:
            first = {k: task.pop(k) for k in self.row_keys if k in task}
            task["dong"] = [first]
        task["dong"].append(row)
        self._prev = row

    def _split_row(self, ri: int, values: dict[str, list[str]]) -> None:
        """A row with task text but no number under a numbered task: the rest of that task's
        row, split at a page break by hand; its cells are joined to the task's (and warned)."""
        task = self._task
        target = task["dong"][-1] if "dong" in task else task
        task["nhiem_vu"] = _join(task["nhiem_vu"], values["nhiem_vu"])
        for key in self.row_keys:
            lines = values.get(key) or []
            if not lines:
                continue
            old = target.get(key)
            if isinstance(old, dict):            # "- Ban hành Kế hoạch: …" lines read again
                target[key] = thoi_gian([*_thoi_gian_lines(old), *lines])
            elif isinstance(old, list):
                target[key] = old + (self._value(key, lines) if key != "san_pham" else list(lines))
            elif isinstance(old, str):
                target[key] = _join(old, lines)
            else:
                target[key] = self._value(key, lines)
        self.problems.append(_warn(
            self.source, self.t, ri, 0, "dòng không có số thứ tự được nối vào nhiệm vụ ở trên (dòng bị "
            f'tách khi sang trang?); xem lại nhiệm vụ "{task["nhiem_vu"][:50]}"', "import.split-row"))

    def _row_values(self, values: dict[str, list[str]], cont: set[str]) -> dict:
        row: dict = {}
        for key in self.row_keys:
            if key in cont and not values.get(key):
                if key in self._prev:
                    row[key] = self._prev[key]     # merged over the rows: the same value
                continue
            lines = values.get(key) or []
            if lines:
                row[key] = self._value(key, lines)
        return row

    def _value(self, key: str, lines: list[str]):
        if key == "san_pham":
            return list(lines)
        if key in COT_CO_QUAN:
            return self.co_quan.refs(lines)
        if key == "thoi_gian":
            return thoi_gian(lines)
        return "\n".join(lines)


def _join(text: str, lines: list[str]) -> str:
    """A cell's text and the lines that go on with it (a new line after a full sentence)."""
    sep = "\n" if text.rstrip().endswith((".", ";", ":", "!", "?")) else " "
    return text + sep + "\n".join(lines)


def _thoi_gian_lines(value: dict) -> list[str]:
    return [f"- {label}: {value[k]}" for k, label in (("ban_hanh", "Ban hành Kế hoạch"),
                                                     ("thuc_hien", "Thực hiện")) if k in value]


def header_count(t: Table) -> int:
    """The header rows: those marked to repeat (w:tblHeader), at least the first, and the rows
    under it that only go on with it (cells merged down from it, or under a cell of it that
    spans several columns: "Cơ quan thực hiện" over "Chủ trì" | "Phối hợp")."""
    k = max(1, t.header_rows)
    while k < len(t.cells):
        above = [(g, g + span) for g, span in zip(t.grid[k - 1], t.spans[k - 1]) if span > 1]
        vm = t.vmerge[k]
        if not vm or not all(v == "continue" or any(a <= g < b for a, b in above)
                             for g, v in zip(t.grid[k], vm)):
            break
        k += 1
    return k


def thoi_gian(lines: list[str]) -> str | dict:
    """A deadline cell: "- Ban hành Kế hoạch: …" / "- Thực hiện: …" lines -> ban_hanh/thuc_hien."""
    parts: dict[str, str] = {}
    for line in lines:
        m_b, m_t = _BAN_HANH.match(line), _THUC_HIEN.match(line)
        if m_b and "ban_hanh" not in parts:
            parts["ban_hanh"] = m_b.group(1).strip()
        elif m_t and "thuc_hien" not in parts:
            parts["thuc_hien"] = m_t.group(1).strip()
        else:
            return "\n".join(lines)
    return parts


def _column_numbers(texts: list[str]) -> bool:
    """A row numbering the columns: "(1)", "(2)", … or 1, 2, … (empty cells aside)"""
    nums = [t.strip("()") for t in texts if t]
    return len(nums) > 2 and nums == [str(i + 1) for i in range(len(nums))]


def _tasks(nhom: list[dict]):
    for g in nhom:
        yield from g.get("nhiem_vu", [])
        yield from _tasks(g.get("nhom", []))

