"""Tên loại, trích yếu, căn cứ, body text, Điều headings, the "./." mark (Phụ lục I, mục II.5–6)."""
from __future__ import annotations

import re

from docgen.check.finding import CANH_BAO, rule
from docgen.check.layout import text_lines_mm
from docgen.check.locate import CONG_VAN, PHU_LUC, UNKNOWN
from docgen.check.rules.ctx import Ctx
from docgen.check.rules.header import _style_problems
from docgen.check.rules.lines import line_under
from docgen.check.rules.util import all_bold, all_italic, centered, jc_name, size_problem, sizes
from docgen.check.vocab import (
    CHUONG_RE,
    DIEU_LOOSE,
    DIEU_RE,
    ROMAN_HEAD_RE,
    fmt_pt,
    has_lower,
    is_upper,
)

INDENTS = (567, 720)          # 1 cm, 1.27 cm
INDENT_TOL = 15


def _typed_parts(ctx: Ctx):
    return [p for p in ctx.parts if p.quoc_hieu is not None and p.kind not in (CONG_VAN, PHU_LUC)]


@rule("nd30.ten-loai", "Tên loại văn bản", "NĐ 30/2020, Phụ lục I, mục II.5.a")
def ten_loai(ctx: Ctx):
    for part in _typed_parts(ctx):
        p = part.ten_loai
        if p is None:
            if part.kind == UNKNOWN and part.vv is None:
                yield ctx.find("nd30.ten-loai", part.quoc_hieu,
                               "không tìm thấy tên loại văn bản (ví dụ QUYẾT ĐỊNH, KẾ HOẠCH) dưới "
                               "phần đầu, cũng không có trích yếu \"V/v\" của công văn",
                               "TÊN LOẠI, in hoa, đậm, 13–14 pt", "không có")
            continue
        probs = _style_problems(p, 13, 14, bold=True)
        if not is_upper(p.text):
            probs.append("không viết in hoa")
        yield from ctx.findings("nd30.ten-loai", p, "tên loại", probs, "in hoa, đậm, 13–14 pt, căn giữa")


@rule("nd30.trich-yeu", "Trích yếu nội dung", "NĐ 30/2020, Phụ lục I, mục II.5.a; nd30 §13.1")
def trich_yeu(ctx: Ctx):
    for part in _typed_parts(ctx):
        if part.ten_loai is None:
            continue
        if not part.trich_yeu:
            yield ctx.find("nd30.trich-yeu", part.ten_loai, "không có trích yếu nội dung dưới tên loại",
                           "trích yếu, đậm, 13–14 pt", "không có")
            continue
        caps = next((p for p in part.trich_yeu if not has_lower(p.text)), None)
        for p in part.trich_yeu:
            probs = _style_problems(p, 13, 14, bold=True)
            if p is caps:                 # once per trích yếu, at its first line in capitals
                probs.append("viết in hoa toàn bộ (Nghị định 30 yêu cầu chữ thường, "
                             "Phụ lục I, mục II.5.a)")
            yield from ctx.findings("nd30.trich-yeu", p, "trích yếu", probs, "chữ thường, đậm, 13–14 pt, căn giữa")
        yield from _trich_yeu_line(ctx, part)


