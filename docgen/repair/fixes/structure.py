"""Parts typed as one paragraph with line breaks (Shift+Enter) are split into paragraphs,
so that each Decree 30 part is a paragraph of its own: the Quốc hiệu with its Tiêu ngữ, and
"Nơi nhận:" with its recipient lines. No character is added or lost: the line break becomes
a paragraph mark, the paragraph's own properties are copied to the new paragraphs."""
from __future__ import annotations

import copy

from lxml import etree

from docgen.check.effective import w
from docgen.repair.edit import Fix, para_text, split_span
from docgen.repair.package import new_el


def split_at_breaks(ed, p: etree._Element) -> int:
    """Split paragraph `p` at each line break among its direct runs; returns pieces added."""
    added = 0
    while "\n" in (text := para_text(p)):
        pos = text.index("\n")
        runs = split_span(p, pos, pos + 1)
        if len(runs) != 1 or runs[0].getparent() is not p:
            break
        br = runs[0]
        new = new_el("p", {k: v for k, v in p.attrib.items() if "paraId" not in k})
        ppr = p.find(w("pPr"))
        if ppr is not None:
            new_ppr = copy.deepcopy(ppr)
            for tag in ("sectPr", "pPrChange"):
                for el in new_ppr.findall(w(tag)):
                    new_ppr.remove(el)
            new.append(new_ppr)
            sect = ppr.find(w("sectPr"))
            if sect is not None:            # the section ends after the last piece
                new_ppr.append(sect)
        for sib in list(br.itersiblings()):
            new.append(sib)
        p.remove(br)
        p.addnext(new)
        ed.mark_inserted_paragraph_mark(p)
        p, added = new, added + 1
    return added


def fix(job) -> None:
    for part in job.parts:
        qh = part.quoc_hieu
        if qh is not None and part.tieu_ngu is None and "\n" in qh.raw_text:
            if split_at_breaks(job.ed, qh.el):
                job.add(Fix(qh.where, "tách Quốc hiệu và Tiêu ngữ thành hai đoạn (thay dấu "
                            "xuống dòng Shift+Enter)", "nd30.tieu-ngu"))
        head = part.noi_nhan_head
        if head is not None and "\n" in head.raw_text.strip():
            n = split_at_breaks(job.ed, head.el)
            if n:
                job.add(Fix(head.where, f"tách \"Nơi nhận:\" và {n} dòng nơi nhận thành đoạn "
                            "riêng (thay dấu xuống dòng Shift+Enter)", "nd30.noi-nhan"))
        for p in part.noi_nhan:
            if "\n" in p.raw_text.strip():
                n = split_at_breaks(job.ed, p.el)
                if n:
                    job.add(Fix(p.where, f"tách {n + 1} dòng nơi nhận thành đoạn riêng",
                                "nd30.noi-nhan"))
