"""Text rules: capitals (Phụ lục II), "V/v" only in a công văn, citations with "số" and the
issuing body, dates written in full, abbreviations explained before use.

Each looks only at sentences of ô 5a/6 (trích yếu, căn cứ, body paragraphs; not tables, not
headings in capitals) and reports a pattern that is unambiguous; where the decree leaves room
(a unit named after a person keeps its capital, an abbreviation everyone knows) the finding is
a warning. One finding per rule and part, the first place shown with the count of the others,
so that a long real document is not flooded."""
from __future__ import annotations

import re

from docgen.check.finding import CANH_BAO, rule
from docgen.check.locate import CONG_VAN, PHU_LUC
from docgen.check.rules.ctx import Ctx
from docgen.check.vocab import ALL_ABBR, is_upper

DOC_TYPES = ("Văn bản", "Nghị quyết", "Nghị định", "Quyết định", "Chỉ thị", "Thông tư", "Thông tư liên tịch",
             "Công văn", "Kế hoạch", "Thông báo", "Báo cáo", "Tờ trình", "Hướng dẫn", "Công điện",
             "Chương trình", "Đề án")
# "Nghị định 30/2020/NĐ-CP": a type followed by its number without "số"
NO_SO = re.compile(r"\b(?P<type>" + "|".join(sorted(DOC_TYPES, key=len, reverse=True))
                   + r")\s+(?P<num>\d+/[\w/.-]*[A-ZĐ][\w/.-]*)")
CITES = re.compile(r"\b(?:" + "|".join(DOC_TYPES) + r")\s+số\s+\d+/\S+")
# "ngày 5 tháng 1 năm 2026": day below 10 or month 1, 2 without its zero
DATE_TEXT = re.compile(r"\bngày (?P<d>\d{1,2}) tháng (?P<m>\d{1,2}) năm (?P<y>\d{4})\b")
# citing parts of a document: "Khoản 2 Điều 5" mid-sentence, "điều 5 Luật …"
KHOAN_CAP = re.compile(r"(?<=[a-zà-ỹđ,] )(?P<w>Khoản|Điểm) (?=\d+[a-zđ]?\b|[a-zđ]\b)")
DIEU_LOW = re.compile(r"\b(?P<w>điều|chương|mục|phần) (?P<n>\d+|[IVXLC]+)\b(?= (?:của |khoản )?"
                      r"(?:Luật|Bộ luật|Nghị định|Nghị quyết|Quyết định|Thông tư|Pháp lệnh|"
                      r"Hiến pháp)\b)")
UNIT_CAP = re.compile(r"(?<=[a-zà-ỹđ] )(?P<w>Tỉnh|Huyện|Xã|Phường|Thị xã|Thị trấn|Quận) "
                      r"(?P<name>[A-ZĐ][a-zà-ỹđ]+(?: [A-ZĐ][a-zà-ỹđ]+)*)")
ABBR = re.compile(r"(?<![\w/-])(?P<a>[A-ZĐ][A-ZĐ]{1,7}|[A-ZĐ]+[a-z][A-ZĐ]+)(?![\w/-])")
ROMAN = re.compile(r"^[IVXLC]+$")
# Abbreviations every office reading an administrative-reform document knows, with their full
# forms (Decree 30 leaves abbreviations to each body, Phụ lục I, mục II.3.b): not reported.
COMMON_ABBR = {
    "UBND": "Ủy ban nhân dân", "HĐND": "Hội đồng nhân dân", "MTTQ": "Mặt trận Tổ quốc",
    "TW": "Trung ương", "CP": "Chính phủ", "TTg": "Thủ tướng Chính phủ", "QH": "Quốc hội",
    "VN": "Việt Nam", "TP": "thành phố", "STT": "số thứ tự", "TT": "thứ tự",
    "TNHH": "trách nhiệm hữu hạn", "ĐT": "điện thoại", "ISO": "Tổ chức Tiêu chuẩn hóa quốc tế",
    "TCVN": "Tiêu chuẩn Việt Nam", "CCHC": "cải cách hành chính", "TTHC": "thủ tục hành chính",
    "CNTT": "công nghệ thông tin", "CQHCNN": "cơ quan hành chính nhà nước",
    "HTQLCL": "hệ thống quản lý chất lượng", "TTĐT": "thông tin điện tử",
    "CBCCVC": "cán bộ, công chức, viên chức", "CBCC": "cán bộ, công chức",
    "DVC": "dịch vụ công", "DVCTT": "dịch vụ công trực tuyến", "KT": "kinh tế", "XH": "xã hội",
    "PAR": "Chỉ số cải cách hành chính (PAR INDEX)", "INDEX": "PAR INDEX",
    "SIPAS": "Chỉ số hài lòng về sự phục vụ hành chính", "PAPI": "Chỉ số hiệu quả quản trị "
    "và hành chính công cấp tỉnh", "PCI": "Chỉ số năng lực cạnh tranh cấp tỉnh",
}


