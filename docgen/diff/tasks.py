"""The appendix task table, task by task, and a Vietnamese summary of what changed.

The task table is recognised by its header row: TT (or STT) then Nhiệm vụ, then any columns
(the default seven, TT | Nhiệm vụ | Sản phẩm | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian
hoàn thành | Ghi chú, or the columns an appendix declares, docs/content-shapes.md §3); each
column is compared under its name. A row whose first cell is a Roman numeral starts a group; a
row whose first cell is a number is a task, with the id "II.3" made of the group and the TT (a
numbered row whose cells span the table is a sub-group: "II.1.3"); a
row with empty TT and Nhiệm vụ cells right after a task is a further row of that task (a task
printed over several rows, `dong`: its changes are named "dòng 2: …"). Other rows (repeated
headers, column-number rows) are ignored.

Tasks of two versions are paired first by their text (so a task that moved keeps its
identity), then by id (so a task whose wording changed is reported as changed, if the two
texts are still alike). The summary lines look like

    Nhiệm vụ II.3: chủ trì Phòng Tư pháp → Văn phòng HĐND và UBND; thời gian Quý I → Quý II
    Nhiệm vụ I.4 chuyển thành III.2 (nhóm I → III)
    thêm 2 nhiệm vụ: II.5, III.1
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass

from docgen.diff.extract import Item

HEADER = ("TT", "Nhiệm vụ", "Sản phẩm", "Cơ quan chủ trì", "Cơ quan phối hợp",
          "Thời gian hoàn thành", "Ghi chú")
# the label in messages of a column, by its printed header (a header not here: itself, lower-cased)
LABELS = {"nhiệm vụ": "nội dung", "sản phẩm": "sản phẩm", "cơ quan chủ trì": "chủ trì",
          "chủ trì thực hiện": "chủ trì", "cơ quan phối hợp": "phối hợp", "phối hợp thực hiện": "phối hợp",
          "thời gian hoàn thành": "thời gian", "ghi chú": "ghi chú", "kinh phí": "kinh phí",
          "kết quả": "kết quả", "theo dõi, kiểm tra, đôn đốc": "theo dõi"}
FIELDS = tuple(("", LABELS[h.casefold()]) for h in HEADER[1:])   # the default seven (after TT)
_ROMAN = re.compile(r"^([IVXLC]+)\.?(?:\s+(.*))?$", re.S)
_BULLET = re.compile(r"^[-–+•]\s*")
_TT = re.compile(r"^(\d+)\.?$")
_SUB = re.compile(r"^[a-zđ]$")
SIMILAR = 0.5  # two texts with the same id below this ratio are a removal plus an addition


@dataclass(frozen=True)
class Task:
    ma: str          # "II.3"
    nhom: str        # "II"
    values: tuple[str, ...]  # one text per column after TT (first: Nhiệm vụ); a cell's lines joined with "\n"
    labels: tuple[str, ...] = tuple(label for _, label in FIELDS)
    more: tuple[tuple[str, ...], ...] = ()   # the further rows of a task printed over several rows

    @property
    def text(self) -> str:
        return self.values[0]

    @property
    def rows(self) -> tuple[tuple[str, ...], ...]:
        return (self.values, *self.more)


def _norm(s: str) -> str:
    return " ".join(unicodedata.normalize("NFC", s).split())


def _join_lines(cell: str) -> str:
    """A cell's lines, normalised, "- " bullets dropped, joined with "\n"."""
    lines = (_BULLET.sub("", _norm(line)) for line in cell.split("\n"))
    return "\n".join(line for line in lines if line)


def is_header(cells: tuple[str, ...]) -> bool:
    """A task table's header row: TT (or STT), Nhiệm vụ, then at least one more column."""
    names = [_norm(c).casefold() for c in cells]
    return len(names) > 2 and names[0] in ("tt", "stt") and names[1] == "nhiệm vụ" and all(names)


