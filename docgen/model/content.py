"""The content models: what the YAML files under content/<project>/ hold, validated.

Every model is frozen and refuses unknown keys. Field names are the content keys.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Discriminator, Field, Tag, model_validator
from pydantic_core import PydanticCustomError

from .base import Model
from .cap import CAP_TEN, Cap, LoaiXa
from .khoi import KIEU_KHOI, Khoi
from .phu_luc import NhiemVu, NhomNhiemVu, PhuLuc, PhuLucTep, ThoiGian
from .types import NgayField, NonBlank, SoVanBan, Text

__all__ = ["CAP_TEN", "KIEU_KHOI", "CoQuan", "CoQuanBanHanh", "Dieu", "DonVi", "KeHoach", "KhoanDieu", "Khoi",
           "Model", "NguoiKy", "NhiemVu", "NhomNhiemVu", "PhuLuc", "PhuLucTep", "QuyetDinh", "ThoiGian", "XaPhuong"]


# --- registry (don-vi.yaml) -------------------------------------------------------------

VaiTro = Literal["noi_vu", "tu_phap", "van_hoa_thong_tin", "tai_chinh", "van_phong"]
"""Roles an agency can hold: home affairs (CCHC), justice, culture and information, finance, office."""


class CapTren(Model):
    """The issuing body's parent (a commune's province after 2025): the cơ quan chủ quản line."""

    ten: NonBlank                                # "Ủy ban nhân dân tỉnh Lâm Đồng"
    cap: Cap

    @property
    def dong_tieu_de(self) -> str:
        """The header line above the body's name: "UBND TỈNH LÂM ĐỒNG" (ld11, derived-plans.md §2.4)."""
        return dong_chu_quan(self.ten)


def dong_chu_quan(ten: str) -> str:
    """A parent body's name as the regular header line: "Ủy ban nhân dân tỉnh X" -> "UBND TỈNH X"."""
    for long in ("Ủy ban nhân dân", "Uỷ ban nhân dân"):
        if ten.startswith(long):
            ten = "UBND" + ten[len(long):]
    return ten.upper()


class CoQuanBanHanh(Model):
    """The issuing body (ô 2) and what its documents are numbered and dated with."""

    ten: NonBlank                                # "Ủy ban nhân dân thị xã Hoài Nhơn"
    ten_ngan: NonBlank                           # "UBND thị xã Hoài Nhơn" (citations)
    dong_tieu_de: tuple[NonBlank, ...] = Field(min_length=1)   # header lines, bold
    chu_quan: tuple[NonBlank, ...] = ()          # parent-body header lines, regular (wins over cap_tren)
    ky_hieu: NonBlank                            # "UBND" in "QĐ-UBND"
    dia_danh: NonBlank                           # "Hoài Nhơn" (ô 4)
    cap: Cap = "thi_xa"
    cap_tren: CapTren | None = None              # the parent body; its header line when chu_quan is empty
    # Commune plans print ten_ngan in capitals ("UBND THỊ XÃ HOÀI NHƠN") as the parent line
    # above "ỦY BAN NHÂN DÂN / PHƯỜNG …" (derived-plans.md §2.4; a per-deployment choice).
    chu_quan_xa_phuong: bool = True

    @model_validator(mode="before")
    @classmethod
    def _chu_quan_from_parent(cls, value):
        """No header line written: the one computed from `cap_tren` (explicit lines win)."""
        parent = value.get("cap_tren") if isinstance(value, dict) else None
        if parent is not None and not value.get("chu_quan"):
            ten = parent.ten if isinstance(parent, CapTren) else parent.get("ten") if isinstance(parent, dict) else None
            if isinstance(ten, str) and ten.strip():
                value = {**value, "chu_quan": [dong_chu_quan(ten.strip())]}
        return value

    @property
    def cap_ten(self) -> str:
        """"thị xã" for `cap: thi_xa`."""
        return CAP_TEN[self.cap]


class CoQuan(Model):
    """An agency (or a group of agencies) that tasks name as chủ trì or phối hợp."""

    ten: NonBlank                                # as written in the appendix table
    ten_ngan: Text = ""                          # table abbreviation
    bi_danh: tuple[NonBlank, ...] = ()           # other spellings found in texts
    ma_luu: Text = ""                            # code in "- Lưu: VT, …"
    nhom: bool = False                           # a group ("Các cơ quan liên quan")
    gom_xa_phuong: bool = False                  # the group includes the xã/phường


class XaPhuong(Model):
    """A commune-tier unit (xã, phường, thị trấn, đặc khu) of the issuing body."""

    ma: Text = ""                                # GSO code; "" = not confirmed yet (no code printed anywhere)
    loai: LoaiXa
    ten: NonBlank                                # "Tam Quan Bắc" (no type word)
    don_vi_con: NonBlank                         # "khu phố" | "thôn"

    @property
    def loai_ten(self) -> str:
        return CAP_TEN[self.loai]

    @property
    def ten_day_du(self) -> str:
        """"phường Tam Quan Bắc" (common noun lowercase, Decree 30 Phụ lục II)."""
        return f"{self.loai_ten} {self.ten}"


class DonVi(Model):
    co_quan_ban_hanh: CoQuanBanHanh
    co_quan: dict[str, CoQuan] = Field(min_length=1)
    # which agency (key, name or alias in co_quan) holds each role: {noi_vu: PNV, tu_phap: PTP, …}
    vai_tro: dict[VaiTro, NonBlank] = {}
    xa_phuong: tuple[XaPhuong, ...] = ()


# --- decision (quyet-dinh.yaml) -------------------------------------------------------

