"""The context of the appendix with declared columns (template `phu-luc-cot`).

Column widths are computed from the columns present: each known column has a natural width
(mm, the Hoài Nhơn table's for the first seven); the table is landscape when the natural widths
do not fit the portrait text width (as ld09's seven columns), and the widths are scaled to fill
the text width exactly (twips, the last column takes the rounding).
"""

from __future__ import annotations

from ..model import DongNhiemVu, NhomVB, PhuLucVB
from ..vn.metrics import text_width_mm

TWIPS_PER_MM = 1440 / 25.4
CELL_MM = 108 / TWIPS_PER_MM                  # left/right cell padding (templates/make_templates.py)
PAGE_W, PAGE_H = 11906, 16838                 # A4 in twips (templates/make_templates.py)
TEXT_W = {"doc": 9355, "ngang": 14287}        # text width: portrait, landscape
WIDTH_MM = {"tt": 12, "nhiem_vu": 74, "san_pham": 42, "chu_tri": 34, "phoi_hop": 34, "thoi_gian": 36,
            "ghi_chu": 20, "kinh_phi": 24, "ket_qua": 40, "theo_doi": 30}
AGENCY_TEXT = {"chu_tri", "phoi_hop", "theo_doi", "kinh_phi", "ket_qua", "ghi_chu"}


def _word_mm(header: str) -> float:
    """The width a header needs so that none of its words (12 pt bold) breaks ("STT" in ld09)."""
    return max((text_width_mm(w, 12, bold=True) for w in header.split()), default=0.0) + 2 * CELL_MM + 1


def widths(keys: tuple[str, ...], headers: tuple[str, ...] = ()) -> tuple[bool, list[int]]:
    """(landscape, column widths in twips) for the columns `keys` (with their printed headers):
    the known widths scaled to the text width, a column never narrower than its header's words."""
    headers = headers or ("",) * len(keys)
    least = [_word_mm(h) * TWIPS_PER_MM for h in headers]
    natural = [max(WIDTH_MM[k] * TWIPS_PER_MM, m) for k, m in zip(keys, least)]
    landscape = sum(natural) > TEXT_W["doc"]
    total = TEXT_W["ngang" if landscape else "doc"]
    fixed = [m if m > w * total / sum(natural) else 0 for w, m in zip(natural, least)]
    free = sum(w for w, f in zip(natural, fixed) if not f)
    scaled = [int(f or w * (total - sum(fixed)) / free) for w, f in zip(natural, fixed)]
    scaled[-1] += total - sum(scaled)
    return landscape, scaled


MERGED = ("tt", "nhiem_vu")
"""The cells a task printed over several rows merges vertically (ld09 merges only these two)."""


def _cell(w: int, lines, span: int = 1, can: str = "left", doc: str = "top", gop: str = "") -> dict:
    """`gop`: "" no vertical merge, "dau" the first cell of a merge (w:vMerge restart), "tiep" a
    merged-away cell below it (w:vMerge, printed empty)."""
    return {"w": w, "span": span, "can": can, "doc": doc, "gop": gop,
            "dong": [] if gop == "tiep" else [x for x in lines]}


def _task_lines(key: str, r: DongNhiemVu) -> list[str]:
    if key == "tt":
        return [r.tt]
    if key in ("san_pham", "thoi_gian"):
        return list(getattr(r, key))
    value = getattr(r, key)
    return [value] if value else []


def _rows(groups: tuple[NhomVB, ...], keys, ws) -> list[dict]:
    rows = []
    for g in groups:
        if keys[0] == "tt":
            cells = [_cell(ws[0], [g.so], can="center"), _cell(sum(ws[1:]), [g.ten], span=len(ws) - 1)]
        else:
            cells = [_cell(sum(ws), [f"{g.so}. {g.ten}"], span=len(ws))]
        rows.append({"nhom": True, "o": cells})
        for r in g.nhiem_vu:
            rows.append({"nhom": False, "o": [
                _cell(w, _task_lines(k, r), can="center" if k == "tt" else "left", gop=r.gop if k in MERGED else "")
                for k, w in zip(keys, ws)]})
        rows += _rows(g.nhom, keys, ws)
    return rows


def phu_luc_cot(vb: PhuLucVB) -> dict:
    keys = vb.cot_ma
    landscape, ws = widths(keys, vb.cot)
    page = ({"w": PAGE_H, "h": PAGE_W, "huong": "landscape"} if landscape
            else {"w": PAGE_W, "h": PAGE_H, "huong": "portrait"})
    return {
        "phu_luc_so": vb.phu_luc_so,
        "tieu_de": vb.tieu_de,
        "kem_theo": vb.kem_theo,
        "trang": {**page, "rong": sum(ws)},
        "rong": ws,
        "dau": [{"o": [_cell(w, [h], can="center", doc="center") for w, h in zip(ws, vb.cot)]}],
        "hang": _rows(vb.nhom, keys, ws),
    }
