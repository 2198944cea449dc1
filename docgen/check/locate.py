"""Find the Decree 30 parts of a document by text patterns and position (not by style names:
a document made by hand in Word has none of ours).

A file may hold several parts (tron-bo.docx: decision + plan + appendix). A part starts at a
header table (a table holding the Quốc hiệu), at a Quốc hiệu paragraph outside a table, or at a
"Phụ lục …" heading paragraph.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from docgen.check.docmodel import DocModel, Para, Table
from docgen.check.vocab import (
    ALL_ABBR,
    AUTHORITY_LOOSE,
    CAN_CU_RE,
    DIEU_LOOSE,
    KINH_GUI_RE,
    NOI_NHAN,
    PHU_LUC_LOOSE,
    SO_LOOSE,
    TYPE_ABBR,
    has_lower,
    is_quoc_hieu,
    is_upper,
    norm,
)

QD, KH, PHU_LUC, CONG_VAN, TYPED, UNKNOWN = "qd", "kh", "phu-luc", "cong-van", "typed", "unknown"


@dataclass
class Part:
    """One document inside a file, with its located components (None / [] when absent)."""

    index: int
    blocks: list = field(default_factory=list)
    kind: str = UNKNOWN
    header: Table | None = None
    quoc_hieu: Para | None = None
    tieu_ngu: Para | None = None
    co_quan: list[Para] = field(default_factory=list)
    so: Para | None = None
    ngay: Para | None = None
    vv: Para | None = None
    ten_loai: Para | None = None
    trich_yeu: list[Para] = field(default_factory=list)
    kem_theo: Para | None = None
    tham_quyen: Para | None = None
    can_cu: list[Para] = field(default_factory=list)
    kinh_gui: list[Para] = field(default_factory=list)
    attached_head: bool = False    # opened by a TÊN LOẠI + "(Kèm theo …)" without header
    body: list[Para] = field(default_factory=list)
    signature_table: Table | None = None
    noi_nhan_head: Para | None = None
    noi_nhan: list[Para] = field(default_factory=list)
    chuc_vu: list[Para] = field(default_factory=list)
    ho_ten: Para | None = None
    phu_luc_head: Para | None = None
    phu_luc_title: list[Para] = field(default_factory=list)
    sentences: list | None = None  # (Para, NFC text) read by the text rules (rules/text.py)

    @property
    def type_abbr(self) -> str | None:
        return TYPE_ABBR.get(self.ten_loai.norm.upper()) if self.ten_loai else None

    @property
    def attached(self) -> bool:
        """A text issued with a decision (nd30 §5.12): own header, no Số/date line."""
        return self.kem_theo is not None and self.so is None and self.kind != PHU_LUC

    @property
    def first_para(self) -> Para | None:
        for b in self.blocks:
            if isinstance(b, Para):
                return b
            if b.cells and b.cells[0] and b.cells[0][0]:
                return b.cells[0][0][0]
        return None

    def all_paras(self, model: DocModel) -> list[Para]:
        tables = {b.index for b in self.blocks if isinstance(b, Table)}
        tops = {id(b) for b in self.blocks if isinstance(b, Para)}
        return [p for p in model.paras if id(p) in tops or p.table in tables]


def _table_has(t: Table, pred) -> bool:
    return any(pred(p) for row in t.cells for cell in row for p in cell)


def _starts_part(b) -> bool:
    if isinstance(b, Table):
        return _table_has(b, lambda p: is_quoc_hieu(p.text))
    text = b.norm
    return is_quoc_hieu(text) or bool(PHU_LUC_LOOSE.match(text))


def split_parts(model: DocModel) -> list[Part]:
    """Parts in body order. Inside an appendix or an appended form (a part opened by a
    "Phụ lục …"/"Mẫu …" heading) a Quốc hiệu belongs to the form's content: only the next
    such heading opens a new part."""
    parts: list[Part] = []
    blocks = model.blocks
    for k, b in enumerate(blocks):
        if not parts or (_starts_part(b) and _has_content(parts[-1])
                         and (_is_pl_head(b) or (_has_start(parts[-1])
                                                 and not _is_pl_part(parts[-1])))) \
                or _starts_attached(blocks, k, parts[-1]):
            parts.append(Part(len(parts)))
            parts[-1].attached_head = _starts_attached(blocks, k, parts[-2]) if len(parts) > 1 \
                else False
        parts[-1].blocks.append(b)
    for part in parts:
        _locate(part)
    return parts


def _starts_attached(blocks: list, k: int, current: Part) -> bool:
    """A text issued with the decision that ends above, typed without a header or "Phụ lục"
    line: a bold centered TÊN LOẠI, a centered title, then "(Ban hành kèm theo …)"/"(Kèm theo
    …)", after a part that already has its signature table (nd30 §5.11, §5.12)."""
    b = blocks[k]
    if not isinstance(b, Para) or b.seg or b.props.jc != "center" or not b.text_runs or \
            not all(r.props.b for r in b.text_runs) or not _looks_like_ten_loai(b.text):
        return False
    if _is_pl_head(b) or not (current.attached_head or any(
            isinstance(t, Table) and _is_signature_table(t) for t in current.blocks)):
        return False
    nxt = [q for q in blocks[k + 1:k + 6] if isinstance(q, Para) and q.text.strip()][:3]
    return any(_is_kem_theo(q.text) for q in nxt)


