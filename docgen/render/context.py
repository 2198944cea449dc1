"""Template contexts from documents: every string final, every convention applied here.

The contexts follow docs/architecture.md ("Template contexts").
"""

from __future__ import annotations

from ..model import KeHoachVB, Khoi, NguoiKy, PhuLucVB, QuyetDinhVB
from ..model.cho_nhap import HO_TEN_NGUOI_KY, cho_nhap_text
from ..model.content import CoQuanBanHanh
from ..model.danh_so import numbered
from ..model.phu_luc_noi_dung import PhuLucNoiDungVB
from ..vn import (
    dia_danh_ngay,
    noi_nhan_lines,
    punctuate_run,
    so_line,
    with_end_mark,
)
from ..vn.metrics import line_widths_mm, short_rule_mm
from ..vn.numbering import diem_label
from .bang import bang_context, wide
from .table import PAGE_H, PAGE_W, TEXT_W, phu_luc_cot

# A signer without a name: the one placeholder form of docgen (docgen.model.cho_nhap).
PLACEHOLDER_HO_TEN = cho_nhap_text(HO_TEN_NGUOI_KY)

# Geometry of templates/make_templates.py used to size the short lines (twips, mm, pt)
TWIPS_PER_MM = 1440 / 25.4
CO_QUAN_COL_MM, CO_QUAN_PT, CO_QUAN_LINE_MM = 68 - 2 * 108 / TWIPS_PER_MM, 13, 20
TEXT_MM, TRICH_YEU_PT, TRICH_YEU_LINE_MM = 9355 / TWIPS_PER_MM, 14, 40


def _rule_twips(lines: list[str], size: float, col_mm: float, default_mm: float) -> int:
    """Length in twips of the short line under `lines` (1/3 to 1/2 of the longest)."""
    widths = [w for line in lines for w in line_widths_mm(line, size, True, col_mm)]
    return round(short_rule_mm(widths, default_mm) * TWIPS_PER_MM)


def ke_co_quan(dong_tieu_de: list[str]) -> int:
    """Twips of the line under the issuing body's bold lines (context value `ke_co_quan`)."""
    return _rule_twips(dong_tieu_de, CO_QUAN_PT, CO_QUAN_COL_MM, CO_QUAN_LINE_MM)


def ke_trich_yeu(trich_yeu: str) -> int:
    """Twips of the line under the trích yếu (context value `ke_trich_yeu`)."""
    return _rule_twips([trich_yeu], TRICH_YEU_PT, TEXT_MM, TRICH_YEU_LINE_MM)


def _header(co_quan: CoQuanBanHanh) -> dict:
    return {"co_quan_chu_quan": list(co_quan.chu_quan), "co_quan_ten": list(co_quan.dong_tieu_de),
            "ke_co_quan": ke_co_quan(list(co_quan.dong_tieu_de))}


def nguoi_ky(signer: NguoiKy | None) -> dict | None:
    if signer is None:
        return None
    return {"dong": signer.dong(), "ho_ten": signer.ho_ten or PLACEHOLDER_HO_TEN}


def quyet_dinh(vb: QuyetDinhVB) -> dict:
    qd, cq = vb.quyet_dinh, vb.co_quan
    can_cu = list(qd.can_cu) + ([qd.theo_de_nghi] if qd.theo_de_nghi else [])
    dieu = [_dieu(n, d) for n, d in enumerate(qd.dieu, 1)]
    last = dieu[-1]["khoan"] or [dieu[-1]]
    last[-1]["noi_dung"] = with_end_mark(last[-1]["noi_dung"])
    return {
        **_header(cq),
        "so": so_line(qd.so, "Quyết định", cq.ky_hieu),
        "dia_danh_ngay": dia_danh_ngay(cq.dia_danh, qd.ngay_ban_hanh),
        "ten_loai": "QUYẾT ĐỊNH",
        "trich_yeu": qd.trich_yeu,
        "ke_trich_yeu": ke_trich_yeu(qd.trich_yeu),
        "kem_theo": "",
        "tham_quyen": qd.tham_quyen,
        "can_cu": punctuate_run(can_cu),
        "dieu": dieu,
        "noi_nhan": noi_nhan_lines(list(qd.noi_nhan), qd.luu),
        "nguoi_ky": nguoi_ky(qd.nguoi_ky),
    }


def _dieu(n: int, d) -> dict:
    """An article: "Điều N." and its lead text; its clauses "1. …" and points "a) …" as body
    paragraphs (`khoan`, in reading order; empty for an article without clauses)."""
    if isinstance(d, str):
        return {"so": f"Điều {n}.", "noi_dung": d, "khoan": []}
    khoan = []
    for k, kd in enumerate(d.khoan, 1):
        khoan.append({"noi_dung": f"{k}. {kd.noi_dung}"})
        khoan += [{"noi_dung": f"{diem_label(i)} {t}"} for i, t in enumerate(kd.diem)]
    return {"so": f"Điều {n}.", "noi_dung": d.noi_dung, "khoan": khoan}


