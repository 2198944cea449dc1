"""The frame every derived plan shares: issuer, number, date, intro, closing, signature, Nơi nhận.

Follows reference/derived-plans.md §1.0 and §4: a plan of UBND thị xã is signed
"TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"; a plan of a Phòng carries the header
"UBND THỊ XÃ …" (regular) / "PHÒNG …" (bold), the ký hiệu of the Phòng and "TRƯỞNG PHÒNG".
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field

from ..model import (
    CoQuanBanHanh,
    DongNhiemVu,
    KeHoachVB,
    Khoi,
    NguoiKy,
    NhiemVu,
    PhuLucVB,
    Project,
    VanBan,
)
from ..model.derived import KeHoachConOverride
from ..model.khung import KhungChung, KhungKeHoachCon
from ..model.trich_dan import task_rows, trich_dan_quyet_dinh
from ..vn import Ngay, ngay_thang_nam, so_ky_hieu
from ..vn.han import han_cuoi
from .cho_nhap import SoCho
from .chon import KeHoachCon, lower_first, nam_ke_hoach, trich_yeu
from .slots import Slots, chung, fill, fill_blocks
from .viet_tat import dinh_nghia, giai_thich

# The skeleton file of each kind of derived plan (docgen/khung/<file>.yaml).
KHUNG_FILE = {"kiem_tra": "kiem-tra", "tuyen_truyen": "tuyen-truyen", "cntt": "ung-dung-cntt",
              "chung": "ke-hoach-chung"}


@dataclass(frozen=True)
class Nguon:
    """What every derivation reads: the project, and where its overrides are."""

    project: Project
    overrides_dir: str = "ke-hoach-con"                  # override folder as shown to the user

    @property
    def trich_dan(self) -> str:
        """The one citation of the decision (model.trich_dan)."""
        return trich_dan_quyet_dinh(self.project)


@dataclass(frozen=True)
class Loi:
    """A problem found while deriving, located in the override file of plan `ma` (key path `loc`)."""

    ma: str
    loc: tuple
    code: str
    message: str


@dataclass
class Ban:
    """A plan being drafted: its spec, override, placeholder collector and problems."""

    nguon: Nguon
    spec: KeHoachCon
    ov: KeHoachConOverride
    cho: SoCho
    loi: list[Loi] = field(default_factory=list)

    @property
    def project(self) -> Project:
        return self.nguon.project

    @property
    def nam(self) -> int:
        return nam_ke_hoach(self.project)

    @property
    def lead(self):
        return self.project.don_vi.co_quan[self.spec.chu_tri]

    def error(self, loc: tuple, code: str, message: str) -> None:
        self.loi.append(Loi(self.spec.ma, loc, code, message))

    # -- wording (skeletons) -------------------------------------------------------------------
    @property
    def frame(self) -> KhungChung:
        return self.project.khung["ke-hoach-con"]

    @property
    def khung(self) -> KhungKeHoachCon:
        """The skeleton of this plan's kind."""
        return self.project.khung[KHUNG_FILE[self.spec.kind]]

    @property
    def values(self) -> Slots:
        """The slots every text of this plan may use (docgen.model.khung.KHC)."""
        cq = self.project.don_vi.co_quan_ban_hanh
        cap_uy = self.frame.cap_uy.get(cq.cap) or self.frame.cap_uy.get("khac", "")
        return chung(self.project, self.nguon.trich_dan).plus(
            co_quan_chu_tri=self.lead.ten, trich_yeu=lower_first(self.trich_yeu()), ma=self.spec.ma,
            cap_uy=cap_uy, ubnd_in_hoa=self.ubnd_ngan.upper())

    def cau(self, key: str, **more: str) -> str:
        """A named sentence of the kind's skeleton, filled."""
        return fill(self.khung.cau[key], self.values.plus(**more))

    def cho_nhap(self, value: str, key: str, khoa: str | None = None) -> str:
        """`value`, else the visible placeholder labelled by the skeleton (kind's, else the frame's)."""
        label = self.khung.cho_nhap.get(key) or self.frame.cho_nhap[key]
        return self.cho.text(value, fill(label, self.values), khoa or key)

    def than(self, values: Slots, chen: dict) -> list[Khoi]:
        return list(fill_blocks(self.khung.than, values, chen))

    def noi_nhan(self, values: Slots | None = None) -> list[str]:
        return [fill(n, values or self.values) for n in self.khung.noi_nhan]

    # -- issuer -----------------------------------------------------------------------------
    @property
    def ban_hanh(self) -> str:
        if self.ov.ban_hanh:
            return self.ov.ban_hanh
        # "… của UBND thị xã", or a product of the body's own level: "… năm 2026 của tỉnh" (ld09)
        own = re.compile(rf"UBND|Ủy ban nhân dân|\bcủa {re.escape(self.project.don_vi.co_quan_ban_hanh.cap_ten)}\W*$")
        return "ubnd" if any(own.search(s) for s in self.spec.task.san_pham) else "phong"

    @property
    def ubnd_ngan(self) -> str:
        """"UBND thị xã" (how the text refers to the issuing body)."""
        return f"UBND {self.project.don_vi.co_quan_ban_hanh.cap_ten}"

    def co_quan(self) -> CoQuanBanHanh:
        cq = self.project.don_vi.co_quan_ban_hanh
        if self.ban_hanh == "ubnd":
            return cq
        lines = cq.dong_tieu_de
        parent = ("UBND " + " ".join(lines[1:])) if lines[0].upper() == "ỦY BAN NHÂN DÂN" else " ".join(lines)
        return CoQuanBanHanh(ten=self.lead.ten, ten_ngan=self.lead.ten, dong_tieu_de=(self.lead.ten.upper(),),
                             chu_quan=(parent,), ky_hieu=self.ov.ky_hieu or self.spec.chu_tri,
                             dia_danh=cq.dia_danh, cap=cq.cap)

    def nguoi_ky(self) -> NguoiKy:
        ho_ten = lambda given: self.cho_nhap(given, "ho_ten", "nguoi_ky.ho_ten")  # noqa: E731
        if self.ov.nguoi_ky:
            return self.ov.nguoi_ky.model_copy(update={"ho_ten": ho_ten(self.ov.nguoi_ky.ho_ten)})
        values = self.values.plus(tap_the=self.project.don_vi.co_quan_ban_hanh.dong_tieu_de[0])
        signer = getattr(self.frame.nguoi_ky, self.ban_hanh)
        filled = {k: fill(v, values) for k, v in signer.model_dump().items() if isinstance(v, str)}
        return NguoiKy(**{**filled, "ho_ten": ho_ten("")})

    def ngay(self) -> Ngay:
        """The override's date, else a blank day in the month of the row's issue deadline
        ("Quý I/2021" -> "ngày       tháng 3 năm 2021"); the year of the plan when not understood."""
        if self.ov.ngay:
            return self.ov.ngay
        tg = self.spec.task.thoi_gian
        han = han_ban_hanh(tg.ban_hanh or tg.han or tg.thuc_hien or "", self.nam)
        if han is None or han.year != self.nam:
            return Ngay(nam=self.nam, thang=12)
        return Ngay(nam=han.year, thang=han.month)

    # -- texts ----------------------------------------------------------------------------------
    def trich_yeu(self) -> str:
        return self.ov.trich_yeu or trich_yeu(self.spec.task)

    def ten_ban_hanh(self) -> str:
        return self.project.don_vi.co_quan_ban_hanh.ten if self.ban_hanh == "ubnd" else self.lead.ten

    def mo_dau(self) -> Khoi:
        """The intro citing the parent decision by number, date and title (from quyet-dinh.yaml)."""
        return Khoi(doan=fill(self.frame.mo_dau, self.values.plus(ten_ban_hanh=self.ten_ban_hanh())))

    def ket_thuc(self) -> str:
        to = fill(getattr(self.frame.bao_cao, self.ban_hanh), self.values)
        return fill(self.frame.ket_thuc, self.values.plus(bao_cao=to))

    def ten(self, ref: str) -> str:
        return self.project.co_quan(ref).ten

    def phoi_hop_names(self, task: NhiemVu | None = None) -> list[str]:
        task = task or self.spec.task
        return [self.ten(r) for r in task.co_quan_refs("phoi_hop")]

    def gom_xa_phuong(self, task: NhiemVu | None = None) -> bool:
        task = task or self.spec.task
        return any(self.project.co_quan(r).gom_xa_phuong for r in task.co_quan_refs("phoi_hop"))

    def noi_nhan_chung(self) -> list[str]:
        values, nn = self.values, self.frame.noi_nhan
        items = [fill(n, values) for n in getattr(nn, self.ban_hanh)]
        items.append(self.lead.ten)
        for ref in self.spec.task.co_quan_refs("phoi_hop"):
            cq = self.project.co_quan(ref)
            if cq.gom_xa_phuong:
                items += [fill(n, values) for n in nn.gom_xa_phuong]
            else:
                items.append(cq.ten)
        return list(dict.fromkeys(items))

    def luu(self) -> str:
        return self.ov.luu or f"VT, {self.lead.ma_luu or self.spec.chu_tri}"

    def dong(self, rows: list[tuple[str, NhiemVu]]) -> tuple[DongNhiemVu, ...]:
        return task_rows(self.project, rows)

    # -- assembling -------------------------------------------------------------------------
    def van_ban(self, body: list[Khoi], noi_nhan: list[str], phu_luc: list[tuple[str, PhuLucVB]]) -> VanBan:
        """The plan and its appendices in one file (each appendix its own section, numbered I, II…)."""
        cq, ngay = self.co_quan(), self.ngay()
        tieu_de = self.trich_yeu()
        parent = self.project.ke_hoach
        defs = dinh_nghia((*(Khoi(doan=t) for t in parent.mo_dau), *parent.noi_dung))
        kh = KeHoachVB(co_quan=cq, trich_yeu=tieu_de, noi_dung=giai_thich((self.mo_dau(), *body), defs), so=self.ov.so,
                       ngay=ngay, dia_danh=cq.dia_danh, ket_thuc=self.ket_thuc(),
                       noi_nhan=tuple(self.ov.noi_nhan or noi_nhan), luu=self.luu(), nguoi_ky=self.nguoi_ky())
        path = self.spec.duong_dan
        meta = {"tac_gia": cq.ten, "ngay": ngay}
        kem_theo = fill(self.frame.kem_theo, self.values.plus(
            so_ky_hieu=so_ky_hieu(self.ov.so, "Kế hoạch", cq.ky_hieu), ngay=ngay_thang_nam(ngay), co_quan=cq.ten_ngan))
        parts = [VanBan("ke-hoach", path + "#ke-hoach", kh, tieu_de=f"Kế hoạch {tieu_de}", **meta)]
        for n, (slug, pl) in enumerate(phu_luc, 1):
            so = "Phụ lục" if len(phu_luc) == 1 else f"Phụ lục {('I', 'II', 'III', 'IV')[n - 1]}"
            pl = PhuLucVB(tieu_de=pl.tieu_de, kem_theo=kem_theo, nhom=pl.nhom, phu_luc_so=so, cot=pl.cot)
            parts.append(VanBan("phu-luc", f"{path}#{slug}", pl, tieu_de=f"{so} {pl.tieu_de}", **meta))
        return VanBan("ke-hoach", path, kh, tieu_de=f"Kế hoạch {tieu_de}", phan=tuple(parts), **meta)


