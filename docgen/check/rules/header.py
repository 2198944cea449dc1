"""Header block: Quốc hiệu, Tiêu ngữ, issuing body, Số, place and date (Phụ lục I, mục II.1–4)."""
from __future__ import annotations

import re

from docgen.check.finding import CANH_BAO, rule
from docgen.check.layout import same_line, text_lines_mm
from docgen.check.locate import CONG_VAN, PHU_LUC, Part
from docgen.check.rules.ctx import Ctx
from docgen.check.rules.lines import line_under
from docgen.check.rules.util import (
    all_bold,
    all_italic,
    any_bold,
    centered,
    jc_name,
    size_problem,
    sizes,
    want_size,
)
from docgen.check.vocab import ALL_ABBR, DATE_RE, QUOC_HIEU, SO_RE, TIEU_NGU, fmt_pt, is_upper
from docgen.vn.metrics import text_width_mm


def _header_parts(ctx: Ctx) -> list[Part]:
    return [p for p in ctx.parts if p.kind != PHU_LUC]


def _style_problems(p, lo, hi, bold=None, italic=None, center=True) -> list[str]:
    out = []
    bad = size_problem(p, lo, hi)
    if bad:
        out.append(f"cỡ chữ {bad} (yêu cầu {want_size(lo, hi)})")
    if bold is True and not all_bold(p):
        out.append("không in đậm")
    if bold is False and any_bold(p):
        out.append("in đậm (yêu cầu chữ không đậm)")
    if italic is True and not all_italic(p):
        out.append("không in nghiêng")
    if center and not centered(p):
        out.append(f"{jc_name(p)} (yêu cầu căn giữa)")
    return out


@rule("nd30.header-missing", "Có Quốc hiệu, Tiêu ngữ và phần đầu văn bản", "NĐ 30/2020, Phụ lục I, mục II.1, IV")
def header_missing(ctx: Ctx):
    for part in _header_parts(ctx):
        if part.quoc_hieu is None:
            first = part.first_para
            yield ctx.find("nd30.header-missing", first if first else "đầu văn bản",
                           "không tìm thấy Quốc hiệu \"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\" ở đầu văn "
                           "bản (bảng hai cột: tên cơ quan bên trái, Quốc hiệu và Tiêu ngữ bên phải)",
                           "Quốc hiệu, Tiêu ngữ ở ô bên phải trang đầu", "không có")


@rule("nd30.quoc-hieu", "Quốc hiệu", "NĐ 30/2020, Phụ lục I, mục II.1.a")
def quoc_hieu(ctx: Ctx):
    for part in _header_parts(ctx):
        p = part.quoc_hieu
        if p is None:
            continue
        probs = []
        if p.text.strip() not in QUOC_HIEU:
            probs.append(f"viết \"{p.text.strip()}\" (yêu cầu \"{QUOC_HIEU[0]}\")")
        probs += _style_problems(p, 12, 13, bold=True)
        if part.header is not None and p.col == 1 and len(part.header.cells[p.row - 1]) > 1:
            probs.append("nằm ở ô bên trái (yêu cầu ô bên phải)")
        yield from ctx.findings("nd30.quoc-hieu", p, "Quốc hiệu", probs, "chữ in hoa, đậm, 12–13 pt, căn giữa ô phải")


@rule("nd30.tieu-ngu", "Tiêu ngữ", "NĐ 30/2020, Phụ lục I, mục II.1.b")
def tieu_ngu(ctx: Ctx):
    for part in _header_parts(ctx):
        p = part.tieu_ngu
        if part.quoc_hieu is None:
            continue
        if p is None:
            yield ctx.find("nd30.tieu-ngu", part.quoc_hieu, "không có Tiêu ngữ dưới Quốc hiệu",
                           TIEU_NGU, "không có")
            continue
        probs = []
        if p.text.strip() != TIEU_NGU:
            probs.append(f"viết \"{p.text.strip()}\" (yêu cầu \"{TIEU_NGU}\", gạch nối có cách chữ)")
        probs += _style_problems(p, 13, 14, bold=True)
        yield from ctx.findings("nd30.tieu-ngu", p, "Tiêu ngữ", probs, "đậm, 13–14 pt, căn giữa dưới Quốc hiệu")


