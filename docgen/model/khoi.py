"""A node of a plan's body (ke-hoach.yaml `noi_dung`); also the base of a free appendix's blocks."""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import model_validator
from pydantic_core import PydanticCustomError

from .base import Model
from .types import Text

KIEU_KHOI = ("muc", "khoan", "diem", "gach", "doan")


class Khoi(Model):
    """One node of a plan's body. Exactly one of muc/khoan/diem/gach/doan is set.

    In YAML a plain string is a `doan` (body paragraph); headings hold children in noi_dung.
    """

    muc: Text | None = None
    khoan: Text | None = None
    diem: Text | None = None
    gach: Text | None = None
    doan: Text | None = None
    # tieu_de: a numbered heading (bold khoan, italic diem); doan: a numbered body paragraph
    dang: Literal["tieu_de", "doan"] = "tieu_de"
    noi_dung: tuple[Khoi, ...] = ()

    @model_validator(mode="before")
    @classmethod
    def _plain_paragraph(cls, value):
        return {"doan": value} if isinstance(value, (str, int)) and not isinstance(value, bool) else value

    KINDS: ClassVar[tuple[str, ...]] = KIEU_KHOI
    LEAVES: ClassVar[tuple[str, ...]] = ("gach", "doan")    # blocks that hold no noi_dung

    @model_validator(mode="after")
    def _one_kind(self):
        kinds = [k for k in self.KINDS if getattr(self, k) is not None]
        if len(kinds) != 1:
            keys = ", ".join(k for k in self.KINDS if k != "doan")
            raise PydanticCustomError(
                "content.block-kind",
                "mỗi mục phải có đúng một trong các khóa {keys} (hoặc là một đoạn văn)", {"keys": keys})
        if self.noi_dung and kinds[0] in self.LEAVES:
            raise PydanticCustomError("content.block-kind", '"{k}" không có "noi_dung" bên trong', {"k": kinds[0]})
        if self.dang == "doan" and kinds[0] not in ("khoan", "diem"):
            raise PydanticCustomError(
                "content.block-kind", '"dang: doan" (đoạn văn có đánh số) chỉ dùng cho "khoan" và "diem"')
        return self

    @property
    def kieu(self) -> str:
        d = self.__dict__               # the fields (read often: no generator, no getattr)
        for k in self.KINDS:
            if d[k] is not None:
                return k
        raise StopIteration             # (only a model_construct'ed Khoi: as next() would)

    @property
    def text(self) -> str:
        return getattr(self, self.kieu)
