"""The generic plan for every other plan row: mục đích, yêu cầu; nội dung; tổ chức thực hiện.

Wording: docgen/khung/ke-hoach-chung.yaml (and the frame ke-hoach-con.yaml).
"""

from __future__ import annotations

from ..model import NhomVB, PhuLucVB
from ..vn import roman
from .khung import Ban, P
from .slots import fill


def derive(ban: Ban):
    spec, task = ban.spec, ban.spec.task
    phoi_hop = ", ".join(ban.phoi_hop_names()) or ban.cau("phoi_hop_mac_dinh")
    noi_dung = list(ban.ov.noi_dung) or [P(ban.cho_nhap("", "noi_dung"))]
    values = ban.values.plus(
        nhiem_vu=task.nhiem_vu.rstrip(". "), han="; ".join(line.lstrip("- ") for line in task.thoi_gian.dong()),
        san_pham="; ".join(s.rstrip(".;") for s in task.san_pham), phoi_hop=phoi_hop,
        phoi_hop_hoa=phoi_hop[:1].upper() + phoi_hop[1:], kinh_phi=ban.cho_nhap(ban.ov.kinh_phi, "kinh_phi"))
    body = ban.than(values, {"noi_dung": noi_dung})
    tieu_de = fill(ban.khung.phu_luc.tieu_de, values.plus(trich_yeu_in_hoa=values["trich_yeu"].upper()))
    phu_luc = PhuLucVB(tieu_de=tieu_de, kem_theo="",
                       nhom=(NhomVB(so=roman(spec.nhom_so), ten=spec.nhom.ten, nhiem_vu=ban.dong([(spec.ma, task)])),))
    return ban.van_ban(body, ban.noi_nhan(values) or ban.noi_nhan_chung(), [("nhiem-vu", phu_luc)])
