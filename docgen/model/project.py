"""A whole content project: registry, decision, plan, appendix, validated together."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .content import CoQuan, DonVi, KeHoach, PhuLuc, QuyetDinh


@dataclass(frozen=True)
class Project:
    root: Path
    don_vi: DonVi
    quyet_dinh: QuyetDinh
    ke_hoach: KeHoach
    phu_luc: PhuLuc
    agency_keys: dict[str, str]     # every accepted spelling -> agency key
    khung: dict = field(default_factory=dict)         # skeleton name -> model (docgen.model.khung)
    khung_paths: dict = field(default_factory=dict)   # skeleton name -> the file it was read from

    def co_quan(self, ref: str) -> CoQuan:
        """The agency a task names (by key, name or alias); KeyError if unknown."""
        return self.don_vi.co_quan[self.agency_keys[ref]]

    def key(self, ref: str) -> str:
        return self.agency_keys[ref]

    def vai_tro(self, role: str) -> CoQuan | None:
        """The agency that holds `role` (don-vi.yaml `vai_tro`), None when not declared."""
        ref = self.don_vi.vai_tro.get(role)
        return self.co_quan(ref) if ref is not None else None
