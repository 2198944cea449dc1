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

import re
from typing import ClassVar, Literal

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from .cap import Cap
from .content import Model, NguoiKy
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
CHUNG = frozenset({"nam", "cap", "ubnd", "co_quan_ban_hanh", "trich_dan", "ke_hoach", "quyet_dinh", "don_vi_cap_xa",
                   "ubnd_cac_xa"}
                  | {f"co_quan_{r}" for r in VAI_TRO})


def _s(*names: str) -> frozenset[str]:
    return CHUNG | frozenset(names)


# --- commune plans (xa-phuong.yaml) ------------------------------------------------------------

CONG_CHUC = ("van_phong", "tu_phap", "tai_chinh", "dia_chinh", "van_hoa", "noi_vu", "mot_cua")
VaiXa = Literal["van_phong", "tu_phap", "tai_chinh", "dia_chinh", "van_hoa", "noi_vu", "mot_cua"]
"""Commune roles: office, justice, finance, land, culture; home affairs/CCHC and the one-stop
centre (both only in the two-level period's skeleton: Phòng Văn hóa - Xã hội, Trung tâm Phục vụ
hành chính công)."""
LINH_VUC = ("chi_dao", "the_che", "tthc", "bo_may", "can_bo", "tai_chinh", "hien_dai")
XA = _s("dv", "ten", "ten_in_hoa", "con", *(f"cong_chuc_{c}" for c in CONG_CHUC), "dau_moi")


class CongChuc(Model):
    """An officer's title; `xa` / `khac` when it differs between a xã and a phường/thị trấn;
    `phuong`, `thi_tran`, `dac_khu` when one kind differs again (đặc khu: Phòng Kinh tế like a xã)."""

    xa: NonBlank
    khac: NonBlank
    phuong: Text = ""
    thi_tran: Text = ""
    dac_khu: Text = ""


class NhiemVuKhung(Model):
    """A standard commune duty: a row of the appendix and a bullet of the plan."""

    nhiem_vu: NonBlank
    san_pham: tuple[NonBlank, ...] = Field(min_length=1)
    chu_tri: VaiXa
    phoi_hop: tuple[VaiXa, ...] = ()
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


class Doi(Model):
    tu: NonBlank
    thanh: Text = ""


class ChiTieuCapXa(Model):
    """Which town targets a commune takes over, and how they are reworded (clauses split at ";")."""

    giu: tuple[NonBlank, ...] = Field(min_length=1)   # a clause is kept when it contains one of these
    bo: tuple[NonBlank, ...] = ()                      # … and none of these
    doi: tuple[Doi, ...] = ()                          # replacements made first, in order


class KhungXaPhuong(Khung):
    """docgen/khung/xa-phuong.yaml: one commune's CCHC plan and its task appendix."""

    co_quan: CoQuanKhung
    trich_yeu: NonBlank
    than: tuple[KhoiKhung, ...] = Field(min_length=1)
    chi_tieu: NonBlank                         # title of the targets point of an area
    nhiem_vu: NonBlank                         # title of the duties point of an area
    phoi_hop: NonBlank                         # a town task the communes partner in
    # a row the commune leads (through a group) of a task printed over several rows: made from the
    # row ({san_pham}, {thoi_gian}), never from the province's task text
    hang_chu_tri: NonBlank
    thay_nhom: tuple[Doi, ...] = ()            # a task a group leads: its words for the group -> the commune's
    ket_thuc: NonBlank
    nguoi_ky: NguoiKyKhung
    cho_nhap_ho_ten: NonBlank                  # what the blank signer name asks for
    noi_nhan: tuple[NonBlank, ...] = Field(min_length=1)
    luu: NonBlank
    phu_luc: PhuLucKhung
    cong_chuc: dict[VaiXa, NonBlank | CongChuc]
    dau_moi: VaiXa = "van_phong"               # the officer (or phòng) that leads CCHC: {dau_moi}
    chu_tri_linh_vuc: dict[Literal["chi_dao", "the_che", "tthc", "bo_may", "can_bo", "tai_chinh", "hien_dai",
                                   "khac"], VaiXa]
    nhiem_vu_chuan: dict[Literal["chi_dao", "the_che", "tthc", "bo_may", "can_bo", "tai_chinh", "hien_dai"],
                         tuple[NhiemVuKhung, ...]] = {}
    chi_tieu_cap_xa: ChiTieuCapXa

    SLOTS: ClassVar[dict[str, frozenset[str]]] = {
        "co_quan": XA, "trich_yeu": XA, "than": XA, "chi_tieu": XA, "nhiem_vu": XA,
        "phoi_hop": XA | {"chu_tri", "viec"}, "hang_chu_tri": XA | {"san_pham", "thoi_gian"}, "thay_nhom": XA,
        "ket_thuc": XA, "nguoi_ky": XA, "cho_nhap_ho_ten": XA,
        "noi_nhan": XA, "luu": XA, "phu_luc": XA | {"so_ky_hieu", "ngay"}, "cong_chuc": frozenset(),
        "chu_tri_linh_vuc": frozenset(), "nhiem_vu_chuan": XA, "chi_tieu_cap_xa": XA, "dau_moi": frozenset(),
    }
    CHEN: ClassVar[frozenset[str]] = frozenset({"linh_vuc"})

    @model_validator(mode="after")
    def _roles_declared(self) -> KhungXaPhuong:
        used = {self.dau_moi, *self.chu_tri_linh_vuc.values()}
        for duties in self.nhiem_vu_chuan.values():
            for d in duties:
                used |= {d.chu_tri, *d.phoi_hop}
        used |= set(re.findall(r"(?<!\{)\{cong_chuc_(\w+)\}", repr(self.model_dump())))   # slots in texts
        missing = sorted(used - set(self.cong_chuc))
        if missing:
            raise PydanticCustomError("content.missing", 'vai "{r}" được dùng nhưng không có trong "cong_chuc"',
                                      {"r": missing[0]})
        return self


