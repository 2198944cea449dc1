"""The types every import module shares: the result, one source file, the warning maker."""
from __future__ import annotations

from dataclasses import dataclass, field

from docgen.errors import CANH_BAO, Problem

DonViRegistry = dict
"""The mapping of an existing don-vi.yaml (as loaded), whose agencies the import reuses."""


@dataclass
class NhapResult:
    files: dict[str, dict | list] = field(default_factory=dict)   # "ke-hoach.yaml" -> plain data
    them_co_quan: list[str] = field(default_factory=list)         # "SNV: Sở Nội vụ"
    problems: list[Problem] = field(default_factory=list)         # [import.*] warnings


@dataclass
class Source:
    """One imported file: its display name, document model, parts and list labels."""

    name: str
    model: object
    parts: list
    labels: dict[int, str]


def warn(source: str, para, code: str, message: str) -> Problem:
    """An [import.*] warning at a paragraph: "FILE.docx: đoạn N: cảnh báo: … [import.x]"."""
    where = para.where if para is not None else ""
    return Problem(source, None, code, message, CANH_BAO, where)


def error(source: str, code: str, message: str) -> Problem:
    return Problem(source, None, code, message)
