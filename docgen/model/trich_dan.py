"""Pure helpers every document maker shares: the citation of the decision, the task rows.

They live with the objects they make (model), so that the core documents (pipeline/documents.py),
the derived plans and the commune plans (derive/) import them instead of receiving them.
"""

from __future__ import annotations

from ..vn import ngay_thang_nam, so_ky_hieu
from .project import Project
from .vanban import DongNhiemVu


def trich_dan_quyet_dinh(project: Project) -> str:
    """How other documents cite the decision: "Quyết định số 15/QĐ-UBND ngày … của …".

    The one source for every cross-reference: change the number or date in
    quyet-dinh.yaml and every citing document follows on the next build.
    """
    qd, cq = project.quyet_dinh, project.don_vi.co_quan_ban_hanh
    return (f"Quyết định số {so_ky_hieu(qd.so, 'Quyết định', cq.ky_hieu)} "
            f"{ngay_thang_nam(qd.ngay_ban_hanh)} của {cq.ten_ngan}")


def agency_name(project: Project, ref: str) -> str:
    return project.co_quan(ref).ten


def task_rows(project: Project, tasks) -> tuple[DongNhiemVu, ...]:
    """Display rows for (ma, task) pairs, numbered 1.. in the given order."""
    return tuple(
        DongNhiemVu(
            tt=str(n), nhiem_vu=t.nhiem_vu, san_pham=t.san_pham,
            chu_tri=agency_name(project, t.chu_tri),
            phoi_hop="; ".join(agency_name(project, r) for r in t.phoi_hop),
            thoi_gian=tuple(t.thoi_gian.dong()), ghi_chu=t.ghi_chu, ma=ma)
        for n, (ma, t) in enumerate(tasks, 1))
