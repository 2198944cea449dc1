"""Editing primitives shared by the fix families: run and paragraph properties, section
properties and text spans, each either applied directly or recorded as a Word tracked change
(w:rPrChange, w:pPrChange, w:sectPrChange, w:del/w:ins; ECMA-376 §17.13.5), so that with
`--theo-doi` the officer accepts or rejects each fix in Word.

Child order inside w:rPr/w:pPr/w:sectPr follows the schema through python-docx's element
classes (`get_or_add_*`); the change record is always the last child, as the schema requires.
"""
from __future__ import annotations

import copy
import os
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone

from lxml import etree

from docgen.check.effective import w, wval
from docgen.repair.package import new_el

AUTHOR = "docgen sua"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_TEXT_TAGS = {w("t"): "t", w("tab"): "\t", w("br"): "\n", w("cr"): "\n", w("noBreakHyphen"): "-"}


@dataclass(frozen=True)
class Fix:
    """One applied fix: `where` as the checker says it ("đoạn 12"), `what` in Vietnamese."""

    where: str
    what: str
    code: str

    def __str__(self) -> str:
        return f"{self.where}: {self.what} [{self.code}]"


def revision_date() -> str:
    """The w:date of tracked changes: now, or SOURCE_DATE_EPOCH when set (reproducible output).

    A tracked repair records when it was made; SOURCE_DATE_EPOCH is the reproducible-builds
    convention for fixing that moment, so the same input gives the same bytes."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    moment = (datetime.fromtimestamp(int(epoch), timezone.utc) if epoch.isdigit()
              else datetime.now(timezone.utc))
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


class Editor:
    def __init__(self, track: bool = False, date: str | None = None):
        self.track = track
        self.date = date or revision_date()
        self._id = 9000

    def _mark(self, tag: str) -> etree._Element:
        self._id += 1
        el = new_el(tag)
        el.set(w("id"), str(self._id))
        el.set(w("author"), AUTHOR)
        el.set(w("date"), self.date)
        return el

    # -- properties ---------------------------------------------------------------------
    @contextmanager
    def props(self, owner: etree._Element, kind: str):
        """Yield owner's w:rPr / w:pPr (created when absent); record the old one when tracking.

        `kind` is "r" (a run, or a style/default holding w:rPr) or "p" (a paragraph)."""
        tag, change = ("rPr", "rPrChange") if kind == "r" else ("pPr", "pPrChange")
        el = owner.find(w(tag))
        if el is None:
            adder = getattr(owner, f"get_or_add_{tag}", None)
            el = adder() if adder else _insert_first(owner, tag)
        before = etree.tostring(el)
        old = _snapshot(el, change)
        yield el
        # Only runs and paragraphs carry a change record: LibreOffice aborts on one in the
        # document defaults, and Word tracks no style changes.
        if not self.track or etree.tostring(el) == before or owner.tag not in (w("r"), w("p")):
            return
        existing = el.find(w(change))
        if existing is not None:            # keep the first recorded state; stay last
            el.remove(existing)
            el.append(existing)
            return
        mark = self._mark(change)
        mark.append(old)
        el.append(mark)

    @contextmanager
    def section(self, sect_pr: etree._Element):
        before = etree.tostring(sect_pr)
        old = new_el("sectPr")
        for ch in sect_pr:
            if ch.tag not in (w("headerReference"), w("footerReference"), w("sectPrChange")):
                old.append(copy.deepcopy(ch))
        yield sect_pr
        if self.track and etree.tostring(sect_pr) != before and \
                sect_pr.find(w("sectPrChange")) is None:
            mark = self._mark("sectPrChange")
            mark.append(old)
            sect_pr.append(mark)

    # -- text -----------------------------------------------------------------------------
    def replace(self, p: etree._Element, start: int, end: int, new: str) -> None:
        """Replace characters [start, end) of paragraph `p`'s run text with `new`."""
        runs = split_span(p, start, end)
        if runs:
            anchor, before = runs[0], True
        else:                                   # an insertion at `start`
            anchor, before = split_at(p, start)
        if anchor is None:
            return
        new_run = new_el("r")
        if anchor.find(w("rPr")) is not None:
            new_run.append(_clean_rpr(anchor.find(w("rPr"))))
        set_text(new_run, new)
        added = self._wrap_ins(new_run) if self.track else new_run
        if runs and self.track:
            d = self._mark("del")
            runs[0].addprevious(d)
            for r in runs:
                d.append(r)
                _to_deleted(r)
            anchor, before = d, False
        if new:
            (anchor.addprevious if before else anchor.addnext)(added)
        if runs and not self.track:
            for r in runs:
                r.getparent().remove(r)

    def _wrap_ins(self, run: etree._Element) -> etree._Element:
        ins = self._mark("ins")
        ins.append(run)
        return ins

    def mark_inserted_paragraph_mark(self, p: etree._Element) -> None:
        """Record that the mark ending paragraph `p` was inserted (a paragraph split)."""
        if not self.track:
            return
        ppr = p.get_or_add_pPr()
        rpr = ppr.find(w("rPr"))
        if rpr is None:                     # w:rPr comes before w:sectPr and w:pPrChange
            rpr = new_el("rPr")
            anchor = next((c for c in ppr if c.tag in (w("sectPr"), w("pPrChange"))), None)
            anchor.addprevious(rpr) if anchor is not None else ppr.append(rpr)
        rpr.insert(0, self._mark("ins"))    # w:ins comes first in a paragraph mark's w:rPr

    def mark_inserted_paragraph(self, p: etree._Element) -> None:
        """Record a paragraph docgen added (its mark and its runs) as an insertion."""
        if not self.track:
            return
        self.mark_inserted_paragraph_mark(p)
        for r in [r for r in p if r.tag == w("r")]:
            r.addprevious(ins := self._mark("ins"))
            ins.append(r)


