"""The project's shape and the checks that need the files' lines (docs/content-shapes.md).

- which files make the project (docgen/doctypes.py CONTENT): don-vi.yaml always; ke-hoach.yaml,
  quyet-dinh.yaml (at least one) and phu-luc.yaml when present (a plan issued directly has no
  decision, a decision may issue no plan, a plan may have no appendix);
- a decision without a plan neither says it issues one nor has content only plans use;
- a plan issued by a decision has no number of its own, a plan issued directly must have one;
- typed numbers in headings; a task's keys against its appendix's declared columns;
- every agency a task names (chủ trì, phối hợp, theo dõi) is in the registry.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import Problem
from ..model.content import KE_HOACH_BAN_HANH, KE_HOACH_BAT_BUOC, KeHoach
from ..model.danh_so import numbered, typed_number
from ..model.phu_luc import BAT_BUOC_MAC_DINH, COT, COT_CO_QUAN, ROW_KEYS, PhuLuc, PhuLucTep
from .files import display_path
from .validate import suggest_agency
from .yaml_loader import Document

KIEU_TEN = {"muc": "mục", "khoan": "khoản", "diem": "điểm"}
TASK_KEYS = ROW_KEYS
ROLE = {"chu_tri": "chủ trì", "phoi_hop": "phối hợp", "theo_doi": "theo dõi"}


def check_ke_hoach(doc: Document, co_quyet_dinh: bool) -> list[Problem]:
    """Issued by a decision: no số/ngày/người ký/nơi nhận/lưu; issued directly: all of them."""
    if co_quyet_dinh:
        return [Problem(doc.display, doc.line((k,)), "content.two-numbers",
                        f'khóa "{k}" không dùng được khi có quyet-dinh.yaml: Kế hoạch ban hành kèm theo '
                        f'Quyết định thì không có số, ngày, người ký, nơi nhận riêng; xóa khóa này, hoặc xóa '
                        f'quyet-dinh.yaml nếu Kế hoạch được ban hành trực tiếp')
                for k in KE_HOACH_BAN_HANH if k in doc.data]
    return [Problem(doc.display, 1, "content.missing",
                    f'Kế hoạch ban hành trực tiếp (không có quyet-dinh.yaml) phải có khóa "{k}"')
            for k in KE_HOACH_BAT_BUOC if k not in doc.data]


PLAN_FOLDERS = {"ke-hoach-con": "kế hoạch con", "xa-phuong": "kế hoạch của xã, phường"}
TITLE_ISSUES_PLAN = re.compile(r"^(về việc )?ban hành kế hoạch\b", re.IGNORECASE)   # Hoài Nhơn's trích yếu
ARTICLE_ISSUES_PLAN = re.compile(r"kèm theo quyết định này,? (một )?kế hoạch\b", re.IGNORECASE)   # its Điều 1
NO_PLAN = "dự án không có ke-hoach.yaml (Quyết định không kèm Kế hoạch)"


def check_no_plan(folder: Path, quyet_dinh, doc: Document) -> list[Problem]:
    """A decision without ke-hoach.yaml: its title and articles must not issue a plan, and the
    folders only a plan's derived and commune plans read must not be there."""
    problems = []
    if TITLE_ISSUES_PLAN.search(" ".join(quyet_dinh.trich_yeu.split())):
        problems.append(Problem(doc.display, doc.line(("trich_yeu",)), "content.missing-plan",
                                f"trích yếu ban hành một Kế hoạch nhưng {NO_PLAN}: thêm ke-hoach.yaml "
                                "vào thư mục nội dung, hoặc sửa trích yếu"))
    for i, dieu in enumerate(quyet_dinh.dieu):
        text = dieu if isinstance(dieu, str) else getattr(dieu, "noi_dung", "")
        if ARTICLE_ISSUES_PLAN.search(" ".join(text.split())):
            problems.append(Problem(doc.display, doc.line(("dieu", i)), "content.missing-plan",
                                    f"Điều {i + 1} ban hành kèm theo Quyết định một Kế hoạch nhưng {NO_PLAN}: "
                                    f"thêm ke-hoach.yaml vào thư mục nội dung, hoặc sửa Điều {i + 1}"))
    for name, what in PLAN_FOLDERS.items():
        if (folder / name).is_dir():
            problems.append(Problem(display_path(folder / name) + "/", None, "content.missing-plan",
                                    f"thư mục {name}/ chứa nội dung của {what}, được lập từ Kế hoạch, nhưng "
                                    f"{NO_PLAN}: thêm ke-hoach.yaml, hoặc xóa (đổi tên) thư mục này"))
    return problems


