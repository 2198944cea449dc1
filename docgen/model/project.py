"""A whole content project: registry, decision, plan, appendices, validated together.

Its shape follows the files present (docs/content-shapes.md): `quyet_dinh` is None for a plan
issued directly, `ke_hoach` is None for a decision that issues no plan, `phu_luc` is None when
there is no task-table appendix; `phu_luc_ds` holds every appendix, task tables and free content
(`phu_luc` is the first task table: the one derived and commune plans read).

`noi_dung` holds the model of every content file of the registry (docgen/doctypes.py CONTENT)
by its name; `project.don_vi`, `project.ke_hoach`, … (and the name of any file a new entry
declares, e.g. `project.bao_cao`) read it. The appendix file is `phu_luc_ds`, not `noi_dung`.
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
    phu_luc: PhuLuc | None
    agency_keys: dict[str, str]     # every accepted spelling -> agency key
    khung: dict = field(default_factory=dict)         # skeleton name -> model (docgen.model.khung)
    khung_paths: dict = field(default_factory=dict)   # skeleton name -> the file it was read from
    # every appendix, in order, of either kind (schema-13 §C); phu_luc is the first task table
    phu_luc_ds: tuple[PhuLuc | PhuLucNoiDung, ...] = ()
    noi_dung: dict = field(default_factory=dict)      # content file name (CONTENT `ma`) -> its model or None

    def __post_init__(self):
        if not self.phu_luc_ds and self.phu_luc is not None:
            object.__setattr__(self, "phu_luc_ds", (self.phu_luc,))

    def __getattr__(self, name: str):
        """A content file's model by its registry name (`project.bao_cao`); None when absent."""
        noi_dung = self.__dict__.get("noi_dung")
        if noi_dung is None or name.startswith("_") or name not in noi_dung:
            raise AttributeError(name)
        return noi_dung[name]

    @property
    def don_vi(self) -> DonVi:
        return self.noi_dung["don_vi"]

    @property
    def quyet_dinh(self) -> QuyetDinh | None:
        return self.noi_dung.get("quyet_dinh")

    @property
    def ke_hoach(self) -> KeHoach | None:
        return self.noi_dung.get("ke_hoach")

    @property
    def co_ke_hoach(self) -> bool:
        """The project has a plan (ke-hoach.yaml): a decision alone issues none."""
        return self.ke_hoach is not None

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
