"""`docgen moi NEW --tu OLD [--nam N]`: a new project made from an existing one (issue #13 item 4).

Every file of OLD is copied to NEW; the content files docgen reads are rewritten for the new
year (moi_text: years moved, số blanked, dates of issue with a blank day, căn cứ kept). The
files are edited in place: ruamel.yaml's round-trip parser gives the position of every value
(and the key path that says which rule applies), and only those characters change, so comments,
order, quotes, flow style and layout stay exactly as the person wrote them (PyYAML, the fast
loader of every build, keeps no comments; even ruamel's own dump rewrites `[{ghi: …}]`). An Excel appendix is rewritten
cell by cell. `can-xem.md` in NEW lists every place a person must look at (file:line, why).
Nothing is written unless all of it could be made; NEW is written under a temporary name and
renamed at the end, and an existing NEW is refused.
"""

from __future__ import annotations

import io
import os
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from .doctypes import CONTENT
from .errors import Problem, UsageError
from .moi_text import plan_year, shift

REVIEW = "can-xem.md"
CONTENT_YAML = tuple(c.tep for c in CONTENT)   # the registry's content files (docgen/doctypes.py)
CONTENT_XLSX = tuple(c.thay_the for c in CONTENT if c.thay_the.endswith(".xlsx"))   # workbooks in their place
CONTENT_FOLDERS = ("ke-hoach-con", "xa-phuong", "khung")


@dataclass
class Moi:
    old: int
    new: int
    notes: list[tuple[str, str, str]] = field(default_factory=list)   # (file, line or cell, why)

    def note(self, rel: str, where, why: str) -> None:
        self.notes.append((rel, str(where), why))


def _rule(m: Moi, rel: str, path: tuple, value, line: int) -> tuple:
    """What becomes of one scalar's text ("keep", "blank", "date" or ("shift", deadline)); the
    notes a person must read are taken on the way."""
    key = path[-1] if path else ""
    if "can_cu" in path:
        m.note(rel, line, "căn cứ giữ nguyên: xem văn bản còn hiệu lực không, thay văn bản của năm mới nếu có")
        return ("keep",)
    if len(path) == 1 and key == "so":
        if value:
            m.note(rel, line, f'số "{value}" đã để trống: văn thư vào số khi ban hành')
        return ("blank",)
    if len(path) == 1 and key in ("ngay_ban_hanh", "ngay") and isinstance(value, str):
        m.note(rel, line, "ngày ban hành để trống ngày (văn thư điền khi ký); tháng, năm đã dời: xem lại")
        return ("date",)
    deadline = "thoi_gian" in path or key in ("ngay", "bat_dau", "han", "ban_hanh", "thuc_hien", "nam")
    if isinstance(value, str):
        for n in shift(value, m.old, m.new, deadline=deadline)[1]:
            m.note(rel, line, n.why)
    return ("shift", deadline)


def _scalars(m: Moi, rel: str, node, path: tuple = (), out: list | None = None) -> list:
    """(line, column, rule) of every scalar value in the file (ruamel's round-trip positions)."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    out = [] if out is None else out
    if isinstance(node, CommentedMap):
        items = [(k, node[k], node.lc.value(k), path + (k,)) for k in node]
    elif isinstance(node, CommentedSeq):
        items = [(i, v, node.lc.item(i), path + (i,)) for i, v in enumerate(node)]
    else:
        return out
    for key, value, (line, col), here in items:
        if isinstance(value, (CommentedMap, CommentedSeq)):
            _scalars(m, rel, value, here, out)
        else:
            name = here if isinstance(key, str) else here[:-1] + (path[-1] if path else "",)
            out.append((line, col, _rule(m, rel, name, value, line + 1)))
    return out


_SCALAR = re.compile(r"""^("(?:[^"\\\n]|\\.)*"|'(?:[^'\n]|'')*'|[^\s#][^\n#]*?)(?=\s*(?:#|\n|$))""")
_DAY = re.compile(r"""^(["']?)(?:\d{1,2}|\.\.)/""")


def _value_text(m: Moi, rule: tuple, text: str) -> str:
    if rule[0] == "blank":
        found = _SCALAR.match(text)
        return ('""' + text[found.end():]) if found else text
    if rule[0] == "date":
        text = _DAY.sub(lambda d: f"{d.group(1)}../", text, count=1)
    return shift(text, m.old, m.new, deadline=rule[0] == "date" or rule[1])[0]


def _apply(m: Moi, rule: tuple, segment: str) -> str:
    """A scalar's text up to the next scalar: the value by its rule, whole-line comments after
    it moved like dates (they describe the year: "# ngay: ../03/2021"), unless the value is kept."""
    if rule[0] == "keep":
        return segment
    first, *rest = segment.splitlines(keepends=True) or [""]
    out = [_value_text(m, rule, first)]
    for line in rest:
        comment = line.lstrip().startswith("#")
        out.append(shift(line, m.old, m.new, deadline=True)[0] if comment or rule[0] != "shift"
                   else shift(line, m.old, m.new, deadline=rule[1])[0])
    return "".join(out)