def _is_pl_head(b) -> bool:
    return isinstance(b, Para) and bool(PHU_LUC_LOOSE.match(b.norm))


def _is_pl_part(part: Part) -> bool:
    first = next((b for b in part.blocks if isinstance(b, Table) or b.text.strip()), None)
    return first is not None and _is_pl_head(first)


def _has_start(part: Part) -> bool:
    """A Quốc hiệu starts a new part only after a part that had its own start (a hand-made
    document may put the body name paragraph above its Quốc hiệu paragraph)."""
    return any(_starts_part(b) for b in part.blocks)


def _has_content(part: Part) -> bool:
    return any(isinstance(b, Table) or b.text.strip() for b in part.blocks)


def _nonempty(paras) -> list[Para]:
    return [p for p in paras if p.text.strip()]


def _locate(part: Part) -> None:
    tops = [b for b in part.blocks if isinstance(b, Para)]
    first = next((b for b in part.blocks if isinstance(b, Table) or b.text.strip()), None)
    if isinstance(first, Table) and _table_has(first, lambda p: is_quoc_hieu(p.text)):
        part.header = first
        _locate_header(part, first)
    else:
        _locate_plain_header(part, _nonempty(tops))
    if first is not None and isinstance(first, Para) and (
            PHU_LUC_LOOSE.match(first.norm) or part.attached_head):
        part.kind = PHU_LUC
        part.phu_luc_head = first
    _locate_closing(part)
    _locate_opening(part, tops)
    _classify(part)


def _locate_header(part: Part, t: Table) -> None:
    qh_col = None
    for row in t.cells:
        for ci, cell in enumerate(row):
            texts = _nonempty(cell)
            for k, p in enumerate(texts):
                if part.quoc_hieu is None and is_quoc_hieu(p.text):
                    part.quoc_hieu, qh_col = p, ci
                    if k + 1 < len(texts):
                        part.tieu_ngu = texts[k + 1]
    for row in t.cells:
        for ci, cell in enumerate(row):
            for p in _nonempty(cell):
                text = p.norm
                if p is part.quoc_hieu or p is part.tieu_ngu:
                    continue
                if SO_LOOSE.match(text) and text.startswith("Số") and part.so is None:
                    part.so = p
                elif text.startswith("V/v"):
                    part.vv = p
                elif ci == qh_col and " ngày " in f" {text} " and "năm" in text:
                    part.ngay = part.ngay or p
                elif ci != qh_col and part.so is None and part.vv is None:
                    part.co_quan.append(p)


def _locate_plain_header(part: Part, paras: list[Para]) -> None:
    """A header typed as paragraphs (no table): body name above or below the Quốc hiệu."""
    qh = next((k for k, p in enumerate(paras[:8]) if is_quoc_hieu(p.text)), None)
    if qh is None:
        return
    part.quoc_hieu = paras[qh]
    part.co_quan = [p for p in paras[:qh] if is_upper(p.text)]
    k = qh + 1
    if k < len(paras) and "độc lập" in paras[k].text.lower():
        part.tieu_ngu = paras[k]
        k += 1
    for p in paras[k:k + 4]:
        text = p.norm
        if text.startswith("Số") and SO_LOOSE.match(text) and part.so is None:
            part.so = p
        elif text.startswith("V/v") and part.so is not None and part.vv is None:
            part.vv = p
        elif " ngày " in text and "năm" in text and part.ngay is None:
            part.ngay = p
        elif not part.co_quan and is_upper(text) and not _looks_like_ten_loai(text):
            part.co_quan.append(p)


def _header_end(part: Part, paras: list[Para]) -> int:
    """Index after the last header paragraph of a header typed without a table."""
    found = [paras.index(p) for p in (part.quoc_hieu, part.tieu_ngu, part.so, part.vv, part.ngay,
                                      *part.co_quan) if p is not None and p in paras]
    return max(found) + 1 if found else 0


