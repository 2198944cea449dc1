"""The core documents of a project, as its shape has them (docs/content-shapes.md): the decision
(when there is one), the plan, its appendices (when there are any), the combined file. Which of
them a project gets comes from the registry (docgen/doctypes.py: the CORE entries that apply,
`can_co`); each entry's `lam` names its maker here (`MAKERS`)."""

from __future__ import annotations

import importlib
from pathlib import Path

from ..doctypes import CORE, DocType, of_target
from ..model import KeHoachVB, NhomVB, PhuLuc, PhuLucVB, Project, QuyetDinhVB, VanBan
from ..model.phu_luc import nhom_label
from ..model.phu_luc_noi_dung import PhuLucNoiDung, PhuLucNoiDungVB
from ..model.trich_dan import kem_theo, task_rows, trich_dan_quyet_dinh
from ..vn import roman

__all__ = ["core_documents", "phu_luc_vb", "task_rows", "trich_dan_quyet_dinh"]


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
    """Rendered from `phu-luc-cot`: declared columns, sub-groups or tasks printed over several
    rows (`phu-luc` has none of them)."""
    return pl.cot is not None or any(g.nhom for g in pl.nhom) or any(t.dong for _, _, t in pl.tasks())


def _ke_hoach_vb(project: Project) -> KeHoachVB:
    cq, kh = project.don_vi.co_quan_ban_hanh, project.ke_hoach
    common = dict(co_quan=cq, trich_yeu=kh.trich_yeu, noi_dung=kh.noi_dung, ket_thuc=kh.ket_thuc,
                  can_cu=kh.can_cu, mo_dau=kh.mo_dau, danh_so=kh.danh_so)
    if project.co_quyet_dinh:
        return KeHoachVB(**common, kem_theo=kem_theo(project, ban_hanh=True))
    return KeHoachVB(**common, so=kh.so or "", ngay=kh.ngay_ban_hanh, noi_nhan=kh.noi_nhan, luu=kh.luu,
                     nguoi_ky=kh.nguoi_ky)


def _meta(project: Project) -> dict:
    return {"tac_gia": project.don_vi.co_quan_ban_hanh.ten, "ngay": project.ngay_ban_hanh}


def quyet_dinh(project: Project, d: DocType, made: dict[str, VanBan]) -> VanBan | None:
    qd = project.quyet_dinh
    if qd is None:
        return None
    return VanBan(d.ma, d.duong_dan, QuyetDinhVB(project.don_vi.co_quan_ban_hanh, qd),
                  tieu_de=f"Quyết định {qd.trich_yeu}".replace("\n", " "), **_meta(project))


def ke_hoach(project: Project, d: DocType, made: dict[str, VanBan]) -> VanBan:
    return VanBan(d.ma, d.duong_dan, _ke_hoach_vb(project),
                  tieu_de=f"Kế hoạch {project.ke_hoach.trich_yeu}".replace("\n", " "), **_meta(project))


def phu_luc(project: Project, d: DocType, made: dict[str, VanBan]) -> VanBan | None:
    """The appendices: one file; several are its parts (Phụ lục I, II, …)."""
    if not project.phu_luc_ds:
        return None
    meta, many = _meta(project), len(project.phu_luc_ds) > 1
    parts = tuple(
        VanBan(mau, d.duong_dan, vb, tieu_de=f"Phụ lục {pl.tieu_de}".replace("\n", " "), **meta)
        for i, pl in enumerate(project.phu_luc_ds, 1)
        for mau, vb in [_mau_vb(project, pl, f"Phụ lục {roman(i)}" if many else "Phụ lục")])
    if not many:
        return parts[0]
    return VanBan(parts[0].mau, d.duong_dan, parts[0].noi_dung, tieu_de=parts[0].tieu_de, phan=parts, **meta)


def _mau_vb(project: Project, pl, so: str):
    """(template, document) of one appendix: a task table (`phu-luc`, or `phu-luc-cot` with declared
    columns or sub-groups) or free content (`phu-luc-nd`, schema-13 §C)."""
    if isinstance(pl, PhuLucNoiDung):
        return "phu-luc-nd", PhuLucNoiDungVB(tieu_de=pl.tieu_de, noi_dung=pl.noi_dung, phu_luc_so=so,
                                             kem_theo=kem_theo(project, ban_hanh=not project.co_quyet_dinh))
    return ("phu-luc-cot" if generic(pl) else "phu-luc"), phu_luc_vb(project, pl, so)


def tron_bo(project: Project, d: DocType, made: dict[str, VanBan]) -> VanBan:
    """The combined file: every part of the documents made before it, in registry order (their
    renderings are reused, render_docs.render_all_parts)."""
    docs = list(made.values())
    parts = tuple(p for doc in docs for p in (doc.phan or (doc,)))
    return VanBan(d.ma, d.duong_dan, docs[0].noi_dung, tieu_de=docs[0].tieu_de, phan=parts, **_meta(project))


MAKERS = {f"{__name__}:{f.__name__}": f for f in (quyet_dinh, ke_hoach, phu_luc, tron_bo)}


def maker(lam: str):
    """The function an entry's `lam` names ("module:function"): one of MAKERS, or imported (an
    entry added to the registry names its own maker)."""
    if lam not in MAKERS:
        module, _, name = lam.partition(":")
        MAKERS[lam] = getattr(importlib.import_module(module), name)
    return MAKERS[lam]


def core_documents(project: Project, content: Path | None = None,
                   doctypes: tuple[DocType, ...] | None = None) -> list[VanBan]:
    """The core documents of the registry (`doctypes`, default every CORE entry) that apply to
    the project in `content` (default the project's folder), in registry order."""
    root = Path(content) if content is not None else Path(project.root)
    made: dict[str, VanBan] = {}
    for d in doctypes if doctypes is not None else of_target(CORE):
        if d.applies(root):
            doc = maker(d.lam)(project, d, made)
            if doc is not None:
                made[d.ma] = doc
    return list(made.values())
