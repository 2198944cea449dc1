"""Page numbers (Phụ lục I, mục I.7): a PAGE field centered in the header, 13–14 pt,
upright; none on page 1 ("different first page", empty first header); none in footers."""
from __future__ import annotations

import re

from lxml import etree

from docgen.check.docmodel import has_page_field, iter_runs
from docgen.check.effective import W, w, wval
from docgen.check.reader import R_NS
from docgen.check.vocab import fmt_pt
from docgen.repair.edit import Fix
from docgen.repair.fmt import clamp, set_jc, set_size, set_toggle
from docgen.repair.package import new_el, parse_part

_HDR = (f'<w:hdr xmlns:w="{W}" xmlns:r="{R_NS}"><w:p><w:pPr><w:jc w:val="center"/></w:pPr>'
        '</w:p></w:hdr>')
_FIELD = ('<w:r><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" '
          'w:eastAsia="Times New Roman" w:cs="Times New Roman"/><w:sz w:val="28"/>'
          '<w:szCs w:val="28"/></w:rPr>{}</w:r>')
_PARTS = ('<w:fldChar w:fldCharType="begin"/>',
          '<w:instrText xml:space="preserve"> PAGE </w:instrText>',
          '<w:fldChar w:fldCharType="separate"/>', '<w:t>2</w:t>', '<w:fldChar w:fldCharType="end"/>')


def _field_runs() -> list[etree._Element]:
    return [parse_part(f'<x xmlns:w="{W}">{_FIELD.format(p)}</x>'.encode())[0] for p in _PARTS]


def _empty_header() -> etree._Element:
    return parse_part(_HDR.encode())


def _add_field(job, p: etree._Element) -> None:
    for r in _field_runs():
        p.append(r)
    job.ed.mark_inserted_paragraph(p) if job.ed.track else None
    set_jc(job.ed, p, "center")


def _header_ref(job, sp, kind: str, root: etree._Element) -> None:
    rid = job.pkg.add_header(root)
    for ref in sp.findall(w("headerReference")):
        if (wval(ref, "type") or "default") == kind:
            sp.remove(ref)
    ref = new_el("headerReference")
    ref.set(w("type"), kind)
    ref.set(f"{{{R_NS}}}id", rid)
    sp.insert(0, ref)


def _ensure_field(job, sec) -> None:
    root = sec.headers.get("default")
    where = f"đầu trang mục {sec.index + 1}"
    if root is None:
        root = _empty_header()
        _add_field(job, root.find(w("p")))
        _header_ref(job, sec.sect_pr, "default", root)
        job.add(Fix(where, "thêm số trang (trường PAGE) ở giữa đầu trang, 14 pt", "nd30.page-number"))
        return
    paras = has_page_field(root)
    if not paras:
        p = new_el("p")
        first = root.find(w("p"))
        if first is not None and not "".join(t.text or "" for t in first.iter(w("t"))).strip() \
                and first.find(f".//{w('drawing')}") is None:
            p = first
        else:
            root.insert(0, p)
        _add_field(job, p)
        job.add(Fix(where, "thêm số trang (trường PAGE) ở giữa đầu trang, 14 pt", "nd30.page-number"))
        return
    _format_field(job, paras[0], where)


def _format_field(job, p, where: str) -> None:
    styles = job.model.styles
    if styles.paragraph(p, None).jc != "center":
        set_jc(job.ed, p, "center")
        job.add(Fix(where, "số trang căn giữa", "nd30.page-number"))
    pid = styles.para_style_id(p)
    sizes, italic, fonts = set(), False, set()
    for r in iter_runs(p):
        if r.find(w("instrText")) is None and r.find(w("t")) is None and \
                r.getparent().tag != w("fldSimple"):
            continue
        props = styles.run(r, pid, None)
        font = props.fonts.get("ascii")
        if font and font.lower() != "times new roman":
            with job.ed.props(r, "r") as rpr:
                rfonts = rpr.get_or_add_rFonts()
                for attr in list(rfonts.attrib):
                    del rfonts.attrib[attr]
                for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
                    rfonts.set(w(slot), "Times New Roman")
            fonts.add(font)
        if not 13 <= props.size_pt <= 14:
            set_size(job.ed, r, clamp(props.size_pt, 13, 14))
            sizes.add(props.size_pt)
        if props.i:
            set_toggle(job.ed, r, "i", False)
            italic = True
    for size in sorted(sizes):
        job.add(Fix(where, f"cỡ chữ số trang {fmt_pt(size)} → {fmt_pt(clamp(size, 13, 14))} pt",
                    "nd30.page-number"))
    if italic:
        job.add(Fix(where, "số trang chữ đứng", "nd30.page-number"))
    if fonts:
        job.add(Fix(where, f"phông chữ số trang {', '.join(sorted(fonts))} → Times New Roman",
                    "nd30.page-number"))


