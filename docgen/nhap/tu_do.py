"""Appendix content that is not a task table -> `noi_dung` blocks (schema-13.md §C).

Paragraphs become the plan body blocks: a typed "I. " -> `muc`, "1. " -> `khoan`, "a) " ->
`diem` (the number dropped: docgen numbers them; a paragraph in the body style, not bold, is
`dang: doan`), "- " -> `gach`, anything else a plain paragraph; headings hold what follows them.
Tables become free tables `{bang: {cot, hang}}`: the first row is the header, cells are text
("\\n" between lines), a cell spanning columns `{ten, gop}`, a bold row `{dam: true, o: […]}`.
Also the small cell readers the task table uses (`table_cells`, `header_key`).
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter

from docgen.check.docmodel import Para, Table
from docgen.errors import CANH_BAO, Problem
from docgen.model.phu_luc import COT

_HEADERS = {
    "tt": ("tt", "stt", "số tt", "số thứ tự"),
    "nhiem_vu": ("nhiệm vụ", "nội dung", "nội dung nhiệm vụ", "tên nhiệm vụ", "nhiệm vụ giải pháp",
                 "nội dung công việc", "nhiệm vụ cụ thể"),
    "san_pham": ("sản phẩm", "sản phẩm đầu ra", "kết quả sản phẩm", "hình thức sản phẩm"),
    "chu_tri": ("cơ quan chủ trì", "chủ trì", "chủ trì thực hiện", "đơn vị chủ trì",
                "cơ quan đơn vị chủ trì", "cơ quan chủ trì thực hiện"),
    "phoi_hop": ("cơ quan phối hợp", "phối hợp", "phối hợp thực hiện", "đơn vị phối hợp",
                 "cơ quan đơn vị phối hợp", "cơ quan phối hợp thực hiện"),
    "thoi_gian": ("thời gian hoàn thành", "thời gian", "thời gian thực hiện", "thời hạn hoàn thành",
                  "thời hạn", "tiến độ", "tiến độ thực hiện"),
    "kinh_phi": ("kinh phí", "kinh phí thực hiện", "nguồn kinh phí", "dự kiến kinh phí"),
    "ket_qua": ("kết quả", "kết quả thực hiện"),
    "ghi_chu": ("ghi chú",),
    "theo_doi": ("theo dõi kiểm tra đôn đốc", "theo dõi", "cơ quan theo dõi", "theo dõi đôn đốc"),
}


def _header_norm(text: str) -> str:
    t = unicodedata.normalize("NFC", text).lower()
    return " ".join(re.sub(r"[^\w\s]", " ", t).split())


_HEADER_INDEX = {_header_norm(h): key for key, names in _HEADERS.items() for h in (*names, COT[key])}


def header_key(text: str) -> str | None:
    """The known column a header names (by normalized text), None for any other header."""
    return _HEADER_INDEX.get(_header_norm(text))


def text_of(p: Para, labels: dict[int, str] | None = None) -> str:
    """A line's text (NFC, single spaces), after the label Word numbers its paragraph with
    (`labels`: id(w:p) -> "1.", as docgen.check.numbering.labels gives them) on its first line."""
    label = labels.get(id(p.el)) if labels and p.seg == 0 else None
    return f"{label} {p.norm}".strip() if label else p.norm


def cell_lines(cell: list[Para], labels: dict[int, str] | None = None) -> list[str]:
    """A cell's non-empty lines (paragraphs and soft line breaks)."""
    return [t for t in (text_of(p, labels) for p in cell) if t]


def table_cells(t: Table, ri: int, labels: dict[int, str] | None = None) -> list[tuple[int, list[str]]]:
    """(first grid column, lines) of every cell of row `ri`."""
    return [(g, cell_lines(cell, labels)) for g, cell in zip(t.grid[ri], t.cells[ri])]


