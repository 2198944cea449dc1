"""Phụ lục (Phụ lục I, mục III.1; Phụ lục III Mẫu 2.1)."""
from __future__ import annotations

from docgen.check.docmodel import Table
from docgen.check.effective import w, wval
from docgen.check.finding import CANH_BAO, rule
from docgen.check.locate import PHU_LUC
from docgen.check.rules.ctx import Ctx
from docgen.check.rules.header import _style_problems
from docgen.check.vocab import PHU_LUC_RE


def _pl_parts(ctx: Ctx):
    return [p for p in ctx.parts if p.kind == PHU_LUC]


@rule("nd30.phu-luc", "Phụ lục: tiêu đề và dòng kèm theo", "NĐ 30/2020, Phụ lục I, mục III.1")
def phu_luc(ctx: Ctx):
    parts = _pl_parts(ctx)
    for part in parts:
        head = part.phu_luc_head
        probs = []
        m = PHU_LUC_RE.match(head.norm)
        if part.attached_head:
            probs.append(f"văn bản kèm theo bắt đầu bằng \"{head.norm}\", không có dòng "
                         "\"Phụ lục\" (hoặc phần đầu riêng có Quốc hiệu, nd30 §5.12)")
        elif not m and not head.norm.lower().startswith("phụ lục"):
            pass                 # an appended form ("Mẫu số 01"): its own heading is its name
        elif not m:
            probs.append(f"viết \"{head.norm}\" (yêu cầu \"Phụ lục\" hoặc \"Phụ lục I\")")
        elif len(parts) > 1 and not (m.group("num") or "").isalpha():
            probs.append("có từ hai phụ lục trở lên phải đánh số La Mã")
        probs += _style_problems(head, 14, 14, bold=True)
        if probs:
            yield ctx.find("nd30.phu-luc", head, "tiêu đề phụ lục: " + "; ".join(probs),
                           "\"Phụ lục\", đậm, 14 pt, căn giữa", "; ".join(probs))
        for p in part.phu_luc_title:
            probs = _style_problems(p, 13, 14, bold=True)
            yield from ctx.findings("nd30.phu-luc", p, "tên phụ lục", probs, "in hoa, đậm, 13–14 pt, căn giữa")
        kt = part.kem_theo
        if kt is None:
            yield ctx.find("nd30.phu-luc", head, "thiếu dòng \"(Kèm theo … số … ngày … của …)\"",
                           "(Kèm theo …)", "không có")
            continue
        probs = _style_problems(kt, 13, 14, italic=True)
        yield from ctx.findings("nd30.phu-luc", kt, "dòng kèm theo", probs, "nghiêng, 13–14 pt, căn giữa")


def _restarts(sect_pr) -> bool:
    el = sect_pr.find(w("pgNumType"))
    return el is not None and wval(el, "start") is not None


@rule("nd30.phu-luc-page", "Phụ lục: trang mới, đánh số trang riêng", "NĐ 30/2020, Phụ lục I, mục III.1.đ")
def phu_luc_page(ctx: Ctx):
    for part in _pl_parts(ctx):
        head = part.phu_luc_head
        if part.index == 0:
            continue
        paras = ctx.model.paras
        i = paras.index(head)
        prev = paras[i - 1] if i > 0 else None
        section_start = prev is not None and prev.section != head.section
        if not (section_start or head.props.page_break_before or (prev and prev.page_break_in)):
            yield ctx.find("nd30.phu-luc-page", head, "phụ lục không bắt đầu ở trang mới",
                           "ngắt trang hoặc ngắt mục trước phụ lục", "cùng trang với phần trước")
        if not (section_start and _restarts(ctx.model.sections[head.section].sect_pr)):
            yield ctx.find("nd30.phu-luc-page", head, "phụ lục không đánh số trang riêng (cần "
                           "mục (section) riêng, đánh số lại từ 1)", "đánh số lại từ 1",
                           "đánh số tiếp")


@rule("nd30.table-header", "Bảng nhiều trang lặp lại hàng tiêu đề", "thực hành soạn thảo (không có trong NĐ 30)",
      severity=CANH_BAO)
def table_header(ctx: Ctx):
    for part in _pl_parts(ctx):
        for b in part.blocks:
            if isinstance(b, Table) and len(b.cells) > 5 and not b.header_row:
                first = b.cells[0][0][0] if b.cells[0] and b.cells[0][0] else part.phu_luc_head
                yield ctx.find("nd30.table-header", first, "bảng phụ lục nhiều hàng nhưng hàng tiêu "
                               "đề không lặp lại ở đầu mỗi trang (w:tblHeader)",
                               "lặp lại hàng tiêu đề", "không lặp lại")
