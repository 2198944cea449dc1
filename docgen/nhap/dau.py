"""The parts around the body of an imported document: the issuing body (header), số ký hiệu,
place and date, trích yếu, căn cứ, signer, Nơi nhận and Lưu, read from a located `Part`."""
from __future__ import annotations

import re

from docgen.check.docmodel import Para
from docgen.check.locate import Part
from docgen.check.vocab import is_upper, norm

_NGAY = re.compile(r"^(?P<dia>[^,]*?)\s*,\s*ngày\s*(?P<d>\d{1,2})?\s*[/\s]*tháng\s*(?P<m>\d{1,2})?"
                   r"\s*[/\s]*năm\s*(?P<y>\d{4})", re.I)
_SO = re.compile(r"^Số\s*:?\s*(?P<so>\d*)\s*/\s*(?P<sym>[^\s]+)")
_HINH_THUC = {"KT": "KT", "TL": "TL", "TUQ": "TUQ", "Q": "Q"}
_CAP = (("THÀNH PHỐ", "thanh_pho"), ("THỊ XÃ", "thi_xa"), ("THỊ TRẤN", "thi_tran"),
        ("ĐẶC KHU", "dac_khu"), ("TỈNH", "tinh"), ("HUYỆN", "huyen"), ("QUẬN", "quan"),
        ("PHƯỜNG", "phuong"), ("XÃ", "xa"))
UBND = "ỦY BAN NHÂN DÂN"


def lines(paras: list[Para]) -> list[str]:
    """The lines of located paragraphs (each soft-break line its own), normalised, non-empty."""
    return [p.norm for p in paras if p.norm]


def joined(paras: list[Para]) -> str:
    """Paragraph lines joined as one text: a new paragraph or a soft break is a "\\n"."""
    return "\n".join(lines(paras))


def strip_end(text: str, marks: str = ";.,") -> str:
    text = text.strip()
    if text.endswith("./."):
        text = text[:-3]
    return text.rstrip(marks).rstrip()


def so(part: Part) -> tuple[str, str]:
    """(the number, "" when blank; the body code after the type abbreviation) of the Số line."""
    if part.so is None:
        return "", ""
    m = _SO.match(part.so.norm)
    if not m:
        return "", ""
    sym = m.group("sym").split("-", 1)
    return m.group("so").lstrip("0") or ("" if not m.group("so") else "0"), sym[1] if len(sym) > 1 else ""


def ngay(part: Part) -> tuple[str, str] | None:
    """(place name, NgayField text "dd/mm/yyyy" with ".." for blank parts) of the date line."""
    if part.ngay is None:
        return None
    m = _NGAY.match(part.ngay.norm)
    if not m:
        return None
    d = f"{int(m.group('d')):02d}" if m.group("d") else ".."
    mo = f"{int(m.group('m')):02d}" if m.group("m") else ".."
    return m.group("dia").strip(), f"{d}/{mo}/{m.group('y')}"


def _cap(level_line: str) -> tuple[str, str]:
    """(cap key, the place name in capitals) of a header line "TỈNH LÂM ĐỒNG"."""
    for word, cap in _CAP:
        if level_line.startswith(word + " "):
            return cap, level_line[len(word) + 1:].strip()
    return "", level_line


