"""Commune plans: the town's CCHC plan cascaded to one xã/phường (derived-plans.md §2–4).

Pure: `ke_hoach_xa_phuong(project, xa_phuong, rieng, trich_dan=…)` takes the validated town project, one
commune of the registry and its optional per-commune data, and returns the two documents
(the plan and its task appendix) plus the visible placeholders they contain.

What cascades (§2.3): the areas of the town appendix in order; the targets ("Chỉ tiêu"
bullets of the town plan) that apply to a commune; every appendix task where a group that
includes the communes (`gom_xa_phuong`) leads (kept as is) or partners (rewritten
"Phối hợp với <Phòng> …"); and the standard commune duties below. Town-only targets and
tasks are dropped. Nothing here names any commune but the one being built.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass

from ..model import (
    DongNhiemVu,
    KeHoachVB,
    Khoi,
    NguoiKy,
    NhomVB,
    PhuLucVB,
    Project,
    VanBan,
    XaPhuong,
)
from ..model.cho_nhap import ChoNhap
from ..model.commune import XaPhuongRieng
from ..model.content import CapTren, CoQuanBanHanh
from ..model.khung import KhungXaPhuong
from ..model.phu_luc import nhom_goc
from ..model.trich_dan import o_co_quan
from ..vn import Ngay, ngay_thang_nam, roman, so_ky_hieu, strip_end
from .cho_nhap import SoCho
from .names import RESERVED
from .slots import Slots, chung, fill, fill_blocks, lower_first, nam_ke_hoach

FOLDER = "xa-phuong"
MAX_SLUG = 60

# --- names and paths ----------------------------------------------------------------------


def slug(text: str) -> str:
    """ASCII folder name: "Tam Quan Bắc" -> "tam-quan-bac"; "" when nothing ASCII is left."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.encode("ascii", "ignore").decode("ascii").lower()
    name = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return name + "-1" if name in RESERVED else name  # "Côn" -> "con-1": CON is a Windows device


_NAME_OK = re.compile(r"^[^\W_](?:[\w'’ -]*[^\W_])?$")   # "D’Ran", "B’Lao" (ld07)


def loi_ten(ten: str) -> str | None:
    """Why a commune name cannot name a folder (Vietnamese), or None when it is safe."""
    if not _NAME_OK.match(ten) or "_" in ten:
        return (f'tên xã/phường "{ten}" có ký tự không dùng được trong tên (chỉ dùng chữ, số, '
                'dấu cách, dấu gạch nối, dấu nháy); không dựng xã/phường này')
    s = slug(ten)
    if not s:
        return (f'tên xã/phường "{ten}" không đổi được thành tên thư mục (không có chữ cái Latinh); '
                'không dựng xã/phường này')
    if len(s) > MAX_SLUG:
        return (f"tên xã/phường dài quá {MAX_SLUG} ký tự ({len(s)}); không dựng xã/phường này")
    return None


def duong_dan(xa_phuong: XaPhuong, file: str) -> str:
    return f"{FOLDER}/{slug(xa_phuong.ten)}/{file}"


# --- officers and areas ------------------------------------------------------------------------


def cong_chuc(khung: KhungXaPhuong, role: str, xa_phuong: XaPhuong) -> str:
    """The title of the commune officer holding `role` (skeleton `cong_chuc`)."""
    title = khung.cong_chuc[role]
    if isinstance(title, str):
        return title
    return getattr(title, xa_phuong.loai, "") or (title.xa if xa_phuong.loai == "xa" else title.khac)


# Area kinds, recognised from the (parent's) area name; the order does not matter.
_AREA_KEYS = (("chi_dao", "chỉ đạo"), ("the_che", "thể chế"), ("tthc", "thủ tục"),
              ("bo_may", "bộ máy"), ("can_bo", "công chức"), ("tai_chinh", "tài chính"),
              ("hien_dai", "hiện đại"), ("hien_dai", "điện tử"),
              # the NQ 76/NQ-CP names (ld08, ld09): "Xây dựng và tổ chức thi hành pháp luật",
              # "Cải cách chế độ công vụ", "… Chính quyền số"
              ("the_che", "pháp luật"), ("can_bo", "công vụ"), ("hien_dai", "chính quyền số"))


def area_kind(name: str) -> str:
    low = name.lower()
    return next((kind for kind, word in _AREA_KEYS if word in low), "")


# --- targets from the town plan ---------------------------------------------------------------


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


# (id of the town plan's blocks, area) -> (those blocks, their khoan): the same for every commune
# of a batch; the blocks are kept with the answer so that a reused id never matches
_KHOAN: dict[tuple[int, str], tuple[tuple[Khoi, ...], Khoi | None]] = {}


