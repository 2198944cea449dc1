"""Signature block and Nơi nhận (Phụ lục I, mục II.7, II.9.b)."""
from __future__ import annotations

import re

from docgen.check.finding import CANH_BAO, rule
from docgen.check.locate import CONG_VAN, PHU_LUC
from docgen.check.rules.ctx import Ctx
from docgen.check.rules.header import _style_problems
from docgen.check.rules.util import all_bold, all_italic, any_bold, size_problem
from docgen.check.vocab import ACADEMIC_RE, AUTHORITY_RE, NOI_NHAN, is_upper

# "- Lưu: VT, TCCB." optionally followed by the drafter code (ô 12), which people also join to
# the unit after its period ("VT, NC.Châu(04b)"): nd30 §13.12, docs/checker-decisions.md
LUU_RE = re.compile(r"^- Lưu: VT(, [^.]+)?\.(\s*\S.*)?$")


def _closing_parts(ctx: Ctx):
    """Parts that must end with a signature and Nơi nhận (not a phụ lục, not a text issued with
    a decision: nd30 §5.12 and §13.10 leave those without)."""
    return [p for p in ctx.parts if p.kind != PHU_LUC and not p.attached and p.quoc_hieu is not None]


@rule("nd30.signature", "Chức vụ, họ tên người ký", "NĐ 30/2020, Phụ lục I, mục II.7")
def signature(ctx: Ctx):
    for part in ctx.parts:
        if part.kind == PHU_LUC:
            continue
        if not part.chuc_vu and part.ho_ten is None:
            if part in _closing_parts(ctx) and part.body:
                yield ctx.find("nd30.signature", part.body[-1],
                               "không tìm thấy khối chữ ký (quyền hạn, chức vụ, họ tên người ký)",
                               "TM./KT./… CHỨC VỤ, họ tên", "không có")
            continue
        for k, p in enumerate(part.chuc_vu):
            probs = _style_problems(p, 13, 14, bold=True)
            if not is_upper(p.text):
                probs.append("không viết in hoa")
            t = p.norm
            if k == 0 and re.match(r"^(TM|KT|TL|TUQ|Q)[./ ]", t) and not AUTHORITY_RE.match(t):
                probs.append("viết sai quyền hạn ký (TM., KT., TL., TUQ., Q. có dấu chấm và "
                             "một khoảng trắng)")
            yield from ctx.findings("nd30.signature", p, "chức vụ người ký", probs, "in hoa, đậm, 13–14 pt, căn giữa")
        p = part.ho_ten
        if p is None:
            continue
        probs = _style_problems(p, 13, 14, bold=True)
        if ACADEMIC_RE.match(p.norm):
            probs.append("có học hàm, học vị trước họ tên")
        yield from ctx.findings("nd30.signature", p, "họ tên người ký", probs, "đậm, 13–14 pt, căn giữa, không học hàm học vị")


_SCRIPT = {"subscript": "chỉ số dưới (subscript)", "superscript": "chỉ số trên (superscript)"}


def _script_problems(p, last: bool) -> list[str]:
    """Text raised or lowered as sub/superscript prints at about 2/3 of its size, below the
    11 pt of ô 9b/ô 12 (docs/checker-decisions.md, decision 21). On the Lưu line it is the
    drafter's code (ô 12), which some offices type as subscript."""
    kinds = sorted({r.props.vert_align for r in p.text_runs if r.props.vert_align})
    what = "ký hiệu người soạn thảo" if last else "có chữ"
    return [f"{what} in {_SCRIPT[k]}, nhỏ hơn 11 pt (yêu cầu 11 pt)" for k in kinds]


def _line_problems(p, last: bool) -> list[str]:
    t = p.text.strip()
    out = []
    bad = size_problem(p, 11, 11)
    if bad:
        out.append(f"cỡ chữ {bad} (yêu cầu 11 pt)")
    out.extend(_script_problems(p, last))
    if any_bold(p):
        out.append("in đậm")
    if not t.startswith("- "):
        out.append("không bắt đầu bằng \"- \"")
    if last:
        if not LUU_RE.match(t):
            out.append("dòng cuối không đúng mẫu \"- Lưu: VT, ….\"")
    elif not t.endswith(";"):
        out.append("không kết thúc bằng \";\"")
    return out


@rule("nd30.noi-nhan", "Nơi nhận", "NĐ 30/2020, Phụ lục I, mục II.9.b")
def noi_nhan(ctx: Ctx):
    for part in _closing_parts(ctx):
        head = part.noi_nhan_head
        if head is None:
            if part.body:
                yield ctx.find("nd30.noi-nhan", part.body[-1], "không có phần \"Nơi nhận:\"",
                               NOI_NHAN, "không có")
            continue
        probs = []
        if head.text.strip() != NOI_NHAN:
            probs.append(f"viết \"{head.text.strip()}\" (yêu cầu \"{NOI_NHAN}\")")
        bad = size_problem(head, 12, 12)
        if bad:
            probs.append(f"cỡ chữ {bad} (yêu cầu 12 pt)")
        if not (all_bold(head) and all_italic(head)):
            probs.append("không in đậm nghiêng")
        if head.props.jc not in (None, "left", "start", "both"):
            probs.append("không căn trái")
        if probs:
            yield ctx.find("nd30.noi-nhan", head, "\"Nơi nhận:\": " + "; ".join(probs),
                           "đậm nghiêng, 12 pt, căn trái", "; ".join(probs))
        for k, p in enumerate(part.noi_nhan):
            probs = _line_problems(p, k == len(part.noi_nhan) - 1)
            if probs:
                yield ctx.find("nd30.noi-nhan", p, "nơi nhận: " + "; ".join(probs),
                               "\"- …;\" 11 pt, dòng cuối \"- Lưu: VT, ….\"", "; ".join(probs))
        if not part.noi_nhan:
            yield ctx.find("nd30.noi-nhan", head, "\"Nơi nhận:\" không có dòng nào, thiếu \"- Lưu: VT, ….\"",
                           "- Lưu: VT, ….", "không có")
        elif part.kind == CONG_VAN and part.noi_nhan[0].norm != "- Như trên;":
            yield ctx.find("nd30.noi-nhan", part.noi_nhan[0], "công văn: dòng đầu nơi nhận nên là "
                           "\"- Như trên;\"", "- Như trên;", part.noi_nhan[0].norm, CANH_BAO)
