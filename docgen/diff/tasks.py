"""The appendix task table, task by task, and a Vietnamese summary of what changed.

The task table is recognised by its header row (TT | Nhiệm vụ | Sản phẩm | Cơ quan chủ trì |
Cơ quan phối hợp | Thời gian hoàn thành | Ghi chú). A row whose first cell is a Roman numeral
starts a group; a row whose first cell is a number is a task, with the id "II.3" made of the
group and the TT. Other rows (repeated headers, column-number rows) are ignored.

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
# (field, label in messages), in column order after TT
FIELDS = (("nhiem_vu", "nội dung"), ("san_pham", "sản phẩm"), ("chu_tri", "chủ trì"),
          ("phoi_hop", "phối hợp"), ("thoi_gian", "thời gian"), ("ghi_chu", "ghi chú"))
_ROMAN = re.compile(r"^([IVXLC]+)\.?(?:\s+(.*))?$", re.S)
_BULLET = re.compile(r"^[-–+•]\s*")
_TT = re.compile(r"^(\d+)\.?$")
SIMILAR = 0.5  # two texts with the same id below this ratio are a removal plus an addition


@dataclass(frozen=True)
class Task:
    ma: str          # "II.3"
    nhom: str        # "II"
    values: tuple[str, ...]  # one text per FIELDS entry; lines of a cell joined with "\n"

    @property
    def text(self) -> str:
        return self.values[0]


def _norm(s: str) -> str:
    return " ".join(unicodedata.normalize("NFC", s).split())


def _join_lines(cell: str) -> str:
    """A cell's lines, normalised, "- " bullets dropped, joined with "\n"."""
    lines = (_BULLET.sub("", _norm(line)) for line in cell.split("\n"))
    return "\n".join(line for line in lines if line)


def is_header(cells: tuple[str, ...]) -> bool:
    return tuple(_norm(c).casefold() for c in cells) == tuple(h.casefold() for h in HEADER)


def find_tasks(items: list[Item]) -> tuple[list[Task], dict[str, str]] | None:
    """(tasks, group names by numeral) of the first task table, or None when there is none."""
    start = next((i for i, it in enumerate(items) if it.kind == "row" and is_header(it.cells)),
                 None)
    if start is None:
        return None
    tasks: list[Task] = []
    groups: dict[str, str] = {}
    group = ""
    for it in items[start + 1:]:
        if it.kind != "row":
            break  # the table ended
        first = _norm(it.cells[0]) if it.cells else ""
        rest = [_norm(c) for c in it.cells[1:]]
        roman = _ROMAN.match(first)
        if roman:
            group = roman.group(1)
            groups[group] = roman.group(2) or next((c for c in rest if c), "")
        elif _TT.match(first) and len(it.cells) >= len(HEADER):
            values = tuple(_join_lines(c) for c in it.cells[1:len(HEADER)])
            tasks.append(Task(f"{group}.{_TT.match(first).group(1)}" if group
                              else _TT.match(first).group(1), group, values))
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
    out = []
    for (_, label), va, vb in zip(FIELDS, a.values, b.values):
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