# "Ban hành kế hoạch trong tháng 01/2026 và tổ chức thực hiện" (ld09): issued that month, carried
# out through the plan year
_BAN_HANH_THANG = re.compile(r"ban hành\b[^;]*?\btháng (\d{1,2})/(\d{4})", re.IGNORECASE)


def han_ban_hanh(text: str, nam: int) -> _dt.date | None:
    """The last day to issue a plan by a row's time ("Quý I/2021", "Ban hành … tháng 01/2026 …")."""
    han = han_cuoi(text, nam)
    m = _BAN_HANH_THANG.search(text) if han is None else None
    return han_cuoi(f"Tháng {m.group(1)}/{m.group(2)}", nam) if m else han


def han_thuc_hien(text: str, nam: int) -> _dt.date | None:
    """The last day of carrying out a row ("Cả năm", "Quý IV/2021"; "… và tổ chức thực hiện": the
    plan year's end)."""
    han = han_cuoi(text, nam)
    if han is None and re.search(r"\bthực hiện\b", text, re.IGNORECASE):
        return _dt.date(nam, 12, 31)
    return han


def sentence_case(title: str) -> str:
    """"CẢI CÁCH THỂ CHẾ" -> "Cải cách thể chế" (an appendix area name used as a khoản title)."""
    low = title.lower()
    return low[:1].upper() + low[1:]


def M(title: str, *children: Khoi) -> Khoi:
    return Khoi(muc=title, noi_dung=tuple(children))


def K(title: str, *children: Khoi) -> Khoi:
    return Khoi(khoan=title, noi_dung=tuple(children))


def D(title: str, *children: Khoi) -> Khoi:
    return Khoi(diem=title, noi_dung=tuple(children))


def G(text: str) -> Khoi:
    return Khoi(gach=text)


def P(text: str) -> Khoi:
    return Khoi(doan=text)


def G_all(texts) -> list[Khoi]:
    return [G(t) for t in texts]
