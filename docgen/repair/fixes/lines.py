"""The short lines under the Tiêu ngữ (as long as its text), the issuing body's name and the
trích yếu (1/3–1/2 of the text; Phụ lục I, mục II.1.b, II.2, II.5.a). A missing line is added
as an empty paragraph with a bottom border, its indents giving the length by the rule (the
length is measured with the Times New Roman advance widths, docgen.vn.metrics).

A document that draws its lines as shapes is left alone: where a drawing or VML shape sits in
the header table (or near the trích yếu) docgen cannot tell which shape is the line, and adding
a second one would show twice."""
from __future__ import annotations

from lxml import etree

from docgen.check.effective import w
from docgen.check.rules.lines import container_width_twips, line_under
from docgen.check.rules.util import all_bold, sizes
from docgen.check.vocab import fmt_pt, norm
from docgen.repair.edit import Fix
from docgen.repair.fmt import clamp
from docgen.repair.package import parse_part
from docgen.vn.metrics import text_width_mm

TWIPS_PER_MM = 56.6929
_SHAPES = ("drawing", "pict", "object")
_LINE_P = ('<w:p xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
           '<w:pPr><w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="auto"/></w:pBdr>'
           '<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>'
           '<w:ind w:left="{i}" w:right="{i}"/><w:jc w:val="center"/>'
           '<w:rPr><w:sz w:val="8"/><w:szCs w:val="8"/></w:rPr></w:pPr></w:p>')


def _size(p, lo: float, hi: float, default: float = 13) -> float:
    """The size the text has once the parts fix has run (the model still shows the old one)."""
    return clamp((sizes(p) or [default])[-1], lo, hi)


def _has_shape(el: etree._Element) -> bool:
    return any(True for tag in _SHAPES for _ in el.iter(w(tag)))


def _near_shape(p) -> bool:
    if _has_shape(p.el):
        return True
    for k, sib in enumerate(p.el.itersiblings(w("p"))):
        if k >= 2:
            break
        if _has_shape(sib):
            return True
    return False


def _add_line(job, p, length_mm: float, code: str, label: str) -> None:
    width = container_width_twips(job.model, p)
    if width is None:
        return
    indent = max(0, int(round((width - p.props.left - p.props.right - length_mm * TWIPS_PER_MM)
                              / 2)))
    line = parse_part(_LINE_P.replace("{i}", str(indent)).encode())
    if p.props.left or p.props.right:
        ind = line.find(f"{w('pPr')}/{w('ind')}")
        ind.set(w("left"), str(indent + p.props.left))
        ind.set(w("right"), str(indent + p.props.right))
    if p.table is None:        # in the body: keep the space that followed the text (≥ 6 pt)
        sp = line.find(f"{w('pPr')}/{w('spacing')}")
        sp.set(w("after"), str(max(p.props.after, 120)))
    p.el.addnext(line)
    job.ed.mark_inserted_paragraph(line)
    job.add(Fix(p.where, f"thêm đường kẻ ngang dưới {label}, dài {fmt_pt(round(length_mm, 1))} mm",
                code))


def _border_para(job, p):
    """The text-less paragraph after `p` (at most two on) that draws the line as a border."""
    by_el = {id(q.el): q for q in job.model.paras}
    for k, sib in enumerate(p.el.itersiblings(w("p"))):
        q = by_el.get(id(sib))
        if q is None or q.text.strip() or k >= 2:
            return None
        if q.props.bottom_border or q.props.top_border:
            return q
    return None


def _resize(job, p, lo: float, hi: float, target: float, code: str, label: str) -> None:
    """An existing border line under `p` whose length is out of [lo, hi] mm gets `target`."""
    line = line_under(job.model, p)
    q = _border_para(job, p)
    if line is None or q is None or line.length_mm is None or lo <= line.length_mm <= hi:
        return
    width = container_width_twips(job.model, q)
    if width is None:
        return
    side = max(0, int(round((width - target * TWIPS_PER_MM) / 2)))
    with job.ed.props(q.el, "p") as ppr:
        ind = ppr.get_or_add_ind()
        for attr in ("start", "end", "leftChars", "rightChars"):
            ind.attrib.pop(w(attr), None)
        ind.set(w("left"), str(side))
        ind.set(w("right"), str(side))
    job.add(Fix(p.where, f"đường kẻ dưới {label} {fmt_pt(round(line.length_mm, 1))} → "
                f"{fmt_pt(round(target, 1))} mm", code))


def _tieu_ngu(job, part) -> None:
    p = part.tieu_ngu
    if p is None or part.header is not None and _has_shape(part.header.el) or _near_shape(p):
        return
    width = text_width_mm(p.text.strip(), _size(p, 13, 14), bold=True)
    if line_under(job.model, p, width) is None:
        _add_line(job, p, width, "nd30.tieu-ngu-line", "Tiêu ngữ")
    else:
        _resize(job, p, 0.85 * width, 1.15 * width, width, "nd30.tieu-ngu-line", "Tiêu ngữ")


def _co_quan(job, part) -> None:
    if not part.co_quan or part.header is not None and _has_shape(part.header.el):
        return
    last = part.co_quan[-1]
    if _near_shape(last):
        return
    bold = [q for q in part.co_quan if all_bold(q)] or [last]
    width = max(text_width_mm(norm(q.text), _size(q, 12, 13), bold=True) for q in bold)
    if line_under(job.model, last) is None:
        _add_line(job, last, 0.4 * width, "nd30.co-quan-line", "tên cơ quan ban hành")
    else:
        _resize(job, last, 0.3 * width, 0.55 * width, 0.4 * width, "nd30.co-quan-line",
                "tên cơ quan ban hành")


def _trich_yeu(job, part) -> None:
    from docgen.repair.fixes.parts import trich_yeu
    if not trich_yeu(part) or part.ten_loai is None:
        return
    last = part.trich_yeu[-1]
    after = part.kem_theo or last
    if any(_near_shape(q) for q in part.trich_yeu) or _near_shape(after):
        return
    if line_under(job.model, last) is not None or line_under(job.model, after) is not None:
        return
    size = _size(last, 13, 14, default=14)
    width = max(text_width_mm(norm(seg), size, bold=True)
                for q in part.trich_yeu for seg in q.text.split("\n") if seg.strip())
    _add_line(job, after, 0.4 * width, "nd30.trich-yeu", "trích yếu")


def fix(job) -> None:
    for part in job.parts:
        if part.quoc_hieu is None:
            continue
        _tieu_ngu(job, part)
        _co_quan(job, part)
        _trich_yeu(job, part)