def _trich_yeu_line(ctx: Ctx, part):
    last = part.trich_yeu[-1]
    line = line_under(ctx.model, last)
    if line is None and part.kem_theo is not None:
        line = line_under(ctx.model, part.kem_theo)
    if line is None:
        yield ctx.find("nd30.trich-yeu", last, "không có đường kẻ ngang dưới trích yếu",
                       "đường kẻ liền, dài 1/3–1/2 dòng chữ", "không có")
        return
    size = (sizes(last) or [14])[-1]
    # a trích yếu typed in capitals is measured as it is to be written (lower case): its
    # capitals are one finding, not a second one about the line (checker-decisions.md, 14)
    lower = not any(has_lower(q.text) for q in part.trich_yeu)
    width = max(w for q in part.trich_yeu for w in text_lines_mm(
        ctx.model, q, size, True, _sentence_case(q.text) if lower else None))
    if line.length_mm is not None and not 0.3 * width <= line.length_mm <= 0.55 * width:
        yield ctx.find("nd30.trich-yeu", last,
                       f"đường kẻ dưới trích yếu dài {fmt_pt(round(line.length_mm, 1))} mm, dòng chữ "
                       f"dài {fmt_pt(round(width, 1))} mm (yêu cầu 1/3–1/2; điểm chưa quy định rõ, "
                       "nd30 §13.1, nên chỉ cảnh báo)",
                       f"{fmt_pt(round(width / 3, 1))}–{fmt_pt(round(width / 2, 1))} mm",
                       f"{fmt_pt(round(line.length_mm, 1))} mm", CANH_BAO)


def _sentence_case(text: str) -> str:
    t = text.lower()
    k = len(t) - len(t.lstrip())
    return t[:k] + t[k:k + 1].upper() + t[k + 1:]


def gap_below_so(paras: list, so, vv) -> float | None:
    """Points between the Số line and the V/v line under it (Phụ lục I, mục II.5.b: 6 pt), or
    None where it cannot be judged: not in the same cell, text or an empty line between them
    (an empty line is more than 6 pt). Word adds the space after Số and the space before V/v."""
    if so is None or (so.table, so.row, so.col) != (vv.table, vv.row, vv.col):
        return None
    i = next((k for k, q in enumerate(paras) if q is so), None)
    j = next((k for k, q in enumerate(paras) if q is vv), None)
    if i is None or j is None or j != i + 1:
        return None
    if vv.el is so.el:                   # a soft break: the two lines touch
        return 0.0
    return (so.props.after + vv.props.before) / 20


@rule("nd30.vv", "Trích yếu công văn \"V/v\"", "NĐ 30/2020, Phụ lục I, mục II.5.b")
def vv(ctx: Ctx):
    for part in ctx.parts:
        if part.kind != CONG_VAN or part.quoc_hieu is None:
            continue
        p = part.vv
        if p is None:
            yield ctx.find("nd30.vv", part.so or part.quoc_hieu, "công văn không có trích yếu "
                           "\"V/v …\" dưới số, ký hiệu", "V/v …, 12–13 pt, không đậm", "không có")
            continue
        probs = _style_problems(p, 12, 13, bold=False)
        gap = gap_below_so(ctx.model.paras, part.so, p)
        if gap is not None and gap < 6:
            probs.append(f"cách dòng số, ký hiệu {fmt_pt(gap)} pt (yêu cầu 6 pt)")
        yield from ctx.findings("nd30.vv", p, "trích yếu công văn", probs,
                                "12–13 pt, chữ đứng, không đậm, căn giữa dưới số")


@rule("nd30.can-cu", "Căn cứ ban hành", "NĐ 30/2020, Phụ lục I, mục II.6.a")
def can_cu(ctx: Ctx):
    for part in ctx.parts:
        for k, p in enumerate(part.can_cu):
            last = k == len(part.can_cu) - 1
            probs = []
            bad = size_problem(p, 13, 14)
            if bad:
                probs.append(f"cỡ chữ {bad} (yêu cầu 13–14 pt)")
            if not all_italic(p):
                probs.append("không in nghiêng")
            end = p.text.rstrip()[-1:]
            want = "." if last else ";"
            if end != want:
                probs.append(f"kết thúc bằng \"{end}\" (yêu cầu \"{want}\")")
            if probs:
                yield ctx.find("nd30.can-cu", p, "căn cứ: " + "; ".join(probs),
                               f"nghiêng, 13–14 pt, kết thúc \"{want}\"", "; ".join(probs))