_SIGNATURE_SEEN: dict[str, bool] = {}


def _signature_text(text: str) -> bool:
    """A Nơi nhận or authority line (remembered by text, like vocab.is_quoc_hieu)."""
    hit = _SIGNATURE_SEEN.get(text)
    if hit is None:
        hit = text.lower().startswith("nơi nhận") or bool(AUTHORITY_LOOSE.match(text))
        if len(_SIGNATURE_SEEN) < 20000:
            _SIGNATURE_SEEN[text] = hit
    return hit


def _is_signature_table(t: Table) -> bool:
    return _table_has(t, lambda p: _signature_text(p.norm))


def _locate_closing(part: Part) -> None:
    tables = [b for b in part.blocks if isinstance(b, Table) and b is not part.header]
    sig = next((t for t in reversed(tables) if _is_signature_table(t)), None)
    if sig is not None:
        part.signature_table = sig
        nn_col = None
        for ri, row in enumerate(sig.cells):
            for ci, cell in enumerate(row):
                texts = _nonempty(cell)
                if nn_col is None and texts and texts[0].text.strip().lower().startswith("nơi nhận"):
                    part.noi_nhan_head, part.noi_nhan, nn_col = texts[0], texts[1:], ci
                    part.noi_nhan += _rows_below(sig, ri, sig.grid[ri][ci] if sig.grid else ci)
        for row in sig.cells:            # the signature is in another column than Nơi nhận
            for ci, cell in enumerate(row):
                texts = _nonempty(cell)
                if texts and ci != nn_col and part.ho_ten is None and not part.chuc_vu:
                    _split_signature(part, texts)
        return
    tops = [b for b in part.blocks if isinstance(b, Para)]
    for i, p in enumerate(tops):
        if p.text.strip().lower().startswith(NOI_NHAN[:8].lower()):
            part.noi_nhan_head = p
            part.noi_nhan = [q for q in _nonempty(tops[i + 1:]) if q.text.lstrip().startswith("-")]
            break


def _rows_below(t: Table, ri: int, start: int) -> list[Para]:
    """Nơi nhận lines a person typed on in the same column of the following rows."""
    out = []
    for r in range(ri + 1, len(t.cells)):
        grid = t.grid[r] if t.grid else list(range(len(t.cells[r])))
        if start not in grid:
            break
        lines = _nonempty(t.cells[r][grid.index(start)])
        if not lines or not all(q.text.lstrip().startswith("-") for q in lines):
            break
        out += lines
    return out


def _split_signature(part: Part, texts: list[Para]) -> None:
    names = [p for p in texts if not is_upper(p.text)]
    if names:
        part.ho_ten = names[-1]
        part.chuc_vu = [p for p in texts if p is not part.ho_ten and is_upper(p.text)]
    else:
        part.chuc_vu = texts


def _stop_index(part: Part, tops: list[Para]) -> int:
    """Index in `tops` where ô 6 ends (Nơi nhận paragraph, or the end)."""
    if part.noi_nhan_head is not None and part.noi_nhan_head in tops:
        return tops.index(part.noi_nhan_head)
    if part.signature_table is not None:
        pos = part.blocks.index(part.signature_table)
        before = [b for b in part.blocks[:pos] if isinstance(b, Para)]
        return len(before)
    return len(tops)


def _locate_opening(part: Part, tops: list[Para]) -> None:
    paras = _nonempty(tops[: _stop_index(part, tops)])
    i = 0
    if part.phu_luc_head is not None:
        i = paras.index(part.phu_luc_head) + 1
        while i < len(paras) and (is_upper(paras[i].text) or (
                part.attached_head and paras[i].props.jc == "center"
                and not _is_kem_theo(paras[i].text) and len(part.phu_luc_title) < 3)):
            part.phu_luc_title.append(paras[i])
            i += 1
    elif part.header is not None or part.quoc_hieu is not None:
        if part.quoc_hieu in paras:                       # header without a table
            i = _header_end(part, paras)
        if i < len(paras) and _looks_like_ten_loai(paras[i].text):
            part.ten_loai = paras[i]
            i += 1
            while (i < len(paras) and len(part.trich_yeu) < 4 and not _is_stopper(paras[i].text)
                   and (not part.trich_yeu or paras[i].props.jc == "center")
                   or _first_trich_yeu(part, paras, i) or _caps_continuation(part, tops, paras, i)):
                part.trich_yeu.append(paras[i])   # continuation lines are centered like it
                i += 1
    i = _locate_kinh_gui(part, paras, i)
    if i < len(paras) and _is_kem_theo(paras[i].text):
        part.kem_theo = paras[i]
        i += 1
    if i < len(paras) and is_upper(paras[i].text) and i + 1 < len(paras) and \
            CAN_CU_RE.match(paras[i + 1].norm):
        part.tham_quyen = paras[i]
        i += 1
    while (i < len(paras) and CAN_CU_RE.match(paras[i].norm)
           and part.type_abbr in ("QĐ", "NQ")):
        # only a decision or resolution has a căn cứ block (Mẫu 1.1–1.3); in a plan, report,
        # tờ trình or công văn "Căn cứ…"/"Theo đề nghị…" is body text (checker-decisions.md)
        part.can_cu.append(paras[i])
        i += 1
    i = _locate_kinh_gui(part, paras, i)
    part.body = paras[i:]


