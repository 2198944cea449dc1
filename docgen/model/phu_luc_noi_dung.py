"""Appendices that are not task tables (schema-13 §C); the articles with clauses are in content.py.

- `PhuLucNoiDung`: an appendix of free content, `noi_dung` a list of blocks: every body block of
  ke-hoach.yaml (muc, khoan, diem, gach, `dang: doan`, plain paragraphs) plus `bang`, a free table
  (free headers, rows of cells printed exactly as written; nothing numbered by docgen).

The row shape of a table (cells, spans counted, against the columns) needs the file's lines: it
is checked in `docgen.content.bang` (`[content.table-shape]` at the row's line).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any, ClassVar, Literal

from pydantic import BeforeValidator, Field, model_validator
from pydantic_core import PydanticCustomError

from .base import Model
from .khoi import KIEU_KHOI, Khoi
from .types import NonBlank, Text

Can = Literal["trai", "giua", "phai", "deu"]
"""Alignment of a column's cells: left, centre, right, justified."""


def _chu(value: Any) -> Any:
    """A YAML number in a cell is printed as `str` (numbers typed as strings are printed as written)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return value


class CotBang(Model):
    """A column of a free table: its header, optional width (mm) and alignment."""

    ten: NonBlank
    rong: float | None = Field(default=None, gt=0)
    can: Can = "giua"

    @model_validator(mode="before")
    @classmethod
    def _plain(cls, value):
        value = _chu(value)
        return {"ten": value} if isinstance(value, str) else value


class O(Model):
    """A cell: its text (`\\n` a line break) and how many columns it spans."""

    ten: Annotated[Text, BeforeValidator(_chu)] = ""
    gop: int = Field(default=1, ge=1)

    @model_validator(mode="before")
    @classmethod
    def _plain(cls, value):
        value = _chu(value)
        return {"ten": value} if isinstance(value, str) or value is None else value

    @property
    def dong(self) -> list[str]:
        return self.ten.split("\n") if self.ten else []


class HangBang(Model):
    """A row: a list of cells, or `{dam: true, o: [...]}` (a bold row, a group row)."""

    dam: bool = False
    o: tuple[O, ...] = Field(min_length=1)

    @model_validator(mode="before")
    @classmethod
    def _plain(cls, value):
        if isinstance(value, (list, tuple)):
            return {"o": value}
        if not isinstance(value, dict) or "o" not in value or not set(value) <= {"dam", "o"}:
            raise PydanticCustomError(
                "content.table-row",
                'mỗi hàng của bảng là một danh sách ô ["…", "…"] hoặc {dam: true, o: ["…", "…"]}')
        return value

    @property
    def so_cot(self) -> int:
        """The columns the row covers (spans counted)."""
        return sum(c.gop for c in self.o)


class Bang(Model):
    """A free table: `cot` its headers in order, `hang` its rows."""

    cot: tuple[CotBang, ...] = Field(min_length=1)
    hang: tuple[HangBang, ...] = Field(min_length=1)


KIEU_KHOI_PL = (*KIEU_KHOI, "bang")


class KhoiPhuLuc(Khoi):
    """A block of a free-content appendix: a plan body block, or a table (`bang`)."""

    bang: Bang | None = None
    noi_dung: tuple[KhoiPhuLuc, ...] = ()

    KINDS: ClassVar[tuple[str, ...]] = KIEU_KHOI_PL
    LEAVES: ClassVar[tuple[str, ...]] = ("gach", "doan", "bang")

    @property
    def text(self) -> str:
        return "" if self.bang is not None else getattr(self, self.kieu)


class PhuLucNoiDung(Model):
    """An appendix of free content (ld07's score tables, ld08's schedule and outline)."""

    tieu_de: NonBlank                            # may hold "\n": one printed line each
    noi_dung: tuple[KhoiPhuLuc, ...] = Field(min_length=1)

    @property
    def tieu_de_dong(self) -> list[str]:
        return [x.strip() for x in self.tieu_de.split("\n") if x.strip()]


def kieu_phu_luc(value: Any) -> str:
    """Which kind of appendix a phu_luc entry is, by its keys: free content has `noi_dung`."""
    if isinstance(value, PhuLucNoiDung) or (isinstance(value, dict) and "noi_dung" in value):
        return "<noi-dung>"
    return "<nhiem-vu>"


@dataclass(frozen=True)
class PhuLucNoiDungVB:
    """A free-content appendix ready to render (template `phu-luc-nd`)."""

    tieu_de: str
    kem_theo: str
    noi_dung: tuple[KhoiPhuLuc, ...]
    phu_luc_so: str = "Phụ lục"
