"""The IT application plan (Kế hoạch ứng dụng CNTT): derived-plans.md §1.3.

Targets: the parent plan's "Hiện đại hóa nền hành chính → Chỉ tiêu" bullets, carried verbatim.
Tasks: every row of the parent's "HIỆN ĐẠI HÓA" area and every row about CNTT, phần mềm, một
cửa điện tử, chữ ký số, dịch vụ công trực tuyến, Cổng/Trang TTĐT or ISO.
"""

from __future__ import annotations

import re

from ..model import NhomVB, PhuLucVB
from ..vn import roman
from .chon import lower_first
from .khung import Ban, G, K, M, P
from .kiem_tra import walk

IT_ROW = re.compile(r"CNTT|công nghệ thông tin|phần mềm|một cửa điện tử|chữ ký số|dịch vụ công trực tuyến|"
                    r"Cổng TTĐT|Trang TTĐT|thông tin điện tử|ISO|HTQLCL|Phòng họp không giấy", re.IGNORECASE)
AREA = re.compile(r"hiện đại hóa", re.IGNORECASE)


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
    """The "Chỉ tiêu" bullets under "Hiện đại hóa nền hành chính", verbatim."""
    return _items_under(project, "chỉ tiêu")


def solutions(project) -> list[str]:
    return _items_under(project, "nhiệm vụ")


def it_rows(project):
    return [(ma, g, t) for ma, g, t in project.phu_luc.tasks()
            if AREA.search(g.ten) or IT_ROW.search(t.nhiem_vu)]


def derive(ban: Ban):
    project, t = ban.project, ban.cho.text
    chi_tieu = targets(project)
    if not chi_tieu:
        ban.error(("nhiem_vu",), "derive.no-target",
                  "Kế hoạch (ke-hoach.yaml) không có mục \"Hiện đại hóa nền hành chính\" với điểm \"Chỉ tiêu\"")
    rows = it_rows(project)
    can_cu = [G(f"{ban.nguon.trich_dan} {lower_first(' '.join(project.quyet_dinh.trich_yeu.split()))}.")]
    can_cu += [G(c) for c in ban.ov.can_cu] or [G(t("", "kế hoạch ứng dụng CNTT năm " + str(ban.nam)
                                                    + " của UBND tỉnh (số, ngày)", "can_cu"))]
    nhiem_vu = [G(f"{task.nhiem_vu.rstrip('. ')} (chủ trì: {ban.ten(task.chu_tri)}; thời gian: "
                  f"{'; '.join(l.lstrip('- ') for l in task.thoi_gian.dong())}).") for ma, g, task in rows]
    body = [
        M("CĂN CỨ LẬP KẾ HOẠCH", *can_cu),
        M("MỤC TIÊU",
          K("Mục tiêu tổng quát",
            P("Đẩy mạnh ứng dụng công nghệ thông tin trong hoạt động của cơ quan nhà nước, nâng cao hiệu quả chỉ "
              "đạo, điều hành và chất lượng phục vụ người dân, doanh nghiệp, góp phần hiện đại hóa nền hành chính.")),
          K("Mục tiêu cụ thể", *[G(c) for c in chi_tieu])),
        M("NHIỆM VỤ VÀ GIẢI PHÁP",
          K("Nhiệm vụ trọng tâm (chi tiết tại Phụ lục kèm theo)", *nhiem_vu),
          K("Giải pháp", *[G(s) for s in solutions(project)] or [P("Theo Kế hoạch cải cách hành chính.")])),
        M("KINH PHÍ", P(t(ban.ov.kinh_phi, "kinh phí thực hiện (nguồn, số tiền)", "kinh_phi"))),
        M("TỔ CHỨC THỰC HIỆN",
          K(ban.lead.ten, G(f"Chủ trì, hướng dẫn, đôn đốc, theo dõi, tổng hợp, báo cáo {ban.ubnd_ngan} kết quả "
                            "thực hiện Kế hoạch.")),
          K("Văn phòng HĐND và UBND", G("Chủ trì các hệ thống thông tin nội bộ, một cửa điện tử, Phòng họp "
                                        "không giấy theo nhiệm vụ được giao.")),
          K("Phòng Tài chính - Kế hoạch", G("Tham mưu bố trí kinh phí thực hiện Kế hoạch.")),
          K("Phòng Nội vụ", G("Gắn kết quả ứng dụng công nghệ thông tin với đánh giá cải cách hành chính.")),
          K("Các cơ quan, đơn vị và UBND các xã, phường",
            G("Triển khai các nhiệm vụ được giao; báo cáo kết quả định kỳ."))),
    ]
    groups = []
    for group in project.phu_luc.nhom:
        sel = [(ma, task) for ma, g, task in rows if g is group]
        if sel:
            groups.append(NhomVB(so=roman(len(groups) + 1), ten=group.ten, nhiem_vu=ban.dong(sel)))
    phu_luc = PhuLucVB(tieu_de=f"DANH MỤC NHIỆM VỤ ỨNG DỤNG CÔNG NGHỆ THÔNG TIN NĂM {ban.nam}", kem_theo="",
                       nhom=tuple(groups))
    cap = ban.ubnd_ngan.split(" ", 1)[-1]
    noi_nhan = ["Sở Thông tin và Truyền thông (b/c)", f"{ban.thi_uy()}, TT HĐND {cap}",
                f"CT, các PCT {ban.ubnd_ngan}", f"Các phòng, ban, đơn vị thuộc {ban.ubnd_ngan}",
                "UBND các xã, phường"]
    return ban.van_ban(body, noi_nhan, [("nhiem-vu", phu_luc)] if groups else [])
