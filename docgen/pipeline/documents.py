"""The core documents of a project: the decision, the plan issued with it, its appendix, and
the combined file. Which of them a project gets comes from the registry (docgen/doctypes.py:
the CORE entries whose `can` files exist); each entry's `lam` names its maker here."""

from __future__ import annotations

from pathlib import Path

from ..doctypes import CORE, DocType, of_target
from ..model import KeHoachVB, NhomVB, PhuLucVB, Project, QuyetDinhVB, VanBan
from ..model.trich_dan import task_rows, trich_dan_quyet_dinh
from ..vn import roman

__all__ = ["core_documents", "phu_luc_vb", "task_rows", "trich_dan_quyet_dinh"]


def phu_luc_vb(project: Project) -> PhuLucVB:
    groups = []
    for gi, group in enumerate(project.phu_luc.nhom, 1):
        pairs = [(f"{roman(gi)}.{ti}", t) for ti, t in enumerate(group.nhiem_vu, 1)]
        groups.append(NhomVB(so=roman(gi), ten=group.ten, nhiem_vu=task_rows(project, pairs)))
    return PhuLucVB(tieu_de=project.phu_luc.tieu_de, kem_theo=f"(Kèm theo {trich_dan_quyet_dinh(project)})",
                    nhom=tuple(groups))


def _meta(project: Project) -> dict:
    return {"tac_gia": project.don_vi.co_quan_ban_hanh.ten, "ngay": project.quyet_dinh.ngay_ban_hanh}


def quyet_dinh(project: Project, d: DocType, made: dict[str, VanBan]) -> VanBan:
    qd = project.quyet_dinh
    return VanBan(d.ma, d.duong_dan, QuyetDinhVB(project.don_vi.co_quan_ban_hanh, qd),
                  tieu_de=f"Quyết định {qd.trich_yeu}".replace("\n", " "), **_meta(project))


def ke_hoach(project: Project, d: DocType, made: dict[str, VanBan]) -> VanBan:
    kh = project.ke_hoach
    return VanBan(d.ma, d.duong_dan, KeHoachVB(
        co_quan=project.don_vi.co_quan_ban_hanh, trich_yeu=kh.trich_yeu, noi_dung=kh.noi_dung,
        ket_thuc=kh.ket_thuc, kem_theo=f"(Ban hành kèm theo {trich_dan_quyet_dinh(project)})"),
        tieu_de=f"Kế hoạch {kh.trich_yeu}", **_meta(project))


def phu_luc(project: Project, d: DocType, made: dict[str, VanBan]) -> VanBan:
    return VanBan(d.ma, d.duong_dan, phu_luc_vb(project), tieu_de=f"Phụ lục {project.phu_luc.tieu_de}",
                  **_meta(project))


def tron_bo(project: Project, d: DocType, made: dict[str, VanBan]) -> VanBan:
    """The combined file: the documents made before it whose templates it joins, in its order
    (their renderings are reused, render_docs.render_all_parts)."""
    parts = tuple(made[m] for m in d.mau if m in made)
    return VanBan(d.ma, d.duong_dan, parts[0].noi_dung, tieu_de=parts[0].tieu_de, phan=parts,
                  **_meta(project))


MAKERS = {f"{__name__}:{f.__name__}": f for f in (quyet_dinh, ke_hoach, phu_luc, tron_bo)}


def core_documents(project: Project, content: Path | None = None,
                   doctypes: tuple[DocType, ...] | None = None) -> list[VanBan]:
    """The core documents of the registry (`doctypes`, default every CORE entry) that apply to
    the project in `content` (default the project's folder), in registry order."""
    root = Path(content) if content is not None else Path(project.root)
    made: dict[str, VanBan] = {}
    for d in doctypes if doctypes is not None else of_target(CORE):
        if d.applies(root):
            made[d.ma] = MAKERS[d.lam](project, d, made)
    return list(made.values())
