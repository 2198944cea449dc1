"""Size, bold, italic, capitals and alignment of each located Decree 30 part (Phụ lục I,
mục II; the component table of nd30 §4). A value out of range goes to the nearest allowed
one (12 pt → 13 pt, 14,5 pt → 14 pt). Capitals are set as formatting (w:caps), never by
retyping the text; text that must become lowercase is left for a person (the checker says so).
"""
from __future__ import annotations

from dataclasses import dataclass

from docgen.check.locate import PHU_LUC
from docgen.check.rules.body import _body_problems, _is_heading, gap_below_so
from docgen.check.vocab import DIEU_RE, fmt_pt, is_upper, norm
from docgen.repair.edit import Fix
from docgen.repair.fmt import (
    clamp,
    set_after,
    set_baseline,
    set_before,
    set_first_line,
    set_jc,
    set_size,
    set_toggle,
)


@dataclass(frozen=True)
class Spec:
    code: str
    lo: float
    hi: float
    bold: bool | None = None
    italic: bool | None = None
    jc: str | None = "center"
    caps: bool = False


QUOC_HIEU = Spec("nd30.quoc-hieu", 12, 13, bold=True)
TIEU_NGU = Spec("nd30.tieu-ngu", 13, 14, bold=True)
CO_QUAN = Spec("nd30.co-quan", 12, 13, caps=True)
SO = Spec("nd30.so", 13, 13, bold=False)
NGAY = Spec("nd30.ngay", 13, 14, italic=True)
TEN_LOAI = Spec("nd30.ten-loai", 13, 14, bold=True, caps=True)
TRICH_YEU = Spec("nd30.trich-yeu", 13, 14, bold=True)
CAN_CU = Spec("nd30.can-cu", 13, 14, italic=True, jc=None)
CHUC_VU = Spec("nd30.signature", 13, 14, bold=True, caps=True)
HO_TEN = Spec("nd30.signature", 13, 14, bold=True)
NOI_NHAN_HEAD = Spec("nd30.noi-nhan", 12, 12, bold=True, italic=True, jc="left")
NOI_NHAN = Spec("nd30.noi-nhan", 11, 11, bold=False, jc=None)
PL_HEAD = Spec("nd30.phu-luc", 14, 14, bold=True)
PL_TITLE = Spec("nd30.phu-luc", 13, 14, bold=True)
KEM_THEO = Spec("nd30.phu-luc", 13, 14, italic=True)
BODY = Spec("nd30.body", 13, 14, jc=None)


def apply(job, p, spec: Spec, bold: bool | None = None, size: float | None = None) -> None:
    """Bring paragraph `p` (a model Para) to `spec`; `bold` overrides spec.bold; `size` is
    the size for runs out of range (default: the nearest allowed one)."""
    bold = spec.bold if bold is None else bold
    done = []
    runs = p.text_runs

    def target(s: float) -> float:
        return size if size is not None else clamp(s, spec.lo, spec.hi)
    bad = sorted({r.props.size_pt for r in runs if not spec.lo <= r.props.size_pt <= spec.hi})
    if bad:
        targets = sorted({target(s) for s in bad})
        for r in runs:
            if not spec.lo <= r.props.size_pt <= spec.hi:
                set_size(job.ed, r.el, target(r.props.size_pt))
        done.append("cỡ chữ " + ", ".join(fmt_pt(s) for s in bad) + " → "
                    + ", ".join(fmt_pt(s) for s in targets) + " pt")
    for name, want, yes, no in (("b", bold, "in đậm", "bỏ in đậm"),
                                ("i", spec.italic, "in nghiêng", "bỏ in nghiêng")):
        wrong = [r for r in runs if want is not None and getattr(r.props, name) != want]
        for r in wrong:
            set_toggle(job.ed, r.el, name, want)
        if wrong:
            done.append(yes if want else no)
    if spec.caps and not is_upper(p.text) and runs:
        for r in runs:
            if not is_upper(r.text) and not r.props.caps:
                set_toggle(job.ed, r.el, "caps", True)
        done.append("chữ in hoa (định dạng All Caps)")
    if spec.jc and not _jc_ok(p.props.jc, spec.jc):
        set_jc(job.ed, p.el, spec.jc)
        done.append({"center": "căn giữa", "left": "căn trái", "both": "căn đều hai bên"}[spec.jc])
    if done:
        job.add(Fix(p.where, "; ".join(done), spec.code))


def _jc_ok(jc, want: str) -> bool:
    if want == "left":
        return jc in (None, "left", "start", "both")
    return jc == want


def _header(job, part) -> None:
    for p, spec in ((part.quoc_hieu, QUOC_HIEU), (part.tieu_ngu, TIEU_NGU), (part.so, SO),
                    (part.ngay, NGAY), (part.ten_loai, TEN_LOAI)):
        if p is not None:
            apply(job, p, spec)
    bold_seen = False
    for k, p in enumerate(part.co_quan):
        last = k == len(part.co_quan) - 1
        is_bold = bool(p.text_runs) and all(r.props.b for r in p.text_runs)
        apply(job, p, CO_QUAN, bold=True if (last or bold_seen) else None)
        bold_seen |= is_bold or last
    for p in trich_yeu(part):
        apply(job, p, TRICH_YEU)
    for p in part.can_cu:
        apply(job, p, CAN_CU)


