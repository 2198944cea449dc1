"""Per-agency task sheets (bảng phân công) and the traceability check.

A sheet lists every parent task the agency leads (chủ trì) or is named as partner in
(phối hợp by its own key; a group such as "Các cơ quan liên quan" does not name it), grouped
by the parent's areas, each row keeping the parent id in `DongNhiemVu.ma`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..model import DongNhiemVu, NhomVB, PhuLucVB, Project, VanBan
from ..model.khung import KhungPhanCong
from ..model.phu_luc import hang_goc, nhiem_vu_goc, nhom_goc
from ..model.trich_dan import task_rows
from ..vn import roman
from .chon import agency_slug
from .khung import Nguon
from .slots import chung, fill


@dataclass(frozen=True)
class LoiTruyVet:
    van_ban: str
    code: str
    message: str


def sheet_agencies(project: Project) -> list[str]:
    """Agencies (not groups) that lead or are named in some task, in registry order."""
    named = set()
    for _, _, t in nhiem_vu_goc(project.phu_luc_ds):
        named.update(project.key(r) for r in t.co_quan_refs("chu_tri"))
        named.update(project.key(r) for r in t.co_quan_refs("phoi_hop"))
    return [k for k, cq in project.don_vi.co_quan.items() if k in named and not cq.nhom]


def sheet_path(project: Project, key: str) -> str:
    return f"ke-hoach-con/{agency_slug(project, key)}/bang-phan-cong.docx"


def sheet(nguon: Nguon, key: str) -> PhuLucVB:
    """The task sheet of agency `key`; wording from the skeleton `bang-phan-cong`."""
    project = nguon.project
    cq = project.don_vi.co_quan[key]
    khung: KhungPhanCong = project.khung["bang-phan-cong"]
    values = chung(project, nguon.trich_dan)
    groups = []
    rows_of = list(hang_goc(project.phu_luc_ds))   # every appendix, each row of a task on its own
    for gi, (_, group) in enumerate(nhom_goc(project.phu_luc_ds), 1):
        pairs, roles = [], []
        for ma, task in ((ma, t) for ma, g, t in rows_of if g is group):  # sub-groups too
            lead = key in {project.key(r) for r in task.co_quan_refs("chu_tri")}
            partner = key in {project.key(r) for r in task.co_quan_refs("phoi_hop")}
            if lead or partner:
                pairs.append((ma, task))
                roles.append(fill(khung.chu_tri if lead else khung.phoi_hop, values))
        if not pairs:
            continue
        rows = task_rows(project, pairs)
        rows = tuple(DongNhiemVu(tt=r.tt, nhiem_vu=r.nhiem_vu, san_pham=r.san_pham, chu_tri=r.chu_tri,
                                 phoi_hop=r.phoi_hop, thoi_gian=r.thoi_gian,
                                 ghi_chu="; ".join(x for x in (fill(khung.ghi_chu, values.plus(vai=role, ma_nv=r.ma)),
                                                               r.ghi_chu) if x),
                                 ma=r.ma)
                     for r, role in zip(rows, roles))
        groups.append(NhomVB(so=roman(gi), ten=group.ten, nhiem_vu=rows))
    return PhuLucVB(tieu_de=fill(khung.tieu_de, values.plus(co_quan_in_hoa=cq.ten.upper())),
                    kem_theo=fill(khung.kem_theo, values), nhom=tuple(groups))


def sheet_doc(nguon: Nguon, key: str, pl: PhuLucVB | None = None) -> VanBan:
    project = nguon.project
    pl = pl or sheet(nguon, key)
    return VanBan("phu-luc", sheet_path(project, key), pl, tieu_de=pl.tieu_de.capitalize(),
                  tac_gia=project.don_vi.co_quan_ban_hanh.ten, ngay=project.ngay_ban_hanh)


def truy_vet(project: Project, sheets: dict[str, PhuLucVB]) -> list[LoiTruyVet]:
    """Every parent task appears exactly once, as chủ trì, in its lead agency's sheet.

    Also: no sheet row names a task the parent does not have, and no row repeats in a sheet.
    """
    problems = []
    ids = {ma for ma, _, _ in nhiem_vu_goc(project.phu_luc_ds)}
    for key, pl in sheets.items():
        # a row is the task's id and its product: a task printed over several rows has one per row
        counts = Counter((r.ma, r.san_pham) for g in pl.nhom for r in g.nhiem_vu)
        for (ma, _), n in counts.items():
            if ma not in ids:
                problems.append(LoiTruyVet(sheet_path(project, key), "derive.trace",
                                           f"bảng phân công có nhiệm vụ {ma} không có trong Phụ lục (phu-luc.yaml)"))
            elif n > 1:
                problems.append(LoiTruyVet(sheet_path(project, key), "derive.trace",
                                           f"nhiệm vụ {ma} xuất hiện {n} lần trong bảng phân công"))
    for ma, _, task in hang_goc(project.phu_luc_ds):   # every row: its lead's sheet has it once
        if task.chu_tri_chinh is None:   # chủ trì written as free text only ({ghi: …})
            continue
        key = project.key(task.chu_tri_chinh)
        lead = project.don_vi.co_quan[key]
        if lead.nhom:   # a group leads ("UBND các xã, phường"): groups get no sheet
            continue
        pl = sheets.get(key)
        found = 0 if pl is None else sum(1 for g in pl.nhom for r in g.nhiem_vu
                                         if r.ma == ma and r.san_pham == task.san_pham
                                         and lead.ten in r.chu_tri.split("; "))
        if found != 1:
            where = sheet_path(project, key)
            what = "không có" if found == 0 else f"có {found} lần"
            problems.append(LoiTruyVet(where, "derive.trace",
                                       f"nhiệm vụ {ma} (chủ trì: {lead.ten}) {what} trong bảng phân công của "
                                       f"{lead.ten}; phải có đúng một lần"))
    return problems
