"""The core documents of a project: the decision, the plan issued with it, its appendix."""

from __future__ import annotations

from ..model import KeHoachVB, NhomVB, PhuLucVB, Project, QuyetDinhVB, VanBan
from ..model.trich_dan import task_rows, trich_dan_quyet_dinh
from ..vn import roman

__all__ = ["FILES", "core_documents", "phu_luc_vb", "task_rows", "trich_dan_quyet_dinh"]

FILES = {"quyet_dinh": "quyet-dinh.docx", "ke_hoach": "ke-hoach.docx", "phu_luc": "phu-luc.docx",
         "tron_bo": "tron-bo.docx"}


def phu_luc_vb(project: Project) -> PhuLucVB:
    groups = []
    for gi, group in enumerate(project.phu_luc.nhom, 1):
        pairs = [(f"{roman(gi)}.{ti}", t) for ti, t in enumerate(group.nhiem_vu, 1)]
        groups.append(NhomVB(so=roman(gi), ten=group.ten, nhiem_vu=task_rows(project, pairs)))
    return PhuLucVB(tieu_de=project.phu_luc.tieu_de, kem_theo=f"(Kèm theo {trich_dan_quyet_dinh(project)})",
                    nhom=tuple(groups))


def core_documents(project: Project) -> list[VanBan]:
    """The decision, the plan, the appendix, and the combined file holding all three."""
    cq, qd = project.don_vi.co_quan_ban_hanh, project.quyet_dinh
    meta = {"tac_gia": cq.ten, "ngay": qd.ngay_ban_hanh}
    quyet_dinh = VanBan("quyet-dinh", FILES["quyet_dinh"], QuyetDinhVB(cq, qd),
                        tieu_de=f"Quyết định {qd.trich_yeu}".replace("\n", " "), **meta)
    kh = project.ke_hoach
    ke_hoach = VanBan("ke-hoach", FILES["ke_hoach"], KeHoachVB(
        co_quan=cq, trich_yeu=kh.trich_yeu, noi_dung=kh.noi_dung, ket_thuc=kh.ket_thuc,
        kem_theo=f"(Ban hành kèm theo {trich_dan_quyet_dinh(project)})"),
        tieu_de=f"Kế hoạch {kh.trich_yeu}", **meta)
    phu_luc = VanBan("phu-luc", FILES["phu_luc"], phu_luc_vb(project),
                     tieu_de=f"Phụ lục {project.phu_luc.tieu_de}", **meta)
    tron_bo = VanBan("tron-bo", FILES["tron_bo"], quyet_dinh.noi_dung,
                     tieu_de=quyet_dinh.tieu_de, phan=(quyet_dinh, ke_hoach, phu_luc), **meta)
    return [quyet_dinh, ke_hoach, phu_luc, tron_bo]
