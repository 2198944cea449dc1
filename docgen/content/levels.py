"""The levels of don-vi.yaml checked against each other and against the plan's period.

One problem per fault, at the line of the key at fault (docgen.model.cap is the table):
- `co_quan_ban_hanh.cap_tren.cap` must be a tier above `co_quan_ban_hanh.cap`; from 1/7/2025 a
  commune's parent is a province (no district tier);
- a district-tier body cannot issue a plan of the two-level period;
- each `xa_phuong[i].loai` must be a unit allowed directly under the body in the period;
- a commune named twice (same name, case aside) or a GSO code given twice: at the second entry.
"""

from __future__ import annotations

from ..errors import Problem
from ..model.cap import CAP_TEN, MO_HINH_TEN, cap_duoi, liet_ke, nhom, tren
from ..model.content import DonVi
from .yaml_loader import Document

CODE = "content.level"
# the tier directly above a commune in each period, and how it is named
_CAP_TREN_XA = {"hai_cap": "tinh", "ba_cap": "huyen"}
_TEN_CAP_TREN_XA = {"hai_cap": "tỉnh hoặc thành phố trực thuộc trung ương",
                    "ba_cap": "huyện, quận, thị xã hoặc thành phố thuộc tỉnh"}


def _ten_cap(cap: str) -> str:
    return {"thanh_pho_tw": "thành phố trực thuộc trung ương",
            "thanh_pho": "thành phố thuộc tỉnh"}.get(cap, CAP_TEN[cap])


def check_levels(don_vi: DonVi, doc: Document, mo_hinh: str) -> list[Problem]:
    """Every level fault of the registry, for a project of period `mo_hinh` (model.cap.MO_HINH)."""
    problems: list[Problem] = []

    def add(loc: tuple, code: str, message: str) -> None:
        problems.append(Problem(doc.display, doc.line(loc), code, message))

    cq = don_vi.co_quan_ban_hanh
    khi = MO_HINH_TEN[mo_hinh]
    if mo_hinh == "hai_cap" and nhom(cq.cap) == "huyen":
        add(("co_quan_ban_hanh", "cap"), CODE,
            f"cấp {_ten_cap(cq.cap)} không còn {khi}: kế hoạch của thời kỳ này do tỉnh, thành phố "
            "hoặc xã, phường, đặc khu ban hành")
    parent = cq.cap_tren
    if parent is not None:
        if not tren(parent.cap, cq.cap):
            add(("co_quan_ban_hanh", "cap_tren", "cap"), CODE,
                f"cơ quan cấp trên là cấp {_ten_cap(parent.cap)}, không phải cấp trên của cấp "
                f"{_ten_cap(cq.cap)} (cap: {cq.cap})")
        elif nhom(cq.cap) == "xa" and nhom(parent.cap) != _CAP_TREN_XA[mo_hinh]:
            add(("co_quan_ban_hanh", "cap_tren", "cap"), CODE,
                f"{khi} cấp trên của {_ten_cap(cq.cap)} là {_TEN_CAP_TREN_XA[mo_hinh]}, "
                f"không phải cấp {_ten_cap(parent.cap)}")
    allowed = cap_duoi(cq.cap, mo_hinh)
    for i, xp in enumerate(don_vi.xa_phuong):
        if xp.loai in allowed:
            continue
        under = (f"{_ten_cap(cq.cap)} không có đơn vị hành chính cấp xã trực thuộc {khi}" if not allowed else
                 f"đơn vị trực thuộc {_ten_cap(cq.cap)} {khi}: {liet_ke(allowed)}")
        add(("xa_phuong", i, "loai"), CODE,
            f'{CAP_TEN[xp.loai]} {xp.ten} (loai: {xp.loai}) không trực thuộc {_ten_cap(cq.cap)}; {under}')
    problems += _twice(don_vi, doc)
    return problems


def _twice(don_vi: DonVi, doc: Document) -> list[Problem]:
    problems: list[Problem] = []
    names: dict[str, int] = {}
    codes: dict[str, int] = {}
    for i, xp in enumerate(don_vi.xa_phuong):
        key = " ".join(xp.ten.casefold().split())
        if key in names:
            first = names[key]
            problems.append(Problem(doc.display, doc.line(("xa_phuong", i, "ten")), "content.duplicate",
                                    f'xã/phường "{xp.ten}" đã có trong danh sách xa_phuong (mục thứ {first + 1}, '
                                    f'dòng {doc.line(("xa_phuong", first, "ten"))}); mỗi đơn vị chỉ ghi một lần'))
        elif xp.ma and xp.ma in codes:
            first = codes[xp.ma]
            problems.append(Problem(doc.display, doc.line(("xa_phuong", i, "ma")), "content.duplicate",
                                    f'mã "{xp.ma}" của {xp.ten_day_du} đã dùng cho '
                                    f'{don_vi.xa_phuong[first].ten_day_du} (mục thứ {first + 1}); '
                                    "mỗi đơn vị một mã"))
        names.setdefault(key, i)
        codes.setdefault(xp.ma, i)
    return problems
