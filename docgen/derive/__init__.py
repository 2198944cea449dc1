"""docgen.derive: pure functions model -> documents (derived plans of the lead agencies).

`ke_hoach_con(nguon, overrides)` drafts every derived plan and every agency task sheet;
nothing here reads YAML, writes DOCX or prints. See docs/ke-hoach-con.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import VanBan
from ..model.derived import KIND_KEYS, KeHoachConOverride
from ..model.phu_luc import bang_nhiem_vu
from . import chung, cntt, kiem_tra, tuyen_truyen
from .cho_nhap import ChoNhap, SoCho
from .chon import KIND_NAME, KINDS, KeHoachCon, select, slug
from .khung import Ban, Loi, Nguon
from .phan_cong import LoiTruyVet, sheet, sheet_agencies, sheet_doc, sheet_path, truy_vet

DERIVE = {"kiem_tra": kiem_tra.derive, "tuyen_truyen": tuyen_truyen.derive, "cntt": cntt.derive,
          "chung": chung.derive}


@dataclass
class KetQua:
    van_ban: list[VanBan] = field(default_factory=list)
    cho_nhap: list[ChoNhap] = field(default_factory=list)
    loi: list[Loi] = field(default_factory=list)
    truy_vet: list[LoiTruyVet] = field(default_factory=list)
    ke_hoach: list[KeHoachCon] = field(default_factory=list)


def override_file(spec: KeHoachCon, files: dict[str, str]) -> str:
    """The override file of a plan: the existing one, else the name docgen suggests."""
    return files.get(spec.ma) or f"ke-hoach-con/{spec.slug}.yaml"


def ke_hoach_con(nguon: Nguon, overrides: dict[str, KeHoachConOverride], files: dict[str, str] | None = None,
                 agency: str | None = None, kind: str | None = None) -> KetQua:
    """Draft the derived plans (optionally of one agency key and/or one kind) and the task sheets."""
    files = files or {}
    out = KetQua()
    project = nguon.project
    if project.ke_hoach is None or not bang_nhiem_vu(project.phu_luc_ds):   # no plan, or no task appendix
        return out
    for spec in select(project):
        if (agency and spec.chu_tri != agency) or (kind and spec.kind != kind):
            continue
        ov = overrides.get(spec.ma) or KeHoachConOverride(nhiem_vu=spec.ma)
        ban = Ban(nguon, spec, ov, SoCho(spec.duong_dan, override_file(spec, files)))
        for other, keys in KIND_KEYS.items():
            for k in keys:
                if other != spec.kind and k in ov.model_fields_set:
                    ban.error((k,), "content.unused-key",
                              f'khóa "{k}" chỉ dùng cho {KIND_NAME[other]}, không dùng cho kế hoạch này '
                              f'({KIND_NAME[spec.kind]})')
        result = DERIVE[spec.kind](ban)
        doc = result[0] if isinstance(result, tuple) else result
        out.van_ban.append(doc)
        out.cho_nhap += ban.cho.items
        out.loi += ban.loi
        out.ke_hoach.append(spec)
    sheets = {k: sheet(nguon, k) for k in sheet_agencies(project)}
    out.truy_vet = truy_vet(project, sheets)
    if kind is None:
        for key in sheet_agencies(project):
            if agency is None or key == agency:
                out.van_ban.append(sheet_doc(nguon, key, sheets[key]))
    return out


__all__ = ["KINDS", "ChoNhap", "KeHoachCon", "KetQua", "Loi", "LoiTruyVet", "Nguon", "ke_hoach_con", "select",
           "sheet", "sheet_agencies", "sheet_path", "slug", "truy_vet"]