# --- derived plans (ke-hoach-con.yaml: the frame; one file per kind) ----------------------------

KHC = _s("co_quan_chu_tri", "trich_yeu", "ma", "cap_uy", "ubnd_in_hoa")


class TheoBanHanh(Model):
    """One text per issuer: the UBND (a KH-UBND) or the lead Phòng itself."""

    ubnd: NonBlank
    phong: NonBlank


class NguoiKyTheoBanHanh(Model):
    ubnd: NguoiKy
    phong: NguoiKy


class NoiNhanKhung(Model):
    ubnd: tuple[NonBlank, ...] = Field(min_length=1)   # first lines when the UBND issues
    phong: tuple[NonBlank, ...] = Field(min_length=1)  # first lines when the Phòng issues
    gom_xa_phuong: tuple[NonBlank, ...] = ()            # for a partner group that includes the communes


class KhungChung(Khung):
    """docgen/khung/ke-hoach-con.yaml: the frame every derived plan shares."""

    mo_dau: NonBlank
    ket_thuc: NonBlank
    bao_cao: TheoBanHanh
    nguoi_ky: NguoiKyTheoBanHanh
    cap_uy: dict[Cap | Literal["khac"], NonBlank]
    noi_nhan: NoiNhanKhung
    kem_theo: NonBlank
    cho_nhap: dict[Literal["ho_ten", "kinh_phi"], NonBlank]

    SLOTS: ClassVar[dict[str, frozenset[str]]] = {
        "mo_dau": KHC | {"ten_ban_hanh"}, "ket_thuc": KHC | {"bao_cao"}, "bao_cao": KHC,
        "nguoi_ky": KHC | {"tap_the"}, "cap_uy": frozenset(), "noi_nhan": KHC,
        "kem_theo": KHC | {"so_ky_hieu", "ngay", "co_quan"}, "cho_nhap": KHC}


class PhuLucKhungCon(Model):
    tieu_de: NonBlank
    cot: tuple[NonBlank, ...] = ()               # () = the seven columns of the parent appendix


class KhungKeHoachCon(Khung):
    """A derived plan of one kind: body, Nơi nhận, appendix title, named sentences, placeholder labels."""

    than: tuple[KhoiKhung, ...] = Field(min_length=1)
    noi_nhan: tuple[NonBlank, ...] = ()          # () = the frame's (ke-hoach-con.yaml noi_nhan)
    phu_luc: PhuLucKhungCon
    cau: dict[str, Text] = {}
    cho_nhap: dict[str, NonBlank] = {}

    CAU: ClassVar[frozenset[str]] = frozenset()
    CAU_TUY_CHON: ClassVar[frozenset[str]] = frozenset()   # sentences a skeleton may leave out
    CHO: ClassVar[frozenset[str]] = frozenset()

    @model_validator(mode="after")
    def _known_keys(self):
        for key, have, want in (("cau", set(self.cau) - self.CAU_TUY_CHON, self.CAU),
                                ("cho_nhap", set(self.cho_nhap), self.CHO)):
            if have - want:
                raise PydanticCustomError("content.unknown-key", 'khóa "{k}.{n}" không có; các khóa: {a}',
                                          {"k": key, "n": sorted(have - want)[0], "a": ", ".join(sorted(want))})
            if want - have:
                raise PydanticCustomError("content.missing", 'thiếu khóa "{k}.{n}"',
                                          {"k": key, "n": sorted(want - have)[0]})
        return self


def _cau(base: frozenset[str], **local: tuple[str, ...]) -> dict[str, frozenset[str]]:
    return {f"cau.{k}": base | frozenset(v) for k, v in local.items()}


_KT = KHC | {"thoi_gian", "truong_doan", "pho_truong_doan", "thanh_vien", "thu_ky", "thoi_han_bao_cao", "kinh_phi"}


