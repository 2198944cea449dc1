"""Filling skeleton texts: named slots replaced by plain strings, nothing evaluated.

`fill("về {ubnd} (qua {co_quan_noi_vu})", values)` -> "về UBND thị xã (qua Phòng Nội vụ)".
The slots of every skeleton were checked when it was loaded (docgen.content.khung), so a
missing value here is a role the registry does not declare, reported at don-vi.yaml.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from string import Formatter

from ..errors import DocgenError, Problem
from ..model import Khoi, Project
from ..model.cap import cap_duoi, liet_ke, mo_hinh_cua
from ..model.khung import VAI_TRO, KhoiKhung
from .chon import lower_first, nam_ke_hoach

_FORMATTER = Formatter()
ROLE_NAMES = {"noi_vu": "nội vụ", "tu_phap": "tư pháp", "van_hoa_thong_tin": "văn hóa, thông tin",
              "tai_chinh": "tài chính", "van_phong": "văn phòng"}


class Slots(dict):
    """Slot values of one document. A role slot whose role is not declared is a content problem."""

    def __init__(self, values: dict[str, str], project: Project | None = None):
        super().__init__(values)
        self.project = project

    def __missing__(self, name: str) -> str:
        role = name.removeprefix("co_quan_")
        if role in VAI_TRO and self.project is not None:
            path = Path(self.project.root) / "don-vi.yaml"
            raise DocgenError(Problem(
                str(path), None, "content.missing-role",
                f'chưa khai báo cơ quan giữ vai trò {ROLE_NAMES[role]} (vai_tro: {{{role}: <mã cơ quan>}}); '
                f'câu chữ của khung dùng "{{{name}}}"'))
        raise KeyError(name)

    def plus(self, **more: str) -> Slots:
        """These values and `more` (a document's own slots)."""
        return Slots({**self, **more}, self.project)


@lru_cache(maxsize=4096)
def _parts(text: str) -> tuple[tuple[str, str | None], ...]:
    return tuple((literal, field) for literal, field, _, _ in _FORMATTER.parse(text))


def fill(text: str, values: dict[str, str]) -> str:
    """`text` with every `{slot}` replaced; `{{` / `}}` give literal braces."""
    out = []
    for literal, field in _parts(text):
        out.append(literal)
        if field is not None:
            out.append(values[field])
    return "".join(out)


def fill_blocks(blocks: tuple[KhoiKhung, ...], values: dict[str, str],
                chen: dict[str, list[Khoi]] | None = None) -> tuple[Khoi, ...]:
    """A skeleton body as plan blocks: texts filled, each `chen: name` replaced by `chen[name]`."""
    out: list[Khoi] = []
    for b in blocks:
        if b.kieu == "chen":
            out += (chen or {}).get(b.chen, [])
            continue
        children = fill_blocks(b.noi_dung, values, chen)
        out.append(Khoi(**{b.kieu: fill(b.text, values)}, noi_dung=children))
    return tuple(out)


def mo_hinh_du_an(project: Project) -> str:
    """The period of the project's plan (model.cap.MO_HINH): "ba_cap" or "hai_cap"."""
    return mo_hinh_cua(project.ke_hoach, getattr(project, "quyet_dinh", None))


def don_vi_cap_xa(project: Project) -> str:
    """"xã, phường" / "xã, phường, đặc khu": the kinds of the registry's communes, else those the
    level has in the period (model.cap.CAP_DUOI)."""
    cq = project.don_vi.co_quan_ban_hanh
    kinds = [x.loai for x in project.don_vi.xa_phuong] or list(cap_duoi(cq.cap, mo_hinh_du_an(project)))
    return liet_ke(kinds) or "xã, phường"


def chung(project: Project, trich_dan: str) -> Slots:
    """The slots every skeleton may use (docgen.model.khung.CHUNG), from the registry."""
    cq = project.don_vi.co_quan_ban_hanh
    qd = getattr(project, "quyet_dinh", None)
    values = {
        "nam": str(nam_ke_hoach(project)),
        "cap": cq.cap_ten,
        "ubnd": f"UBND {cq.cap_ten}",
        "co_quan_ban_hanh": cq.ten_ngan,
        "trich_dan": trich_dan,
        "ke_hoach": lower_first(project.ke_hoach.trich_yeu),
        # the decision's title; a plan issued directly is cited "… về <its title>"
        "quyet_dinh": (lower_first(" ".join(qd.trich_yeu.split())) if qd is not None
                       else "về " + lower_first(" ".join(project.ke_hoach.trich_yeu.split()))),
        "don_vi_cap_xa": don_vi_cap_xa(project),
        "ubnd_cac_xa": f"UBND các {don_vi_cap_xa(project)}",
    }
    for role in VAI_TRO:
        holder = project.vai_tro(role)
        if holder is not None:
            values[f"co_quan_{role}"] = holder.ten
    return Slots(values, project)
