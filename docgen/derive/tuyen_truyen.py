"""The propaganda plan (Kế hoạch thông tin, tuyên truyền về CCHC): derived-plans.md §1.2.

Content per area summarises the parent's tasks of that area; the activity table holds the
parent rows about tuyên truyền / phổ biến / quán triệt / "thông tin, tuyên truyền".
"""

from __future__ import annotations

import re

from ..model import NhomVB, PhuLucVB
from ..vn import roman
from .chon import lower_first
from .khung import Ban, G, K, M, P, sentence_case
from .kiem_tra import walk

ACTIVITY = re.compile(r"tuyên truyền|phổ biến|quán triệt", re.IGNORECASE)


def media_unit(ban: Ban) -> str:
    """The media unit: the override, else the parent plan's "Trung tâm Văn hóa …" section title."""
    if ban.ov.co_quan_truyen_thong:
        return ban.ov.co_quan_truyen_thong
    for block in walk(ban.project.ke_hoach.noi_dung):
        if block.kieu == "khoan" and re.match(r"Trung tâm Văn hóa|Đài Truyền thanh", block.text):
            return f"{block.text} {ban.ubnd_ngan.split(' ', 1)[-1]}"
    return ban.cho.text("", "tên đơn vị truyền thông (Trung tâm Văn hóa - Thông tin - Thể thao / Đài Truyền thanh)",
                        "co_quan_truyen_thong")


def activity_rows(project):
    return [(ma, g, t) for ma, g, t in project.phu_luc.tasks() if ACTIVITY.search(t.nhiem_vu)]


def derive(ban: Ban):
    project, t = ban.project, ban.cho.text
    media = media_unit(ban)
    areas = []
    for group in project.phu_luc.nhom:
        tasks = [(ma, task) for ma, g, task in project.phu_luc.tasks() if g is group]
        summary = "; ".join(lower_first(task.nhiem_vu.rstrip(". ")) for _, task in tasks)
        areas.append(G(f"{sentence_case(group.ten)}: {summary}."))
    chi_tieu = [G(c) for c in ban.ov.chi_tieu] or [G(t("", "chỉ tiêu cụ thể (số tin, bài, chuyên mục, pa nô)",
                                                      "chi_tieu"))]
    body = [
        M("MỤC ĐÍCH, YÊU CẦU, ĐỐI TƯỢNG",
          K("Mục đích",
            G("Nâng cao nhận thức, trách nhiệm của cán bộ, công chức, viên chức về cải cách hành chính; giúp người "
              "dân, doanh nghiệp hiểu, giám sát và tham gia công tác cải cách hành chính."),
            G(f"Tuyên truyền đầy đủ, kịp thời Kế hoạch {lower_first(project.ke_hoach.trich_yeu)} ban hành kèm theo "
              f"{ban.nguon.trich_dan}."),
            *chi_tieu),
          K("Yêu cầu",
            G("Nội dung tuyên truyền đúng trọng tâm, hình thức phù hợp với từng đối tượng, thiết thực, tiết kiệm.")),
          K("Đối tượng",
            G("Cán bộ, công chức, viên chức trong các cơ quan hành chính nhà nước của thị xã và các xã, phường."),
            G("Người dân, doanh nghiệp, tổ chức trên địa bàn."))),
        M("NỘI DUNG TUYÊN TRUYỀN",
          K("Các văn bản chỉ đạo về cải cách hành chính",
            G("Chủ trương, chính sách của Đảng, pháp luật của Nhà nước và văn bản chỉ đạo của tỉnh, thị xã về cải "
              "cách hành chính."),
            G(f"Kế hoạch {lower_first(project.ke_hoach.trich_yeu)} và các nhiệm vụ trọng tâm tại Phụ lục kèm theo "
              f"{ban.nguon.trich_dan}.")),
          K("Các nhiệm vụ cải cách hành chính theo từng lĩnh vực", *areas),
          K("Kết quả cải cách hành chính",
            G("Chỉ số cải cách hành chính, chỉ số hài lòng của người dân, doanh nghiệp; gương điển hình, mô hình hay "
              "trong cải cách hành chính."))),
        M("HÌNH THỨC TUYÊN TRUYỀN",
          G(f"Trên Cổng thông tin điện tử thị xã; chuyên mục định kỳ của {media}; đài truyền thanh các xã, phường."),
          G("Pa nô, áp phích, tờ gấp tại Bộ phận tiếp nhận và trả kết quả; niêm yết công khai thủ tục hành chính."),
          G("Lồng ghép trong hội nghị, sinh hoạt cơ quan, đoàn thể, khu phố, thôn.")),
        M("KINH PHÍ", P(t(ban.ov.kinh_phi, "kinh phí thực hiện (nguồn, số tiền)", "kinh_phi"))),
        M("TỔ CHỨC THỰC HIỆN",
          K(ban.lead.ten,
            G(f"Chủ trì, hướng dẫn, theo dõi, đôn đốc thực hiện Kế hoạch; tổng hợp, báo cáo kết quả về "
              f"{ban.ubnd_ngan}.")),
          K("Phòng Nội vụ", G("Phối hợp cung cấp nội dung tuyên truyền về cải cách hành chính.")),
          K(media, G("Xây dựng chuyên đề, chuyên mục, phân công phóng viên theo dõi công tác cải cách hành chính.")),
          K("Các cơ quan, đơn vị thuộc thị xã và UBND các xã, phường",
            G("Tổ chức tuyên truyền, phổ biến, quán triệt tại cơ quan, đơn vị, địa phương; báo cáo kết quả cùng "
              "báo cáo cải cách hành chính định kỳ."))),
    ]
    groups = []
    for group in project.phu_luc.nhom:
        rows = [(ma, task) for ma, g, task in activity_rows(project) if g is group]
        if rows:
            groups.append(NhomVB(so=roman(len(groups) + 1), ten=group.ten, nhiem_vu=ban.dong(rows)))
    phu_luc = PhuLucVB(tieu_de=f"CÁC HOẠT ĐỘNG THÔNG TIN, TUYÊN TRUYỀN VỀ CẢI CÁCH HÀNH CHÍNH NĂM {ban.nam}",
                       kem_theo="", nhom=tuple(groups))
    cap = ban.ubnd_ngan.split(" ", 1)[-1]
    noi_nhan = ["Sở Nội vụ, Sở Thông tin và Truyền thông (b/c)", f"{ban.thi_uy()}, TT HĐND {cap}",
                f"CT, các PCT {ban.ubnd_ngan}", f"UB MTTQVN và các đoàn thể {cap}",
                f"Các phòng, ban, đơn vị thuộc {ban.ubnd_ngan}", media, "UBND các xã, phường"]
    return ban.van_ban(body, noi_nhan, [("hoat-dong", phu_luc)]) if groups else ban.van_ban(body, noi_nhan, [])