def _labels(cells: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(LABELS.get(_norm(c).casefold(), _norm(c).casefold()) for c in cells[1:])


def find_tasks(items: list[Item]) -> tuple[list[Task], dict[str, str]] | None:
    """(tasks, group names by numeral) of the first task table, or None when there is none."""
    start = next((i for i, it in enumerate(items) if it.kind == "row" and is_header(it.cells)),
                 None)
    if start is None:
        return None
    width, labels = len(items[start].cells), _labels(items[start].cells)
    tasks: list[Task] = []
    groups: dict[str, str] = {}
    group, sub = "", []
    for it in items[start + 1:]:
        if it.kind != "row":
            break  # the table ended
        first = _norm(it.cells[0]) if it.cells else ""
        rest = [_norm(c) for c in it.cells[1:]]
        roman = _ROMAN.match(first)
        values = tuple(_join_lines(c) for c in it.cells[1:width])
        if roman:
            group, sub = roman.group(1), []
            groups[group] = roman.group(2) or next((c for c in rest if c), "")
        elif (_TT.match(first) or _SUB.match(first)) and len(it.cells) < width and group:
            level = 0 if _TT.match(first) else 1    # a sub-group row ("1", then "a"): its cells span
            sub = [*sub[:level], first.rstrip(".")]
        elif _TT.match(first) and len(it.cells) >= width:
            here = ".".join([group, *sub]) if group else ""
            tasks.append(Task(f"{here}.{_TT.match(first).group(1)}" if here
                              else _TT.match(first).group(1), group, values, labels))
        elif not first and len(it.cells) >= width and not values[0] and tasks and tasks[-1].nhom == group:
            last = tasks[-1]   # a further row of the task above: its TT and Nhiệm vụ cells merged
            tasks[-1] = Task(last.ma, last.nhom, last.values, last.labels, (*last.more, values))
    return tasks, groups


def _pair(old: list[Task], new: list[Task]) -> list[tuple[Task, Task]]:
    """Pairs (old, new): first by identical text (unique on both sides), then by id if alike."""
    pairs: list[tuple[Task, Task]] = []
    count_old: dict[str, int] = {}
    count_new: dict[str, int] = {}
    for t in old:
        count_old[t.text] = count_old.get(t.text, 0) + 1
    for t in new:
        count_new[t.text] = count_new.get(t.text, 0) + 1
    by_text = {t.text: t for t in new if count_new[t.text] == 1}
    used_new: set[str] = set()
    rest_old = []
    for t in old:
        n = by_text.get(t.text) if count_old[t.text] == 1 else None
        if n is not None:
            pairs.append((t, n))
            used_new.add(n.ma)
        else:
            rest_old.append(t)
    free_new = {t.ma: t for t in new if t.ma not in used_new}
    for t in rest_old:
        n = free_new.get(t.ma)
        if n is not None and difflib.SequenceMatcher(None, t.text, n.text).ratio() >= SIMILAR:
            pairs.append((t, n))
            del free_new[t.ma]
    return pairs


def _value(v: str) -> str:
    return v if v else "(trống)"


def _changed_part(va: str, vb: str) -> tuple[str, str]:
    """The differing lines only, when both values have the same number of lines
    ("Ban hành: Quý I/2021\nThực hiện: Cả năm" → only the first line); lines joined with ", "."""
    la, lb = va.split("\n"), vb.split("\n")
    if len(la) == len(lb) > 1:
        la, lb = zip(*[(x, y) for x, y in zip(la, lb) if x != y])
    return ", ".join(la), ", ".join(lb)


def _field_changes(a: Task, b: Task) -> list[str]:
    """The changed cells, row by row ("dòng 2: chủ trì …" when either task has several rows)."""
    several = len(a.rows) > 1 or len(b.rows) > 1
    out = []
    for n in range(max(len(a.rows), len(b.rows))):
        head = f"dòng {n + 1}: " if several else ""
        if n >= len(a.rows):
            out.append(f"thêm dòng {n + 1}")
        elif n >= len(b.rows):
            out.append(f"bỏ dòng {n + 1}")
        else:
            out += [head + c for c in _row_changes(a.rows[n], b.rows[n], b.labels, n)]
    if a.labels != b.labels:
        out.append(f"cột {', '.join(a.labels)} → {', '.join(b.labels)}")
    return out


def _row_changes(ra: tuple[str, ...], rb: tuple[str, ...], labels: tuple[str, ...], n: int) -> list[str]:
    out = []
    for label, va, vb in zip(labels, ra, rb):
        if n and label == "nội dung":
            continue   # a further row's Nhiệm vụ cell is the merged one (empty)
        if va != vb:
            va, vb = _changed_part(va, vb)
            head_a, sep, tail_a = va.partition(": ")
            head_b, _, tail_b = vb.partition(": ")
            if sep and head_a == head_b and "\n" not in va + vb and ", " not in head_a:
                out.append(f"{label} {head_a}: {_value(tail_a)} → {_value(tail_b)}")
                continue
            if label == "nội dung":
                out.append(f"nội dung “{_value(va)}” → “{_value(vb)}”")
            else:
                out.append(f"{label} {_value(va)} → {_value(vb)}")
    return out


def _moved(pairs: list[tuple[Task, Task]], old: list[Task], new: list[Task]) -> set[str]:
    """Ids (new) of paired tasks that changed group or relative order, not just their number.

    Taken in new order, the old positions of paired tasks should increase; those outside the
    longest increasing run (difflib's matching blocks against the sorted list) moved.
    """
    old_index = {id(t): i for i, t in enumerate(old)}
    new_index = {id(t): i for i, t in enumerate(new)}
    seq = sorted(pairs, key=lambda p: new_index[id(p[1])])
    positions = [old_index[id(a)] for a, _ in seq]
    sm = difflib.SequenceMatcher(None, sorted(positions), positions, autojunk=False)
    kept = {positions[j] for blk in sm.get_matching_blocks()
            for j in range(blk.b, blk.b + blk.size)}
    return {b.ma for a, b in seq if a.nhom != b.nhom or old_index[id(a)] not in kept}


def _id_list(tasks: list[Task]) -> str:
    return ", ".join(t.ma for t in tasks)


def summarize(old_items: list[Item], new_items: list[Item]) -> list[str] | None:
    """Summary lines for the task tables of two versions; None when neither has one."""
    a, b = find_tasks(old_items), find_tasks(new_items)
    if a is None and b is None:
        return None
    (old, old_groups), (new, new_groups) = a or ([], {}), b or ([], {})
    lines: list[str] = []
    for g in new_groups:
        if g not in old_groups:
            lines.append(f"thêm nhóm {g}: {new_groups[g]}")
        elif old_groups[g] != new_groups[g]:
            lines.append(f"Nhóm {g}: tên “{old_groups[g]}” → “{new_groups[g]}”")
    lines += [f"bỏ nhóm {g}: {old_groups[g]}" for g in old_groups if g not in new_groups]
    pairs = _pair(old, new)
    moved = _moved(pairs, old, new)
    renumbered = []
    for ta, tb in sorted(pairs, key=lambda p: new.index(p[1])):
        changes = _field_changes(ta, tb)
        if tb.ma in moved:
            head = f"Nhiệm vụ {ta.ma} chuyển thành {tb.ma}"
            if ta.nhom != tb.nhom:
                head += f" (nhóm {ta.nhom} → {tb.nhom})"
            lines.append(head + (": " + "; ".join(changes) if changes else ""))
        else:
            if ta.ma != tb.ma:
                renumbered.append(f"{ta.ma} → {tb.ma}")
            if changes:
                name = tb.ma if ta.ma == tb.ma else f"{tb.ma} (trước là {ta.ma})"
                lines.append(f"Nhiệm vụ {name}: " + "; ".join(changes))
    paired_old = {id(p[0]) for p in pairs}
    paired_new = {id(p[1]) for p in pairs}
    added = [t for t in new if id(t) not in paired_new]
    removed = [t for t in old if id(t) not in paired_old]
    if added:
        lines.append(f"thêm {len(added)} nhiệm vụ: {_id_list(added)}")
    if removed:
        lines.append(f"bỏ {len(removed)} nhiệm vụ: {_id_list(removed)}")
    if renumbered:
        lines.append(f"đánh số lại {len(renumbered)} nhiệm vụ: {', '.join(renumbered)}")
    return lines
