"""Levels of local government as one table: what each `cap` is called, its rank, its sub-units.

Local government had three levels until 30 June 2025 (tỉnh → huyện/quận/thị xã/thành phố
thuộc tỉnh → xã/phường/thị trấn) and two from 1 July 2025 (tỉnh/thành phố trực thuộc trung
ương → xã/phường/đặc khu; Luật Tổ chức chính quyền địa phương 2025, NQ 202/2025/QH15;
reference/chinh-quyen-2-cap.md §1). `MO_HINH` names the two periods: "ba_cap" and "hai_cap".

Pure data and small lookups: docgen.content validates don-vi.yaml against it, docgen.derive
words "UBND các xã, phường, đặc khu" from it, and docgen.content.khung chooses the skeleton
variant by `nhom` (tinh, huyen, xa) and period.
"""

from __future__ import annotations

import re
from typing import Literal

Cap = Literal["tinh", "thanh_pho_tw", "huyen", "quan", "thi_xa", "thanh_pho", "xa", "phuong", "thi_tran",
              "dac_khu"]
LoaiXa = Literal["xa", "phuong", "thi_tran", "dac_khu"]
MoHinh = Literal["ba_cap", "hai_cap"]

CAP_TEN: dict[str, str] = {
    "tinh": "tỉnh", "thanh_pho_tw": "thành phố", "huyen": "huyện", "quan": "quận", "thi_xa": "thị xã",
    "thanh_pho": "thành phố", "xa": "xã", "phuong": "phường", "thi_tran": "thị trấn", "dac_khu": "đặc khu"}
"""The level word of each `cap`, as text names a body of that level ("UBND thị xã")."""

NHOM: dict[str, str] = {
    "tinh": "tinh", "thanh_pho_tw": "tinh",
    "huyen": "huyen", "quan": "huyen", "thi_xa": "huyen", "thanh_pho": "huyen",
    "xa": "xa", "phuong": "xa", "thi_tran": "xa", "dac_khu": "xa"}
"""The tier of each level: tinh (1), huyen (2, only before 1/7/2025), xa (3, the commune tier)."""
BAC = {"tinh": 1, "huyen": 2, "xa": 3}

CAP_DUOI: dict[tuple[str, str], tuple[str, ...]] = {
    # (level, period): the commune-tier units directly under it (Luật TCCQĐP 2015 Điều 2; 2025)
    ("tinh", "hai_cap"): ("xa", "phuong", "dac_khu"),
    ("thanh_pho_tw", "hai_cap"): ("xa", "phuong", "dac_khu"),
    ("huyen", "ba_cap"): ("xa", "thi_tran"),
    ("quan", "ba_cap"): ("phuong",),
    ("thi_xa", "ba_cap"): ("phuong", "xa"),
    ("thanh_pho", "ba_cap"): ("phuong", "xa"),
}
"""Levels and periods absent here have no commune-tier unit directly under them."""

NGAY_CAI_CACH = (2025, 7)
"""1 July 2025: the two-level local government starts."""

MO_HINH_TEN = {"ba_cap": "trước ngày 01/7/2025 (chính quyền địa phương 3 cấp)",
               "hai_cap": "từ ngày 01/7/2025 (chính quyền địa phương 2 cấp)"}


def nhom(cap: str) -> str:
    return NHOM[cap]


def tren(parent: str, child: str) -> bool:
    """`parent` is a tier above `child`."""
    return BAC[NHOM[parent]] < BAC[NHOM[child]]


def cap_duoi(cap: str, mo_hinh: str) -> tuple[str, ...]:
    return CAP_DUOI.get((cap, mo_hinh), ())


def mo_hinh(nam: int, thang: int | None = None) -> str:
    """The period of a plan dated (nam, thang), or of a plan for year `nam` when no month is known."""
    if thang is None:
        return "hai_cap" if nam > NGAY_CAI_CACH[0] else "ba_cap"
    return "hai_cap" if (nam, thang) >= NGAY_CAI_CACH else "ba_cap"


def liet_ke(loai: tuple[str, ...] | list[str]) -> str:
    """("xa", "phuong", "dac_khu") -> "xã, phường, đặc khu" (in the order of the table)."""
    order = ("xa", "phuong", "thi_tran", "dac_khu")
    return ", ".join(CAP_TEN[x] for x in order if x in loai)


def nam_cua(ke_hoach, quyet_dinh) -> int | None:
    """The plan's year: its `nam` ("2026", "2026-2030": the first), "… năm 2021" in its trích
    yếu, else the year after the decision's; None when nothing tells."""
    nam = getattr(ke_hoach, "nam", None) if ke_hoach is not None else None
    m = re.match(r"\s*(\d{4})", str(nam)) if nam else None
    if m:
        return int(m.group(1))
    m = re.search(r"năm (\d{4})", ke_hoach.trich_yeu) if ke_hoach is not None else None
    if m:
        return int(m.group(1))
    return quyet_dinh.ngay_ban_hanh.nam + 1 if quyet_dinh is not None else None


def mo_hinh_cua(ke_hoach, quyet_dinh) -> str:
    """The period of a project: from the plan's date of issue (its own, else the decision's)
    when its month is known, else from the plan's year; "ba_cap" when nothing tells."""
    ngay = getattr(ke_hoach, "ngay_ban_hanh", None) if ke_hoach is not None else None
    if ngay is None and quyet_dinh is not None:
        ngay = quyet_dinh.ngay_ban_hanh
    if ngay is not None and ngay.thang is not None:
        return mo_hinh(ngay.nam, ngay.thang)
    nam = nam_cua(ke_hoach, quyet_dinh) or (ngay.nam if ngay is not None else None)
    return mo_hinh(nam) if nam is not None else "ba_cap"
