"""The generic skeleton for every other plan row: mục đích, yêu cầu; nội dung; tổ chức thực hiện."""

from __future__ import annotations

from ..model import NhomVB, PhuLucVB
from ..vn import roman
from .chon import lower_first
from .khung import Ban, G, K, M, P


def derive(ban: Ban):
    spec, t = ban.spec, ban.cho.text
    task = spec.task
    phoi_hop = ", ".join(ban.phoi_hop_names()) or "các cơ quan liên quan"
    noi_dung = list(ban.ov.noi_dung) or [P(t("", "nội dung cụ thể của Kế hoạch", "noi_dung"))]
    body = [
        M("MỤC ĐÍCH, YÊU CẦU",
          K("Mục đích",
            G(f"Triển khai thực hiện có hiệu quả nhiệm vụ {spec.ma} \"{task.nhiem_vu.rstrip('. ')}\" tại Phụ lục "
              f"kèm theo {ban.nguon.trich_dan}.")),
          K("Yêu cầu",
            G("Xác định rõ nội dung, tiến độ, sản phẩm và trách nhiệm của từng cơ quan, đơn vị."),
            G(f"Hoàn thành đúng thời hạn: {'; '.join(l.lstrip('- ') for l in task.thoi_gian.dong())}; sản phẩm: "
              f"{'; '.join(s.rstrip('.;') for s in task.san_pham)}."))),
        M("NỘI DUNG", *noi_dung),
        M("TỔ CHỨC THỰC HIỆN",
          K(ban.lead.ten, G(f"Chủ trì tổ chức thực hiện Kế hoạch; tổng hợp, báo cáo {ban.ubnd_ngan} kết quả "
                            "thực hiện.")),
          K(phoi_hop[:1].upper() + phoi_hop[1:],
            G(f"Phối hợp với {ban.lead.ten} thực hiện các nội dung của Kế hoạch theo chức năng, nhiệm vụ.")),
          K("Kinh phí", P(t(ban.ov.kinh_phi, "kinh phí thực hiện (nguồn, số tiền)", "kinh_phi")))),
    ]
    gi = spec.nhom_so
    phu_luc = PhuLucVB(tieu_de=f"NHIỆM VỤ {lower_first(ban.trich_yeu()).upper()}", kem_theo="",
                       nhom=(NhomVB(so=roman(gi), ten=spec.nhom.ten, nhiem_vu=ban.dong([(spec.ma, task)])),))
    return ban.van_ban(body, ban.noi_nhan_chung(), [("nhiem-vu", phu_luc)])
