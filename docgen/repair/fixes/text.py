"""Mechanical text fixes: NFC, the Tiêu ngữ's hyphens, the Số line, the date line, the
authority abbreviation ("KT.CHỦ TỊCH" → "KT. CHỦ TỊCH"), the "Phụ lục" heading, the
punctuation ending căn cứ and Nơi nhận lines, and "./." after the body. Each changes only
spaces, punctuation, zero padding or letter case: every word stays as it was typed."""
from __future__ import annotations

import re
import unicodedata

from docgen.check.effective import w
from docgen.check.locate import PHU_LUC
from docgen.check.rules.closing import LUU_RE
from docgen.check.vocab import TIEU_NGU
from docgen.repair.edit import Fix, para_text

_DASHES = "-‐‑‒–—−"
_SO = re.compile(r"^(?P<lead>\s*)Số\s*[:.]?\s*(?P<num>[^/\s]*)\s*/\s*(?P<sym>.*?)\s*$")
_DATE = re.compile(r"ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s+năm\s+(?P<y>\d{4})")
_AUTH = re.compile(r"^(?P<a>TM|KT|TL|TUQ|Q|T/M)\s*[./]?\s*(?=[A-ZĐÀ-Ỹ])")
_AUTH_FIX = {"T/M": "TM"}


def _span(p) -> tuple[int, int]:
    """[start, end) of line `p` (a model Para: one line of a w:p split by soft breaks) in the
    run text of its w:p (docgen.repair.edit.para_text: a soft break is "\\n")."""
    full = para_text(p.el)
    start = 0
    for k, line in enumerate(full.split("\n")):
        if k == p.seg:
            return start, start + len(line)
        start += len(line) + 1
    return len(full), len(full)


def _line(p) -> str:
    start, end = _span(p)
    return para_text(p.el)[start:end]


def _replace_all(job, p, new: str, code: str, what: str) -> None:
    """Replace the text of line `p` by `new`, as one span where they differ."""
    old = _line(p)
    if old == new:
        return
    a = 0
    while a < min(len(old), len(new)) and old[a] == new[a]:
        a += 1
    b = 0
    while b < min(len(old), len(new)) - a and old[-1 - b] == new[-1 - b]:
        b += 1
    start, _end = _span(p)
    job.ed.replace(p.el, start + a, start + len(old) - b, new[a:len(new) - b])
    job.add(Fix(p.where, what, code))


def nfc(job) -> None:
    """Runs first: the parts are located by their NFC text."""
    for _path, root in job.story_parts():
        for p in root.iter(w("p")):
            ts = [t for t in p.iter(w("t")) if t.text and not unicodedata.is_normalized("NFC", t.text)]
            for t in ts:
                t.text = unicodedata.normalize("NFC", t.text)
            if ts:
                job.add(Fix(job.where(p), "chữ tổ hợp (NFD) → chữ dựng sẵn Unicode (NFC)", "nd30.nfc"))


def _tieu_ngu(job, p) -> None:
    text = _line(p)
    core = re.sub(rf"\s*[{_DASHES}]\s*", " - ", " ".join(text.split()))
    if core == TIEU_NGU and text.strip() != TIEU_NGU:
        lead = len(text) - len(text.lstrip())
        _replace_all(job, p, text[:lead] + TIEU_NGU + text[len(text.rstrip()):], "nd30.tieu-ngu",
                     f"Tiêu ngữ \"{text.strip()}\" → \"{TIEU_NGU}\" (gạch nối có cách chữ)")


def _so(job, p) -> None:
    text = _line(p)
    m = _SO.match(text)
    if not m or "\n" in text:
        return
    num = m.group("num")
    if not num:
        return                  # a blank number: the gap is left for the văn thư to fill
    if re.fullmatch(r"[1-9]", num):
        num = "0" + num
    sym = re.sub(r"\s*-\s*", "-", m.group("sym"))
    new = f"{m.group('lead')}Số: {num}/{sym}"
    if new != text:
        _replace_all(job, p, new, "nd30.so", f"\"{text.strip()}\" → \"{new.strip()}\"")


