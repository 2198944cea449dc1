"""The IT application plan (Kế hoạch ứng dụng CNTT): derived-plans.md §1.3.

Targets: the parent plan's "Hiện đại hóa nền hành chính → Chỉ tiêu" bullets, carried verbatim.
Tasks: every row of the parent's "HIỆN ĐẠI HÓA" area and every row about CNTT, phần mềm, một
cửa điện tử, chữ ký số, dịch vụ công trực tuyến, Cổng/Trang TTĐT or ISO.
"""

from __future__ import annotations

import re

from ..model import NhomVB, PhuLucVB
from ..model.phu_luc import hang_goc, nhom_goc
from ..model.trich_dan import o_co_quan
from ..vn import roman
from .khung import Ban, G, P
from .kiem_tra import walk
from .slots import fill

IT_ROW = re.compile(r"CNTT|công nghệ thông tin|phần mềm|một cửa điện tử|chữ ký số|dịch vụ công trực tuyến|"
                    r"Cổng TTĐT|Trang TTĐT|thông tin điện tử|ISO|HTQLCL|Phòng họp không giấy", re.IGNORECASE)
# the area's name: "Hiện đại hóa nền hành chính" (NQ 30c, 2011-2020), "Xây dựng và phát triển Chính
# quyền điện tử, Chính quyền số" (NQ 76/NQ-CP, ld09)
AREA = re.compile(r"hiện đại hóa|chính quyền điện tử|chính quyền số", re.IGNORECASE)


def modern_section(project):
    """The parent plan's "Hiện đại hóa nền hành chính" block (None when absent)."""
    return next((b for b in walk(project.ke_hoach.noi_dung) if b.kieu == "khoan" and AREA.search(b.text)), None)


def _items_under(project, heading: str) -> list[str]:
    """The bullets and paragraphs under the điểm "<heading>…" of the Hiện đại hóa section."""
    sec = modern_section(project)
    if sec is None:
        return []
    diem = next((b for b in sec.noi_dung if b.kieu == "diem" and b.text.lower().startswith(heading)), None)
    return [b.text for b in (diem.noi_dung if diem else ()) if b.kieu in ("gach", "doan")]


def targets(project) -> list[str]:
    """The "Chỉ tiêu" bullets under "Hiện đại hóa nền hành chính", verbatim ("Mục tiêu" in ld09)."""
    return _items_under(project, "chỉ tiêu") or _items_under(project, "mục tiêu")


def solutions(project) -> list[str]:
    return _items_under(project, "nhiệm vụ")


def it_rows(project):
    return [(ma, g, t) for ma, g, t in hang_goc(project.phu_luc_ds)
            if AREA.search(g.ten) or IT_ROW.search(t.nhiem_vu)]


def derive(ban: Ban):
    project = ban.project
    chi_tieu = targets(project)
    if not chi_tieu:
        ban.error(("nhiem_vu",), "derive.no-target",
                  'Kế hoạch (ke-hoach.yaml) không có mục "Hiện đại hóa nền hành chính" (hoặc "Chính quyền điện tử, '
                  'Chính quyền số") với điểm "Chỉ tiêu" (hoặc "Mục tiêu")')
    rows = it_rows(project)
    can_cu = [G(ban.cau("can_cu"))]
    can_cu += [G(c) for c in ban.ov.can_cu] or [G(ban.cho_nhap("", "can_cu"))]
    nhiem_vu = [G(ban.cau("nhiem_vu", nhiem_vu=task.nhiem_vu.rstrip(". "), chu_tri=o_co_quan(project, task.chu_tri),
                          thoi_gian="; ".join(line.lstrip("- ") for line in task.thoi_gian.dong())))
                for ma, g, task in rows]
    values = ban.values.plus(kinh_phi=ban.cho_nhap(ban.ov.kinh_phi, "kinh_phi"))
    body = ban.than(values, {"can_cu": can_cu, "chi_tieu": [G(c) for c in chi_tieu], "nhiem_vu": nhiem_vu,
                             "giai_phap": [G(s) for s in solutions(project)] or [P(ban.cau("giai_phap"))]})
    groups = []
    for _, group in nhom_goc(project.phu_luc_ds):
        sel = [(ma, task) for ma, g, task in rows if g is group]
        if sel:
            groups.append(NhomVB(so=roman(len(groups) + 1), ten=group.ten, nhiem_vu=ban.dong(sel)))
    phu_luc = PhuLucVB(tieu_de=fill(ban.khung.phu_luc.tieu_de, values), kem_theo="", nhom=tuple(groups))
    return ban.van_ban(body, ban.noi_nhan(values), [("nhiem-vu", phu_luc)] if groups else [])
