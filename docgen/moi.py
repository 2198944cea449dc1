"""`docgen moi NEW --tu OLD [--nam N]`: a new project made from an existing one (issue #13 item 4).

Every file of OLD is copied to NEW; the content files docgen reads are rewritten for the new
year (moi_text: years moved, số blanked, dates of issue with a blank day, căn cứ kept) with
ruamel.yaml's round-trip mode, so comments, order, quotes and layout stay as the person wrote
them (PyYAML, the fast loader of every build, would drop them). An Excel appendix is rewritten
cell by cell. `can-xem.md` in NEW lists every place a person must look at (file:line, why).
Nothing is written unless all of it could be made; NEW is written under a temporary name and
renamed at the end, and an existing NEW is refused.
"""

from __future__ import annotations

import io
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from .errors import Problem, UsageError
from .moi_text import blank_date, plan_year, shift

REVIEW = "can-xem.md"
CONTENT_YAML = ("don-vi.yaml", "quyet-dinh.yaml", "ke-hoach.yaml", "phu-luc.yaml")
CONTENT_FOLDERS = ("ke-hoach-con", "xa-phuong", "khung")


@dataclass
class Moi:
    old: int
    new: int
    notes: list[tuple[str, str, str]] = field(default_factory=list)   # (file, line or cell, why)

    def note(self, rel: str, where, why: str) -> None:
        self.notes.append((rel, str(where), why))


def _yaml():
    from ruamel.yaml import YAML

    y = YAML()
    y.preserve_quotes = True
    y.width = 1_000_000                   # never fold a long line
    y.indent(mapping=2, sequence=4, offset=2)
    return y


def _same_style(old, text: str):
    from ruamel.yaml.scalarstring import ScalarString

    return type(old)(text) if isinstance(old, ScalarString) else text


def _value(m: Moi, rel: str, path: tuple, value, line: int):
    key = path[-1] if path else ""
    if not isinstance(value, str):
        if key == "nam" and isinstance(value, int) and abs(value - m.old) <= 1:
            return value + m.new - m.old
        return value
    if "can_cu" in path:
        m.note(rel, line, "căn cứ giữ nguyên: xem văn bản còn hiệu lực không, thay văn bản của năm mới nếu có")
        return value
    if len(path) == 1 and key == "so":
        if value:
            m.note(rel, line, f'số "{value}" đã để trống: văn thư vào số khi ban hành')
        return _same_style(value, "")
    if len(path) == 1 and key in ("ngay_ban_hanh", "ngay"):
        m.note(rel, line, "ngày ban hành để trống ngày (văn thư điền khi ký); tháng, năm đã dời: xem lại")
        return _same_style(value, blank_date(value, m.old, m.new))
    deadline = "thoi_gian" in path or key in ("ngay", "bat_dau", "han", "ban_hanh", "thuc_hien")
    text, notes = shift(value, m.old, m.new, deadline=deadline)
    for n in notes:
        m.note(rel, line, n.why)
    return _same_style(value, text) if text != value else value


def _walk(m: Moi, rel: str, node, path: tuple = ()) -> None:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(node, CommentedMap):
        for key in list(node):
            line = node.lc.key(key)[0] + 1
            if isinstance(node[key], (CommentedMap, CommentedSeq)):
                _walk(m, rel, node[key], path + (key,))
            else:
                node[key] = _value(m, rel, path + (key,), node[key], line)
    elif isinstance(node, CommentedSeq):
        for i, item in enumerate(node):
            if isinstance(item, (CommentedMap, CommentedSeq)):
                _walk(m, rel, item, path + (i,))
            else:
                node[i] = _value(m, rel, path + (path[-1] if path else "",), item, node.lc.item(i)[0] + 1)


def _comments(m: Moi, text: str) -> str:
    """Whole-line comments speak of the year too ("# Kế hoạch … năm 2021"): moved the same way."""
    out = []
    for line in text.splitlines(keepends=True):
        out.append(shift(line, m.old, m.new, deadline=True)[0] if line.lstrip().startswith("#") else line)
    return "".join(out)


def new_yaml(m: Moi, rel: str, text: str) -> str:
    y = _yaml()
    data = y.load(text)
    if data is not None:
        _walk(m, rel, data)
    buf = io.StringIO()
    y.dump(data, buf)
    return _comments(m, buf.getvalue())


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
        elif rel.as_posix() == "phu-luc.xlsx":
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
    old = plan_year(project.ke_hoach.trich_yeu, f"năm {project.ke_hoach.nam}" if project.ke_hoach.nam else "",
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