def _first_trich_yeu(part: Part, paras: list[Para], i: int) -> bool:
    """The line right under the tên loại is the trích yếu even when typed in capitals, as long
    as it is centered and bold like one (one finding, not a cascade)."""
    if part.trich_yeu or i >= len(paras):
        return False
    p = paras[i]
    t = p.norm
    return (p.props.jc == "center" and is_upper(t) and bool(p.text_runs)
            and all(r.props.b for r in p.text_runs) and not KINH_GUI_RE.match(t)
            and not CAN_CU_RE.match(t) and not _is_kem_theo(t))


_CAPS_HEADING = re.compile(r"^(?:[IVXLC]+\.|\d|PHẦN\b|CHƯƠNG\b|MỤC\b|ĐIỀU\b)")


def _caps_continuation(part: Part, tops: list[Para], paras: list[Para], i: int) -> bool:
    """The next line of a trích yếu typed in capitals: directly under the line above (the
    next line of its paragraph, or the next paragraph with no empty one between), centered and
    bold like it, not a heading, nor the authority line that a căn cứ block follows (nd30
    §5.5: one finding for the capitals, never the rest of the trích yếu lost)."""
    if not part.trich_yeu or len(part.trich_yeu) >= 4 or i >= len(paras) \
            or any(has_lower(q.text) for q in part.trich_yeu):
        return False
    prev, p = part.trich_yeu[-1], paras[i]
    t = p.norm
    adjacent = (p.el is prev.el and p.seg == prev.seg + 1) or (
        p.seg == 0 and prev.seg == prev.nseg - 1 and _top_index(tops, p) == _top_index(tops, prev) + 1)
    return (adjacent and _first_trich_yeu(Part(part.index), paras, i) and not t.endswith(":")
            and not _CAPS_HEADING.match(t) and not DIEU_LOOSE.match(t)
            and not (i + 1 < len(paras) and CAN_CU_RE.match(paras[i + 1].norm)))


def _top_index(tops: list[Para], p: Para) -> int:
    return next((k for k, q in enumerate(tops) if q is p), -2)


def _locate_kinh_gui(part: Part, paras: list[Para], i: int) -> int:
    """ô 9a: "Kính gửi: …" and the "- …" recipient lines under it."""
    if part.kinh_gui or i >= len(paras) or not KINH_GUI_RE.match(paras[i].norm):
        return i
    part.kinh_gui.append(paras[i])
    i += 1
    while i < len(paras) and paras[i].norm.startswith(("-", "+", "–")) and \
            paras[i].props.jc != "both" and len(part.kinh_gui) < 30:
        part.kinh_gui.append(paras[i])
        i += 1
    return i


def _looks_like_ten_loai(text: str) -> bool:
    t = norm(text)
    return t.upper() in TYPE_ABBR or (is_upper(t) and len(t) < 40 and not t.endswith(":"))


def _is_stopper(text: str) -> bool:
    t = norm(text)
    return (t.startswith("(") or is_upper(t) or bool(CAN_CU_RE.match(t))
            or bool(DIEU_LOOSE.match(t)) or t[:1].isdigit() or bool(KINH_GUI_RE.match(t)))


def _is_kem_theo(text: str) -> bool:
    t = norm(text).lower()
    return t.startswith("(") and "kèm theo" in t[:30]


def _classify(part: Part) -> None:
    if part.kind == PHU_LUC:
        return
    abbr = part.type_abbr
    if abbr == "QĐ":
        part.kind = QD
    elif abbr == "KH":
        part.kind = KH
    elif abbr:
        part.kind = TYPED
    elif part.vv is not None:
        part.kind = CONG_VAN
    elif part.so is not None:
        m = SO_LOOSE.match(part.so.norm)
        first = (m.group("sym").split("-")[0] if m else "")
        part.kind = TYPED if first in ALL_ABBR else CONG_VAN