def _date(job, p, code: str = "nd30.ngay") -> None:
    text = _line(p)
    if _DATE.search(text) is None:
        return

    def sub(m):
        d, mo = int(m.group("d")), int(m.group("m"))
        day = f"{d:02d}" if 1 <= d <= 31 else m.group("d")
        month = f"{mo:02d}" if mo in (1, 2) else str(mo) if 3 <= mo <= 12 else m.group("m")
        return f"ngày {day} tháng {month} năm {m.group('y')}"
    new = _DATE.sub(sub, text)
    if new != text:
        _replace_all(job, p, new, code, f"\"{_DATE.search(text).group(0)}\" → "
                     f"\"{_DATE.search(new).group(0)}\" (ngày dưới 10 và tháng 1, 2 có số 0)")


def _authority(job, p) -> None:
    text = _line(p)
    lead = len(text) - len(text.lstrip())
    m = _AUTH.match(text[lead:])
    if not m:
        return
    a = _AUTH_FIX.get(m.group("a"), m.group("a"))
    if m.group(0) != f"{a}. ":
        new = text[:lead] + f"{a}. " + text[lead + m.end():]
        _replace_all(job, p, new, "nd30.signature",
                     f"\"{text[lead:lead + m.end()].strip()}…\" → \"{a}. …\" (quyền hạn ký)")


def _ending(job, p, want: str, code: str, label: str) -> None:
    text = _line(p)
    body = text.rstrip()
    if not body or body.endswith(want):
        return
    if body[-1] in ".;,:":
        new = body[:-1].rstrip() + want
    elif body[-1].isalnum() or body[-1] in ")”\"":
        new = body + want
    else:
        return
    _replace_all(job, p, new + text[len(body):], code,
                 f"{label} kết thúc bằng \"{want}\"")


def _noi_nhan(job, part) -> None:
    head = part.noi_nhan_head
    if head is not None:
        text = _line(head)
        m = re.match(r"^(\s*)nơi nhận\s*:?\s*$", text, re.I)
        if m and text.strip() != "Nơi nhận:":
            _replace_all(job, head, m.group(1) + "Nơi nhận:", "nd30.noi-nhan",
                         f"\"{text.strip()}\" → \"Nơi nhận:\"")
    for k, p in enumerate(part.noi_nhan):
        text = _line(p)
        m = re.match(r"^(\s*)[-‐–—+•]\s*(?=\S)", text)
        if m and m.group(0) != m.group(1) + "- ":
            _replace_all(job, p, m.group(1) + "- " + text[m.end():], "nd30.noi-nhan",
                         "dòng nơi nhận bắt đầu bằng \"- \"")
        last = k == len(part.noi_nhan) - 1
        if last and _LUU.match(_line(p)):
            t = _line(p)
            fixed = _luu(t)
            if fixed != t:
                _replace_all(job, p, fixed, "nd30.noi-nhan", "dòng lưu theo mẫu \"- Lưu: VT, …\"")
            if not LUU_RE.match(_line(p).strip()):     # "VT, NC.Châu" already ends right
                _ending(job, p, ".", "nd30.noi-nhan", "dòng \"- Lưu: …\"")
        elif not last:
            _ending(job, p, ";", "nd30.noi-nhan", "dòng nơi nhận")


_LUU = re.compile(r"^(?P<lead>\s*)- Lưu\s*:?\s*VT\s*(?P<sep>[,.]?)\s*(?P<rest>.*)$", re.S)


def _luu(text: str) -> str:
    """"- Lưu VT. NC" → "- Lưu: VT, NC": the colon after "Lưu", ", " before the unit."""
    m = _LUU.match(text)
    rest = m.group("rest")
    return f"{m.group('lead')}- Lưu: VT" + (f", {rest}" if rest else m.group("sep"))