@rule("nd30.tieu-ngu-line", "Đường kẻ dưới Tiêu ngữ", "NĐ 30/2020, Phụ lục I, mục II.1.b; nd30 §13.1")
def tieu_ngu_line(ctx: Ctx):
    for part in _header_parts(ctx):
        p = part.tieu_ngu
        if p is None:
            continue
        size = (sizes(p) or [13])[-1]
        width = text_width_mm(p.text.strip(), size, bold=True)
        line = line_under(ctx.model, p, width)
        if line is None:
            yield ctx.find("nd30.tieu-ngu-line", p, "không có đường kẻ ngang dưới Tiêu ngữ",
                           "đường kẻ liền, dài bằng dòng Tiêu ngữ", "không có")
        elif line.length_mm is not None and abs(line.length_mm - width) > 0.15 * width:
            yield ctx.find("nd30.tieu-ngu-line", p,
                           f"đường kẻ dưới Tiêu ngữ dài {fmt_pt(round(line.length_mm, 1))} mm, dòng "
                           f"Tiêu ngữ dài {fmt_pt(round(width, 1))} mm (yêu cầu dài bằng nhau; cách "
                           "kẻ là điểm Nghị định chưa quy định rõ, nd30 §13.1, nên chỉ cảnh báo)",
                           f"{fmt_pt(round(width, 1))} mm", f"{fmt_pt(round(line.length_mm, 1))} mm",
                           CANH_BAO)


@rule("nd30.co-quan", "Tên cơ quan ban hành", "NĐ 30/2020, Phụ lục I, mục II.2")
def co_quan(ctx: Ctx):
    for part in _header_parts(ctx):
        if part.quoc_hieu is None:
            continue
        if not part.co_quan:
            yield ctx.find("nd30.co-quan", part.quoc_hieu, "không có tên cơ quan ban hành (ô 2)",
                           "tên cơ quan, in hoa, đậm, 12–13 pt", "không có")
            continue
        seen_bold = False
        for p in part.co_quan:
            bold = all_bold(p)
            probs = _style_problems(p, 12, 13)
            if not is_upper(p.text):
                probs.append("không viết in hoa")
            if seen_bold and not bold:
                probs.append("dòng tên cơ quan ban hành không in đậm")
            seen_bold |= bold
            if p is part.co_quan[-1] and not bold:
                probs.append("tên cơ quan ban hành không in đậm")
            if probs:
                yield ctx.find("nd30.co-quan", p, "tên cơ quan: " + "; ".join(probs),
                               "in hoa, 12–13 pt, căn giữa; cơ quan chủ quản đứng, cơ quan ban "
                               "hành đậm", "; ".join(probs))


@rule("nd30.co-quan-line", "Đường kẻ dưới tên cơ quan ban hành", "NĐ 30/2020, Phụ lục I, mục II.2; nd30 §13.1")
def co_quan_line(ctx: Ctx):
    for part in _header_parts(ctx):
        if not part.co_quan:
            continue
        last = part.co_quan[-1]
        bold = [q for q in part.co_quan if all_bold(q)] or [last]
        width = max(w for q in bold
                    for w in text_lines_mm(ctx.model, q, (sizes(q) or [13])[-1], True))
        line = line_under(ctx.model, last)
        if line is None:
            yield ctx.find("nd30.co-quan-line", last, "không có đường kẻ ngang dưới tên cơ quan "
                           "ban hành", "đường kẻ liền, dài 1/3–1/2 dòng chữ", "không có")
        elif line.length_mm is not None and not 0.3 * width <= line.length_mm <= 0.55 * width:
            yield ctx.find("nd30.co-quan-line", last,
                           f"đường kẻ dưới tên cơ quan dài {fmt_pt(round(line.length_mm, 1))} mm, "
                           f"dòng chữ dài {fmt_pt(round(width, 1))} mm (yêu cầu 1/3–1/2; điểm chưa "
                           "quy định rõ, nd30 §13.1, nên chỉ cảnh báo)",
                           f"{fmt_pt(round(width / 3, 1))}–{fmt_pt(round(width / 2, 1))} mm",
                           f"{fmt_pt(round(line.length_mm, 1))} mm", CANH_BAO)