_MUC = re.compile(r"^([IVXLC]+)\.\s+(\S.*)$")
_KHOAN = re.compile(r"^(\d+(?:\.\d+)*)\.\s+(\S.*)$")
_DIEM = re.compile(r"^([a-zđ])\)\s+(\S.*)$")
_GACH = re.compile(r"^[-–+•]\s*(\S.*)$")
_LEVEL = {"muc": 0, "khoan": 1, "diem": 2}


def _block(p: Para, labels: dict[int, str] | None) -> tuple[int, dict | str]:
    """(level, block) of one paragraph; level 9 = a leaf (plain paragraph, gạch đầu dòng)."""
    text = text_of(p, labels)
    for kind, pattern in (("muc", _MUC), ("khoan", _KHOAN), ("diem", _DIEM)):
        m = pattern.match(text)
        if m:
            block: dict = {kind: m.group(2)}
            runs = p.text_runs
            heading = bool(runs) and all(r.props.b or (kind == "diem" and r.props.i) for r in runs)
            if kind != "muc" and not heading:
                block["dang"] = "doan"
            return _LEVEL[kind], block
    m = _GACH.match(text)
    if m:
        return 9, {"gach": m.group(1)}
    return 9, text


def noi_dung(content: list, source: str, labels: dict[int, str] | None = None) -> tuple[list, list[Problem]]:
    """Body blocks and free tables, nested under the headings that precede them."""
    root: list = []
    problems: list[Problem] = []
    stack: list[tuple[int, dict]] = []
    for b in content:
        if isinstance(b, Table):
            level, block = 9, {"bang": free_table(b, source, problems, labels)}
        else:
            level, block = _block(b, labels)
        if level < 9:
            while stack and stack[-1][0] >= level:
                stack.pop()
        into = stack[-1][1].setdefault("noi_dung", []) if stack else root
        into.append(block)
        if level < 9 and block.get("dang") != "doan":    # a numbered paragraph holds nothing
            stack.append((level, block))
    return root, problems


_CAN = {"left": "trai", "start": "trai", "center": "giua", "right": "phai", "end": "phai",
        "both": "deu", "distribute": "deu"}


def free_table(t: Table, source: str, problems: list[Problem], labels: dict[int, str] | None = None) -> dict:
    """{cot, hang} of a table read as data: the first row is the header. A header cell over
    several columns names each of them; an empty one is written "-" (a column needs a name)."""
    cot: list = []
    for ci, (_, lines) in enumerate(table_cells(t, 0, labels)):
        text, span = "\n".join(lines) or "-", t.spans[0][ci]
        if span > 1 or not lines:
            what = (f'ô tiêu đề "{text}" gộp {span} cột; mỗi cột được ghi tên này' if span > 1
                    else 'ô tiêu đề trống; cột được ghi tên "-"')
            problems.append(Problem(source, None, "import.table-header", what, CANH_BAO,
                                    cell=f"bảng {t.index + 1}, ô (1,{ci + 1})"))
        cot += [text] * span
    for col, can in _alignments(t, len(cot)).items():
        if can != "giua" and cot[col]:
            cot[col] = {"ten": cot[col], "can": can}
    hang = []
    for ri in range(1, len(t.cells)):
        cells: list = []
        for ci, (_, lines) in enumerate(table_cells(t, ri, labels)):
            text, span = "\n".join(lines), t.spans[ri][ci]
            cells.append({"ten": text, "gop": span} if span > 1 else text)
        runs = [r for cell in t.cells[ri] for p in cell for r in p.text_runs]
        hang.append({"dam": True, "o": cells} if runs and all(r.props.b for r in runs) else cells)
    return {"cot": cot, "hang": hang}


def _alignments(t: Table, ncols: int) -> dict[int, str]:
    """The alignment most data cells of each grid column have."""
    seen: dict[int, Counter] = {}
    for ri in range(1, len(t.cells)):
        for ci, cell in enumerate(t.cells[ri]):
            if t.spans[ri][ci] == 1:
                for p in cell:
                    if p.norm:
                        seen.setdefault(t.grid[ri][ci], Counter())[_CAN.get(p.props.jc or "left", "trai")] += 1
    return {col: c.most_common(1)[0][0] for col, c in seen.items() if col < ncols}