def _khoi(block, label: str) -> dict:
    kind, text = block.kieu, block.text
    if kind == "gach":
        return {"kieu": kind, "so": "", "noi_dung": f"- {text}"}
    if block.dang == "doan":
        return {"kieu": "doan", "so": "", "noi_dung": f"{label} {text}"}
    return {"kieu": kind, "so": label, "noi_dung": text}


def flatten(blocks: tuple[Khoi, ...], style: str = "la-ma") -> list[dict]:
    """The plan tree as numbered paragraphs (docgen.model.danh_so): a heading keeps its label in
    "so"; a numbered paragraph (`dang: doan`) is a body paragraph that starts with its label."""
    return [_khoi(block, label) for _, block, label in numbered(blocks, style)]


def ke_hoach(vb: KeHoachVB) -> dict:
    khoi = [{"kieu": "doan", "so": "", "noi_dung": t} for t in vb.mo_dau] + flatten(vb.noi_dung, vb.danh_so)
    if vb.ket_thuc:
        khoi.append({"kieu": "doan", "so": "", "noi_dung": with_end_mark(vb.ket_thuc)})
    elif khoi:
        khoi[-1]["noi_dung"] = with_end_mark(khoi[-1]["noi_dung"])
    has_so = vb.so is not None
    return {
        **_header(vb.co_quan),
        "so": so_line(vb.so, "Kế hoạch", vb.co_quan.ky_hieu) if has_so else "",
        "dia_danh_ngay": dia_danh_ngay(vb.dia_danh or vb.co_quan.dia_danh, vb.ngay) if has_so and vb.ngay else "",
        "ten_loai": "KẾ HOẠCH",
        "trich_yeu": vb.trich_yeu,
        "ke_trich_yeu": ke_trich_yeu(vb.trich_yeu),
        "kem_theo": vb.kem_theo,
        "can_cu": punctuate_run(list(vb.can_cu), last=";") if vb.can_cu else [],
        "khoi": khoi,
        "noi_nhan": noi_nhan_lines(list(vb.noi_nhan), vb.luu) if vb.noi_nhan else [],
        "nguoi_ky": nguoi_ky(vb.nguoi_ky),
    }


def phu_luc(vb: PhuLucVB) -> dict:
    return {
        "phu_luc_so": vb.phu_luc_so,
        "tieu_de": vb.tieu_de,
        "kem_theo": vb.kem_theo,
        "cot": list(vb.cot),
        "nhom": [
            {"so": g.so, "ten": g.ten, "nhiem_vu": [
                {"tt": r.tt, "nhiem_vu": r.nhiem_vu, "san_pham": list(r.san_pham), "chu_tri": r.chu_tri,
                 "phoi_hop": r.phoi_hop, "thoi_gian": list(r.thoi_gian), "ghi_chu": r.ghi_chu}
                for r in g.nhiem_vu]}
            for g in vb.nhom
        ],
    }


def phu_luc_noi_dung(vb: PhuLucNoiDungVB) -> dict:
    """A free-content appendix (template `phu-luc-nd`): its title lines, its blocks numbered as a
    plan body (la-ma), its tables laid out by docgen.render.bang; landscape when a table is wide."""
    blocks = list(numbered(vb.noi_dung))
    landscape = any(wide(b.bang) for _, b, _ in blocks if b.bang is not None)
    total = TEXT_W["ngang" if landscape else "doc"]
    khoi = [{"kieu": "bang", **bang_context(b.bang, total)} if b.bang is not None else _khoi(b, label)
            for _, b, label in blocks]
    for here, after in zip(khoi, khoi[1:] + [None]):
        here["cach"] = here["kieu"] == "bang" and (after is None or after["kieu"] == "bang")
    page = ({"w": PAGE_H, "h": PAGE_W, "huong": "landscape"} if landscape
            else {"w": PAGE_W, "h": PAGE_H, "huong": "portrait"})
    return {
        "phu_luc_so": vb.phu_luc_so,
        "tieu_de": [x.strip() for x in vb.tieu_de.split("\n") if x.strip()],
        "kem_theo": vb.kem_theo,
        "trang": {**page, "rong": total},
        "khoi": khoi,
    }


def context_for(doc) -> dict:
    """The context of any document object (a kind added to the registry may bring its own:
    an object with a `context()` method, docs/architecture.md "add a Báo cáo")."""
    if hasattr(doc, "context"):
        return doc.context()
    if isinstance(doc, QuyetDinhVB):
        return quyet_dinh(doc)
    if isinstance(doc, KeHoachVB):
        return ke_hoach(doc)
    if isinstance(doc, PhuLucVB):
        return phu_luc_cot(doc) if doc.cot_ma is not None else phu_luc(doc)
    if isinstance(doc, PhuLucNoiDungVB):
        return phu_luc_noi_dung(doc)
    raise TypeError(f"no template context for {type(doc).__name__}")
