"""Page setup and page numbers (Phụ lục I, Phần I, mục I.1–I.3, I.7)."""
from __future__ import annotations

from docgen.check.docmodel import Section, Table, iter_runs
from docgen.check.docmodel import has_page_field as _has_page_field
from docgen.check.effective import w, wval
from docgen.check.finding import CANH_BAO, rule
from docgen.check.layout import estimated_pages
from docgen.check.rules.ctx import Ctx
from docgen.check.vocab import fmt_mm, fmt_pt

A4 = (11906, 16838)
TOL = 20                                   # twips (about 0.35 mm) for page size rounding
MARGINS = {"top": (1134, 1417, "trên", "20–25"), "bottom": (1134, 1417, "dưới", "20–25"),
           "left": (1701, 1984, "trái", "30–35"), "right": (850, 1134, "phải", "15–20")}


def _size(sec: Section) -> tuple[int, int] | None:
    el = sec.sect_pr.find(w("pgSz"))
    try:
        return int(wval(el, "w")), int(wval(el, "h"))
    except (TypeError, ValueError):
        return None


@rule("nd30.page-size", "Khổ giấy A4", "NĐ 30/2020, Phụ lục I, mục I.1")
def page_size(ctx: Ctx):
    for sec in ctx.model.sections:
        size = _size(sec)
        if size is None:
            continue
        ok = any(abs(size[0] - a) <= TOL and abs(size[1] - b) <= TOL for a, b in (A4, A4[::-1]))
        if not ok:
            found = f"{fmt_mm(size[0])} × {fmt_mm(size[1])} mm"
            yield ctx.find("nd30.page-size", f"mục {sec.index + 1}",
                           f"khổ giấy {found}, Nghị định 30 yêu cầu A4 (210 × 297 mm)",
                           "210 × 297 mm", found)


@rule("nd30.orientation", "Hướng trang", "NĐ 30/2020, Phụ lục I, mục I.2")
def orientation(ctx: Ctx):
    layout = {id(t) for part in ctx.parts for t in (part.header, part.signature_table) if t}
    data_sections = {b.section for b in ctx.model.blocks
                     if isinstance(b, Table) and id(b) not in layout}
    for sec in ctx.model.sections:
        size = _size(sec)
        if size and size[0] > size[1] and sec.index not in data_sections:
            yield ctx.find("nd30.orientation", f"mục {sec.index + 1}",
                           "trang nằm ngang nhưng không có bảng biểu; Nghị định 30 chỉ cho trình "
                           "bày theo chiều rộng khi có bảng, biểu", "chiều dài (dọc)", "chiều rộng")


@rule("nd30.margin", "Lề trang", "NĐ 30/2020, Phụ lục I, mục I.3")
def margins(ctx: Ctx):
    for sec in ctx.model.sections:
        mar = sec.sect_pr.find(w("pgMar"))
        size = _size(sec)
        landscape = bool(size and size[0] > size[1])
        for side, (lo, hi, name, rng) in MARGINS.items():
            try:
                value = abs(int(wval(mar, side)))
            except (TypeError, ValueError):
                continue
            if lo - 1 <= value <= hi + 1:
                continue
            note = (" (trang ngang: Nghị định chưa quy định lề nào là lề đóng gáy, xem nd30 "
                    "§13.3, nên chỉ cảnh báo)") if landscape else ""
            yield ctx.find("nd30.margin", f"mục {sec.index + 1}",
                           f"lề {name} {fmt_mm(value)} mm, Nghị định 30 yêu cầu {rng} mm{note}",
                           f"{rng} mm", f"{fmt_mm(value)} mm", CANH_BAO if landscape else None)


def _header_text(root) -> str:
    return "".join(t.text or "" for t in root.iter(w("t"))) if root is not None else ""


def _page_para_problems(ctx: Ctx, p) -> list[str]:
    out = []
    jc = wval(p.find(f"{w('pPr')}/{w('jc')}"))
    styles = ctx.model.styles
    pid = styles.para_style_id(p)
    jc = jc or styles.paragraph(p, None).jc
    if jc != "center":
        out.append(f"không căn giữa ({jc or 'căn trái'})")
    runs = [styles.run(r, pid, None) for r in iter_runs(p)
            if r.find(w("instrText")) is not None or r.find(w("t")) is not None
            or r.getparent().tag == w("fldSimple")]
    bad = sorted({r.size_pt for r in runs if not 13 <= r.size_pt <= 14})
    if bad:
        out.append("cỡ chữ " + ", ".join(fmt_pt(s) for s in bad) + " pt (yêu cầu 13–14 pt)")
    if any(r.i for r in runs):
        out.append("chữ nghiêng (yêu cầu chữ đứng)")
    fonts = sorted({r.fonts["ascii"] for r in runs if r.fonts["ascii"]
                    and r.fonts["ascii"].lower() != "times new roman"})
    if fonts:
        out.append("phông chữ " + ", ".join(fonts) + " (yêu cầu Times New Roman)")
    return out