def _so_text_problems(part: Part, text: str) -> list[str]:
    m = SO_RE.match(text)
    if not m:
        loose = re.match(r"^Số: *(\d+)/", text)
        if loose and len(loose.group(1)) == 1:
            return ["số nhỏ hơn 10 phải có số 0 ở đầu (01–09)"]
        return ["không đúng mẫu \"Số: 01/QĐ-UBND\" (dấu \":\" sau \"Số\", \"/\" và \"-\" không "
                "có khoảng trắng)"]
    first = m.group("sym").split("-")[0]
    if part.kind == CONG_VAN and first in ALL_ABBR:
        return [f"công văn không dùng chữ viết tắt tên loại \"{first}\""]
    want = part.type_abbr
    if want and first != want:
        return [f"ký hiệu \"{first}\" không khớp tên loại {part.ten_loai.text.strip()} "
                f"(Phụ lục III: {want})"]
    return []


@rule("nd30.so", "Số, ký hiệu", "NĐ 30/2020, Phụ lục I, mục II.3; Phụ lục III")
def so(ctx: Ctx):
    for part in _header_parts(ctx):
        if part.quoc_hieu is None or part.attached:
            continue
        p = part.so
        if p is None:
            yield ctx.find("nd30.so", part.co_quan[-1] if part.co_quan else part.quoc_hieu,
                           "không có dòng \"Số: …/…\" dưới tên cơ quan", "Số: 01/QĐ-UBND", "không có")
            continue
        probs = _so_text_problems(part, p.text.strip())
        probs += _style_problems(p, 13, 13, bold=False)
        yield from ctx.findings("nd30.so", p, "số, ký hiệu", probs, "Số: 01/QĐ-UBND, 13 pt, đứng, căn giữa")


def _date_text(text: str) -> tuple[list[str], list[str]]:
    m = DATE_RE.match(text)
    if not m:
        return ["không đúng mẫu \"Địa danh, ngày 05 tháng 01 năm 2020\""], []
    errors, warnings = [], []
    d, mo = m.group("d").strip(), m.group("m")
    if d and not set(d) <= {".", "…"} and not re.fullmatch(r"0[1-9]|[12]\d|3[01]", d):
        errors.append(f"ngày \"{d}\" (ngày dưới 10 phải có số 0 ở đầu)")
    if mo and not re.fullmatch(r"0[1-9]|[1-9]|1[0-2]", mo) and not set(mo) <= {".", "…"}:
        errors.append(f"tháng \"{mo}\" không hợp lệ")
    elif mo in ("1", "2"):
        errors.append(f"tháng \"{mo}\" (tháng 1, 2 phải viết 01, 02)")
    elif re.fullmatch(r"0[3-9]", mo):
        warnings.append(f"tháng \"{mo}\" có số 0 ở đầu; Nghị định chỉ yêu cầu với tháng 1, 2 và "
                        "các mẫu viết không có số 0 (nd30 §13.4)")
    return errors, warnings


@rule("nd30.ngay", "Địa danh và thời gian ban hành", "NĐ 30/2020, Phụ lục I, mục II.4")
def ngay(ctx: Ctx):
    for part in _header_parts(ctx):
        if part.quoc_hieu is None or part.attached:
            continue
        p = part.ngay
        if p is None:
            yield ctx.find("nd30.ngay", part.tieu_ngu or part.quoc_hieu,
                           "không có dòng địa danh, ngày tháng năm ban hành dưới Tiêu ngữ",
                           "Hoài Nhơn, ngày 05 tháng 01 năm 2021", "không có")
            continue
        errors, warnings = _date_text(p.norm)
        errors += _style_problems(p, 13, 14, italic=True)
        if part.so is not None and part.so.table == p.table and part.so.row != p.row:
            errors.append("không cùng hàng với dòng Số")
        elif part.so is not None and same_line(ctx.model, part.so, p) is False:
            errors.append("không cùng dòng với dòng Số (thấp hơn hoặc cao hơn một dòng)")
        if errors:
            yield ctx.find("nd30.ngay", p, "địa danh, ngày tháng: " + "; ".join(errors),
                           "nghiêng, 13–14 pt, ngày/tháng 1–2 có số 0", "; ".join(errors))
        for msg in warnings:
            yield ctx.find("nd30.ngay", p, msg, "tháng 3–12 không có số 0", msg, CANH_BAO)
