"""A whole content project: registry, decision, plan, appendices, validated together.

Its shape follows the files present (docs/content-shapes.md): `quyet_dinh` is None for a plan
issued directly, `phu_luc` is None when there is no task-table appendix; `phu_luc_ds` holds every
appendix, task tables and free content (`phu_luc` is the first task table: the one derived and
commune plans read).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..vn.dates import Ngay
from .content import CoQuan, DonVi, KeHoach, PhuLuc, QuyetDinh
from .phu_luc_noi_dung import PhuLucNoiDung


@dataclass(frozen=True)
class Project:
    root: Path
    don_vi: DonVi
    quyet_dinh: QuyetDinh | None
    ke_hoach: KeHoach
    phu_luc: PhuLuc | None
    agency_keys: dict[str, str]     # every accepted spelling -> agency key
    khung: dict = field(default_factory=dict)         # skeleton name -> model (docgen.model.khung)
    khung_paths: dict = field(default_factory=dict)   # skeleton name -> the file it was read from
    # every appendix, in order, of either kind (schema-13 §C); phu_luc is the first task table
    phu_luc_ds: tuple[PhuLuc | PhuLucNoiDung, ...] = ()

    def __post_init__(self):
        if not self.phu_luc_ds and self.phu_luc is not None:
            object.__setattr__(self, "phu_luc_ds", (self.phu_luc,))

    @property
    def phu_luc_nhiem_vu(self) -> tuple[PhuLuc, ...]:
        """The task-table appendices, in order: what derived and commune plans read."""
        return tuple(pl for pl in self.phu_luc_ds if isinstance(pl, PhuLuc))

    @property
    def co_quyet_dinh(self) -> bool:
        """The plan is issued by a decision (quyet-dinh.yaml), not directly."""
        return self.quyet_dinh is not None

    @property
    def ngay_ban_hanh(self) -> Ngay:
        """The date of the document that issues the plan: the decision's, else the plan's own."""
        return self.quyet_dinh.ngay_ban_hanh if self.quyet_dinh else self.ke_hoach.ngay_ban_hanh

    def co_quan(self, ref: str) -> CoQuan:
        """The agency a task names (by key, name or alias); KeyError if unknown."""
        return self.don_vi.co_quan[self.agency_keys[ref]]

    def key(self, ref: str) -> str:
        return self.agency_keys[ref]

    def vai_tro(self, role: str) -> CoQuan | None:
        """The agency that holds `role` (don-vi.yaml `vai_tro`), None when not declared."""
        ref = self.don_vi.vai_tro.get(role)
        return self.co_quan(ref) if ref is not None else None