def co_quan_ban_hanh(part: Part, dia_danh: str, ky_hieu: str) -> dict:
    """co_quan_ban_hanh of don-vi.yaml from the header lines: regular lines above the bold
    body name are the chủ quản line (kept as written)."""
    paras = [p for p in part.co_quan if p.norm]
    chu_quan, ten_lines = [], []
    for p in paras:
        bold = bool(p.text_runs) and all(r.props.b for r in p.text_runs)
        (ten_lines if bold or ten_lines or p is paras[-1] else chu_quan).append(p.norm)
    if not ten_lines:
        ten_lines, chu_quan = chu_quan, []
    whole = " ".join(ten_lines)
    cap, place = _cap(whole[len(UBND):].strip() if whole.startswith(UBND) else whole)
    place_name = dia_danh if dia_danh and dia_danh.upper() == place else place.title()
    level = next((w for w, c in _CAP if c == cap), "")
    if whole.startswith(UBND):
        tail = f"{level.lower()} {place_name}".strip()
        ten, ten_ngan = f"Ủy ban nhân dân {tail}", f"UBND {tail}"
    else:                     # a body other than a People's Committee: its level is the parent's
        ten = ten_ngan = whole[:1] + whole[1:].lower()
        parent = " ".join(chu_quan)
        for prefix in (UBND, "UBND"):
            if parent.startswith(prefix + " "):
                cap = _cap(parent[len(prefix) + 1:])[0]
    out = {"ten": ten, "ten_ngan": ten_ngan, "dong_tieu_de": ten_lines, "chu_quan": chu_quan,
           "ky_hieu": ky_hieu or "UBND", "dia_danh": dia_danh or place_name}
    if cap:
        out["cap"] = "thanh_pho_tw" if cap == "thanh_pho" and not chu_quan else cap
    return out


def _signer_lines(part: Part) -> tuple[list[str], str]:
    """(title lines, name) of the signature: every line of the signature table outside the
    Nơi nhận column, row by row (a table may put "KT. CHỦ TỊCH" and "PHÓ CHỦ TỊCH" in two rows);
    the located lines when there is no such table."""
    t = part.signature_table
    if t is None:
        return lines(part.chuc_vu), part.ho_ten.norm if part.ho_ten is not None else ""
    nn = part.noi_nhan_head
    nn_col = next((t.grid[ri][ci] if t.grid else ci for ri, row in enumerate(t.cells)
                   for ci, cell in enumerate(row) if nn is not None and nn in cell), None)
    got = [p for ri, row in enumerate(t.cells) for ci, cell in enumerate(row)
           if (t.grid[ri][ci] if t.grid else ci) != nn_col for p in cell
           if p.norm and p not in part.noi_nhan]
    name = next((p.norm for p in reversed(got) if not is_upper(p.norm) and not p.norm.startswith("(")), "")
    return [p.norm for p in got if is_upper(p.norm) or (p.norm.startswith("(") and p.norm != name)], name


def nguoi_ky(part: Part, dropped: list[str] | None = None) -> dict | None:
    """The signer: "TM. …", "KT./TL./TUQ./Q. …", the title, the name; lines in brackets
    ("(Đã ký)", "(Ký, đóng dấu)") are not part of it and go to `dropped`."""
    found, name = _signer_lines(part)
    titles = [t for t in found if not t.startswith("(")]
    if dropped is not None:
        dropped += [t for t in found if t.startswith("(")]
    if not titles and not name:
        return None
    out: dict = {}
    rest = []
    for t in titles:
        m = re.match(r"^(TM|KT|TL|TUQ|Q)\s*\.\s*(.+)$", t)
        if m and m.group(1) == "TM":
            out["thay_mat"] = m.group(2)
        elif m:
            out["hinh_thuc"], out["thu_truong"] = _HINH_THUC[m.group(1)], m.group(2)
        else:
            rest.append(t)
    chuc_vu = " ".join(rest) or out.get("thu_truong", "")
    result = {k: out[k] for k in ("thay_mat", "hinh_thuc", "thu_truong") if k in out}
    result["chuc_vu"] = chuc_vu
    result["ho_ten"] = name
    return result


def noi_nhan(part: Part) -> tuple[list[str], str]:
    """(Nơi nhận lines without "- " and ";", what follows "Lưu:")."""
    out, luu = [], ""
    for t in lines(part.noi_nhan):
        t = re.sub(r"^[-–+•]\s*", "", t)
        m = re.match(r"^Lưu\s*:?\s*(.*)$", t)
        if m:
            luu = strip_end(m.group(1))
        elif t:
            out.append(strip_end(t))
    return out, luu


def can_cu(paras: list[Para]) -> list[str]:
    """Căn cứ lines without their final ";" or "."."""
    return [strip_end(norm(t)) for t in lines(paras)]
