"""The content models: what the YAML files under content/<project>/ hold, validated.

Every model is frozen and refuses unknown keys. Field names are the content keys.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from ..vn.numbering import roman
from .cap import CAP_TEN, Cap, LoaiXa
from .types import NgayField, NonBlank, SoVanBan, Text


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


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

    ma: NonBlank                                 # GSO code
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


class QuyetDinh(Model):
    so: SoVanBan = ""
    ngay_ban_hanh: NgayField
    trich_yeu: NonBlank
    tham_quyen: NonBlank
    can_cu: tuple[NonBlank, ...] = Field(min_length=1)
    theo_de_nghi: Text = ""
    dieu: tuple[NonBlank, ...] = Field(min_length=1)
    nguoi_ky: NguoiKy
    noi_nhan: tuple[NonBlank, ...] = Field(min_length=1)
    luu: NonBlank


# --- plan (ke-hoach.yaml) -------------------------------------------------------------

KIEU_KHOI = ("muc", "khoan", "diem", "gach", "doan")


class Khoi(Model):
    """One node of a plan's body. Exactly one of muc/khoan/diem/gach/doan is set.

    In YAML a plain string is a `doan` (body paragraph); headings hold children in noi_dung.
    """

    muc: Text | None = None
    khoan: Text | None = None
    diem: Text | None = None
    gach: Text | None = None
    doan: Text | None = None
    noi_dung: tuple[Khoi, ...] = ()

    @model_validator(mode="before")
    @classmethod
    def _plain_paragraph(cls, value):
        return {"doan": value} if isinstance(value, (str, int)) and not isinstance(value, bool) else value

    @model_validator(mode="after")
    def _one_kind(self) -> Khoi:
        kinds = [k for k in KIEU_KHOI if getattr(self, k) is not None]
        if len(kinds) != 1:
            raise PydanticCustomError(
                "content.block-kind",
                "mỗi mục phải có đúng một trong các khóa muc, khoan, diem, gach (hoặc là một đoạn văn)",
            )
        if self.noi_dung and kinds[0] in ("gach", "doan"):
            raise PydanticCustomError("content.block-kind", '"gach" không có "noi_dung" bên trong')
        return self

    @property
    def kieu(self) -> str:
        return next(k for k in KIEU_KHOI if getattr(self, k) is not None)

    @property
    def text(self) -> str:
        return getattr(self, self.kieu)


class KeHoach(Model):
    trich_yeu: NonBlank
    noi_dung: tuple[Khoi, ...] = Field(min_length=1)
    ket_thuc: Text = ""


# --- appendix (phu-luc.yaml) ------------------------------------------------------------

class ThoiGian(Model):
    """Thời gian hoàn thành: a plain deadline (`han`) or "Ban hành Kế hoạch: … / Thực hiện: …"."""

    han: Text | None = None
    ban_hanh: Text | None = None
    thuc_hien: Text | None = None

    @model_validator(mode="before")
    @classmethod
    def _plain(cls, value):
        return {"han": value} if isinstance(value, (str, int)) and not isinstance(value, bool) else value

    @model_validator(mode="after")
    def _some(self) -> ThoiGian:
        if not any((self.han, self.ban_hanh, self.thuc_hien)):
            raise PydanticCustomError("content.empty", "thời gian hoàn thành không được để trống")
        if self.han and (self.ban_hanh or self.thuc_hien):
            raise PydanticCustomError(
                "content.block-kind", 'thời gian là một chuỗi, hoặc gồm "ban_hanh" và "thuc_hien", không cả hai'
            )
        return self

    def dong(self) -> list[str]:
        if self.han:
            return [self.han]
        parts = [(p, v) for p, v in (("Ban hành Kế hoạch", self.ban_hanh), ("Thực hiện", self.thuc_hien)) if v]
        if len(parts) == 1:
            return [f"{parts[0][0]}: {parts[0][1]}"]
        return [f"- {p}: {v}" for p, v in parts]

    def text(self) -> str:
        return " ".join(self.dong())


class NhiemVu(Model):
    nhiem_vu: NonBlank
    san_pham: tuple[NonBlank, ...] = Field(min_length=1)
    chu_tri: NonBlank                            # agency key (or its exact name/alias)
    phoi_hop: tuple[NonBlank, ...] = ()
    thoi_gian: ThoiGian
    ghi_chu: Text = ""


class NhomNhiemVu(Model):
    ten: NonBlank
    nhiem_vu: tuple[NhiemVu, ...] = Field(min_length=1)


class PhuLuc(Model):
    tieu_de: NonBlank
    nhom: tuple[NhomNhiemVu, ...] = Field(min_length=1)

    def tasks(self):
        """Yield (ma, group, task): ma is the row id shown in the table, e.g. "I.2"."""
        for gi, group in enumerate(self.nhom, 1):
            for ti, task in enumerate(group.nhiem_vu, 1):
                yield f"{roman(gi)}.{ti}", group, task
