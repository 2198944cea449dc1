"""A flat, read-only view of a DOCX body for the rules: paragraphs with their visible text,
effective formatting and location, tables, and sections (with resolved headers/footers)."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property

from lxml import etree

from docgen.check.effective import ParaProps, RunProps, Styles, w, wval
from docgen.check.reader import R_NS, DocxPackage
from docgen.check.shapes import Shape, run_shapes
from docgen.check.vocab import norm

_INLINE_CONTAINERS = {w(t) for t in ("hyperlink", "ins", "smartTag", "fldSimple", "sdt",
                                     "sdtContent", "customXml", "moveTo")}
_P, _R, _TBL, _TC, _TCPR = w("p"), w("r"), w("tbl"), w("tc"), w("tcPr")
_GRIDSPAN, _TCW, _TRPR_GRIDBEFORE = w("gridSpan"), w("tcW"), f"{w('trPr')}/{w('gridBefore')}"
_PPR_SECTPR = f"{w('pPr')}/{w('sectPr')}"
_TR, _TCPR_VMERGE = w("tr"), f"{w('tcPr')}/{w('vMerge')}"
_TRPR_TBLHEADER = f"{w('trPr')}/{w('tblHeader')}"
_TCPR_TCW = f"{w('tcPr')}/{w('tcW')}"
_PAGE_FIELD = re.compile(r"(?<![A-Z])PAGE(?![A-Z])")


@dataclass
class Run:
    """A run, or the piece of a run on one line when a soft break (w:br) splits it. `text`
    is NFC (what the rules match); `raw` is the stored text (what the NFC rule looks at)."""

    el: etree._Element
    text: str
    props: RunProps
    has_shape: bool = False
    raw: str = ""
    shapes: tuple[Shape, ...] = ()

    def __getattr__(self, name):
        # the model builder leaves `el` out and records the paragraph and the run's index:
        # most runs' elements are never looked at
        if name == "el" and "_p" in self.__dict__:
            el = self.__dict__["el"] = list(iter_runs(self._p))[self._i]
            return el
        raise AttributeError(name)


@dataclass
class Para:
    el: etree._Element
    runs: list[Run]
    props: ParaProps
    style: str | None             # style id (a hint only)
    section: int                  # 0-based
    where: str                    # "đoạn 12", "bảng 1, ô (1,2)"
    body_index: int | None        # 1-based index among top-level paragraphs
    table: int | None = None      # 0-based table index (outermost)
    row: int | None = None
    col: int | None = None
    page_break_in: bool = False   # a w:br type="page" inside
    seg: int = 0                  # line of the paragraph (soft breaks split one w:p into lines)
    nseg: int = 1
    lead_tab: int = 0             # twips a leading tab moves the first line (0: no tab)
    mark_pt: float | None = None  # size of the paragraph mark (the height of an empty line)

    # computed once: a Para's runs do not change after the model is built
    @cached_property
    def text(self) -> str:
        """Visible text: caps formatting shown as capitals."""
        return "".join(r.text.upper() if r.props.caps else r.text for r in self.runs)

    @cached_property
    def raw_text(self) -> str:
        return "".join(r.raw for r in self.runs)

    @cached_property
    def props_key(self) -> tuple[int, ...]:
        """Ids of the text runs' RunProps (shared by runs formatted alike): paragraphs with
        equal keys are formatted alike, run for run (docgen.check.rules.font)."""
        return tuple(id(r.props) for r in self.text_runs)

    @cached_property
    def norm(self) -> str:
        """`vocab.norm(text)`: NFC, single spaces, stripped (what the rules match)."""
        return norm(self.text)

    @property
    def shapes(self) -> list[Shape]:
        return [s for r in self.runs for s in r.shapes]

    @property
    def first_indent(self) -> int:
        """First-line indent as a reader sees it: the indent plus a leading tab."""
        return self.lead_tab or self.props.first_line

    @cached_property
    def text_runs(self) -> list[Run]:
        return [r for r in self.runs if r.text.strip()]

    @property
    def has_shape(self) -> bool:
        return any(r.has_shape for r in self.runs)

    def excerpt(self, n: int = 40) -> str:
        t = " ".join(self.text.split())
        return t if len(t) <= n else t[: n - 1] + "…"


@dataclass
class Table:
    el: etree._Element
    index: int                    # 0-based
    section: int
    cells: list[list[list[Para]]] = field(default_factory=list)   # row -> col -> paragraphs
    header_row: bool = False      # first row repeats (w:tblHeader)
    widths: list[list[int | None]] = field(default_factory=list)  # row -> col -> twips
    grid: list[list[int]] = field(default_factory=list)  # row -> col -> first grid column

    # read from the XML only when asked (the importer, docgen.nhap): the rules never look
    @cached_property
    def vmerge(self) -> list[list[str | None]]:
        """row -> col -> "restart" (a vertically merged cell starts), "continue" (it goes on
        from the row above) or None (w:vMerge; its val defaults to continue)."""
        out = []
        for tr in self.el.iterchildren(_TR):
            row = []
            for tc in tr.iterchildren(_TC):
                vm = tc.find(_TCPR_VMERGE)
                row.append(None if vm is None else (wval(vm) or "continue"))
            out.append(row)
        return out

    @cached_property
    def spans(self) -> list[list[int]]:
        """row -> col -> grid columns the cell spans (w:gridSpan, 1 without)."""
        return [[_cell_facts(tc.find(_TCPR))[0] for tc in tr.iterchildren(_TC)]
                for tr in self.el.iterchildren(_TR)]

    @cached_property
    def header_rows(self) -> int:
        """How many rows at the top repeat on every page (w:tblHeader on each of them)."""
        n = 0
        for tr in self.el.iterchildren(_TR):
            flag = tr.find(_TRPR_TBLHEADER)
            if flag is None or (wval(flag) or "1") in ("0", "false", "off"):
                break
            n += 1
        return n


@dataclass
class Section:
    index: int
    sect_pr: etree._Element
    headers: dict[str, etree._Element | None]   # "default"/"first"/"even" -> header root
    footers: dict[str, etree._Element | None]
    title_pg: bool
    has_table: bool = False


@dataclass
class DocModel:
    name: str
    pkg: DocxPackage
    styles: Styles
    blocks: list[Para | Table]    # body order, top level
    paras: list[Para]             # every paragraph, body order (table cells included)
    sections: list[Section]
    cache: dict = field(default_factory=dict, repr=False)   # derived facts (docgen.check.layout)

    def table_of(self, p: Para) -> Table | None:
        return next((b for b in self.blocks if isinstance(b, Table) and b.index == p.table), None)


_T, _TAB, _PTAB, _BR, _CR, _NBH = (w(t) for t in ("t", "tab", "ptab", "br", "cr", "noBreakHyphen"))
_DRAWN = frozenset((w("drawing"), w("pict"), w("object"),
                    "{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent"))
_TYPE = w("type")


def _run_pieces(r: etree._Element) -> tuple[list[str], bool, bool]:
    """The text of a run split at soft line breaks (one string per line), whether it holds
    a page break, and whether it holds a drawn object (shapes.has_drawing)."""
    lines, cur, page_br, drawn = [], [], False, False
    for ch in r:
        tag = ch.tag
        if tag == _T:
            cur.append(ch.text or "")
        elif tag == _TAB or tag == _PTAB:
            cur.append("\t")
        elif tag == _BR or tag == _CR:
            if ch.get(_TYPE) == "page":
                page_br = True
            else:
                lines.append("".join(cur))
                cur = []
        elif tag == _NBH:
            cur.append("-")
        elif tag in _DRAWN:
            drawn = True
    lines.append("".join(cur))
    return lines, page_br, drawn


def _lead_tab(p: etree._Element, text: str, first_line: int, left: int) -> int:
    """Where a leading tab puts the first character (twips from the indent), 0 without one.
    Custom tab stops of the paragraph are used, else Word's default stops every 720 twips."""
    if not text.startswith("\t"):
        return 0
    start = left + first_line
    stops = sorted(int(t.get(w("pos"))) for t in p.iterfind(f"{w('pPr')}/{w('tabs')}/{w('tab')}")
                   if (t.get(w("pos")) or "").lstrip("-").isdigit() and wval(t) != "clear")
    nxt = next((s for s in stops if s > start), None)
    if nxt is None:
        nxt = (start // 720 + 1) * 720
    return nxt - left


def iter_runs(p: etree._Element):
    """Runs of a paragraph in order, through hyperlinks, insertions, simple fields, sdt."""
    for ch in p:
        tag = ch.tag
        if tag == _R:
            yield ch
        elif tag in _INLINE_CONTAINERS:
            yield from iter_runs(ch)


def _grid_before(tr) -> int:
    before = wval(tr.find(_TRPR_GRIDBEFORE))
    return int(before) if (before or "").isdigit() else 0


def _cell_facts(tcpr) -> tuple[int, int | None]:
    """(grid columns spanned, width in twips or None) from a cell's w:tcPr."""
    span = tcw = None
    if tcpr is not None:
        span, tcw = tcpr.find(_GRIDSPAN), tcpr.find(_TCW)
    span = wval(span)
    width = wval(tcw, "w") if tcw is not None else None
    return (int(span) if (span or "").isdigit() else 1,
            int(width) if width and width.isdigit() and wval(tcw, "type") in (None, "dxa")
            else None)


def cell_width(tc) -> int | None:
    """The width a cell's w:tcW gives (twips), None when not a plain dxa number."""
    tcw = tc.find(_TCPR_TCW)
    try:
        width = int(wval(tcw, "w"))
    except (TypeError, ValueError):
        return None
    return width if wval(tcw, "type") in (None, "dxa") else None


def cell_padding(tbl) -> int:
    """Left + right cell margins of a table (twips; Word's default 108 each)."""
    mar = tbl.find(f"{w('tblPr')}/{w('tblCellMar')}")
    pad = 0
    for side in ("left", "right"):
        el = mar.find(w(side)) if mar is not None else None
        pad += int(wval(el, "w") or 108) if el is not None else 108
    return pad


def _new(cls):
    """An instance without running __init__ (its fields are then set from a prototype)."""
    return object.__new__(cls)


class _Builder:
    def __init__(self, pkg: DocxPackage, styles: Styles | None = None, lazy_runs: bool = False,
                 share_rows: bool = True):
        self.pkg = pkg
        self.lazy_runs = lazy_runs
        # shapes are cached by their XML only on a Styles index shared between documents
        # (the batch): within one file few paragraphs repeat, and serialising every one as
        # a key would cost more than it saves
        self.shared = styles is not None
        self.share_rows = self.shared and lazy_runs and share_rows   # see _row_from
        self.reused = False
        self.styles = styles or Styles(pkg.styles, pkg.theme)
        self.section = 0
        self.body_count = 0
        self.table_count = 0
        self.paras: list[Para] = []
        self.sect_prs: list[etree._Element] = []
        self.cache: dict = {}         # becomes DocModel.cache
        self.pad = 0                  # cell padding of the table being read
        self.geometry: list | None = None  # per section, its sectPr's XML (see _top_para)

    def _seed_width(self, tc, cell: list[Para], width: int | None) -> None:
        """What docgen.check.layout.container_width_twips would compute for the cell's
        paragraphs, recorded while the cell's width is at hand."""
        value = None if width is None else width - self.pad
        for q in cell:
            q.__dict__["_width"] = value

    def para(self, p, table_style=None, where=None, tloc=(None, None, None)) -> Para:
        """Add one w:p as one Para per line (soft breaks split it); return the first line.

        The objects are filled from the cached shape's prototypes (what the XML alone decides,
        text included) plus what depends on the place: the elements, section and location."""
        return self._emit(p, self._shape(p, table_style), where, tloc)

    def _emit(self, p, shape, where, tloc) -> list[Para]:
        lines, sect = shape
        run_els = None if self.lazy_runs else list(iter_runs(p))
        body_index = None
        if where is None:
            self.body_count += 1
            body_index = self.body_count
            where = f"đoạn {body_index}"
        table, row, col = tloc
        out = []
        section = self.section
        for k, (run_protos, proto, with_text) in enumerate(lines):
            runs = []
            for i, rproto in run_protos:
                run = _new(Run)
                d = rproto.copy()
                if run_els is None:
                    d["_p"], d["_i"] = p, i          # Run.el is found when asked
                else:
                    d["el"] = run_els[i]
                run.__dict__ = d
                runs.append(run)
            para = _new(Para)
            d = proto.copy()
            d["el"], d["runs"], d["section"], d["body_index"] = p, runs, section, body_index
            d["where"] = where if k == 0 else f"{where}, dòng {k + 1}"
            d["table"], d["row"], d["col"] = table, row, col
            d["text_runs"] = [runs[j] for j in with_text]
            para.__dict__ = d
            out.append(para)
        self.paras.extend(out)
        if sect:
            self.sect_prs.append(p.find(_PPR_SECTPR))
            self.section += 1
        return out

    def _shape(self, p, table_style) -> tuple:
        """Everything about a paragraph that its XML alone decides (style, effective formats,
        lines, their runs by index, the text), cached on the Styles index by that XML:
        documents rendered from one template repeat most paragraphs byte for byte."""
        if self.shared:
            key = (table_style, etree.tostring(p))
            cache = self.styles.para_shapes
            hit = cache.get(key)
            if hit is None:
                hit = self._new_shape(p, table_style)
                if len(cache) < 10000:        # bounded: the repeated paragraphs come first
                    cache[key] = hit
            return hit
        return self._new_shape(p, table_style)

    def _new_shape(self, p, table_style) -> tuple:
        pid = self.styles.para_style_id(p)
        props = self.styles.paragraph(p, table_style)
        layout: list[list[tuple]] = [[]]
        page_br = False
        for i, r in enumerate(iter_runs(p)):
            pieces, br, drawn = _run_pieces(r)
            page_br |= br
            rp = self.styles.run(r, pid, table_style)
            shapes = tuple(run_shapes(r)) if drawn else ()
            for k, raw in enumerate(pieces):
                if k:
                    layout.append([])
                text = raw if raw.isascii() else unicodedata.normalize("NFC", raw)
                layout[-1].append((i, text, rp, drawn and k == 0, raw, shapes if k == 0 else ()))
        first = "".join(t[4] for t in layout[0])
        lead_tab = _lead_tab(p, first, props.first_line, props.left)
        mark_pt = None
        if not any(t[1].strip() for t in layout[-1]):
            mark_pt = self.styles.run_props(p.find(f"{w('pPr')}/{w('rPr')}"), pid,
                                            table_style).size_pt
        n = len(layout)
        lines = []
        for k, line in enumerate(layout):
            runs = [(i, {"text": text, "props": rp, "has_shape": drawn, "raw": raw,
                         "shapes": shapes}) for i, text, rp, drawn, raw, shapes in line]
            text = "".join(t[1].upper() if t[2].caps else t[1] for t in line)
            proto = {"props": props, "style": pid, "page_break_in": page_br, "seg": k,
                     "nseg": n, "lead_tab": lead_tab if k == 0 else 0,
                     "mark_pt": mark_pt if k == n - 1 else None,
                     # the cached properties, computed once
                     "text": text,
                     "raw_text": "".join(t[4] for t in line), "norm": norm(text)}
            with_text = tuple(j for j, t in enumerate(line) if t[1].strip())
            proto["props_key"] = tuple(id(line[j][2]) for j in with_text)
            proto["_memo"] = {}   # facts the rules derive from the shape alone (rules/body.py)
            lines.append((runs, proto, with_text))
        return lines, p.find(_PPR_SECTPR) is not None

    def table(self, tbl, outer: Table | None = None, outer_loc=None) -> Table:
        if outer is None:
            t = Table(tbl, self.table_count, self.section)
            self.table_count += 1
        else:
            t = outer
        tstyle = wval(tbl.find(f"{w('tblPr')}/{w('tblStyle')}")) or self.styles.defaults.get("table")
        rows = tbl.findall(w("tr"))
        outer_pad, self.pad = self.pad, cell_padding(tbl)
        if outer is None and rows:
            trpr = rows[0].find(w("trPr"))
            t.header_row = trpr is not None and trpr.find(w("tblHeader")) is not None
        for ri, tr in enumerate(rows):
            shape = self._row_shape(tr, tstyle) if self.shared else None
            if shape is None:
                row, widths, grid = self._row(t, ri, tr, tstyle, outer_loc)
            else:
                row, widths, grid = self._row_from(t, ri, tr, shape, outer_loc)
            if outer is None:
                t.cells.append(row)
                t.widths.append(widths)
                t.grid.append(grid)
        self.pad = outer_pad
        return t

    def _row(self, t: Table, ri: int, tr, tstyle, outer_loc) -> tuple[list, list, list]:
        """One table row, element by element (cells, their widths and first grid columns)."""
        row, widths, grid = [], [], []
        col = _grid_before(tr)
        for ci, tc in enumerate(tr.iterchildren(_TC)):
            loc = outer_loc or (ri + 1, ci + 1)
            where = f"bảng {t.index + 1}, ô ({loc[0]},{loc[1]})"
            tloc = (t.index, loc[0], loc[1])
            cell = []
            tcpr = None
            for ch in tc:
                tag = ch.tag
                if tag == _P:
                    cell.extend(self.para(ch, tstyle, where, tloc))
                elif tag == _TBL:
                    self.table(ch, t, loc)
                elif tag == _TCPR:
                    tcpr = ch
            self._seed_width(tc, cell, cell_width(tc))
            row.append(cell)
            grid.append(col)
            span, width = _cell_facts(tcpr)
            col += span
            widths.append(width)
        return row, widths, grid

    def _row_shape(self, tr, tstyle) -> tuple | None:
        """What a row's XML alone decides (its cells' paragraph shapes, spans and widths),
        cached by that XML like paragraphs; None for a row holding a nested table."""
        key = (tstyle, etree.tostring(tr))
        cache = self.styles.row_shapes
        hit = cache.get(key)
        if hit is not None:
            return hit
        cells = []
        for tc in tr.iterchildren(_TC):
            if tc.find(_TBL) is not None:
                return None
            tcpr = None
            for ch in tc.iterchildren(_TCPR):
                tcpr = ch
            cells.append(([self._shape(p, tstyle) for p in tc.iterchildren(_P)],
                          *_cell_facts(tcpr), cell_width(tc)))
        hit = (_grid_before(tr), cells)
        if len(cache) < 2000:
            cache[key] = hit
        return hit

    def _row_from(self, t: Table, ri: int, tr, shape, outer_loc) -> tuple[list, list, list]:
        """As _row, from the row's cached shape. On a read-only model (the batch), a row seen
        before with the same shape at the same place (table, row index, section, cell
        padding) reuses the Para objects made then: they hold nothing that differs, but
        `el` (an element of the earlier document, equal to this one's; Run.el is never
        asked on such a model)."""
        key = None
        if self.share_rows and outer_loc is None:
            key = (id(shape), t.index, ri, self.section, self.pad)
            hit = self.styles.row_paras.get(key)
            if hit is not None and hit[0] is shape:
                cells, widths, grid = hit[1]
                for cell in cells:
                    self.paras.extend(cell)
                self.reused = True
                return [list(c) for c in cells], list(widths), list(grid)
        row, widths, grid = self._row_paras(t, ri, tr, shape, outer_loc)
        if key is not None and not any(ps[1] for c in shape[1] for ps in c[0]):
            self._remember_row(key, shape, row, widths, grid)
        return row, widths, grid

    def _remember_row(self, key: tuple, shape, row, widths, grid) -> None:
        """Keep the row's objects for the next document, on the second sight of its key
        only (a row seen once, a commune's own, is not worth keeping, nor its tree)."""
        seen, kept = self.styles.row_seen, self.styles.row_paras
        if key not in seen:
            if len(seen) < 20000:
                seen.add(key)
        elif len(kept) < 1000:
            kept[key] = (shape, ([tuple(c) for c in row], tuple(widths), tuple(grid)))

    def _row_paras(self, t: Table, ri: int, tr, shape, outer_loc) -> tuple[list, list, list]:
        row, widths, grid = [], [], []
        col, cells = shape
        for ci, (tc, (shapes, span, width, text_width)) in enumerate(
                zip(tr.iterchildren(_TC), cells)):
            loc = outer_loc or (ri + 1, ci + 1)
            where = f"bảng {t.index + 1}, ô ({loc[0]},{loc[1]})"
            tloc = (t.index, loc[0], loc[1])
            cell = []
            for p, pshape in zip(tc.iterchildren(_P), shapes):
                cell.extend(self._emit(p, pshape, where, tloc))
            self._seed_width(tc, cell, text_width)
            row.append(cell)
            grid.append(col)
            col += span
            widths.append(width)
        return row, widths, grid

    def _top_para(self, p) -> list[Para]:
        """A top-level paragraph. On a read-only model (the batch), one seen before with the
        same shape at the same place (paragraph index, section, and that section's page
        geometry, the XML of its sectPr) reuses the Para objects made then, as rows do
        (_row_from): what the rules remember on them (text width, height) depends only on
        those; `el` is then an equal element of an earlier document."""
        shape = self._shape(p, None)
        if self.geometry is None or shape[1]:
            return self._emit(p, shape, None, (None, None, None))
        key = (id(shape), self.body_count + 1, self.section, self.geometry[self.section])
        hit = self.styles.top_paras.get(key)
        if hit is not None and hit[0] is shape:
            self.body_count += 1
            self.paras.extend(hit[1])
            self.reused = True
            return list(hit[1])
        out = self._emit(p, shape, None, (None, None, None))
        seen, kept = self.styles.top_seen, self.styles.top_paras
        if key not in seen:
            if len(seen) < 20000:
                seen.add(key)
        elif len(kept) < 5000:
            kept[key] = (shape, tuple(out))
        return out

    def walk(self, container, blocks: list):
        for ch in container:
            if ch.tag == w("p"):
                blocks.extend(self._top_para(ch))
            elif ch.tag == w("tbl"):
                blocks.append(self.table(ch))
            elif ch.tag in (w("sdt"), w("sdtContent"), w("customXml")):
                self.walk(ch, blocks)


def _sections(pkg: DocxPackage, sect_prs: list) -> list[Section]:
    out: list[Section] = []
    prev_h: dict = {"default": None, "first": None, "even": None}
    prev_f: dict = dict(prev_h)
    for i, sp in enumerate(sect_prs):
        heads, foots = dict(prev_h), dict(prev_f)
        for ref in sp.findall(w("headerReference")):
            heads[wval(ref, "type") or "default"] = pkg.headers.get(ref.get(f"{{{R_NS}}}id"))
        for ref in sp.findall(w("footerReference")):
            foots[wval(ref, "type") or "default"] = pkg.footers.get(ref.get(f"{{{R_NS}}}id"))
        tp = sp.find(w("titlePg"))
        out.append(Section(i, sp, heads, foots, tp is not None and (wval(tp) or "1") not in
                           ("0", "false", "off")))
        prev_h, prev_f = heads, foots
    return out


_MC_IGNORABLE = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Ignorable"


def _geometry(body) -> list | None:
    """Each section's sectPr XML (None: no final sectPr), read before the paragraphs the
    sections hold; None when a sectPr is not where this looks (a body paragraph's pPr, or the
    body itself: inside a w:sdt, say): top-level paragraphs are then not shared
    (_Builder._top_para)."""
    sects, final = [], None
    for sp in body.iter(_SECTPR):
        parent = sp.getparent()
        if parent is body:
            final = sp
        elif parent.tag == _PPR and parent.getparent().getparent() is body:
            sects.append(sp)
        else:
            return None
    return [etree.tostring(sp) for sp in sects] + [None if final is None else etree.tostring(final)]


_SECTPR, _PPR = w("sectPr"), w("pPr")


def build_model(pkg: DocxPackage, styles: Styles | None = None, *,
                lazy_runs: bool = False, share_rows: bool = True) -> DocModel:
    """The document model; `styles` is a Styles index already built on pkg's styles part.
    With `lazy_runs`, a Run's element is found only when asked (for a read-only model: the
    run is found again by its index in the paragraph, which an edit would shift).

    Unused namespace declarations of the document part are dropped first (those named in
    mc:Ignorable are kept, so the tree stays a valid Word part): Word declares some 35 on the
    root, and serialising a paragraph as a cache key would otherwise repeat them all."""
    doc = pkg.document
    etree.cleanup_namespaces(doc, keep_ns_prefixes=(doc.get(_MC_IGNORABLE) or "").split())
    b = _Builder(pkg, styles, lazy_runs, share_rows)
    body = pkg.document.find(w("body"))
    blocks: list = []
    if body is not None:
        if b.share_rows:       # the sections' sectPr, seen before the paragraphs they end
            b.geometry = _geometry(body)
        b.walk(body, blocks)
        final = body.find(w("sectPr"))
        if final is not None:
            b.sect_prs.append(final)
    if not b.sect_prs:
        b.sect_prs.append(etree.Element(w("sectPr")))
    sections = _sections(pkg, b.sect_prs)
    for blk in blocks:
        if isinstance(blk, Table) and blk.section < len(sections):
            sections[blk.section].has_table = True
    last = len(sections) - 1
    # paragraphs after the last sectPr (sections only grow along b.paras: the last is enough)
    trailing = bool(b.paras) and b.paras[-1].section > last
    if b.reused and trailing:
        # (never for a document docgen renders) shared rows are not to be changed below
        return build_model(pkg, styles, lazy_runs=lazy_runs, share_rows=False)
    for p in reversed(b.paras) if trailing else ():
        if p.section <= last:
            break
        p.section = last
    return DocModel(pkg.name, pkg, b.styles, blocks, b.paras, sections, b.cache)


def has_page_field(root: etree._Element | None) -> list[etree._Element]:
    """Paragraphs of a header/footer part that hold a PAGE field."""
    if root is None:
        return []
    found = []
    for p in root.iter(w("p")):
        instr = " ".join([fs.get(w("instr"), "") for fs in p.iter(w("fldSimple"))] +
                         [it.text or "" for it in p.iter(w("instrText"))])
        if _PAGE_FIELD.search(instr.upper().replace("NUMPAGES", "").replace("SECTIONPAGES", "")):
            found.append(p)
    return found