def _is_heading(p) -> bool:
    t = p.norm
    return centered(p) or (all_bold(p) and (ROMAN_HEAD_RE.match(t) is not None or len(t) < 80)
                           and not DIEU_RE.match(t))


def _memo(p, key: tuple, fn):
    """fn(p) for a top-level paragraph, remembered with its shape (docmodel: paragraphs
    with the same XML share one memo; for a top-level paragraph these facts depend on
    nothing else, `key` holding what they take from elsewhere)."""
    memo = p.__dict__.get("_memo") if p.table is None else None
    if memo is None:
        return fn(p)
    hit = memo.get(key)
    if hit is None:
        hit = memo[key] = fn(p)
    return hit


def _para_index(ctx: Ctx) -> dict[int, int]:
    """Position of each paragraph in the model, by id, once per document."""
    hit = ctx.model.cache.get(("index",))
    if hit is None:
        hit = ctx.model.cache[("index",)] = {id(q): k for k, q in enumerate(ctx.model.paras)}
    return hit


def _body_problems(p, prev, heading: bool | None = None) -> dict[str, str]:
    """Problem kind -> description, for one body paragraph (`heading`: _is_heading(p), when
    already known)."""
    out = {}
    bad = size_problem(p, 13, 14)
    if bad:
        out["size"] = f"cỡ chữ {bad} (yêu cầu 13–14 pt)"
    if _is_heading(p) if heading is None else heading:
        return out
    if p.props.jc != "both":
        out["jc"] = f"{jc_name(p)} (yêu cầu căn đều hai bên)"
    if p.seg:                      # a line after a soft break: no indent, no paragraph gap
        return out
    fl = p.first_indent
    if not any(abs(fl - v) <= INDENT_TOL for v in INDENTS):
        out["indent"] = f"thụt đầu dòng {fmt_pt(round(fl / 567, 2))} cm (yêu cầu 1 cm hoặc 1,27 cm)"
    gap = max(p.props.before, prev.props.after if prev is not None else 0)
    if gap < 120:
        out["spacing"] = f"khoảng cách đoạn {fmt_pt(gap / 20)} pt (yêu cầu tối thiểu 6 pt)"
    rule_, line = p.props.line_rule, p.props.line
    if rule_ == "auto" and line is not None and not 240 <= line <= 360:
        out["line"] = f"giãn dòng {fmt_pt(round(line / 240, 2))} dòng (yêu cầu từ 1 đến 1,5 dòng)"
    elif rule_ in ("exact", "atLeast") and line is not None:
        out["line-exact"] = (f"giãn dòng cố định {fmt_pt(line / 20)} pt; Nghị định chỉ nói "
                             "\"từ một dòng đến 1,5 dòng\" (nd30 §13.5), nên chỉ cảnh báo")
    return out


@rule("nd30.body", "Trình bày phần nội dung", "NĐ 30/2020, Phụ lục I, mục II.6.b")
def body(ctx: Ctx):
    for part in ctx.parts:
        first: dict[str, tuple] = {}
        count: dict[str, int] = {}
        index = _para_index(ctx)
        heading = {id(p): _memo(p, ("heading",), _is_heading) for p in part.body}
        for p in part.body:
            k = index[id(p)] - p.seg
            prev = ctx.model.paras[k - 1] if k > 0 else None
            h = heading[id(p)]
            found = _memo(p, ("body", prev.props.after if prev is not None else 0, h),
                          lambda p, prev=prev, h=h: _body_problems(p, prev, h))
            for kind, desc in found.items():
                first.setdefault(kind, (p, desc))
                count[kind] = count.get(kind, 0) + 1
        for kind, (p, desc) in first.items():
            more = count[kind] - 1
            msg = "nội dung: " + desc + (f" (và {more} đoạn khác)" if more else "")
            yield ctx.find("nd30.body", p, msg, "13–14 pt, căn đều, thụt 1–1,27 cm, cách đoạn ≥ 6 pt, "
                           "giãn dòng 1–1,5", desc, CANH_BAO if kind == "line-exact" else None)
        plain = {s for p in part.body if not heading[id(p)] for s in sizes(p)}
        if len(plain) > 1:
            yield ctx.find("nd30.body", part.body[0], "nội dung dùng nhiều cỡ chữ khác nhau: "
                           + ", ".join(fmt_pt(s) for s in sorted(plain)) + " pt (nên thống nhất một cỡ)",
                           "một cỡ chữ", ", ".join(fmt_pt(s) for s in sorted(plain)), CANH_BAO)


