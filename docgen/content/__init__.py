"""Loading a content project: YAML with line marks, schema validation, cross-references.

`load_project(folder)` reads every file, validates everything, and raises one
`DocgenError` listing all problems, or returns a `Project`.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import DocgenError, Problem
from ..model import DonVi, KeHoach, PhuLuc, Project, QuyetDinh
from .files import display_path, load_model
from .khung import load_khung
from .validate import suggest_agency
from .xlsx_read import Workbook
from .yaml_loader import Document

__all__ = ["display_path", "load_model", "load_project"]

FILES = {"don_vi": ("don-vi.yaml", DonVi), "quyet_dinh": ("quyet-dinh.yaml", QuyetDinh),
         "ke_hoach": ("ke-hoach.yaml", KeHoach), "phu_luc": ("phu-luc.yaml", PhuLuc)}


def agency_index(don_vi: DonVi) -> dict[str, str]:
    """Every accepted spelling of an agency (key, name, aliases) -> its key."""
    index: dict[str, str] = {}
    for key, cq in don_vi.co_quan.items():
        for name in (cq.ten, *cq.bi_danh, key):
            index[name] = key
    return index


def check_agencies(phu_luc: PhuLuc, doc: Document, index: dict[str, str]) -> list[Problem]:
    problems = []
    for gi, group in enumerate(phu_luc.nhom):
        for ti, task in enumerate(group.nhiem_vu):
            refs = [("chu_tri", None, task.chu_tri, "chủ trì")]
            refs += [("phoi_hop", i, r, "phối hợp") for i, r in enumerate(task.phoi_hop)]
            for field, i, ref, role in refs:
                if ref in index:
                    continue
                loc = ("nhom", gi, "nhiem_vu", ti, field) + ((i,) if i is not None else ())
                hint = suggest_agency(ref, index)
                problems.append(Problem(
                    doc.display, doc.line(loc), "content.unknown-agency",
                    f'cơ quan {role} "{ref}" không có trong danh mục (don-vi.yaml){hint}'))
    return problems


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


def load_project(folder: str | Path, timings: dict | None = None) -> Project:
    """Read and validate the whole project in `folder`; raise DocgenError with every problem."""
    folder = Path(folder)
    if not folder.is_dir():
        raise DocgenError(Problem(display_path(folder), None, "content.missing-folder",
                                  "không tìm thấy thư mục nội dung"))
    values, docs, problems = {}, {}, []
    for name, (filename, model) in FILES.items():
        values[name], docs[name], found = load_model(folder / filename, model, timings)
        problems += found
    index = agency_index(values["don_vi"]) if values["don_vi"] else {}
    if values["don_vi"]:
        problems += check_roles(values["don_vi"], docs["don_vi"], index)
    if isinstance(docs["phu_luc"], Workbook) and values["don_vi"]:   # an Excel appendix: at its cells
        problems += docs["phu_luc"].check_agencies(index)
    elif values["phu_luc"] and values["don_vi"]:
        problems += check_agencies(values["phu_luc"], docs["phu_luc"], index)
    khung, khung_paths, found = load_khung(folder, timings)
    problems += found
    if problems:
        raise DocgenError(problems)
    return Project(root=folder, agency_keys=index, khung=khung, khung_paths=khung_paths, **values)