def _restarts(sec) -> bool:
    el = sec.sect_pr.find(w("pgNumType"))
    return el is not None and wval(el, "start") is not None


def _first_page(job, sec) -> None:
    if not (sec.index == 0 or _restarts(sec)):
        return
    where = f"mục {sec.index + 1}"
    if not sec.title_pg:
        with job.ed.section(sec.sect_pr) as sp:
            sp.titlePg_val = True
        job.add(Fix(where, "bật \"trang đầu khác\": trang 1 không hiện số trang", "nd30.page-number"))
    first = sec.headers.get("first")
    if first is not None and (has_page_field(first) or
                              "".join(t.text or "" for t in first.iter(w("t"))).strip()):
        _header_ref(job, sec.sect_pr, "first", _empty_header())
        job.add(Fix(f"đầu trang đầu mục {sec.index + 1}", "đầu trang của trang 1 để trống",
                    "nd30.page-number"))


def _footer_fields(job) -> None:
    for _rid, rtype, path in job.pkg.rels(job.pkg.main):
        root = job.pkg.tree(path) if rtype.endswith("/footer") else None
        if root is None or not has_page_field(root):
            continue
        for p in has_page_field(root):
            _drop_page_field(job, p)
        job.add(Fix("chân trang", "bỏ số trang ở chân trang (đã đặt ở đầu trang)",
                    "nd30.page-number-footer"))


def _drop_page_field(job, p) -> None:
    for fs in list(p.iter(w("fldSimple"))):
        if _is_page(fs.get(w("instr")) or ""):
            runs = [r for r in fs if r.tag == w("r")]
            for r in runs:
                fs.addprevious(r)
            fs.getparent().remove(fs)
            _delete(job, runs)
    group: list = []
    for r in iter_runs(p):
        fc = r.find(w("fldChar"))
        kind = wval(fc, "fldCharType") if fc is not None else None
        if kind == "begin" or group:
            group.append(r)
        if kind == "end" and group:
            instr = "".join(t.text or "" for g in group for t in g.iter(w("instrText")))
            if _is_page(instr):
                _delete(job, group)
            group = []


def _is_page(instr: str) -> bool:
    """The same PAGE test as the checker's `has_page_field` (NUMPAGES is not a page number)."""
    text = instr.upper().replace("NUMPAGES", "").replace("SECTIONPAGES", "")
    return re.search(r"(?<![A-Z])PAGE(?![A-Z])", text) is not None


def _delete(job, runs) -> None:
    if not runs:
        return
    if not job.ed.track:
        for r in runs:
            r.getparent().remove(r)
        return
    d = job.ed._mark("del")
    runs[0].addprevious(d)
    for r in runs:
        d.append(r)
        for t in r.iter(w("t")):
            t.tag = w("delText")
        for t in r.iter(w("instrText")):
            t.tag = w("delInstrText")


def fix(job) -> None:
    seen, created = set(), False
    for sec in job.model.sections:
        if sec.sect_pr.getparent() is None:
            continue
        root = sec.headers.get("default")
        if (root is None and not created) or (root is not None and id(root) not in seen):
            _ensure_field(job, sec)
            created |= root is None
            if root is not None:
                seen.add(id(root))
        _first_page(job, sec)
    _footer_fields(job)
