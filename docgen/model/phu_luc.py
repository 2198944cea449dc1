"""The appendix models (phu-luc.yaml): one appendix or several, declared columns, group levels.

Contract: /work/briefs/schema-11.md §3 and docs/content-shapes.md. Which keys a task may hold
depends on the columns its appendix declares; that check needs the file's lines, so it lives in
`docgen.content.shapes` (a key of an undeclared column is an error at its line).
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BeforeValidator, Discriminator, Field, Tag, model_validator
from pydantic_core import PydanticCustomError

from ..vn.numbering import diem_label, roman
from .base import Model
from .phu_luc_noi_dung import PhuLucNoiDung, kieu_phu_luc
from .types import NonBlank, Text

COT: dict[str, str] = {
    "tt": "TT", "nhiem_vu": "Nhiệm vụ", "san_pham": "Sản phẩm", "chu_tri": "Cơ quan chủ trì",
    "phoi_hop": "Cơ quan phối hợp", "thoi_gian": "Thời gian hoàn thành", "kinh_phi": "Kinh phí",
    "ket_qua": "Kết quả", "ghi_chu": "Ghi chú", "theo_doi": "Theo dõi, kiểm tra, đôn đốc",
}
"""Every known column key and its default header (the first seven: the Hoài Nhơn headers)."""
COT_MAC_DINH = ("tt", "nhiem_vu", "san_pham", "chu_tri", "phoi_hop", "thoi_gian", "ghi_chu")
"""The columns of an appendix that declares none (today's seven)."""
COT_CO_QUAN = ("chu_tri", "phoi_hop", "theo_doi")
"""Columns whose entries are agencies of don-vi.yaml (or `{ghi: …}` free text)."""
BAT_BUOC_MAC_DINH = ("san_pham", "chu_tri", "thoi_gian")
"""Keys every task must have when the appendix declares no columns (as before issue #11)."""


class Cot(Model):
    """A declared column: its key and the header printed for it."""

    ma: str
    tieu_de: NonBlank


def _cot(value: Any) -> Any:
    if isinstance(value, Cot):
        return value
    key, header = value, None
    if isinstance(value, dict) and len(value) == 1:
        key, header = next(iter(value.items()))
    if not isinstance(key, str) or key not in COT:
        raise PydanticCustomError(
            "content.unknown-column", 'không có cột "{c}"; các cột dùng được: {known}',
            {"c": key if isinstance(key, str) else str(value), "known": ", ".join(COT)})
    return {"ma": key, "tieu_de": COT[key] if header is None else header}


CotField = Annotated[Cot, BeforeValidator(_cot)]


class Ghi(Model):
    """An agency cell entry that is not an agency: free text printed as written."""

    ghi: NonBlank


def _one_or_many(value: Any) -> Any:
    """A single entry may be written without the list: `chu_tri: STP` = `chu_tri: [STP]`."""
    return (value,) if isinstance(value, (str, int, dict)) and not isinstance(value, bool) else value


CoQuanRef = NonBlank | Ghi
CoQuanRefs = Annotated[tuple[CoQuanRef, ...], BeforeValidator(_one_or_many)]
Lines = Annotated[tuple[NonBlank, ...], BeforeValidator(_one_or_many)]


class ThoiGian(Model):
    """Thời gian hoàn thành: a plain deadline (`han`) or "Ban hành Kế hoạch: … / Thực hiện: …"."""

    han: Text | None = None
    ban_hanh: Text | None = None
    thuc_hien: Text | None = None

    @model_validator(mode="before")
    @classmethod
    def _plain(cls, value):
        return {"han": value} if isinstance(value, (str, int)) and not isinstance(value, bool) else value

    @model_validator(mode="after")
    def _some(self) -> ThoiGian:
        if not any((self.han, self.ban_hanh, self.thuc_hien)):
            raise PydanticCustomError("content.empty", "thời gian hoàn thành không được để trống")
        if self.han and (self.ban_hanh or self.thuc_hien):
            raise PydanticCustomError(
                "content.block-kind", 'thời gian là một chuỗi, hoặc gồm "ban_hanh" và "thuc_hien", không cả hai'
            )
        return self

    def dong(self) -> list[str]:
        if self.han:
            return [self.han]
        parts = [(p, v) for p, v in (("Ban hành Kế hoạch", self.ban_hanh), ("Thực hiện", self.thuc_hien)) if v]
        if len(parts) == 1:
            return [f"{parts[0][0]}: {parts[0][1]}"]
        return [f"- {p}: {v}" for p, v in parts]

    def text(self) -> str:
        return " ".join(self.dong())


ROW_KEYS = ("san_pham", "chu_tri", "phoi_hop", "thoi_gian", "kinh_phi", "ket_qua", "ghi_chu", "theo_doi")
"""The keys of one printed row of a task (a task holds them directly, or in each of its `dong`)."""


class _Hang(Model):
    """The cells of one printed row: product, lead, partners, deadline, budget, result, note."""

    san_pham: Lines = ()
    chu_tri: CoQuanRefs = ()                     # agency refs (key, name or alias) or {ghi: …}
    phoi_hop: CoQuanRefs = ()
    # a row without a deadline (a column left out) has an empty ThoiGian: dong() == [], text() == ""
    thoi_gian: ThoiGian = Field(default_factory=lambda: ThoiGian.model_construct())
    kinh_phi: Text = ""
    ket_qua: Text = ""
    ghi_chu: Text = ""
    theo_doi: CoQuanRefs = ()

    @property
    def chu_tri_chinh(self) -> str | None:
        """The lead agency reference (the first chủ trì entry that is an agency), None if none."""
        return next((r for r in self.chu_tri if isinstance(r, str)), None)

    def co_quan_refs(self, cot: str) -> tuple[str, ...]:
        """The agency references (not free text) of an agency column."""
        return tuple(r for r in getattr(self, cot) if isinstance(r, str))


class HangNhiemVu(_Hang):
    """One row of a task printed over several rows (`dong`, /work/briefs/schema-13.md §A)."""


class NhiemVu(_Hang):
    """One task: its text and either the row keys directly (one printed row) or `dong`, two or
    more rows under one merged TT + Nhiệm vụ cell. Only `nhiem_vu` is always required; which
    other keys a row may (or, with the default columns, must) hold is checked against its
    appendix's columns (docgen.content.shapes)."""

    nhiem_vu: NonBlank
    dong: tuple[HangNhiemVu, ...] = ()

    @model_validator(mode="before")
    @classmethod
    def _one_form(cls, value):
        if isinstance(value, dict) and "dong" in value:
            both = [k for k in ROW_KEYS if k in value]
            if both:
                raise PydanticCustomError(
                    "content.block-kind",
                    'có cả "{k}" và "dong": một nhiệm vụ ghi các cột ngay dưới nó, hoặc trong "dong" (mỗi '
                    'dòng một hàng của bảng), không cả hai; chuyển "{k}" vào từng dòng của "dong"',
                    {"k": '", "'.join(both)})
            rows = value["dong"]
            if isinstance(rows, list) and len(rows) < 2:
                raise PydanticCustomError(
                    "content.block-kind",
                    'có "dong" với {n} dòng; "dong" dùng cho nhiệm vụ in thành hai dòng trở lên: nhiệm '
                    'vụ một dòng thì ghi các cột ngay dưới "nhiem_vu", không dùng "dong"', {"n": len(rows)})
        return value

    @property
    def hang(self) -> tuple[NhiemVu, ...]:
        """The task's printed rows, each as a one-row task with the task's text: (self,) for a
        one-row task. Derivation reads these: an agency leading any row receives that row."""
        if not self.dong:
            return (self,)
        return tuple(NhiemVu.model_construct(nhiem_vu=self.nhiem_vu, dong=(), **dict(r))
                     for r in self.dong)

    @property
    def chu_tri_chinh(self) -> str | None:
        """The lead agency of the (first) row."""
        return _Hang.chu_tri_chinh.fget(self.hang[0])

    def co_quan_refs(self, cot: str) -> tuple[str, ...]:
        """The agency references (not free text) of an agency column, over every row."""
        return tuple(dict.fromkeys(r for h in self.hang for r in getattr(h, cot) if isinstance(r, str)))


class NhomNhiemVu(Model):
    """A group of tasks, or of sub-groups (never both)."""

    ten: NonBlank
    nhiem_vu: tuple[NhiemVu, ...] = ()
    nhom: tuple[NhomNhiemVu, ...] = ()

    @model_validator(mode="after")
    def _tasks_or_groups(self) -> NhomNhiemVu:
        if bool(self.nhiem_vu) == bool(self.nhom):
            raise PydanticCustomError(
                "content.group-kind",
                'mỗi nhóm có đúng một trong hai: "nhiem_vu" (danh sách nhiệm vụ, không trống) '
                'hoặc "nhom" (các nhóm con)')
        return self


def nhom_label(level: int, n: int) -> str:
    """A group's printed number: I, II at the top, 1, 2 below, a, b below that."""
    return roman(n) if level == 0 else str(n) if level == 1 else diem_label(n - 1).rstrip(")")


class PhuLuc(Model):
    tieu_de: NonBlank
    cot: tuple[CotField, ...] | None = Field(default=None, min_length=1)
    nhom: tuple[NhomNhiemVu, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _columns(self) -> PhuLuc:
        keys = [c.ma for c in self.cot or ()]
        twice = next((k for i, k in enumerate(keys) if k in keys[:i]), None)
        if twice:
            raise PydanticCustomError("content.duplicate", 'cột "{c}" được khai báo hai lần', {"c": twice})
        if self.cot is not None and "nhiem_vu" not in keys:
            raise PydanticCustomError("content.missing", 'danh sách "cot" phải có cột "nhiem_vu"')
        return self

    @property
    def cot_ds(self) -> tuple[Cot, ...]:
        """The columns printed, in order (the default seven when none are declared)."""
        return self.cot or tuple(Cot(ma=k, tieu_de=COT[k]) for k in COT_MAC_DINH)

    def walk(self):
        """Yield (ma, top group, task, loc): loc is the task's path in the file from the appendix."""
        for gi, group in enumerate(self.nhom):
            yield from _walk(group, group, roman(gi + 1), ("nhom", gi))

    def tasks(self):
        """Yield (ma, top group, task): ma is the task id, "I.2" (with sub-groups "I.1.2")."""
        for ma, top, task, _ in self.walk():
            yield ma, top, task


def _walk(group: NhomNhiemVu, top: NhomNhiemVu, ma: str, loc: tuple):
    for ti, task in enumerate(group.nhiem_vu):
        yield f"{ma}.{ti + 1}", top, task, loc + ("nhiem_vu", ti)
    for si, sub in enumerate(group.nhom):
        yield from _walk(sub, top, f"{ma}.{si + 1}", loc + ("nhom", si))


MotPhuLuc = Annotated[Annotated[PhuLuc, Tag("<nhiem-vu>")] | Annotated[PhuLucNoiDung, Tag("<noi-dung>")],
                      Discriminator(kieu_phu_luc)]
"""One appendix, by its keys: a task table (`cot`/`nhom`) or free content (`noi_dung`, schema-13 §C)."""


class PhuLucTep(Model):
    """phu-luc.yaml: one appendix (its keys at the top) or several (`phu_luc: [...]`)."""

    phu_luc: tuple[MotPhuLuc, ...] = Field(min_length=1)

    @model_validator(mode="before")
    @classmethod
    def _one(cls, value):
        if isinstance(value, dict) and "phu_luc" not in value:
            return {"phu_luc": [value]}
        return value

    @property
    def nhieu(self) -> bool:
        return len(self.phu_luc) > 1


# --- what derived and commune plans read: every task appendix, every printed row -------------

def bang_nhiem_vu(ds) -> tuple[tuple[str, PhuLuc], ...]:
    """The task-table appendices of a project (`Project.phu_luc_ds`) with the prefix of their task
    ids: "" for the first, "PL2." for a task table printed as Phụ lục II, and so on, so that every
    id is unique over the project ("I.2", "PL2.I.2"). Appendices of other kinds are skipped."""
    tables = [(n, pl) for n, pl in enumerate(ds, 1) if isinstance(pl, PhuLuc)]
    return tuple(("" if i == 0 else f"PL{n}.", pl) for i, (n, pl) in enumerate(tables))


def nhom_goc(ds) -> tuple[tuple[str, NhomNhiemVu], ...]:
    """Every top-level group (area) of every task appendix, in order, with its id ("I", "PL2.I")."""
    return tuple((f"{pre}{roman(gi)}", g) for pre, pl in bang_nhiem_vu(ds) for gi, g in enumerate(pl.nhom, 1))


def nhiem_vu_goc(ds):
    """Yield (ma, top group, task) over every task appendix (ids as bang_nhiem_vu says)."""
    for pre, pl in bang_nhiem_vu(ds):
        for ma, top, task in pl.tasks():
            yield pre + ma, top, task


def hang_goc(ds):
    """Yield (ma, top group, row) for every printed row of every task: a task printed over several
    rows gives each row as a one-row task with the task's text (NhiemVu.hang), all with its id."""
    for ma, top, task in nhiem_vu_goc(ds):
        for row in task.hang:
            yield ma, top, row
