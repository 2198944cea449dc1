"""Override files of derived plans (content/<project>/ke-hoach-con/*.yaml): what a person enters.

One file per derived plan; `nhiem_vu` names the parent appendix row ("I.2"). Every other key
is optional: a key left out keeps docgen's derived value or a visible "[Cần nhập: …]"
placeholder in the draft. docgen never writes into these files.
"""

from __future__ import annotations

from typing import Literal

from .content import Khoi, Model, NguoiKy
from .types import NgayField, NonBlank, SoVanBan, Text


class LichKiemTra(Model):
    """One row of the inspection schedule."""

    don_vi: NonBlank                 # a xã/phường (name or GSO code) or an agency (key or name)
    ngay: NgayField                  # dd/mm/yyyy, on or before the parent task's deadline
    gio: Text = "08 giờ 00"
    dia_diem: Text = ""              # default: "Trụ sở UBND <xã/phường>" / "Trụ sở <cơ quan>"
    thanh_phan: Text = ""            # who of the unit attends
    ghi_chu: Text = ""


class DoiTuong(Model):
    """Who is inspected. Left out: ty_le from the parent plan, communes chosen by rule."""

    ty_le: float | None = None                       # % of UBND cấp xã (0 < ty_le <= 100; checked by derive)
    xa_phuong: tuple[NonBlank, ...] = ()             # explicit list (names or GSO codes)
    da_kiem_tra_nam_truoc: tuple[NonBlank, ...] = () # inspected last year: chosen last by the rule
    co_quan: tuple[NonBlank, ...] = ()               # agencies (phòng) inspected too
    bat_dau: NgayField | None = None                 # first day of the proposed schedule


class DoanKiemTra(Model):
    truong_doan: Text = ""
    pho_truong_doan: Text = ""
    thanh_vien: tuple[NonBlank, ...] = ()
    thu_ky: Text = ""


class KeHoachConOverride(Model):
    """What a person enters for one derived plan."""

    nhiem_vu: NonBlank                               # parent row id, e.g. "I.2"
    ban_hanh: Literal["ubnd", "phong"] | None = None # who issues: UBND thị xã or the lead Phòng
    ky_hieu: Text = ""                               # body code when a Phòng issues ("PNV")
    so: SoVanBan = ""
    ngay: NgayField | None = None
    trich_yeu: Text = ""
    nguoi_ky: NguoiKy | None = None
    kinh_phi: Text = ""
    noi_nhan: tuple[NonBlank, ...] = ()
    luu: Text = ""
    chi_tieu: tuple[NonBlank, ...] = ()              # propaganda: quantitative targets
    co_quan_truyen_thong: Text = ""                  # propaganda: the media unit's name
    can_cu: tuple[NonBlank, ...] = ()                # IT plan: further legal bases
    noi_dung: tuple[Khoi, ...] = ()                  # generic plans: the body's content section
    noi_dung_kiem_tra: tuple[Khoi, ...] = ()         # inspection: what is inspected, written by a person
                                                     # (else one line per parent task, by area)
    doi_tuong: DoiTuong | None = None
    lich: tuple[LichKiemTra, ...] = ()
    doan_kiem_tra: DoanKiemTra | None = None
    thoi_han_bao_cao: Text = ""                      # inspection: final report deadline


__all__ = ["DoanKiemTra", "DoiTuong", "KeHoachConOverride", "LichKiemTra"]


KIND_KEYS = {
    "kiem_tra": ("doi_tuong", "lich", "doan_kiem_tra", "thoi_han_bao_cao", "noi_dung_kiem_tra"),
    "tuyen_truyen": ("chi_tieu", "co_quan_truyen_thong"),
    "cntt": ("can_cu",),
    "chung": ("noi_dung",),
}
"""Keys that only one kind of plan reads; using them in another kind's file is an error."""
