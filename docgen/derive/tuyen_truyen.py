"""The propaganda plan (Kế hoạch thông tin, tuyên truyền về CCHC): derived-plans.md §1.2.

Content per area summarises the parent's tasks of that area; the activity table holds the
parent rows about tuyên truyền / phổ biến / quán triệt / "thông tin, tuyên truyền".
"""

from __future__ import annotations

import re

from ..model import NhomVB, PhuLucVB
from ..model.phu_luc import hang_goc, nhiem_vu_goc, nhom_goc
from ..vn import roman
from .chon import lower_first
from .khung import Ban, G, sentence_case
from .kiem_tra import walk
from .slots import fill

ACTIVITY = re.compile(r"tuyên truyền|phổ biến|quán triệt", re.IGNORECASE)


def media_unit(ban: Ban) -> str:
    """The media unit: the override, else the parent plan's "Trung tâm Văn hóa …" section title."""
    if ban.ov.co_quan_truyen_thong:
        return ban.ov.co_quan_truyen_thong
    for block in walk(ban.project.ke_hoach.noi_dung):
        if block.kieu == "khoan" and re.match(r"Trung tâm Văn hóa|Đài Truyền thanh", block.text):
            return ban.cau("truyen_thong", ten=block.text)
    return ban.cho_nhap("", "co_quan_truyen_thong")


def activity_rows(project):
    return [(ma, g, t) for ma, g, t in hang_goc(project.phu_luc_ds) if ACTIVITY.search(t.nhiem_vu)]


def derive(ban: Ban):
    project = ban.project
    media = media_unit(ban)
    areas = []
    every = list(nhiem_vu_goc(project.phu_luc_ds))
    for _, group in nhom_goc(project.phu_luc_ds):
        tasks = [(ma, task) for ma, g, task in every if g is group]
        summary = "; ".join(lower_first(task.nhiem_vu.rstrip(". ")) for _, task in tasks)
        areas.append(G(ban.cau("linh_vuc", linh_vuc=sentence_case(group.ten), nhiem_vu=summary)))
    chi_tieu = [G(c) for c in ban.ov.chi_tieu] or [G(ban.cho_nhap("", "chi_tieu"))]
    values = ban.values.plus(truyen_thong=media, kinh_phi=ban.cho_nhap(ban.ov.kinh_phi, "kinh_phi"))
    body = ban.than(values, {"chi_tieu": chi_tieu, "linh_vuc": areas})
    groups = []
    for _, group in nhom_goc(project.phu_luc_ds):
        rows = [(ma, task) for ma, g, task in activity_rows(project) if g is group]
        if rows:
            groups.append(NhomVB(so=roman(len(groups) + 1), ten=group.ten, nhiem_vu=ban.dong(rows)))
    phu_luc = PhuLucVB(tieu_de=fill(ban.khung.phu_luc.tieu_de, values), kem_theo="", nhom=tuple(groups))
    return ban.van_ban(body, ban.noi_nhan(values), [("hoat-dong", phu_luc)] if groups else [])
