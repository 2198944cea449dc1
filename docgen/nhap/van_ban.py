"""One located part -> the data of don-vi.yaml, quyet-dinh.yaml or ke-hoach.yaml."""
from __future__ import annotations

import copy
import re

from docgen.check.locate import Part
from docgen.check.vocab import CAN_CU_RE, DIEU_LOOSE
from docgen.nhap import dau, than
from docgen.nhap.kieu import Source, warn

_QUYET_DINH = re.compile(r"^QUYẾT\s*ĐỊNH\s*:?$")
_DIEU = re.compile(r"^Điều\s+\d+\s*[.:]?\s*")
_THEO_DE_NGHI = re.compile(r"^Theo\s+đề\s+nghị", re.I)
_NAM = re.compile(r"(?:năm|giai đoạn)\s+(\d{4})(?:\s*[-–]\s*(\d{4}))?")
_KET_THUC = re.compile(r"^Trên\s+đây\s+là\b", re.I)


def don_vi(src: Source, part: Part, existing: dict | None, problems: list) -> dict:
    """don-vi.yaml: an existing registry as it is, else the issuing body read from the header."""
    if existing:
        return copy.deepcopy(existing)
    place, _ = dau.ngay(part) or ("", "")
    _, ky_hieu = dau.so(part)
    if not part.co_quan:
        problems.append(warn(src.name, part.ten_loai, "import.no-header",
                             "không tìm thấy tên cơ quan ban hành ở phần đầu; hãy sửa "
                             "co_quan_ban_hanh trong don-vi.yaml"))
    cq = dau.co_quan_ban_hanh(part, place, ky_hieu.split("-")[-1] if ky_hieu else "")
    if cq["dong_tieu_de"] and not cq["dong_tieu_de"][0].startswith(dau.UBND):
        problems.append(warn(src.name, part.co_quan[-1], "import.check-name",
                             f'tên cơ quan ban hành ghi là "{cq["ten"]}" (chữ thường suy từ chữ in hoa); '
                             "hãy xem lại ten, ten_ngan trong don-vi.yaml"))
    if not cq["dong_tieu_de"]:
        cq["dong_tieu_de"] = ["[Cần nhập: tên cơ quan]"]
        cq["ten"] = cq["ten_ngan"] = "[Cần nhập: tên cơ quan]"
    if not cq["dia_danh"]:
        cq["dia_danh"] = "[Cần nhập: địa danh]"
    return {"co_quan_ban_hanh": cq, "co_quan": {}}


def _so_ngay(src: Source, part: Part, problems: list) -> dict:
    out = {"so": dau.so(part)[0]}
    found = dau.ngay(part)
    if found is None:
        problems.append(warn(src.name, part.ngay or part.ten_loai, "import.no-date",
                             "không đọc được địa danh, ngày tháng năm ban hành; ghi ngày để trống"))
        out["ngay_ban_hanh"] = "../../2025"
    else:
        out["ngay_ban_hanh"] = found[1]
    return out


def _ky(src: Source, part: Part, out: dict, problems: list) -> None:
    dropped: list[str] = []
    signer = dau.nguoi_ky(part, dropped)
    for text in dropped:
        problems.append(warn(src.name, part.ten_loai, "import.signer-note",
                             f"dòng «{text}» ở ô chữ ký không phải chức vụ hay họ tên; không nhập"))
    if signer is None:
        problems.append(warn(src.name, part.ten_loai, "import.no-signer",
                             "không tìm thấy người ký (ô chữ ký); hãy ghi nguoi_ky"))
        signer = {"chuc_vu": "[Cần nhập: chức vụ]", "ho_ten": ""}
    out["nguoi_ky"] = signer
    lines, luu = dau.noi_nhan(part)
    if not lines:
        problems.append(warn(src.name, part.noi_nhan_head or part.ten_loai, "import.no-noi-nhan",
                             "không tìm thấy Nơi nhận; hãy ghi noi_nhan"))
        lines = ["[Cần nhập: nơi nhận]"]
    out["noi_nhan"] = lines
    out["luu"] = luu or "VT"


def quyet_dinh(src: Source, part: Part, problems: list) -> dict:
    out = _so_ngay(src, part, problems)
    out["trich_yeu"] = dau.joined(part.trich_yeu)
    if part.tham_quyen is None:
        problems.append(warn(src.name, part.ten_loai, "import.no-authority",
                             "không tìm thấy dòng thẩm quyền ban hành (CHỦ TỊCH ỦY BAN NHÂN DÂN …) "
                             "trên căn cứ; hãy ghi tham_quyen"))
    out["tham_quyen"] = part.tham_quyen.norm if part.tham_quyen is not None else "[Cần nhập: thẩm quyền]"
    # "Theo đề nghị …" closes the căn cứ block (Mẫu 1.1): its own key
    theo = next((p for p in part.can_cu if _THEO_DE_NGHI.match(p.norm)), None)
    out["can_cu"] = dau.can_cu([p for p in part.can_cu if p is not theo])
    theo = dau.strip_end(theo.norm) if theo is not None else ""
    body = list(part.body)
    while body and _THEO_DE_NGHI.match(body[0].norm) and not theo:
        theo = dau.strip_end(body.pop(0).norm)
    if theo:
        out["theo_de_nghi"] = theo
    out["dieu"] = dieu(src, body, problems)
    _ky(src, part, out, problems)
    leftovers(src, part, problems)
    return out