def _khoan_for(blocks: tuple[Khoi, ...], area: str) -> Khoi | None:
    """The town plan's khoan for an area (remembered for the blocks and the area)."""
    hit = _KHOAN.get((id(blocks), area))
    if hit is not None and hit[0] is blocks:
        return hit[1]
    if len(_KHOAN) >= 256:
        _KHOAN.clear()
    khoan = _find_khoan(blocks, area)
    _KHOAN[(id(blocks), area)] = (blocks, khoan)
    return khoan


def _find_khoan(blocks: tuple[Khoi, ...], area: str) -> Khoi | None:
    """The town plan's khoan for an area: same words (punctuation aside), else the closest."""
    found: list[Khoi] = []

    def walk(bs):
        for b in bs:
            if b.kieu == "khoan" and any(c.kieu == "diem" for c in b.noi_dung):
                found.append(b)
            walk(b.noi_dung)
    walk(blocks)
    target = _norm(area)
    exact = [k for k in found if _norm(k.text) == target]
    if exact:
        return exact[0]
    scored = sorted(((difflib.SequenceMatcher(None, _norm(k.text), target).ratio(), i) for i, k in enumerate(found)),
                    reverse=True)
    return found[scored[0][1]] if scored and scored[0][0] >= 0.75 else None


def chi_tieu_cap_xa(project: Project, area: str, values: Slots) -> list[str]:
    """The targets of `area` in the town plan that apply to a commune, worded for it.

    A bullet counts when it states a figure (%); its clauses (";") are kept or dropped, and
    reworded, by the skeleton's `chi_tieu_cap_xa` (Hoài Nhơn: clauses about dossiers, TTHC,
    electronic documents, satisfaction or officials are kept; about the town, public service
    units, inspecting communes or legal normative documents dropped).
    """
    khoan = _khoan_for(project.ke_hoach.noi_dung, area)
    if khoan is None:
        return []
    rules = project.khung["xa-phuong"].chi_tieu_cap_xa
    keep = [fill(k, values) for k in rules.giu]
    drop = [fill(d, values) for d in rules.bo]
    doi = [(fill(d.tu, values), fill(d.thanh, values)) for d in rules.doi]
    out = []
    for diem in khoan.noi_dung:
        if diem.kieu != "diem" or not diem.text.lower().startswith(("chỉ tiêu", "mục tiêu")):   # "Mục tiêu": ld09
            continue
        for bullet in diem.noi_dung:
            if "%" not in bullet.text:
                continue
            text = bullet.text
            for old, new in doi:
                text = text.replace(old, new)
            kept = [c.strip() for c in strip_end(text).split(";")
                    if any(k in c for k in keep) and not any(d in c for d in drop)]
            if kept:
                out.append("; ".join(kept) + ".")
    return out


# --- the documents ------------------------------------------------------------------------------


def _sentence_case(title: str) -> str:
    """An appendix group name in capitals -> a khoản title: "CẢI CÁCH THỂ CHẾ" -> "Cải cách thể chế"."""
    if title.upper() != title:
        return title
    low = title.lower()
    return low[:1].upper() + low[1:]


@dataclass(frozen=True)
class KetQua:
    """The two documents of one commune and the placeholders they show."""

    ke_hoach: VanBan
    phu_luc: VanBan
    cho_nhap: tuple[ChoNhap, ...]       # visible placeholders ("[Cần nhập: …]"), one concept with derived plans


Row = tuple[str, str, tuple[str, ...], str, str, tuple[str, ...], str]   # ma, task, products, lead, partners, time, note


def _slots(project: Project, khung: KhungXaPhuong, xa_phuong: XaPhuong, trich_dan: str) -> Slots:
    officers = {f"cong_chuc_{r}": cong_chuc(khung, r, xa_phuong) for r in khung.cong_chuc}
    lead = officers.get(f"cong_chuc_{khung.dau_moi}", "")
    # "công chức Văn phòng - Thống kê" is a common noun; "Phòng Văn hóa - Xã hội" a name (capital kept)
    lead = lower_first(lead) if lead.startswith("Công chức") else lead
    return chung(project, trich_dan).plus(
        dv=xa_phuong.loai_ten, ten=xa_phuong.ten_day_du, ten_in_hoa=xa_phuong.ten_day_du.upper(),
        con=xa_phuong.don_vi_con, dau_moi=lead, **officers)