def new_yaml(m: Moi, rel: str, text: str) -> str:
    """The file for the new year, edited in place: only the changed characters of values (and of
    comments, which speak of the year too) differ; keys, quotes, order and layout are the file's."""
    from ruamel.yaml import YAML

    data = YAML().load(text)
    starts = [0]
    for line in text.splitlines(keepends=True):
        starts.append(starts[-1] + len(line))
    spots = sorted(_scalars(m, rel, data)) if data is not None else []
    offsets = [starts[line] + col for line, col, _ in spots] + [len(text)]
    out = [shift(text[:offsets[0]], m.old, m.new, deadline=True)[0]]   # the header comments
    for (_, _, rule), begin, end in zip(spots, offsets, offsets[1:]):
        out.append(_apply(m, rule, text[begin:end]))
    return "".join(out)


def new_xlsx(m: Moi, rel: str, data: bytes) -> bytes:
    from openpyxl import load_workbook

    from .content.xlsx_cols import FIRST_ROW, KEY_ROW, TITLE_ROW, is_appendix_sheet
    from .content.xlsx_write import reproducible

    wb = load_workbook(io.BytesIO(data))
    for ws in (wb[name] for name in wb.sheetnames if is_appendix_sheet(name)):
        keys = {c: ws.cell(KEY_ROW, c).value for c in range(1, ws.max_column + 1)}
        cells = [ws.cell(TITLE_ROW, 2)] + [c for row in ws.iter_rows(min_row=FIRST_ROW) for c in row]
        for cell in cells:
            if isinstance(cell.value, str) and cell.data_type == "s":
                text, notes = shift(cell.value, m.old, m.new, deadline=keys.get(cell.column) == "thoi_gian")
                cell.value = text
                for n in notes:
                    m.note(rel, f"{ws.title}!{cell.coordinate}", n.why)
    buf = io.BytesIO()
    wb.save(buf)
    return reproducible(buf.getvalue())


def _is_content(rel: Path) -> bool:
    return rel.suffix == ".yaml" and (str(rel) in CONTENT_YAML or (len(rel.parts) == 2 and rel.parts[0] in CONTENT_FOLDERS))


def make_files(old_dir: Path, m: Moi) -> dict[str, bytes]:
    """Every file of the new project (relative path -> bytes), can-xem.md last."""
    files: dict[str, bytes] = {}
    for path in sorted(p for p in old_dir.rglob("*") if p.is_file()):
        rel = path.relative_to(old_dir)
        if rel.as_posix() == REVIEW or any(part.startswith(".") for part in rel.parts):
            continue
        data = path.read_bytes()
        if _is_content(rel):
            data = new_yaml(m, rel.as_posix(), data.decode("utf-8")).encode("utf-8")
        elif rel.as_posix() in CONTENT_XLSX:
            data = new_xlsx(m, rel.as_posix(), data)
        files[rel.as_posix()] = data
    return files


def review_markdown(m: Moi, old_name: str, new_name: str) -> str:
    lines = [f"# Cần xem: {new_name} (tạo từ {old_name}, năm {m.old} → {m.new})", "",
             f"docgen đã dời các năm {m.old - 1}–{m.old + 1} thêm {m.new - m.old} năm trong trích yếu, tiêu đề, nội "
             "dung và thời hạn; để trống số và ngày ban hành; giữ nguyên căn cứ. Mỗi dòng dưới đây là một chỗ "
             f"người soạn phải xem ({len(m.notes)} chỗ):", ""]
    current = None
    for rel, where, why in m.notes:
        if rel != current:
            lines += ([""] if current else []) + [f"## {rel}", ""]
            current = rel
        sep = ":" if where.isdigit() else ": "
        lines.append(f"- `{rel}{sep}{where}`: {why}")
    return "\n".join(lines) + "\n"


def write_project(new_dir: Path, files: dict[str, bytes]) -> None:
    """Write under a temporary name, then rename: NEW appears whole or not at all."""
    tmp = new_dir.with_name(f".{new_dir.name}.docgen-tmp")
    try:
        if tmp.exists():
            shutil.rmtree(tmp)
        for rel, data in files.items():
            (tmp / rel).parent.mkdir(parents=True, exist_ok=True)
            (tmp / rel).write_bytes(data)
        os.rename(tmp, new_dir)
    except OSError:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def moi(old_dir: Path, new_dir: Path, nam: int | None = None) -> Moi:
    """Make the project NEW from OLD; returns what was done (the notes)."""
    from .content import load_project

    if new_dir.exists() or new_dir.is_symlink():
        raise UsageError(Problem(str(new_dir), None, "moi.exists",
                                 "thư mục đã có; docgen không ghi vào dự án có sẵn: chọn tên khác hoặc xóa thư mục đó"))
    project = load_project(old_dir)
    kh = project.ke_hoach   # None for a decision alone
    old = plan_year(kh.trich_yeu if kh else "", f"năm {kh.nam}" if kh and kh.nam else "",
                    project.quyet_dinh.trich_yeu if project.quyet_dinh else "",
                    *(pl.tieu_de for pl in project.phu_luc_ds))
    if old is None:
        raise UsageError(Problem(str(old_dir), None, "moi.no-year",
                                 'không thấy năm của dự án cũ (chữ "năm …" trong trích yếu kế hoạch)'))
    new = old + 1 if nam is None else nam
    if new == old:
        raise UsageError(Problem("--nam", None, "moi.same-year", f"năm mới trùng năm của dự án cũ ({old})"))
    m = Moi(old, new)
    files = make_files(old_dir, m)
    files[REVIEW] = review_markdown(m, old_dir.resolve().name, new_dir.name).encode("utf-8")
    new_dir.parent.mkdir(parents=True, exist_ok=True)
    write_project(new_dir, files)
    return m
