"""The core documents of a project, as its shape has them (docs/content-shapes.md): the decision
(when there is one), the plan, its appendices (when there are any), the combined file."""

from __future__ import annotations

from ..doctypes import kind
from ..model import KeHoachVB, NhomVB, PhuLuc, PhuLucVB, Project, QuyetDinhVB, VanBan
from ..model.phu_luc import nhom_label
from ..model.trich_dan import kem_theo, task_rows, trich_dan_quyet_dinh
from ..vn import roman

__all__ = ["FILES", "core_documents", "phu_luc_vb", "task_rows", "trich_dan_quyet_dinh"]

FILES = {"quyet_dinh": "quyet-dinh.docx", "ke_hoach": "ke-hoach.docx", "phu_luc": "phu-luc.docx",
         "tron_bo": "tron-bo.docx"}


def _groups(project: Project, groups, level: int, ma: str) -> tuple[NhomVB, ...]:
    out = []
    for gi, group in enumerate(groups, 1):
        so = nhom_label(level, gi)
        here = f"{ma}.{gi}" if ma else roman(gi)
        pairs = [(f"{here}.{ti}", t) for ti, t in enumerate(group.nhiem_vu, 1)]
        out.append(NhomVB(so=so, ten=group.ten, nhiem_vu=task_rows(project, pairs), cap=level,
                          nhom=_groups(project, group.nhom, level + 1, here)))
    return tuple(out)


def phu_luc_vb(project: Project, pl: PhuLuc | None = None, so: str = "Phụ lục") -> PhuLucVB:
    pl = pl or project.phu_luc
    vb = PhuLucVB(tieu_de=pl.tieu_de, kem_theo=kem_theo(project, ban_hanh=not project.co_quyet_dinh),
                  nhom=_groups(project, pl.nhom, 0, ""), phu_luc_so=so)
    if not generic(pl):
        return vb
    return PhuLucVB(**{**vb.__dict__, "cot": tuple(c.tieu_de for c in pl.cot_ds),
                       "cot_ma": tuple(c.ma for c in pl.cot_ds)})


def generic(pl: PhuLuc) -> bool:
    """Rendered from `phu-luc-cot`: declared columns or sub-groups (`phu-luc` has neither)."""
    return pl.cot is not None or any(g.nhom for g in pl.nhom)


def _ke_hoach_vb(project: Project) -> KeHoachVB:
    cq, kh = project.don_vi.co_quan_ban_hanh, project.ke_hoach
    common = dict(co_quan=cq, trich_yeu=kh.trich_yeu, noi_dung=kh.noi_dung, ket_thuc=kh.ket_thuc,
                  can_cu=kh.can_cu, mo_dau=kh.mo_dau, danh_so=kh.danh_so)
    if project.co_quyet_dinh:
        return KeHoachVB(**common, kem_theo=kem_theo(project, ban_hanh=True))
    return KeHoachVB(**common, so=kh.so or "", ngay=kh.ngay_ban_hanh, noi_nhan=kh.noi_nhan, luu=kh.luu,
                     nguoi_ky=kh.nguoi_ky)


def core_documents(project: Project) -> list[VanBan]:
    """The decision, the plan, the appendices and the combined file, as far as the project has
    them (docgen/doctypes.py `can_co`): tron-bo.docx holds what exists."""
    cq, kh = project.don_vi.co_quan_ban_hanh, project.ke_hoach
    meta = {"tac_gia": cq.ten, "ngay": project.ngay_ban_hanh}
    docs = []
    if kind("quyet-dinh").applies(project.root) and project.quyet_dinh is not None:
        qd = project.quyet_dinh
        docs.append(VanBan("quyet-dinh", FILES["quyet_dinh"], QuyetDinhVB(cq, qd),
                           tieu_de=f"Quyết định {qd.trich_yeu}".replace("\n", " "), **meta))
    docs.append(VanBan("ke-hoach", FILES["ke_hoach"], _ke_hoach_vb(project),
                       tieu_de=f"Kế hoạch {kh.trich_yeu}".replace("\n", " "), **meta))
    if kind("phu-luc").applies(project.root) and project.phu_luc_ds:
        many = len(project.phu_luc_ds) > 1
        parts = tuple(
            VanBan("phu-luc-cot" if generic(pl) else "phu-luc", FILES["phu_luc"],
                   phu_luc_vb(project, pl, f"Phụ lục {roman(i)}" if many else "Phụ lục"),
                   tieu_de=f"Phụ lục {pl.tieu_de}", **meta)
            for i, pl in enumerate(project.phu_luc_ds, 1))
        docs.append(parts[0] if not many else VanBan(
            parts[0].mau, FILES["phu_luc"], parts[0].noi_dung, tieu_de=parts[0].tieu_de, phan=parts, **meta))
    head = docs[0]
    all_parts = tuple(p for d in docs for p in (d.phan or (d,)))
    docs.append(VanBan("tron-bo", FILES["tron_bo"], head.noi_dung, tieu_de=head.tieu_de, phan=all_parts, **meta))
    return docs
