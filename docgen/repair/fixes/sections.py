"""A phụ lục starts on a new page and is numbered on its own (Phụ lục I, mục III.1.đ): a
section break is put before its "Phụ lục" heading (replacing a page break there, so that no
blank page appears) and the phụ lục's section restarts numbering at 1, with no number on its
first page like the document's first page."""
from __future__ import annotations

import copy

from lxml import etree

from docgen.check.effective import w, wval
from docgen.check.locate import PHU_LUC
from docgen.repair.edit import Fix
from docgen.repair.package import new_el


def _page_break_runs(p: etree._Element) -> list[etree._Element]:
    return [r for r in p.iter(w("r")) for br in r.findall(w("br")) if wval(br, "type") == "page"]


def _only_break(p: etree._Element) -> bool:
    return not "".join(t.text or "" for t in p.iter(w("t"))).strip() and \
        p.find(f".//{w('drawing')}") is None


def _drop_trailing_break(job, p: etree._Element) -> None:
    runs = _page_break_runs(p)
    if not runs:
        return
    last = runs[-1]
    after = [r for r in last.itersiblings(w("r")) if "".join(t.text or "" for t in r.iter(w("t")))]
    if after:
        return
    for br in last.findall(w("br")):
        if wval(br, "type") == "page":
            last.remove(br)


def _restart(sect: etree._Element) -> None:
    num = sect.find(w("pgNumType"))
    if num is None:
        num = new_el("pgNumType")
        sect.insert_element_before(num, "w:cols", "w:formProt", "w:vAlign", "w:noEndnote",
                                   "w:titlePg", "w:textDirection", "w:bidi", "w:rtlGutter",
                                   "w:docGrid", "w:printerSettings", "w:sectPrChange")
    num.set(w("start"), "1")
    sect.titlePg_val = True


def _break_before(job, head, sect: etree._Element) -> None:
    new_sect = copy.deepcopy(sect)
    for ch in new_sect.findall(w("sectPrChange")):
        new_sect.remove(ch)
    prev = head.el.getprevious()
    if prev is not None and prev.tag == w("p") and prev.find(f"{w('pPr')}/{w('sectPr')}") is None \
            and _only_break(prev):
        for r in _page_break_runs(prev):
            for br in r.findall(w("br")):
                r.remove(br)
        holder = prev
    else:
        if prev is not None and prev.tag == w("p"):
            _drop_trailing_break(job, prev)
        holder = new_el("p")
        head.el.addprevious(holder)
        job.ed.mark_inserted_paragraph(holder)
    ppr = holder.get_or_add_pPr()
    ppr._insert_sectPr(new_sect)
    kind = sect.find(w("type"))
    if kind is not None:
        sect.remove(kind)                    # the phụ lục's section starts on a new page


def fix(job) -> None:
    k = 0
    while k < len(job.parts):               # the model is rebuilt after each section break
        part = job.parts[k]
        k += 1
        head = part.phu_luc_head
        if part.kind != PHU_LUC or part.index == 0 or head is None or head.table is not None:
            continue
        paras = job.model.paras
        i = paras.index(head)
        prev = paras[i - 1] if i > 0 else None
        sect = job.model.sections[head.section].sect_pr
        starts = prev is not None and prev.section != head.section
        num = sect.find(w("pgNumType"))
        if starts and num is not None and wval(num, "start") is not None:
            continue
        with job.ed.section(sect):
            if not starts:
                _break_before(job, head, sect)
            _restart(sect)
        what = ("bắt đầu ở trang mới (ngắt mục) và " if not starts else "") + \
            "đánh số trang riêng từ 1"
        job.add(Fix(head.where, f"phụ lục {what}", "nd30.phu-luc-page"))
        if not starts and any(q.kind == PHU_LUC for q in job.parts[k:]):
            job.refresh()                   # later phụ lục: sections moved
