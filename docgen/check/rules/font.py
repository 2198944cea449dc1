"""Font, colour and encoding (Phụ lục I, Phần I, mục I.4; TCVN 6909:2001)."""
from __future__ import annotations

import unicodedata

from docgen.check.finding import rule
from docgen.check.rules.ctx import Ctx
from docgen.check.vocab import LEGACY_FONT_RE

TNR = "times new roman"
SLOTS = ("ascii", "hAnsi", "cs")


def _first_bad(ctx: Ctx, pred):
    """Paragraphs with a run for which pred(run) gives a value, grouped by that value:
    (first paragraph, value + " (và N đoạn khác)" when more). One finding per distinct value
    keeps a whole document in the wrong font to one readable line. `pred` looks at the run's
    props only, so it is evaluated once per distinct RunProps, and a paragraph's value once
    per distinct sequence of its text runs' RunProps (runs formatted alike share one: the
    Styles caches)."""
    groups: dict[str, list] = {}
    by_props: dict[int, str] = {}
    by_seq: dict[tuple, str] = {}
    for p, seq in _props_sequences(ctx):
        value = by_seq.get(seq)
        if value is None:
            value = ""
            for r in p.text_runs:
                v = by_props.get(id(r.props))
                if v is None:
                    v = by_props[id(r.props)] = pred(r)
                if v:
                    value = v
                    break
            by_seq[seq] = value
        if value:
            groups.setdefault(value, []).append(p)
    for value, paras in groups.items():
        more = f" (và {len(paras) - 1} đoạn khác)" if len(paras) > 1 else ""
        yield paras[0], value, more


def _props_sequences(ctx: Ctx) -> list[tuple]:
    """(paragraph, ids of its text runs' RunProps), once per document for the four rules."""
    key = ("props-seq",)
    hit = ctx.model.cache.get(key)
    if hit is None:
        hit = ctx.model.cache[key] = [(p, p.props_key) for p in ctx.model.paras]
    return hit


@rule("nd30.font", "Phông chữ Times New Roman", "NĐ 30/2020, Phụ lục I, mục I.4")
def font(ctx: Ctx):
    def bad(r):
        names = {r.props.fonts[s] for s in SLOTS if r.props.fonts[s]}
        wrong = sorted(n for n in names if n.lower() != TNR and not LEGACY_FONT_RE.match(n))
        return ", ".join(wrong)
    for p, found, more in _first_bad(ctx, bad):
        yield ctx.find("nd30.font", p, f"phông chữ {found}, Nghị định 30 yêu cầu Times New Roman"
                       + more,
                       "Times New Roman", found)


@rule("nd30.font-legacy", "Không dùng phông TCVN3/VNI", "NĐ 30/2020, Phụ lục I, mục I.4 (TCVN 6909:2001)")
def legacy(ctx: Ctx):
    def bad(r):
        names = {r.props.fonts[s] for s in SLOTS}
        return ", ".join(sorted(n for n in names if n and LEGACY_FONT_RE.match(n)))
    for p, found, more in _first_bad(ctx, bad):
        yield ctx.find("nd30.font-legacy", p,
                       f"phông chữ cũ {found} (TCVN3/VNI); Nghị định 30 yêu cầu bộ mã Unicode "
                       "TCVN 6909:2001, phông Times New Roman" + more, "Times New Roman (Unicode)", found)


@rule("nd30.font-theme", "Phông chữ lấy từ chủ đề (theme)", "NĐ 30/2020, Phụ lục I, mục I.4",
      severity="cảnh báo")
def theme(ctx: Ctx):
    def bad(r):
        slots = [s for s in SLOTS if s in r.props.theme_slots and r.props.fonts[s].lower() == TNR]
        return ", ".join(slots)
    for p, found, more in _first_bad(ctx, bad):
        yield ctx.find("nd30.font-theme", p,
                       "phông chữ lấy từ chủ đề (theme) của tài liệu; hiện là Times New Roman "
                       "nhưng sẽ đổi nếu đổi chủ đề, nên đặt tên phông trực tiếp" + more,
                       "tên phông đặt trực tiếp", f"phông theo chủ đề ({found})")


@rule("nd30.color", "Màu chữ đen", "NĐ 30/2020, Phụ lục I, mục I.4")
def color(ctx: Ctx):
    def bad(r):
        c = (r.props.color or "auto").lower()
        return "" if c in ("auto", "000000") else c
    for p, found, more in _first_bad(ctx, bad):
        yield ctx.find("nd30.color", p, f"màu chữ #{found}, Nghị định 30 yêu cầu màu đen" + more,
                       "đen (000000 hoặc tự động)", f"#{found}")


@rule("nd30.nfc", "Văn bản Unicode dựng sẵn (NFC)", "NĐ 30/2020, Phụ lục I, mục I.4; nd30 §13.11",
      severity="cảnh báo")
def nfc(ctx: Ctx):
    for p in ctx.model.paras:
        text = p.raw_text
        if text and not unicodedata.is_normalized("NFC", text):
            yield ctx.find("nd30.nfc", p,
                           "chữ Việt ở dạng tổ hợp (NFD), không phải dạng dựng sẵn (NFC); Nghị "
                           "định không nói rõ dạng chuẩn hóa (nd30 §13.11) nên chỉ cảnh báo",
                           "Unicode NFC", "NFD / tổ hợp")