def _end_mark(job, part) -> None:
    if part.kind == PHU_LUC or not part.body:
        return
    p = part.body[-1]
    text = _line(p)
    body = text.rstrip()
    if len(body) < 20 or body.endswith("./.") or body.isupper():
        return
    if body.endswith("."):
        new = body + "/."
    elif body[-1].isalnum() or body[-1] in ")”\"":
        new = body + "./."
    else:
        return
    _replace_all(job, p, new + text[len(body):], "nd30.end-mark",
                 "thêm dấu kết thúc \"./.\" sau phần nội dung")


def _phu_luc_head(job, part) -> None:
    p = part.phu_luc_head
    if p is None:
        return
    text = _line(p)
    m = re.match(r"^(\s*)phụ lục(\s+[ivxlc]+)?(\s*)$", text, re.I)
    if m and text.strip() != text.strip()[:0] + "Phụ lục" + (m.group(2) or "").upper():
        new = m.group(1) + "Phụ lục" + (" " + m.group(2).strip().upper() if m.group(2) else "")
        if new.strip() != text.strip():
            _replace_all(job, p, new + m.group(3), "nd30.phu-luc",
                         f"\"{text.strip()}\" → \"{new.strip()}\"")


def _text_rules(job, part) -> None:
    """The mechanical fixes of the text rules (docgen/check/rules/text.py). Two of them add or
    change a word ("số" before a cited number, "V/v" → "Về việc"): `docgen sua` never changes
    a word on its own, so those are made only as tracked changes (--theo-doi), for the
    officer to accept or reject; without it the checker's finding stays for a person."""
    from docgen.check.locate import CONG_VAN
    from docgen.check.rules.text import DIEU_LOW, KHOAN_CAP, NO_SO
    from docgen.check.vocab import is_upper
    words = job.ed.track
    if words and part.kind not in (CONG_VAN, PHU_LUC) and part.ten_loai is not None:
        for p in part.trich_yeu:
            text = _line(p)
            if text.lstrip().startswith("V/v"):
                k = text.index("V/v")
                _replace_all(job, p, text[:k] + "Về việc" + text[k + 3:], "nd30.text-vv",
                             "\"V/v\" → \"Về việc\" (chỉ công văn dùng \"V/v\")")
    for p in [*part.trich_yeu, *part.can_cu, *part.body]:
        text = _line(p)
        if not text.strip() or is_upper(text):
            continue
        for m in list(NO_SO.finditer(text) if words else [])[::-1]:
            new = f"{m.group('type')} số {m.group('num')}"
            _replace_all(job, p, text[:m.start()] + new + text[m.end():], "nd30.text-citation",
                         f"\"{m.group(0)}\" → \"{new}\"")
            text = _line(p)
        for rx, conv in ((KHOAN_CAP, str.lower), (DIEU_LOW, str.capitalize)):
            for m in list(rx.finditer(text))[::-1]:
                word = m.group("w")
                _replace_all(job, p, text[:m.start("w")] + conv(word) + text[m.end("w"):],
                             "nd30.text-capitals", f"\"{word}\" → \"{conv(word)}\" (viện dẫn: "
                             "viết hoa Điều, viết thường khoản, điểm)")
                text = _line(p)
        _date(job, p, "nd30.text-date")


def fix(job) -> None:
    for part in job.parts:
        if part.tieu_ngu is not None:
            _tieu_ngu(job, part.tieu_ngu)
        if part.so is not None:
            _so(job, part.so)
        if part.ngay is not None:
            _date(job, part.ngay)
        if part.chuc_vu:
            _authority(job, part.chuc_vu[0])
        for k, p in enumerate(part.can_cu):
            last = k == len(part.can_cu) - 1
            _ending(job, p, "." if last else ";", "nd30.can-cu", "căn cứ")
        _noi_nhan(job, part)
        _end_mark(job, part)
        _phu_luc_head(job, part)
        _text_rules(job, part)