def _sentences(part):
    """(paragraph, NFC text) of the trích yếu, căn cứ and body paragraphs of a part, less
    headings in capitals; computed once per part (four rules read them)."""
    if part.sentences is None:
        part.sentences = []
        for p in [*part.trich_yeu, *part.can_cu, *part.body]:
            text = p.norm
            if text and not is_upper(text):
                part.sentences.append((p, text))
    return part.sentences


_SCANS: dict[str, tuple] = {}


def _scan(t: str) -> tuple:
    """What the text rules find in one sentence (NFC text): (citations without "số", dates
    without their zero, citing capitals, unit capitals, abbreviations as (abbreviation,
    offset)), in text order. Remembered by text: the documents of a batch repeat most
    sentences, and four rules read the same sentence."""
    hit = _SCANS.get(t)
    if hit is not None:
        return hit
    dates = []
    for m in DATE_TEXT.finditer(t):
        d, mo = int(m.group("d")), int(m.group("m"))
        if (d < 10 and len(m.group("d")) == 1) or (mo in (1, 2) and len(m.group("m")) == 1):
            dates.append(m.group(0))
    cite, unit = [], []
    # each capitals pattern only where its literal words occur (a cheap test before the scan)
    if "Khoản " in t or "Điểm " in t:
        cite += [m.group(0).strip() for m in KHOAN_CAP.finditer(t)]
    if "điều " in t or "chương " in t or "mục " in t or "phần " in t:
        cite += [m.group(0) for m in DIEU_LOW.finditer(t)]
    if "Tỉnh " in t or "Huyện " in t or "Xã " in t or "Phường " in t or "Thị " in t \
            or "Quận " in t:
        unit = [m.group(0) for m in UNIT_CAP.finditer(t)]
    hit = (tuple(m.group(0) for m in NO_SO.finditer(t)), tuple(dates), tuple(cite), tuple(unit),
           tuple((m.group("a"), m.start()) for m in ABBR.finditer(t)))
    if len(_SCANS) < 20000:
        _SCANS[t] = hit
    return hit


def _one(ctx: Ctx, code: str, hits: list, what: str, expected: str, severity=None):
    """One finding for the first hit (paragraph, found text), with the count of the others."""
    if not hits:
        return []
    p, found = hits[0]
    more = f" (và {len(hits) - 1} chỗ khác)" if len(hits) > 1 else ""
    return [ctx.find(code, p, f"{what}: \"{found}\"{more}", expected, found, severity)]


@rule("nd30.text-vv", "\"V/v\" chỉ dùng trong công văn", "NĐ 30/2020, Phụ lục I, mục II.5.b")
def vv(ctx: Ctx):
    for part in ctx.parts:
        if part.kind in (CONG_VAN, PHU_LUC) or part.ten_loai is None:
            continue
        hits = [(p, " ".join(p.norm.split()[:5])) for p in part.trich_yeu
                if p.norm.startswith("V/v")]
        yield from _one(ctx, "nd30.text-vv", hits, "trích yếu văn bản có tên loại viết \"V/v\" "
                        "(chỉ công văn dùng \"V/v\"; văn bản khác viết \"Về việc\")", "Về việc …")


def _without_body(text: str) -> list[str]:
    """Citations in a căn cứ that name no issuing body: no "của <cơ quan>" between the
    previous citation (or the start) and the next one ("Theo đề nghị của Giám đốc Công an tỉnh
    tại Tờ trình số 519/…" names it before). A symbol that names the Government, the Prime
    Minister or the National Assembly (NĐ-CP, QĐ-TTg, QH15) names its issuer already."""
    found = list(CITES.finditer(text))
    out = []
    for k, m in enumerate(found):
        start = found[k - 1].end() if k else 0
        end = found[k + 1].start() if k + 1 < len(found) else len(text)
        around = text[start:m.start()] + " " + text[m.end():end]
        if " của " not in around and not re.search(r"(CP|TTg|QH\d*)$", m.group(0)):
            out.append(m.group(0))
    return out


@rule("nd30.text-citation", "Trích dẫn văn bản: số, ký hiệu, cơ quan ban hành",
      "NĐ 30/2020, Phụ lục I, mục II.6.a")
def citation(ctx: Ctx):
    for part in ctx.parts:
        hits = [(p, found) for p, t in _sentences(part) for found in _scan(t)[0]]
        yield from _one(ctx, "nd30.text-citation", hits, "trích dẫn văn bản thiếu chữ \"số\" "
                        "trước số, ký hiệu", "Nghị định số 30/2020/NĐ-CP")
        body = [(p, found) for p in part.can_cu for found in _without_body(p.norm)]
        yield from _one(ctx, "nd30.text-citation", body, "căn cứ không ghi cơ quan ban hành "
                        "văn bản được trích dẫn (\"… của …\")", "… ngày … của <cơ quan>", CANH_BAO)