def dieu(src: Source, body: list, problems: list) -> list:
    """Articles: "Điều N." stripped; "1." clauses and "a)" points under them (schema-13 §B)."""
    articles: list[dict] = []
    for g in than.group_lines(body):
        text = than.paragraph_text(g)
        if not text:
            continue
        label = src.labels.get(id(g[0].el), "")
        if not articles and _QUYET_DINH.match(text):
            continue
        if DIEU_LOOSE.match(text) or _DIEU.match(text) or (label.startswith("Điều")):
            articles.append({"noi_dung": _DIEU.sub("", text).strip() or text, "khoan": []})
            continue
        if not articles:
            problems.append(warn(src.name, g[0], "import.unplaced",
                                 f"đoạn trước Điều 1 không xếp được vào chỗ nào: «{g[0].excerpt()}»"))
            continue
        kind, _, rest = than.classify(text, label, False)
        art = articles[-1]
        if kind == "khoan":
            art["khoan"].append({"noi_dung": rest, "diem": []})
        elif kind == "diem" and art["khoan"]:
            art["khoan"][-1]["diem"].append(rest)
        elif art["khoan"]:
            last = art["khoan"][-1]
            target = last["diem"] if last["diem"] else None
            if target is not None:
                target[-1] += "\n" + text
            else:
                last["noi_dung"] += "\n" + text
        else:
            art["noi_dung"] += "\n" + text
    out = []
    for art in articles:
        art["noi_dung"] = dau.strip_end(art["noi_dung"], "") if art is articles[-1] else art["noi_dung"]
        if not art["khoan"]:
            out.append(art["noi_dung"])
            continue
        khoan = [k["noi_dung"] if not k["diem"] else {"noi_dung": k["noi_dung"], "diem": k["diem"]}
                 for k in art["khoan"]]
        out.append({"noi_dung": art["noi_dung"], "khoan": khoan})
    if articles and isinstance(out[-1], dict):
        last = out[-1]["khoan"]
        if isinstance(last[-1], str):
            last[-1] = dau.strip_end(last[-1], "")
        else:
            last[-1]["diem"][-1] = dau.strip_end(last[-1]["diem"][-1], "")
    return out


def ke_hoach(src: Source, part: Part, with_decision: bool, problems: list) -> dict:
    out: dict = {} if with_decision else _so_ngay(src, part, problems)
    out["trich_yeu"] = dau.joined(part.trich_yeu)
    nam = _NAM.search(out["trich_yeu"])
    if nam and not with_decision:        # the plan's year (derived plans read it)
        out["nam"] = "-".join(y for y in nam.groups() if y)
    body = list(part.body)
    can_cu = []
    while body and CAN_CU_RE.match(body[0].norm) and body[0].norm.startswith("Căn cứ"):
        can_cu.append(body.pop(0))
    if can_cu:
        out["can_cu"] = dau.can_cu(can_cu)
    items, style = than.read_items(body, src.labels)
    mo_dau = []
    while items and items[0].kind in ("doan",):
        mo_dau.append(items.pop(0).text)
    if mo_dau and items:
        out["mo_dau"] = mo_dau
    elif mo_dau:
        items = [than.Item("doan", t, False, None, 9) for t in mo_dau]
    ket_thuc = ""
    if items and items[-1].kind == "doan" and _KET_THUC.match(items[-1].text):
        ket_thuc = dau.strip_end(items.pop().text, "")
    if style != "la-ma":
        out["danh_so"] = style
    blocks = than.to_blocks(than.tree(items))
    _strip_last(blocks)
    out["noi_dung"] = blocks or ["[Cần nhập: nội dung]"]
    out["ket_thuc"] = ket_thuc
    if not with_decision:
        _ky(src, part, out, problems)
    leftovers(src, part, problems)
    return out


def _strip_last(blocks: list) -> None:
    """docgen ends the last paragraph with "./.": the typed one is dropped."""
    if not blocks:
        return
    last = blocks[-1]
    if isinstance(last, str):
        blocks[-1] = dau.strip_end(last, "")
    elif "noi_dung" in last:
        _strip_last(last["noi_dung"])
    else:
        key = next(k for k in last if k != "dang")
        last[key] = dau.strip_end(last[key], "")


_LOCATED = ("quoc_hieu", "tieu_ngu", "so", "ngay", "vv", "ten_loai", "kem_theo", "tham_quyen",
            "noi_nhan_head", "ho_ten", "phu_luc_head")
_LOCATED_LISTS = ("co_quan", "trich_yeu", "can_cu", "body", "noi_nhan", "chuc_vu", "phu_luc_title")


def leftovers(src: Source, part: Part, problems: list) -> None:
    """What the locator placed nowhere (a paragraph after the signature, "Kính gửi", a table in
    the body) is reported, never dropped silently."""
    from docgen.check.docmodel import Table

    seen = {id(getattr(part, k)) for k in _LOCATED if getattr(part, k) is not None}
    seen |= {id(p) for k in _LOCATED_LISTS for p in getattr(part, k)}
    for b in part.blocks:
        if isinstance(b, Table):
            if b is not part.header and b is not part.signature_table:
                problems.append(warn(src.name, b.cells[0][0][0] if b.cells and b.cells[0] and b.cells[0][0]
                                     else None, "import.table-in-body",
                                     f"bảng {b.index + 1} trong thân văn bản chưa nhập được; hãy chép "
                                     "nội dung của nó vào tệp YAML"))
        elif b.norm and id(b) not in seen:
            problems.append(warn(src.name, b, "import.unplaced",
                                 f"đoạn không xếp được vào phần nào của văn bản: «{b.excerpt()}»"))