def trich_yeu(part) -> list:
    """The located trích yếu lines, less a "Kính gửi:" line (ô 9a) that a tờ trình without
    a summary line puts there: formatting it as a summary would be wrong."""
    if any(norm(p.text).lower().startswith("kính gửi") for p in part.trich_yeu):
        return []
    return part.trich_yeu


def _closing(job, part) -> None:
    for p in part.chuc_vu:
        apply(job, p, CHUC_VU)
    if part.ho_ten is not None and not norm(part.ho_ten.text).startswith(("-", "Nơi nhận")):
        apply(job, part.ho_ten, HO_TEN)
    if part.noi_nhan_head is not None:
        apply(job, part.noi_nhan_head, NOI_NHAN_HEAD)
    for p in part.noi_nhan:
        apply(job, p, NOI_NHAN)
        _on_baseline(job, p, NOI_NHAN.code)


def _on_baseline(job, p, code: str) -> None:
    """Sub- and superscript text of a Nơi nhận line (the drafter code typed as subscript)
    printed on the baseline, at the line's size (decision 21 of docs/checker-decisions.md)."""
    raised = [r for r in p.text_runs if r.props.vert_align]
    for r in raised:
        set_baseline(job.ed, r.el)
    if raised:
        job.add(Fix(p.where, "chữ chỉ số dưới/trên → chữ thường trên dòng", code))


def _vv_gap(job, part) -> None:
    """6 pt between the Số line and the V/v line (Phụ lục I, mục II.5.b): the space after Số
    is raised so that it and the space before V/v reach 6 pt. Not when V/v is typed on the
    Số line after a soft break (moving it to its own paragraph is left to a person)."""
    so, vv = part.so, part.vv
    if so is None or vv is None or vv.el is so.el:
        return
    gap = gap_below_so(job.model.paras, so, vv)
    if gap is None or gap >= 6:
        return
    set_after(job.ed, so.el, 120 - vv.props.before)
    job.add(Fix(vv.where, f"cách dòng số, ký hiệu {fmt_pt(gap)} → 6 pt", "nd30.vv"))


def _phu_luc(job, part) -> None:
    if part.phu_luc_head is not None:
        apply(job, part.phu_luc_head, PL_HEAD)
    for p in part.phu_luc_title:
        apply(job, p, PL_TITLE)
    if part.kem_theo is not None:
        apply(job, part.kem_theo, KEM_THEO if part.kind == PHU_LUC else
              Spec("nd30.phu-luc", 13, 14, italic=True))


def _body_size(part) -> float | None:
    """The size most body runs already have within 13–14 pt: out-of-range runs get it, so
    that the body keeps one size."""
    count: dict[float, int] = {}
    for p in part.body:
        for r in p.text_runs:
            if 13 <= r.props.size_pt <= 14:
                count[r.props.size_pt] = count.get(r.props.size_pt, 0) + len(r.text)
    return max(count, key=count.get) if count else None


def _body(job, part) -> None:
    index = {id(q): k for k, q in enumerate(job.model.paras)}
    size = _body_size(part)
    for p in part.body:
        k = index[id(p)]
        prev = job.model.paras[k - 1] if k > 0 else None
        probs = _body_problems(p, prev)
        if "size" in probs:
            apply(job, p, BODY, size=size)
        m = DIEU_RE.match(norm(p.text))
        if m:
            label: list = []
            _dieu_bold(job, p, len(m.group(0)), label)
            if label:
                job.add(Fix(p.where, label[0], "nd30.dieu"))
        if _is_heading(p) or norm(p.text).lower().startswith("kính gửi"):
            continue
        done = []
        if "jc" in probs:
            set_jc(job.ed, p.el, "both")
            done.append("căn đều hai bên")
        if "indent" in probs:
            cm = p.props.first_line / 567
            new = 720 if abs(cm - 1.27) < abs(cm - 1) else 567
            set_first_line(job.ed, p.el, new)
            done.append(f"thụt đầu dòng {fmt_pt(round(cm, 2))} → {fmt_pt(round(new / 567, 2))} cm")
        if "spacing" in probs:
            set_before(job.ed, p.el, 120)
            done.append("khoảng cách trước đoạn → 6 pt")
        if done:
            job.add(Fix(p.where, "; ".join(done), "nd30.body"))


def _dieu_bold(job, p, n: int, done: list) -> None:
    """"Điều N." in bold: the label is split off into runs of its own when it shares a run
    with the article's title, so that only the label changes."""
    from docgen.repair.edit import split_span
    from docgen.repair.fixes.text import _span
    text = p.raw_text
    start = len(text) - len(text.lstrip())
    pos, bold = 0, True
    for r in p.runs:
        if pos >= start + n:
            break
        if pos + len(r.text) > start and r.text.strip() and not r.props.b:
            bold = False
        pos += len(r.text)
    if bold:
        return
    base = _span(p)[0]                      # the line's place in its w:p
    for r in split_span(p.el, base + start, base + start + n):
        set_toggle(job.ed, r, "b", True)
    done.append("\"Điều N.\" in đậm")


def fix(job) -> None:
    for part in job.parts:
        if part.kind != PHU_LUC and part.quoc_hieu is not None:
            _header(job, part)
            _vv_gap(job, part)
        _closing(job, part)
        _phu_luc(job, part)
        _body(job, part)