@rule("nd30.text-date", "Ngày tháng viết trong nội dung", "NĐ 30/2020, Phụ lục I, mục II.4.b",
      severity=CANH_BAO)
def dates(ctx: Ctx):
    for part in ctx.parts:
        hits = [(p, found) for p, t in _sentences(part) for found in _scan(t)[1]]
        yield from _one(ctx, "nd30.text-date", hits, "ngày dưới 10 và tháng 1, 2 viết có số 0 "
                        "ở trước", "ngày 05 tháng 01 năm 2026")


@rule("nd30.text-capitals", "Viết hoa", "NĐ 30/2020, Phụ lục II")
def capitals(ctx: Ctx):
    for part in ctx.parts:
        cite, unit = [], []
        for p, t in _sentences(part):
            scan = _scan(t)
            cite += [(p, found) for found in scan[2]]
            unit += [(p, found) for found in scan[3]]
        yield from _one(ctx, "nd30.text-capitals", cite, "viện dẫn phần của văn bản: viết hoa "
                        "Phần, Chương, Mục, Điều; viết thường khoản, điểm",
                        "điểm a khoản 2 Điều 5 Luật …")
        yield from _one(ctx, "nd30.text-capitals", unit, "tên đơn vị hành chính: danh từ chung "
                        "(tỉnh, huyện, xã, phường…) viết thường trước tên riêng, trừ đơn vị đặt "
                        "theo tên người, sự kiện hay số", "tỉnh Lâm Đồng", CANH_BAO)


_WORD_START = re.compile(r"(?<!\w)\w")      # the first letter of each word (\w+)


_INITIALS: dict[str, str] = {}


def _initials(text: str) -> str:
    """The first letters of the words of `text`, in capitals (by text: paragraphs repeat)."""
    hit = _INITIALS.get(text)
    if hit is None:
        hit = "".join(_WORD_START.findall(text)).upper()
        if len(_INITIALS) < 20000:
            _INITIALS[text] = hit
    return hit


def _defined(a: str, text: str) -> bool:
    """Defined in parentheses: "(sau đây viết tắt là CCHC)", "(CCHC)"."""
    return re.search(rf"\(\s*(?:sau đây\s+)?(?:(?:gọi|viết)\s+tắt\s+(?:là\s+)?)?[\"“]?"
                     rf"{re.escape(a)}[\"”]?\s*\)", text) is not None


def _used_before(a: str, seen: str, head: str) -> bool:
    """`a in seen + head`, without building the string."""
    return a in seen or a in head or (len(a) > 1 and a in seen[1 - len(a):] + head[:len(a) - 1])


@rule("nd30.text-abbreviation", "Chữ viết tắt được giải thích trước khi dùng",
      "thực hành soạn thảo; NĐ 30/2020, Phụ lục I, mục II.3.b (chữ viết tắt do cơ quan quy định)",
      severity=CANH_BAO)
def abbreviations(ctx: Ctx):
    """Used before, defined in parentheses, or its full form written in the document (the
    initials of all its words, tables included: consecutive words whose first letters spell
    it, "cải cách hành chính" explains CCHC). Only an abbreviation the reader cannot resolve
    anywhere is reported."""
    everywhere = None
    for part in ctx.parts:
        if part.kind == PHU_LUC:
            continue
        sentences = [(p, t, _scan(t)[4]) for p, t in _sentences(part)]
        uses: dict[str, int] = {}
        for _p, _t, found in sentences:
            for a, _ in found:
                uses[a] = uses.get(a, 0) + 1
        seen_text, hits, reported = "", [], set()
        for p, t, found in sentences:
            for a, start in found:
                if a in reported or a in COMMON_ABBR or a in ALL_ABBR or ROMAN.match(a) \
                        or uses[a] < 2:          # a name used once is left to the reader
                    continue
                if _used_before(a, seen_text, t[:start]) or _defined(a, seen_text + t):
                    continue
                if everywhere is None:
                    # the initials of the words of every paragraph in turn: words never
                    # run from one paragraph into the next, so this is the initials of the
                    # whole text joined by spaces
                    everywhere = "".join(_initials(q.text) for q in ctx.model.paras)
                if a.upper() not in everywhere:
                    hits.append((p, a))
                    reported.add(a)
            seen_text += " " + t
        if hits:
            first, more = hits[0], [a for _, a in hits[1:]]
            msg = ("chữ viết tắt dùng mà chưa giải thích (ghi tên đầy đủ kèm \"(sau đây viết tắt "
                   f"là …)\" ở lần dùng đầu): \"{first[1]}\"")
            if more:
                msg += " và " + ", ".join(f"\"{a}\"" for a in more[:5]) + \
                    (f" cùng {len(more) - 5} chữ khác" if len(more) > 5 else "")
            yield ctx.find("nd30.text-abbreviation", first[0], msg, "Cải cách hành chính (CCHC)",
                           first[1])