def _insert_first(owner: etree._Element, tag: str) -> etree._Element:
    el = new_el(tag)
    owner.insert(0, el)
    return el


def _snapshot(el: etree._Element, change: str) -> etree._Element:
    """A copy of w:rPr / w:pPr as the change record keeps it: without an earlier record, and
    for w:pPr without the paragraph mark's w:rPr and the w:sectPr (not part of CT_PPrBase)."""
    skip = {w(change)} if el.tag == w("rPr") else {w(change), w("rPr"), w("sectPr")}
    old = etree.Element(el.tag)
    for ch in el:
        if ch.tag not in skip:
            old.append(copy.deepcopy(ch))
    return old


def _clean_rpr(rpr: etree._Element) -> etree._Element:
    new = copy.deepcopy(rpr)
    for ch in new.findall(w("rPrChange")):
        new.remove(ch)
    return new


def _to_deleted(r: etree._Element) -> None:
    for t in r.iter(w("t")):
        t.tag = w("delText")
    for t in r.iter(w("instrText")):
        t.tag = w("delInstrText")


def set_text(run: etree._Element, text: str) -> None:
    """Set a run's content to `text` (w:t, with w:tab / w:br for "\\t" and "\\n")."""
    for ch in [c for c in run if c.tag in _TEXT_TAGS]:
        run.remove(ch)
    buf = ""
    for c in text + "\0":
        if c in "\t\n\0":
            if buf:
                t = etree.SubElement(run, w("t"))
                t.text = buf
                if buf != buf.strip():
                    t.set(XML_SPACE, "preserve")
                buf = ""
            if c != "\0":
                etree.SubElement(run, w("tab" if c == "\t" else "br"))
        else:
            buf += c


def para_runs(p: etree._Element) -> list[etree._Element]:
    from docgen.check.docmodel import iter_runs
    return list(iter_runs(p))


def _seg_len(ch: etree._Element) -> int:
    kind = _TEXT_TAGS.get(ch.tag)
    if kind == "t":
        return len(ch.text or "")
    if kind is None or (ch.tag == w("br") and wval(ch, "type") == "page"):
        return 0
    return 1


def run_len(r: etree._Element) -> int:
    return sum(_seg_len(ch) for ch in r)


def para_text(p: etree._Element) -> str:
    out = []
    for r in para_runs(p):
        for ch in r:
            kind = _TEXT_TAGS.get(ch.tag)
            if _seg_len(ch):
                out.append(ch.text or "" if kind == "t" else kind)
    return "".join(out)


def split_at(p: etree._Element, pos: int) -> tuple[etree._Element | None, bool]:
    """Split runs at character `pos`: (run starting at pos, True) to insert before it, or
    (last run, False) to insert after it when `pos` is the end of the text."""
    k, last = 0, None
    for r in para_runs(p):
        n = run_len(r)
        if n and k < pos < k + n:
            return _split_run(r, pos - k), True
        if n and k == pos:
            return r, True
        if n:
            last = r
        k += n
    return last, False


def _split_run(r: etree._Element, offset: int) -> etree._Element:
    """Split run `r` after `offset` characters; returns the new right-hand run."""
    right = new_el("r", dict(r.attrib))
    if r.find(w("rPr")) is not None:
        right.append(_clean_rpr(r.find(w("rPr"))))
    k = 0
    for ch in list(r):
        if ch.tag == w("rPr"):
            continue
        n = _seg_len(ch)
        if k >= offset:
            right.append(ch)
        elif ch.tag == w("t") and k + n > offset:
            t2 = etree.SubElement(right, w("t"))
            t2.text = ch.text[offset - k:]
            ch.text = ch.text[: offset - k]
            for t in (ch, t2):
                if t.text != t.text.strip():
                    t.set(XML_SPACE, "preserve")
        k += n
    r.addnext(right)
    return right


def split_span(p: etree._Element, start: int, end: int) -> list[etree._Element]:
    """Split runs so that [start, end) is covered by whole runs; return those runs."""
    if end <= start:
        return []
    k = 0
    for r in para_runs(p):
        n = run_len(r)
        if k < start < k + n:
            _split_run(r, start - k)
            return split_span(p, start, end)
        if k < end < k + n:
            _split_run(r, end - k)
            return split_span(p, start, end)
        k += n
    out, k = [], 0
    for r in para_runs(p):
        n = run_len(r)
        if n and start <= k and k + n <= end:
            out.append(r)
        k += n
    return out