def check_typed_numbers(ke_hoach: KeHoach, doc: Document) -> list[Problem]:
    """A heading or numbered paragraph whose text starts with a number: docgen numbers it."""
    problems = []
    for loc, block, label in numbered(ke_hoach.noi_dung, ke_hoach.danh_so):
        typed = typed_number(block.text) if label else None
        if typed:
            what = f'{KIEU_TEN[block.kieu]} "{block.kieu}"' + (" (dang: doan)" if block.dang == "doan" else "")
            problems.append(Problem(
                doc.display, doc.line(("noi_dung", *loc, block.kieu)), "content.typed-number",
                f'{what} bắt đầu bằng số gõ tay "{typed}"; docgen tự đánh số chỗ này là "{label}": '
                f'hãy xóa "{typed}" ở đầu dòng'))
    return problems


def phu_luc_locs(tep: PhuLucTep, doc: Document) -> list[tuple[PhuLuc, tuple]]:
    """Each task-table appendix with its path in the file: () for the one-appendix form
    (free-content appendices are checked in docgen.content.noi_dung)."""
    if "phu_luc" in doc.data:
        return [(pl, ("phu_luc", i)) for i, pl in enumerate(tep.phu_luc) if isinstance(pl, PhuLuc)]
    return [(pl, ()) for pl in tep.phu_luc[:1] if isinstance(pl, PhuLuc)]


def check_phu_luc(tep: PhuLucTep, doc: Document, index: dict[str, str]) -> list[Problem]:
    problems = []
    for pl, base in phu_luc_locs(tep, doc):
        declared = {c.ma for c in pl.cot_ds}
        for ma, _, task, loc in pl.walk():
            for n, (row, row_loc) in enumerate(_row_locs(task, base + loc), 1):   # every row (schema-13 §A)
                problems += _task_columns(doc, pl, declared, row_loc, f"{ma} (dòng {n})" if task.dong else ma)
                problems += _task_agencies(doc, row, row_loc, index)
    return problems


def _row_locs(task, loc: tuple) -> list[tuple]:
    """(row, its path in the file): the task itself, or each of its `dong` rows."""
    if not task.dong:
        return [(task, loc)]
    return [(row, loc + ("dong", i)) for i, row in enumerate(task.dong)]


def _raw(doc: Document, loc: tuple):
    node = doc.data
    for part in loc:
        node = node[part]
    return node


def _task_columns(doc: Document, pl: PhuLuc, declared: set[str], loc: tuple, ma: str) -> list[Problem]:
    raw, problems = _raw(doc, loc), []
    for key in TASK_KEYS:
        if key in raw and key not in declared:
            problems.append(Problem(
                doc.display, doc.line(loc + (key,)), "content.undeclared-column",
                f'nhiệm vụ {ma} ghi "{key}" nhưng Phụ lục không có cột này; thêm "{key}" vào danh sách "cot" '
                f'(các cột đang có: {", ".join(c.ma for c in pl.cot_ds)})'))
    if pl.cot is None:
        for key in BAT_BUOC_MAC_DINH:
            if key not in raw:
                problems.append(Problem(doc.display, doc.line(loc), "content.missing",
                                        f'thiếu khóa bắt buộc "{key}"'))
            elif key == "san_pham" and not raw[key]:
                problems.append(Problem(doc.display, doc.line(loc + (key,)), "content.empty-list",
                                        'danh sách "san_pham" không được để trống'))
    return problems


def _task_agencies(doc: Document, task, loc: tuple, index: dict[str, str]) -> list[Problem]:
    problems = []
    for col in COT_CO_QUAN:
        raw = _raw(doc, loc).get(col)
        many = isinstance(raw, list)
        for i, ref in enumerate(getattr(task, col)):
            if not isinstance(ref, str) or ref in index:
                continue
            where = loc + (col,) + ((i,) if many else ())
            problems.append(Problem(
                doc.display, doc.line(where), "content.unknown-agency",
                f'cơ quan {ROLE[col]} "{ref}" không có trong danh mục (don-vi.yaml){suggest_agency(ref, index)}'
                + ('; văn bản không phải tên cơ quan thì ghi {ghi: "…"}' if not suggest_agency(ref, index) else "")))
    return problems


__all__ = ["COT", "check_ke_hoach", "check_phu_luc", "check_typed_numbers", "phu_luc_locs"]