def _page_fields(ctx: Ctx, root) -> list:
    """docmodel.has_page_field, once per header/footer part of the document (the rules
    below ask about the same few parts many times)."""
    if root is None:
        return []
    key = ("page-fields", id(root))
    hit = ctx.model.cache.get(key)
    if hit is None or hit[0] is not root:
        hit = ctx.model.cache[key] = (root, _has_page_field(root))
    return hit[1]


def _has_any_number(ctx: Ctx) -> bool:
    return any(_page_fields(ctx, root) for sec in ctx.model.sections
               for root in (*sec.headers.values(), *sec.footers.values()))


@rule("nd30.page-number", "Số trang", "NĐ 30/2020, Phụ lục I, mục I.7")
def page_number(ctx: Ctx):
    """A page number is needed from page 2 on: a one-page document needs none, and "page 1
    shows a number" is only said when a PAGE field exists to show."""
    pages = estimated_pages(ctx.model)
    for sec in ctx.model.sections:
        where = f"đầu trang mục {sec.index + 1}"
        default = sec.headers.get("default")
        paras = _page_fields(ctx, default)
        if not paras and pages > 1 and not _page_fields(ctx, sec.footers.get("default")):
            yield ctx.find("nd30.page-number", where,
                           "không có số trang (trường PAGE) ở giữa phần đầu trang",
                           "trường PAGE, căn giữa, 13–14 pt", "không có")
        for p in paras[:1] if _shown(ctx, sec, "default") else ():
            probs = _page_para_problems(ctx, p)
            if probs:
                yield ctx.find("nd30.page-number", where, "số trang " + "; ".join(probs),
                               "căn giữa, 13–14 pt, chữ đứng, Times New Roman", "; ".join(probs))
        if not (sec.index == 0 or _restarts(sec)) or not _has_any_number(ctx):
            continue
        shown = paras or _page_fields(ctx, sec.footers.get("default"))
        if not sec.title_pg and shown:
            yield ctx.find("nd30.page-number", f"mục {sec.index + 1}",
                           "trang đầu hiện số trang: chưa bật \"trang đầu khác\" (titlePg); "
                           "Nghị định 30 không đánh số trang thứ nhất",
                           "không có số ở trang 1", "có số trang ở trang 1")
        elif sec.title_pg and (_page_fields(ctx, sec.headers.get("first"))
                               or _page_fields(ctx, sec.footers.get("first"))):
            yield ctx.find("nd30.page-number", f"đầu trang đầu mục {sec.index + 1}",
                           "trang thứ nhất có số trang", "không có số ở trang 1", "trường PAGE")


def _shown(ctx: Ctx, sec: Section, kind: str) -> bool:
    """Whether Word prints this header/footer kind at all: "first" only with titlePg, "even"
    only with w:evenAndOddHeaders in the settings and a second page, "default" not when
    titlePg keeps it off the only page of a one-page document."""
    one_page = len(ctx.model.sections) == 1 and estimated_pages(ctx.model) == 1
    if kind == "first":
        return sec.title_pg
    if kind == "default":
        return not (sec.title_pg and one_page)
    if one_page:
        return False
    if kind == "even":
        st = ctx.model.pkg.settings
        el = st.find(w("evenAndOddHeaders")) if st is not None else None
        return el is not None and (wval(el) or "1") not in ("0", "false", "off")
    return True


def _restarts(sec: Section) -> bool:
    el = sec.sect_pr.find(w("pgNumType"))
    return el is not None and wval(el, "start") is not None


@rule("nd30.page-number-footer", "Không đặt số trang ở chân trang", "NĐ 30/2020, Phụ lục I, mục I.7")
def footer_number(ctx: Ctx):
    seen = set()
    for sec in ctx.model.sections:
        for kind, root in sec.footers.items():
            if root is None or id(root) in seen or not _shown(ctx, sec, kind):
                continue
            seen.add(id(root))
            if _page_fields(ctx, root):
                yield ctx.find("nd30.page-number-footer", f"chân trang mục {sec.index + 1}",
                               "số trang đặt ở chân trang; Nghị định 30 yêu cầu đặt ở giữa, "
                               "phần lề trên", "đầu trang, căn giữa", "chân trang")