class KhungKiemTra(KhungKeHoachCon):
    """docgen/khung/kiem-tra.yaml: the inspection plan (derived-plans.md §1.1)."""

    CAU: ClassVar[frozenset[str]] = frozenset({
        "noi_dung_muc", "doi_tuong_xa", "don_vi_xa", "doi_tuong_co_quan", "thoi_gian", "thoi_gian_khong_lich",
        "thoi_han", "lich_thoi_gian", "dia_diem_xa", "dia_diem_co_quan", "thanh_phan", "ghi_chu",
        "lich_noi_dung", "nhom_xa", "nhom_co_quan"})
    # a schedule by month ("Tháng 3/2026", as ld08): only where a skeleton words it
    CAU_TUY_CHON: ClassVar[frozenset[str]] = frozenset({"lich_thang", "thoi_gian_thang"})
    CHO: ClassVar[frozenset[str]] = frozenset({"lich", "truong_doan", "pho_truong_doan", "thanh_vien", "thu_ky",
                                               "thoi_han_bao_cao"})
    CHEN: ClassVar[frozenset[str]] = frozenset({"noi_dung_kiem_tra", "doi_tuong"})
    SLOTS: ClassVar[dict[str, frozenset[str]]] = {
        "than": _KT, "noi_nhan": KHC, "phu_luc": KHC, "cau": KHC, "cho_nhap": KHC,
        **_cau(KHC, noi_dung_muc=("ma_nv", "nhiem_vu"), doi_tuong_xa=("so_xa", "ty_le", "tong", "chi_tieu"),
               don_vi_xa=("ten_xa",), thoi_gian=("tu", "den"), thoi_han=("han",),
               lich_thoi_gian=("gio", "thu", "ngay"), dia_diem_xa=("ten_xa",), dia_diem_co_quan=("ten_co_quan",),
               lich_thang=("thang",), thoi_gian_thang=("tu", "den"))}


class KhungTuyenTruyen(KhungKeHoachCon):
    """docgen/khung/tuyen-truyen.yaml: the propaganda plan (derived-plans.md §1.2)."""

    CAU: ClassVar[frozenset[str]] = frozenset({"linh_vuc", "truyen_thong"})
    CHO: ClassVar[frozenset[str]] = frozenset({"chi_tieu", "co_quan_truyen_thong"})
    CHEN: ClassVar[frozenset[str]] = frozenset({"chi_tieu", "linh_vuc"})
    SLOTS: ClassVar[dict[str, frozenset[str]]] = {
        "than": KHC | {"truyen_thong", "kinh_phi"}, "noi_nhan": KHC | {"truyen_thong"}, "phu_luc": KHC,
        "cau": KHC, "cho_nhap": KHC, **_cau(KHC, linh_vuc=("linh_vuc", "nhiem_vu"), truyen_thong=("ten",))}


class KhungCntt(KhungKeHoachCon):
    """docgen/khung/ung-dung-cntt.yaml: the IT application plan (derived-plans.md §1.3)."""

    CAU: ClassVar[frozenset[str]] = frozenset({"can_cu", "nhiem_vu", "giai_phap"})
    CHO: ClassVar[frozenset[str]] = frozenset({"can_cu"})
    CHEN: ClassVar[frozenset[str]] = frozenset({"can_cu", "chi_tieu", "nhiem_vu", "giai_phap"})
    SLOTS: ClassVar[dict[str, frozenset[str]]] = {
        "than": KHC | {"kinh_phi"}, "noi_nhan": KHC, "phu_luc": KHC, "cau": KHC, "cho_nhap": KHC,
        **_cau(KHC, nhiem_vu=("nhiem_vu", "chu_tri", "thoi_gian"))}


class KhungChungLoai(KhungKeHoachCon):
    """docgen/khung/ke-hoach-chung.yaml: every other plan row (mục đích; nội dung; tổ chức thực hiện)."""

    CAU: ClassVar[frozenset[str]] = frozenset({"phoi_hop_mac_dinh"})
    CHO: ClassVar[frozenset[str]] = frozenset({"noi_dung"})
    CHEN: ClassVar[frozenset[str]] = frozenset({"noi_dung"})
    SLOTS: ClassVar[dict[str, frozenset[str]]] = {
        "than": KHC | {"nhiem_vu", "han", "san_pham", "phoi_hop", "phoi_hop_hoa", "kinh_phi"}, "noi_nhan": KHC,
        "phu_luc": KHC | {"trich_yeu_in_hoa"}, "cau": KHC, "cho_nhap": KHC}


class KhungPhanCong(Khung):
    """docgen/khung/bang-phan-cong.yaml: the task sheet of one agency."""

    tieu_de: NonBlank
    kem_theo: Text = ""
    chu_tri: NonBlank
    phoi_hop: NonBlank
    ghi_chu: NonBlank

    SLOTS: ClassVar[dict[str, frozenset[str]]] = {
        "tieu_de": CHUNG | {"co_quan_in_hoa"}, "kem_theo": CHUNG, "chu_tri": CHUNG, "phoi_hop": CHUNG,
        "ghi_chu": CHUNG | {"vai", "ma_nv"}}


KHUNG: dict[str, type[Khung]] = {"xa-phuong": KhungXaPhuong, "ke-hoach-con": KhungChung,
                                 "kiem-tra": KhungKiemTra, "tuyen-truyen": KhungTuyenTruyen,
                                 "ung-dung-cntt": KhungCntt, "ke-hoach-chung": KhungChungLoai,
                                 "bang-phan-cong": KhungPhanCong}
"""Every skeleton file docgen reads, by file name (without ".yaml")."""
