"""Checks of the free-content appendices and of the articles with clauses, at their lines
(schema-13 §B, §C): a table row whose cells (spans counted) do not match the columns
`[content.table-shape]`; a number typed at the start of a numbered block, clause or point
`[content.typed-number]` (docgen numbers them; typed text is never altered)."""

from __future__ import annotations

import re

from ..errors import Problem
from ..model.content import QuyetDinh
from ..model.danh_so import numbered, typed_number
from ..model.phu_luc import PhuLucTep
from ..model.phu_luc_noi_dung import PhuLucNoiDung
from ..vn.numbering import diem_label
from .yaml_loader import Document

KIEU_TEN = {"muc": "mục", "khoan": "khoản", "diem": "điểm"}
DIEU_GO_TAY = re.compile(r"\s*(Điều\s*\d+\s*[.:]?)", re.IGNORECASE)
"""An article's text that starts with its own "Điều 2." (docgen prints it)."""


def _appendices(tep: PhuLucTep, doc: Document):
    many = "phu_luc" in doc.data
    for i, pl in enumerate(tep.phu_luc):
        if isinstance(pl, PhuLucNoiDung):
            yield pl, (("phu_luc", i) if many else ())


def check_phu_luc_noi_dung(tep: PhuLucTep, doc: Document) -> list[Problem]:
    problems = []
    for pl, base in _appendices(tep, doc):
        for loc, block, label in numbered(pl.noi_dung):
            where = (*base, "noi_dung", *loc)
            if block.bang is not None:
                problems += _table_shape(doc, block.bang, where + ("bang",))
            elif label and (typed := typed_number(block.text)):
                problems.append(_typed(doc, where + (block.kieu,), f'{KIEU_TEN[block.kieu]} "{block.kieu}"',
                                       typed, label))
    return problems


def _table_shape(doc: Document, bang, where: tuple) -> list[Problem]:
    n = len(bang.cot)
    raw = doc.data
    for part in where:
        raw = raw[part]
    problems = []
    for i, row in enumerate(bang.hang):
        if row.so_cot != n:
            gop = " (tính cả ô gộp)" if any(c.gop > 1 for c in row.o) else ""
            loc = where + ("hang", i) + (("o",) if isinstance(raw["hang"][i], dict) else ())
            problems.append(Problem(
                doc.display, doc.line(loc), "content.table-shape",
                f"hàng {i + 1} của bảng có {row.so_cot} ô{gop} nhưng bảng có {n} cột; "
                f'thêm ô trống "" hoặc gộp ô bằng {{ten: …, gop: số cột}}'))
    return problems


def _typed(doc: Document, loc: tuple, what: str, typed: str, label: str) -> Problem:
    return Problem(doc.display, doc.line(loc), "content.typed-number",
                   f'{what} bắt đầu bằng số gõ tay "{typed}"; docgen tự đánh số chỗ này là "{label}": '
                   f'hãy xóa "{typed}" ở đầu dòng')


def check_dieu(qd: QuyetDinh, doc: Document) -> list[Problem]:
    """Articles ("Điều 1."), clauses ("1.") and points ("a)"): a typed number is an error at its line."""
    problems = []
    for di, dieu in enumerate(qd.dieu):
        text = dieu if isinstance(dieu, str) else dieu.noi_dung
        if m := DIEU_GO_TAY.match(text):
            loc = ("dieu", di) + (() if isinstance(dieu, str) else ("noi_dung",))
            problems.append(_typed(doc, loc, f"Điều {di + 1}", m.group(1).strip(), f"Điều {di + 1}."))
        if isinstance(dieu, str):
            continue
        raw = doc.data["dieu"][di]["khoan"]
        for ki, khoan in enumerate(dieu.khoan):
            plain = isinstance(raw[ki], str)
            loc = ("dieu", di, "khoan", ki) + (() if plain else ("noi_dung",))
            if typed := typed_number(khoan.noi_dung):
                problems.append(_typed(doc, loc, f"khoản của Điều {di + 1}", typed, f"{ki + 1}."))
            for pi, diem in enumerate(khoan.diem):
                if typed := typed_number(diem):
                    problems.append(_typed(doc, ("dieu", di, "khoan", ki, "diem", pi),
                                           f"điểm của khoản {ki + 1} Điều {di + 1}", typed, diem_label(pi)))
    return problems
