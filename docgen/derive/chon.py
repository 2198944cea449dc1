"""Which appendix rows are plans, of which kind, for which agency; names and slugs.

Pure functions over the validated project (no YAML, DOCX or click here).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ..model import NhiemVu, NhomNhiemVu, Project
from ..model.phu_luc import hang_goc, nhom_goc
from .names import windows_safe

KINDS = ("kiem_tra", "tuyen_truyen", "cntt", "chung")
KIND_FILE = {"kiem_tra": "kiem-tra", "tuyen_truyen": "tuyen-truyen", "cntt": "ung-dung-cntt"}
KIND_NAME = {"kiem_tra": "kế hoạch kiểm tra", "tuyen_truyen": "kế hoạch thông tin, tuyên truyền",
             "cntt": "kế hoạch ứng dụng công nghệ thông tin", "chung": "kế hoạch"}

# Abbreviations of the appendix written out in a trích yếu (Decree 30 titles avoid them).
_EXPAND = (("CCHC", "cải cách hành chính"), ("TTHC", "thủ tục hành chính"),
           ("QPPL", "quy phạm pháp luật"), ("TTĐT", "thông tin điện tử"),
           ("CNTT", "công nghệ thông tin"))


@dataclass(frozen=True)
class KeHoachCon:
    """One derived plan: the parent row it comes from and how it is drafted."""

    ma: str                  # parent row id, "I.2"
    nhom_so: int             # 1-based area number in the parent appendix
    nhom: NhomNhiemVu
    task: NhiemVu
    kind: str                # kiem_tra | tuyen_truyen | cntt | chung
    chu_tri: str             # lead agency key
    slug: str                # file name without ".docx"
    agency_slug: str         # folder name

    @property
    def duong_dan(self) -> str:
        return f"ke-hoach-con/{self.agency_slug}/{self.slug}.docx"


def slug(text: str, max_words: int | None = None) -> str:
    """ASCII file-name slug: diacritics stripped (đ -> d), lowercase, words joined by "-"."""
    text = text.replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    words = re.findall(r"[a-z0-9]+", text)
    if max_words:
        words = words[:max_words]
    return windows_safe("-".join(words) or "x")


def is_plan(task: NhiemVu) -> bool:
    """A row whose product is a plan (or a đề án), or whose text says "Ban hành/Xây dựng Kế hoạch"."""
    if any(re.search(r"\b(kế hoạch|đề án)\b", s, re.IGNORECASE) for s in task.san_pham):
        return True
    return bool(re.match(r"(ban hành|xây dựng) kế hoạch", task.nhiem_vu, re.IGNORECASE))


def is_parent_plan(project: Project, task: NhiemVu) -> bool:
    """The row that issues the parent plan itself ("Ban hành Kế hoạch CCHC năm 2021")."""
    core = _core_title(task.nhiem_vu)
    if not core:
        return False
    unit = project.don_vi.co_quan_ban_hanh.ten_ngan.split(" ", 1)[-1]   # "thị xã Hoài Nhơn"
    parent = _norm(project.ke_hoach.trich_yeu).replace(" " + _norm(unit), "")
    return _norm(_expand(core)) == parent


def kind_of(task: NhiemVu) -> str:
    t = _norm(task.nhiem_vu)
    if re.search(r"kiểm tra công tác (cchc|cải cách hành chính)", t):
        return "kiem_tra"
    # "thông tin, tuyên truyền về CCHC" (Hoài Nhơn), "tuyên truyền công tác cải cách hành chính" (ld09)
    if "thông tin, tuyên truyền" in t or re.search(r"tuyên truyền (?:công tác |về )?(?:cchc|cải cách hành chính)", t):
        return "tuyen_truyen"
    # "ứng dụng CNTT" (NQ 30c), "kế hoạch chuyển đổi số" (ld09 VI.1, NQ 76 and after)
    if "ứng dụng công nghệ thông tin" in t or "ứng dụng cntt" in t or "kế hoạch chuyển đổi số" in t:
        return "cntt"
    return "chung"


def nam_ke_hoach(project: Project) -> int:
    """The parent plan's year: its `nam`, "… năm 2021" in its trích yếu, else the issuing year + 1."""
    if project.ke_hoach.nam_dau:   # ke-hoach.yaml `nam` ("2026", or the first year of "2026-2030")
        return project.ke_hoach.nam_dau
    m = re.search(r"năm (\d{4})", project.ke_hoach.trich_yeu)
    return int(m.group(1)) if m else project.ngay_ban_hanh.nam + 1


def _norm(text: str) -> str:
    return " ".join(text.split()).strip(" .;").lower()


def _expand(text: str) -> str:
    for short, full in _EXPAND:
        text = re.sub(rf"\b{short}\b", full, text)
    return text


# "Ban hành Kế hoạch …", "Xây dựng và tổ chức thực hiện kế hoạch …", "Tham mưu ban hành Kế hoạch …" (ld09)
_PLAN_PREFIX = re.compile(r"^(?:tham mưu\s+)?(?:ban hành|xây dựng)(?: và (?:triển khai|tổ chức) thực hiện)?\s+"
                          r"kế hoạch\s+(?:và\s+)?", re.IGNORECASE)


def _core_title(text: str) -> str:
    """The title after "Ban hành/Xây dựng [và triển khai thực hiện] Kế hoạch " ("" when absent)."""
    m = _PLAN_PREFIX.match(text.strip())
    return text.strip()[m.end():] if m else ""


def trich_yeu(task: NhiemVu) -> str:
    """The derived plan's trích yếu: the task without "Ban hành … Kế hoạch", abbreviations written out."""
    core = _core_title(task.nhiem_vu) or task.nhiem_vu
    core = _expand(" ".join(core.split()).rstrip(" .;"))
    return core[:1].upper() + core[1:]


def lower_first(text: str) -> str:
    """Lower-case the first letter unless the first word is an acronym ("CCHC", "UBND")."""
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text


def agency_slug(project: Project, key: str) -> str:
    return slug(project.don_vi.co_quan[key].ten)


def select(project: Project) -> list[KeHoachCon]:
    """Every appendix row whose product is a plan, except the row of the parent plan itself: the
    rows of every task appendix, each row of a task printed over several rows on its own (the
    agency leading that row receives it: its product, deadline, partners)."""
    out: list[KeHoachCon] = []
    used: set[tuple[str, str]] = set()
    rows = list(hang_goc(project.phu_luc_ds))
    for gi, (_, group) in enumerate(nhom_goc(project.phu_luc_ds), 1):
        for ma, task in ((ma, t) for ma, g, t in rows if g is group):  # sub-groups too
            lead = task.chu_tri_chinh
            if not is_plan(task) or is_parent_plan(project, task) or lead is None or project.co_quan(lead).nhom:
                continue        # a group ("UBND các xã, phường, đặc khu") issues no one plan: each member its own
            key = project.key(task.chu_tri_chinh)
            kind = kind_of(task)
            a_slug = agency_slug(project, key)
            name = KIND_FILE.get(kind) or f"{slug(ma)}-{slug(trich_yeu(task), 6)}"
            if (a_slug, name) in used:
                name = f"{slug(ma)}-{name}"
            used.add((a_slug, name))
            out.append(KeHoachCon(ma, gi, group, task, kind, key, name, a_slug))
    return out
