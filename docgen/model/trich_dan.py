"""Pure helpers every document maker shares: the citation of the issuing document, the task rows.

They live with the objects they make (model), so that the core documents (pipeline/documents.py),
the derived plans and the commune plans (derive/) import them instead of receiving them.
"""

from __future__ import annotations

from ..vn import ngay_thang_nam, so_ky_hieu
from .phu_luc import Ghi
from .project import Project
from .vanban import DongNhiemVu


def trich_dan(project: Project) -> str:
    """How other documents cite the document that issues the plan: the decision
    ("Quyết định số 15/QĐ-UBND ngày … của UBND thị xã …") when there is one, else the plan
    itself ("Kế hoạch số      /KH-UBND ngày … của Chủ tịch UBND tỉnh …").

    The one source for every cross-reference: change the number or date in quyet-dinh.yaml
    (or ke-hoach.yaml) and every citing document follows on the next build.
    """
    cq = project.don_vi.co_quan_ban_hanh
    if project.quyet_dinh is not None:
        qd = project.quyet_dinh
        return (f"Quyết định số {so_ky_hieu(qd.so, 'Quyết định', cq.ky_hieu)} "
                f"{ngay_thang_nam(qd.ngay_ban_hanh)} của {cq.ten_ngan}")
    kh = project.ke_hoach
    return (f"Kế hoạch số {so_ky_hieu(kh.so or '', 'Kế hoạch', cq.ky_hieu)} "
            f"{ngay_thang_nam(kh.ngay_ban_hanh)} của {nguoi_ban_hanh(project)}")


trich_dan_quyet_dinh = trich_dan   # the name derive/ and pipeline/ have used since #8


def nguoi_ban_hanh(project: Project) -> str:
    """Who issues a plan issued directly, as a citation names it: "Chủ tịch UBND tỉnh Lâm Đồng"
    when the head signs (KT./Q. or in person), "UBND tỉnh …" when signed TM. the body."""
    cq, signer = project.don_vi.co_quan_ban_hanh, project.ke_hoach.nguoi_ky
    if signer is None or signer.thay_mat:
        return cq.ten_ngan
    head = (signer.thu_truong if signer.hinh_thuc else signer.chuc_vu).lower()
    return f"{head[:1].upper()}{head[1:]} {cq.ten_ngan}"


def kem_theo(project: Project, ban_hanh: bool) -> str:
    """The italic line under a plan's or appendix's title: "(Ban hành kèm theo …)" for the plan
    issued by a decision and for an appendix of a plan issued directly (as ld09 prints it),
    "(Kèm theo …)" for the appendix of a decision's plan (Hoài Nhơn)."""
    return f"({'Ban hành kèm' if ban_hanh else 'Kèm'} theo {trich_dan(project)})"


def agency_name(project: Project, ref: str) -> str:
    return project.co_quan(ref).ten


def o_co_quan(project: Project, refs) -> str:
    """An agency cell: names (or free text) joined by "; "."""
    return "; ".join(r.ghi if isinstance(r, Ghi) else agency_name(project, r) for r in refs)


def task_rows(project: Project, tasks) -> tuple[DongNhiemVu, ...]:
    """Display rows for (ma, task) pairs, numbered 1.. in the given order; a task with `dong`
    gives one row per entry, the further ones marked to merge their TT and Nhiệm vụ cells."""
    return tuple(
        DongNhiemVu(
            tt=str(n), nhiem_vu=t.nhiem_vu, san_pham=r.san_pham,
            chu_tri=o_co_quan(project, r.chu_tri), phoi_hop=o_co_quan(project, r.phoi_hop),
            thoi_gian=tuple(r.thoi_gian.dong()), ghi_chu=r.ghi_chu, ma=ma,
            kinh_phi=r.kinh_phi, ket_qua=r.ket_qua, theo_doi=o_co_quan(project, r.theo_doi),
            gop="" if not t.dong else "tiep" if i else "dau")
        for n, (ma, t) in enumerate(tasks, 1) for i, r in enumerate(t.hang))