class NguoiKy(Model):
    """The signer block (ô 7): optional "TM. <tập thể>", optional "KT./TL./TUQ./Q. <thủ trưởng>"."""

    thay_mat: Text = ""                          # "ỦY BAN NHÂN DÂN" -> "TM. ỦY BAN NHÂN DÂN"
    hinh_thuc: Literal["", "KT", "TL", "TUQ", "Q"] = ""
    thu_truong: Text = ""                        # the head's title after KT./TL./TUQ./Q.
    chuc_vu: NonBlank                            # "CHỦ TỊCH", "PHÓ CHỦ TỊCH"
    ho_ten: Text = ""                            # "" -> a visible placeholder

    @model_validator(mode="after")
    def _head_needed(self) -> NguoiKy:
        if self.hinh_thuc and not self.thu_truong:
            raise PydanticCustomError(
                "content.missing", 'có "hinh_thuc" {h} thì phải có "thu_truong"', {"h": self.hinh_thuc}
            )
        return self

    def dong(self) -> list[str]:
        lines = []
        if self.thay_mat:
            lines.append(f"TM. {self.thay_mat}")
        if self.hinh_thuc:
            lines.append(f"{self.hinh_thuc}. {self.thu_truong}")
        if not (self.hinh_thuc == "Q" and self.thu_truong == self.chuc_vu):
            lines.append(self.chuc_vu)
        return lines


class KhoanDieu(Model):
    """A clause of an article, "1. …"; with points (`diem`) "a) …"."""

    noi_dung: NonBlank
    diem: tuple[NonBlank, ...] = ()

    @model_validator(mode="before")
    @classmethod
    def _plain(cls, value):
        return {"noi_dung": value} if isinstance(value, str) else value


class Dieu(Model):
    """An article with clauses: its lead sentence and the clauses docgen numbers."""

    noi_dung: NonBlank
    khoan: tuple[KhoanDieu, ...] = Field(min_length=1)


def _kieu_dieu(value: Any) -> str:
    return "<dieu>" if isinstance(value, (dict, Dieu)) else "<chuoi>"


DieuField = Annotated[
    Annotated[NonBlank, Tag("<chuoi>")] | Annotated[Dieu, Tag("<dieu>")], Discriminator(_kieu_dieu)]
"""An article: a plain string (today's form) or `{noi_dung, khoan}` (validator tags in the
error paths are skipped by the line lookup, as they are not keys of the file)."""


def dieu_noi_dung(d: str | Dieu) -> str:
    return d if isinstance(d, str) else d.noi_dung


class QuyetDinh(Model):
    so: SoVanBan = ""
    ngay_ban_hanh: NgayField
    trich_yeu: NonBlank
    tham_quyen: NonBlank
    can_cu: tuple[NonBlank, ...] = Field(min_length=1)
    theo_de_nghi: Text = ""
    dieu: tuple[DieuField, ...] = Field(min_length=1)   # a string, or {noi_dung, khoan} (schema-13 §B)
    nguoi_ky: NguoiKy
    noi_nhan: tuple[NonBlank, ...] = Field(min_length=1)
    luu: NonBlank


# --- plan (ke-hoach.yaml) -------------------------------------------------------------

_NAM = re.compile(r"(\d{4})(?:\s*[-–]\s*(\d{4}))?")


def _nam(value) -> str:
    text = str(value).strip() if isinstance(value, (str, int)) and not isinstance(value, bool) else ""
    m = _NAM.fullmatch(text)
    if not m or (m.group(2) and int(m.group(2)) <= int(m.group(1))):
        raise PydanticCustomError(
            "content.invalid-year", 'phải là một năm ("2026") hoặc một giai đoạn ("2026-2030"), đang là: {v}',
            {"v": repr(value)})
    return f"{m.group(1)}-{m.group(2)}" if m.group(2) else m.group(1)


DanhSo = Literal["la-ma", "thap-phan"]
"""la-ma: I. / 1. / a) / - (default); thap-phan: 1. / 1.1. / 1.1.1. / -"""

KE_HOACH_BAN_HANH = ("so", "ngay_ban_hanh", "nguoi_ky", "noi_nhan", "luu")
"""Keys of a plan issued directly (its own number); an error beside quyet-dinh.yaml."""
KE_HOACH_BAT_BUOC = ("ngay_ban_hanh", "nguoi_ky", "noi_nhan", "luu")
"""Keys a plan issued directly must have (docgen.content.shapes checks both, with lines)."""


class KeHoach(Model):
    so: SoVanBan | None = None                   # "" = not numbered yet; None = issued by a decision
    ngay_ban_hanh: NgayField | None = None
    trich_yeu: NonBlank
    nam: Annotated[str, BeforeValidator(_nam)] | None = None   # "2026" or a period "2026-2030"
    can_cu: tuple[NonBlank, ...] = ()
    mo_dau: tuple[NonBlank, ...] = ()            # intro paragraph(s) before the body
    danh_so: DanhSo = "la-ma"
    noi_dung: tuple[Khoi, ...] = Field(min_length=1)
    ket_thuc: Text = ""
    nguoi_ky: NguoiKy | None = None
    noi_nhan: tuple[NonBlank, ...] = Field(default=(), min_length=1)
    luu: Text = ""

    @property
    def truc_tiep(self) -> bool:
        """Issued directly (Kế hoạch số …/KH-UBND), not by a decision."""
        return self.ngay_ban_hanh is not None

    @property
    def nam_dau(self) -> int | None:
        """The first year of `nam` ("2026-2030" -> 2026), None when `nam` is not given."""
        return int(self.nam[:4]) if self.nam else None


# --- appendix (phu-luc.yaml): docgen/model/phu_luc.py ------------------------------------
