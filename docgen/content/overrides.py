"""Loading the override files of derived plans: content/<project>/ke-hoach-con/*.yaml.

Each file is validated against `KeHoachConOverride`; its `nhiem_vu` must name an appendix row
whose product is a plan, and no two files may name the same row. Problems carry file and line.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import Problem
from ..model import Project
from ..model.derived import KeHoachConOverride
from ..model.phu_luc import nhiem_vu_goc
from .files import load_model
from .yaml_loader import Document

FOLDER = "ke-hoach-con"


def load_overrides(project: Project, plan_ids: set[str]):
    """Returns ({ma: override}, {ma: Document}, problems)."""
    folder = Path(project.root) / FOLDER
    values, docs, problems = {}, {}, []
    if not folder.is_dir():
        return values, docs, problems
    all_ids = {ma for ma, _, _ in nhiem_vu_goc(project.phu_luc_ds)}
    for path in sorted(folder.glob("*.yaml")):
        value, doc, found = load_model(path, KeHoachConOverride)
        problems += found
        if value is None:
            continue
        ma = value.nhiem_vu.strip()
        line = doc.line(("nhiem_vu",))
        if ma not in all_ids:
            problems.append(Problem(doc.display, line, "content.unknown-task",
                                    f'nhiệm vụ "{ma}" không có trong Phụ lục (phu-luc.yaml); '
                                    f'mã nhiệm vụ có dạng "I.2" (nhóm La Mã, số thứ tự)'))
            continue
        if ma not in plan_ids:
            problems.append(Problem(doc.display, line, "content.not-a-plan",
                                    f'nhiệm vụ "{ma}" không phải nhiệm vụ ban hành kế hoạch (sản phẩm không có '
                                    f'"Kế hoạch" hay "Đề án"), hoặc là chính Kế hoạch cải cách hành chính'))
            continue
        if ma in docs:
            problems.append(Problem(doc.display, line, "content.duplicate",
                                    f'nhiệm vụ "{ma}" đã có tệp ghi đè {docs[ma].display}'))
            continue
        values[ma], docs[ma] = value, doc
    return values, docs, problems


def problem_at(doc: Document | None, fallback: str, loc: tuple, code: str, message: str) -> Problem:
    if doc is None:
        return Problem(fallback, None, code, message)
    return Problem(doc.display, doc.line(loc), code, message)
