"""Skeleton files (khung): the wording of derived and commune plans, as data.

A skeleton is a YAML file shipped in `docgen/khung/<name>.yaml`; a project may replace it with
`content/<project>/khung/<name>.yaml` (same name). Its texts hold named slots, `{nam}`,
`{co_quan_noi_vu}`, filled with plain strings by `docgen.derive.slots` (str.format-style
fields, never a template language); `{{` and `}}` print literal braces. The body (`than`)
uses the block format of ke-hoach.yaml plus `chen: <name>`, where the derivation inserts
the blocks it computes (one per area, the list of inspected communes, …).

Each model below declares, per top-level key, the slots its texts may use (`SLOTS`) and the
insertion points its body may use (`CHEN`); the loader (docgen.content.khung) reports any
other `{…}` at its file and line.
"""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from .content import Model
from .types import NonBlank, Text

KIEU_KHUNG = ("muc", "khoan", "diem", "gach", "doan", "chen")


class KhoiKhung(Model):
    """A block of a skeleton body: a ke-hoach.yaml block, or `chen: <name>` (computed blocks)."""

    muc: Text | None = None
    khoan: Text | None = None
    diem: Text | None = None
    gach: Text | None = None
    doan: Text | None = None
    chen: Text | None = None
    noi_dung: tuple[KhoiKhung, ...] = ()

    @model_validator(mode="before")
    @classmethod
    def _plain_paragraph(cls, value):
        return {"doan": value} if isinstance(value, (str, int)) and not isinstance(value, bool) else value

    @model_validator(mode="after")
    def _one_kind(self) -> KhoiKhung:
        kinds = [k for k in KIEU_KHUNG if getattr(self, k) is not None]
        if len(kinds) != 1:
            raise PydanticCustomError(
                "content.block-kind",
                "mỗi mục phải có đúng một trong các khóa muc, khoan, diem, gach, chen (hoặc là một đoạn văn)")
        if self.noi_dung and kinds[0] in ("gach", "doan", "chen"):
            raise PydanticCustomError("content.block-kind", f'"{kinds[0]}" không có "noi_dung" bên trong')
        return self

    @property
    def kieu(self) -> str:
        return next(k for k in KIEU_KHUNG if getattr(self, k) is not None)

    @property
    def text(self) -> str:
        return getattr(self, self.kieu)


class Khung(Model):
    """Base of every skeleton: `SLOTS[key]` = slots allowed in the texts under `key`."""

    SLOTS: ClassVar[dict[str, frozenset[str]]] = {}
    CHEN: ClassVar[frozenset[str]] = frozenset()


# Slots every skeleton may use (docgen.derive.slots.chung fills them from the registry).
VAI_TRO = ("noi_vu", "tu_phap", "van_hoa_thong_tin", "tai_chinh", "van_phong")
CHUNG = frozenset({"nam", "cap", "ubnd", "co_quan_ban_hanh", "trich_dan", "ke_hoach", "quyet_dinh"}
                  | {f"co_quan_{r}" for r in VAI_TRO})


def _s(*names: str) -> frozenset[str]:
    return CHUNG | frozenset(names)


# --- commune plans (xa-phuong.yaml) ------------------------------------------------------------

CONG_CHUC = ("van_phong", "tu_phap", "tai_chinh", "dia_chinh", "van_hoa")
LINH_VUC = ("chi_dao", "the_che", "tthc", "bo_may", "can_bo", "tai_chinh", "hien_dai")
XA = _s("dv", "ten", "ten_in_hoa", "con", *(f"cong_chuc_{c}" for c in CONG_CHUC), "dau_moi")


class CongChuc(Model):
    """An officer's title; `xa` / `khac` when it differs between a xã and a phường/thị trấn."""

    xa: NonBlank
    khac: NonBlank


class NhiemVuKhung(Model):
    """A standard commune duty: a row of the appendix and a bullet of the plan."""

    nhiem_vu: NonBlank
    san_pham: tuple[NonBlank, ...] = Field(min_length=1)
    chu_tri: Literal["van_phong", "tu_phap", "tai_chinh", "dia_chinh", "van_hoa"]
    phoi_hop: tuple[Literal["van_phong", "tu_phap", "tai_chinh", "dia_chinh", "van_hoa"], ...] = ()
    thoi_gian: NonBlank


class CoQuanKhung(Model):
    ten: NonBlank
    ten_ngan: NonBlank
    dong_tieu_de: tuple[NonBlank, ...] = Field(min_length=1)


class NguoiKyKhung(Model):
    thay_mat: Text = ""
    chuc_vu: NonBlank


class PhuLucKhung(Model):
    tieu_de: NonBlank
    kem_theo: Text = ""
    cot: tuple[NonBlank, ...] = Field(min_length=7, max_length=7)


class KhungXaPhuong(Khung):
    """docgen/khung/xa-phuong.yaml: one commune's CCHC plan and its task appendix."""

    co_quan: CoQuanKhung
    trich_yeu: NonBlank
    than: tuple[KhoiKhung, ...] = Field(min_length=1)
    chi_tieu: NonBlank                         # title of the targets point of an area
    nhiem_vu: NonBlank                         # title of the duties point of an area
    phoi_hop: NonBlank                         # a town task the communes partner in
    ket_thuc: NonBlank
    nguoi_ky: NguoiKyKhung
    cho_nhap_ho_ten: NonBlank                  # what the blank signer name asks for
    noi_nhan: tuple[NonBlank, ...] = Field(min_length=1)
    luu: NonBlank
    phu_luc: PhuLucKhung
    cong_chuc: dict[Literal["van_phong", "tu_phap", "tai_chinh", "dia_chinh", "van_hoa"], NonBlank | CongChuc]
    chu_tri_linh_vuc: dict[Literal["chi_dao", "the_che", "tthc", "bo_may", "can_bo", "tai_chinh", "hien_dai",
                                   "khac"],
                           Literal["van_phong", "tu_phap", "tai_chinh", "dia_chinh", "van_hoa"]]
    nhiem_vu_chuan: dict[Literal["chi_dao", "the_che", "tthc", "bo_may", "can_bo", "tai_chinh", "hien_dai"],
                         tuple[NhiemVuKhung, ...]] = {}

    SLOTS: ClassVar[dict[str, frozenset[str]]] = {
        "co_quan": XA, "trich_yeu": XA, "than": XA, "chi_tieu": XA, "nhiem_vu": XA,
        "phoi_hop": XA | {"chu_tri", "viec"}, "ket_thuc": XA, "nguoi_ky": XA, "cho_nhap_ho_ten": XA,
        "noi_nhan": XA, "luu": XA, "phu_luc": XA | {"so_ky_hieu", "ngay"}, "cong_chuc": frozenset(),
        "chu_tri_linh_vuc": frozenset(), "nhiem_vu_chuan": XA,
    }
    CHEN: ClassVar[frozenset[str]] = frozenset({"linh_vuc"})


KHUNG: dict[str, type[Khung]] = {"xa-phuong": KhungXaPhuong}
"""Every skeleton file docgen reads, by file name (without ".yaml")."""