def _rows(project: Project, khung: KhungXaPhuong, xa_phuong: XaPhuong, gi: int, number: str, group,
          values: Slots, them) -> list[Row]:
    """The commune's rows of one area: town tasks it leads or partners in (each row of a task
    printed over several rows on its own), standard duties, its own."""
    kind = area_kind(group.ten)
    lead = cong_chuc(khung, khung.chu_tri_linh_vuc.get(kind, khung.chu_tri_linh_vuc.get("khac", "van_phong")),
                     xa_phuong)
    rows: list[Row] = []
    for ti, whole in enumerate(group.nhiem_vu, 1):
        ma = f"{number}.{ti}"
        for task in whole.hang:
            row = _town_row(project, khung, values, lead, task, several=bool(whole.dong))
            if row is not None:
                rows.append((ma, *row))
    for duty in khung.nhiem_vu_chuan.get(kind, ()):
        rows.append(("", fill(duty.nhiem_vu, values), tuple(fill(s, values) for s in duty.san_pham),
                     cong_chuc(khung, duty.chu_tri, xa_phuong),
                     "; ".join(cong_chuc(khung, r, xa_phuong) for r in duty.phoi_hop),
                     (fill(duty.thoi_gian, values),), ""))
    for t in them.get(gi, ()):
        rows.append(("", t.nhiem_vu, t.san_pham, t.chu_tri, "; ".join(t.phoi_hop), tuple(t.thoi_gian.dong()),
                     t.ghi_chu))
    return rows


def _town_row(project: Project, khung: KhungXaPhuong, values: Slots, lead: str, task, several: bool):
    """The commune's row (without its id) for one printed row of a town task, None when the
    commune neither leads nor partners in it. A row it leads through a group ("Các cơ quan, đơn
    vị, địa phương") is worded for the commune (`thay_nhom`); a further row of a task printed over
    several rows is made from the row itself (`hang_chu_tri`), never from the province's text."""
    leads = [project.co_quan(r) for r in task.co_quan_refs("chu_tri")]   # co-leads ("Sở Tư pháp; UBND các xã")
    phoi_hop = [project.co_quan(r) for r in task.co_quan_refs("phoi_hop")]
    thoi_gian = tuple(task.thoi_gian.dong())
    if any(c.gom_xa_phuong for c in leads):
        own = _for_commune(khung, values)
        others = "; ".join(dict.fromkeys(c.ten for c in leads + phoi_hop if not c.gom_xa_phuong))
        san_pham = tuple(own(s) for s in task.san_pham)
        thoi_gian = tuple(own(t) for t in thoi_gian)
        text = (fill(khung.hang_chu_tri, values.plus(san_pham="; ".join(strip_end(s) for s in san_pham),
                                                     thoi_gian=lower_first(strip_end(" ".join(thoi_gian)))))
                if several else own(task.nhiem_vu))
        return text, san_pham, lead, others, thoi_gian, task.ghi_chu
    if any(c.gom_xa_phuong for c in phoi_hop):
        chu_tri = o_co_quan(project, task.chu_tri)
        # "Phối hợp với các sở, ban, ngành …": a group's name is a common noun mid-sentence
        ten = "; ".join(lower_first(c.ten) if c.nhom else c.ten for c in leads) or chu_tri
        text = fill(khung.phoi_hop, values.plus(chu_tri=ten, viec=lower_first(task.nhiem_vu)))
        return text, task.san_pham, lead, chu_tri, thoi_gian, task.ghi_chu
    return None


def _for_commune(khung: KhungXaPhuong, values: Slots):
    """A text of a task a group leads, with the group's words replaced by the commune's (`thay_nhom`)."""
    pairs = [(d.tu, fill(d.thanh, values)) for d in khung.thay_nhom]

    def own(text: str) -> str:
        for tu, thanh in pairs:
            text = text.replace(tu, thanh)
        return text
    return own


def _areas(project: Project, khung: KhungXaPhuong, xa_phuong: XaPhuong, rieng: XaPhuongRieng, values: Slots):
    """(khoản blocks of the plan, appendix groups): one per area of the town appendix."""
    chi_tieu_rieng = {c.linh_vuc: c.noi_dung for c in rieng.chi_tieu}
    them: dict[int, list] = {}
    for t in rieng.nhiem_vu_them:
        them.setdefault(t.linh_vuc, []).append(t)
    areas, groups = [], []
    for gi, (number, group) in enumerate(nhom_goc(project.phu_luc_ds), 1):   # every task appendix
        rows = _rows(project, khung, xa_phuong, gi, number, group, values, them)
        targets = (list(chi_tieu_rieng[gi]) if gi in chi_tieu_rieng
                   else chi_tieu_cap_xa(project, group.ten, values))
        children = []
        if targets:
            children.append(Khoi(diem=fill(khung.chi_tieu, values), noi_dung=tuple(Khoi(gach=t) for t in targets)))
        if rows:
            children.append(Khoi(diem=fill(khung.nhiem_vu, values),
                                 noi_dung=tuple(Khoi(gach=with_stop(r[1])) for r in rows)))
        if children:
            areas.append(Khoi(khoan=_sentence_case(group.ten), noi_dung=tuple(children)))
        if rows:
            groups.append((group.ten, rows))
    return areas, groups