def _label_bold(p, label: str) -> bool:
    pos = 0
    for r in p.runs:
        if pos >= len(label):
            break
        if r.text.strip() and not r.props.b:
            return False
        pos += len(r.text)
    return True


@rule("nd30.dieu", "Điều", "NĐ 30/2020, Phụ lục I, mục II.6.b; mục V")
def dieu(ctx: Ctx):
    for part in ctx.parts:
        expected = 1
        for p in part.body:
            text = p.norm
            m = DIEU_LOOSE.match(text)
            if not m or p.seg:
                continue
            probs = []
            if not DIEU_RE.match(text):
                probs.append(f"viết \"{m.group(0).strip()}\" (yêu cầu \"Điều {m.group(1)}.\")")
            elif not _label_bold(p, m.group(0)):
                probs.append(f"\"{m.group(0)}\" không in đậm")
            if int(m.group(1)) != expected:
                probs.append(f"số thứ tự {m.group(1)} (tiếp theo phải là {expected})")
            expected = int(m.group(1)) + 1
            if probs:
                yield ctx.find("nd30.dieu", p, "điều: " + "; ".join(probs),
                               "\"Điều N.\" đậm, đánh số liên tục", "; ".join(probs))


@rule("nd30.end-mark", "Dấu kết thúc \"./.\"", "Phụ lục III (các mẫu); nd30 §13.9", severity=CANH_BAO)
def end_mark(ctx: Ctx):
    for part in ctx.parts:
        if part.kind == PHU_LUC or not part.body:
            continue
        last = part.body[-1]
        if not re.search(r"\./\.\s*$", last.text):
            yield ctx.find("nd30.end-mark", last, "đoạn cuối phần nội dung không kết thúc bằng "
                           "\"./.\" (có trong mọi mẫu nhưng không thành quy định, nd30 §13.9)",
                           "./.", last.text.rstrip()[-3:])


_ROMAN = re.compile(r"^[IVXLC]+$")


@rule("nd30.heading", "Phần, chương, mục", "NĐ 30/2020, Phụ lục I, mục II.6.b; mục V")
def heading(ctx: Ctx):
    """"Phần"/"Chương" + Roman number, "Mục" + Arabic number, on a line of their own, the
    title on the next line (nd30 §4, §5.6)."""
    for part in ctx.parts:
        if part.kind == PHU_LUC:
            continue
        for p in part.body:
            t = p.norm
            m = CHUONG_RE.match(t)
            if not m or p.seg or not (all_bold(p) or centered(p)):
                continue
            word, num = m.group(1), m.group(2)
            roman = word.lower() in ("phần", "chương")
            probs = []
            if word.isupper():
                probs.append(f"\"{word}\" viết in hoa (yêu cầu \"{word.capitalize()}\")")
            if roman and not _ROMAN.match(num):
                probs.append(f"đánh số \"{num}\" (yêu cầu số La Mã)")
            if not roman and not num.isdigit():
                probs.append(f"đánh số \"{num}\" (yêu cầu số Ả Rập)")
            if len(t) > len(m.group(0).strip()) + 1:
                probs.append("tên phần, chương, mục viết cùng dòng (yêu cầu dòng riêng bên dưới)")
            yield from ctx.findings("nd30.heading", p, word.lower(), probs,
                                    f"\"{word.capitalize()} I\" dòng riêng, tên ở dòng dưới")
