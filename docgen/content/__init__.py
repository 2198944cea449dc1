"""Loading a content project: YAML with line marks, schema validation, cross-references.

`load_project(folder)` reads every file, validates everything, and raises one
`DocgenError` listing all problems, or returns a `Project`.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from .. import doctypes
from ..doctypes import BAT_BUOC, CONTENT, ContentFile
from ..errors import DocgenError, Problem
from ..model import DonVi, Project
from ..model.cap import mo_hinh_cua, nhom
from ..model.phu_luc import bang_nhiem_vu
from .files import display_path, load_model
from .khung import load_khung
from .levels import check_levels
from .noi_dung import check_dieu, check_phu_luc_noi_dung
from .shapes import check_ke_hoach, check_no_plan, check_phu_luc, check_typed_numbers
from .validate import suggest_agency
from .xlsx_read import Workbook
from .yaml_loader import Document

__all__ = ["display_path", "load_model", "load_project"]

FILES = {c.ma: (c.tep, c.model) for c in CONTENT}   # name -> (file, model): the registry's content files
OPTIONAL = tuple(c.ma for c in CONTENT if c.vai != BAT_BUOC)
"""Files whose absence chooses the project's shape (docs/content-shapes.md), not an error."""


def model_of(entry: ContentFile):
    """The pydantic model a content file validates against (`module:Class` of the registry)."""
    module, _, name = entry.model.partition(":")
    return getattr(importlib.import_module(module), name)


def agency_index(don_vi: DonVi) -> dict[str, str]:
    """Every accepted spelling of an agency (key, name, aliases) -> its key."""
    index: dict[str, str] = {}
    for key, cq in don_vi.co_quan.items():
        for name in (cq.ten, *cq.bi_danh, key):
            index[name] = key
    return index


def check_roles(don_vi: DonVi, doc: Document, index: dict[str, str]) -> list[Problem]:
    """Every `vai_tro` names an agency of the registry (not a group)."""
    problems = []
    for role, ref in don_vi.vai_tro.items():
        key = index.get(ref)
        if key is None or don_vi.co_quan[key].nhom:
            what = "không có trong danh mục co_quan" if key is None else "là một nhóm cơ quan, không phải một cơ quan"
            hint = suggest_agency(ref, index) if key is None else ""
            problems.append(Problem(doc.display, doc.line(("vai_tro", role)), "content.unknown-agency",
                                    f'cơ quan giữ vai trò "{role}" là "{ref}": {what}{hint}'))
    return problems


def _load_files(folder: Path, timings: dict | None):
    """Every content file of the registry (docgen/doctypes.py CONTENT): name -> value, name ->
    document, problems. An absent optional file is None; a project needs one main file."""
    values, docs, problems = {}, {}, []
    for entry in doctypes.CONTENT:   # (read at each call: a test may add an entry)
        if entry.vai != BAT_BUOC and not entry.present(folder):
            values[entry.ma] = docs[entry.ma] = None
            continue
        values[entry.ma], docs[entry.ma], found = load_model(folder / entry.tep, model_of(entry), timings)
        problems += found
    main = [c for c in doctypes.CONTENT if c.chinh]
    if main and not any(c.present(folder) for c in main):
        names = " hoặc ".join(f"{c.tep} ({c.ten})" for c in reversed(main))
        problems.append(Problem(display_path(folder / main[-1].tep), None, "content.missing-file",
                                f"không tìm thấy tệp; dự án cần ít nhất một văn bản chính: {names}"))
    return values, docs, problems


def load_project(folder: str | Path, timings: dict | None = None) -> Project:
    """Read and validate the whole project in `folder`; raise DocgenError with every problem."""
    folder = Path(folder)
    if not folder.is_dir():
        raise DocgenError(Problem(display_path(folder), None, "content.missing-folder",
                                  "không tìm thấy thư mục nội dung"))
    values, docs, problems = _load_files(folder, timings)
    don_vi = values["don_vi"]
    index = agency_index(don_vi) if don_vi else {}
    if don_vi:
        problems += check_roles(don_vi, docs["don_vi"], index)
    if values["ke_hoach"]:
        has_qd = (folder / FILES["quyet_dinh"][0]).exists()
        problems += check_ke_hoach(docs["ke_hoach"], has_qd) + check_typed_numbers(values["ke_hoach"], docs["ke_hoach"])
    elif values["quyet_dinh"] and not (folder / FILES["ke_hoach"][0]).exists():   # a decision alone
        problems += check_no_plan(folder, values["quyet_dinh"], docs["quyet_dinh"])
    if values["quyet_dinh"]:
        problems += check_dieu(values["quyet_dinh"], docs["quyet_dinh"])
    tep = values.pop("phu_luc")
    if isinstance(docs["phu_luc"], Workbook) and don_vi:   # an Excel appendix: at its cells
        problems += docs["phu_luc"].check_agencies(index)
    elif tep and don_vi:
        problems += check_phu_luc(tep, docs["phu_luc"], index) + check_phu_luc_noi_dung(tep, docs["phu_luc"])
    mo_hinh = mo_hinh_cua(values.get("ke_hoach"), values.get("quyet_dinh"))
    if don_vi:
        problems += check_levels(don_vi, docs["don_vi"], mo_hinh)
    cap = don_vi.co_quan_ban_hanh.cap if don_vi else "thi_xa"
    khung, khung_paths, found = load_khung(folder, timings, nhom(cap), mo_hinh)
    problems += found
    if problems:
        raise DocgenError(problems)
    ds = tep.phu_luc if tep else ()
    tasks = [pl for _, pl in bang_nhiem_vu(ds)]
    return Project(root=folder, agency_keys=index, khung=khung, khung_paths=khung_paths,
                   phu_luc=tasks[0] if tasks else None, phu_luc_ds=ds, noi_dung=values)