def _signer(khung: KhungXaPhuong, rieng: XaPhuongRieng, values: Slots, cho: SoCho) -> NguoiKy:
    thay_mat = fill(khung.nguoi_ky.thay_mat, values)
    if rieng.nguoi_ky is not None:
        signer = rieng.nguoi_ky
        if not signer.thay_mat:
            signer = signer.model_copy(update={"thay_mat": thay_mat})
    else:
        signer = NguoiKy(thay_mat=thay_mat, chuc_vu=fill(khung.nguoi_ky.chuc_vu, values), ho_ten=rieng.chu_tich)
    khoa = "nguoi_ky.ho_ten" if rieng.nguoi_ky is not None else "chu_tich"
    return signer.model_copy(update={"ho_ten": cho.text(signer.ho_ten, fill(khung.cho_nhap_ho_ten, values), khoa)})


def ke_hoach_xa_phuong(project: Project, xa_phuong: XaPhuong, rieng: XaPhuongRieng | None = None, *,
                       trich_dan: str) -> KetQua:
    """`trich_dan` is how the town decision is cited: `docgen.model.trich_dan.trich_dan_quyet_dinh`
    (the one source; passed in computed once and shipped to the pool workers). The wording comes
    from the project's skeleton `xa-phuong` (docgen/khung/xa-phuong.yaml or its override)."""
    rieng = rieng or XaPhuongRieng()
    khung: KhungXaPhuong = project.khung["xa-phuong"]
    town = project.don_vi.co_quan_ban_hanh
    values = _slots(project, khung, xa_phuong, trich_dan)
    # Default: a blank day in January of the plan year (communes issue their plan in the first
    # weeks after the town's, derived-plans.md §2.1); a per-commune file can set the date.
    ngay = rieng.ngay_ban_hanh or Ngay(nam=nam_ke_hoach(project), thang=1)
    cho = SoCho(duong_dan(xa_phuong, "ke-hoach.docx"), f"{FOLDER}/{slug(xa_phuong.ten)}.yaml")

    co_quan = CoQuanBanHanh(
        ten=fill(khung.co_quan.ten, values), ten_ngan=fill(khung.co_quan.ten_ngan, values),
        dong_tieu_de=tuple(fill(t, values) for t in khung.co_quan.dong_tieu_de),
        cap_tren=CapTren(ten=town.ten, cap=town.cap) if town.chu_quan_xa_phuong else None,
        ky_hieu="UBND", dia_danh=xa_phuong.ten, cap=xa_phuong.loai)
    areas, groups = _areas(project, khung, xa_phuong, rieng, values)
    trich_yeu = fill(khung.trich_yeu, values)
    vb = KeHoachVB(co_quan=co_quan, trich_yeu=trich_yeu, noi_dung=fill_blocks(khung.than, values, {"linh_vuc": areas}),
                   so=rieng.so, ngay=ngay, dia_danh=xa_phuong.ten, ket_thuc=fill(khung.ket_thuc, values),
                   noi_nhan=tuple(fill(n, values) for n in khung.noi_nhan), luu=fill(khung.luu, values),
                   nguoi_ky=_signer(khung, rieng, values, cho))

    nhom = []
    for n, (name, rows) in enumerate(groups, 1):
        nhom.append(NhomVB(so=roman(n), ten=name, nhiem_vu=tuple(
            DongNhiemVu(tt=str(i), nhiem_vu=r[1], san_pham=r[2], chu_tri=r[3], phoi_hop=r[4],
                        thoi_gian=r[5], ghi_chu=r[6], ma=r[0]) for i, r in enumerate(rows, 1))))
    pl_values = values.plus(so_ky_hieu=so_ky_hieu(rieng.so, "Kế hoạch", co_quan.ky_hieu), ngay=ngay_thang_nam(ngay))
    pl = PhuLucVB(tieu_de=fill(khung.phu_luc.tieu_de, values), kem_theo=fill(khung.phu_luc.kem_theo, pl_values),
                  nhom=tuple(nhom), cot=tuple(fill(c, values) for c in khung.phu_luc.cot))
    meta = {"tac_gia": co_quan.ten, "ngay": ngay}
    return KetQua(
        VanBan("ke-hoach", duong_dan(xa_phuong, "ke-hoach.docx"), vb, tieu_de=f"Kế hoạch {trich_yeu}", **meta),
        VanBan("phu-luc", duong_dan(xa_phuong, "phu-luc.docx"), pl, tieu_de=f"Phụ lục {pl.tieu_de}", **meta),
        tuple(cho.items))


def with_stop(text: str) -> str:
    """A task as a plan bullet: ends with "."."""
    return strip_end(text) + "."
