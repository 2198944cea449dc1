"""Fixed Decree 30 strings and patterns used to find and check document parts."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Phụ lục III, Mục I: type name -> abbreviation (nd30.md §9)
TYPE_ABBR = {
    "NGHỊ QUYẾT": "NQ", "QUYẾT ĐỊNH": "QĐ", "CHỈ THỊ": "CT", "QUY CHẾ": "QC", "QUY ĐỊNH": "QyĐ",
    "THÔNG CÁO": "TC", "THÔNG BÁO": "TB", "HƯỚNG DẪN": "HD", "CHƯƠNG TRÌNH": "CTr",
    "KẾ HOẠCH": "KH", "PHƯƠNG ÁN": "PA", "ĐỀ ÁN": "ĐA", "DỰ ÁN": "DA", "BÁO CÁO": "BC",
    "BIÊN BẢN": "BB", "TỜ TRÌNH": "TTr", "HỢP ĐỒNG": "HĐ", "CÔNG ĐIỆN": "CĐ",
    "BẢN GHI NHỚ": "BGN", "BẢN THỎA THUẬN": "BTT", "BẢN THOẢ THUẬN": "BTT",
    "GIẤY ỦY QUYỀN": "GUQ", "GIẤY UỶ QUYỀN": "GUQ", "GIẤY MỜI": "GM", "GIẤY GIỚI THIỆU": "GGT",
    "GIẤY NGHỈ PHÉP": "GNP", "PHIẾU GỬI": "PG", "PHIẾU CHUYỂN": "PC", "PHIẾU BÁO": "PB",
}
ALL_ABBR = set(TYPE_ABBR.values()) | {"SY", "TrS", "SL"}

QUOC_HIEU = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM")
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"
NOI_NHAN = "Nơi nhận:"

SO_RE = re.compile(r"^Số: (?P<num>0[1-9]|[1-9]\d+|\s*|\.+|…)/(?P<sym>[A-ZĐa-zđ]+(?:-[A-ZĐa-zđ0-9]+)+)$")
SO_LOOSE = re.compile(r"^\s*Số\s*[:.]?\s*(?P<num>[^/]*?)\s*/\s*(?P<sym>.*?)\s*$")
DATE_RE = re.compile(r"^(?P<place>[^,]+), ngày (?P<d>\S*|\s*|\.+|…) *tháng (?P<m>\S*) *năm (?P<y>\d{4})$")
CAN_CU_RE = re.compile(r"^(Căn cứ|Theo đề nghị|Xét)\b")
DIEU_RE = re.compile(r"^Điều (\d+)\.")
DIEU_LOOSE = re.compile(r"^Điều\s*(\d+)\s*[.:]?")
CHUONG_RE = re.compile(r"^(PHẦN|CHƯƠNG|Phần|Chương|MỤC|Mục)\s+(\S+?)[.:]?(\s|$)")
AUTHORITY_RE = re.compile(r"^(TM\.|KT\.|TL\.|TUQ\.|Q\.) ")
AUTHORITY_LOOSE = re.compile(r"^(TM|KT|TL|TUQ|Q)\s*[./]\s*\S")
KINH_GUI_RE = re.compile(r"^kính gửi\b", re.I)

PHU_LUC_RE = re.compile(r"^Phụ lục(?: (?P<num>[IVXLC]+|\d+))?$")
# a "Phụ lục …" or "Mẫu …" heading: what follows is an appendix or an appended form
PHU_LUC_LOOSE = re.compile(r"^(phụ lục|mẫu|biểu)(\s+(số\s+)?[ivxlc0-9]+[a-z]?)?\s*[.:]?$", re.I)
ROMAN_HEAD_RE = re.compile(r"^[IVXLC]+\. ")
ACADEMIC_RE = re.compile(r"^(GS|PGS|TS|ThS|CN|KS|BS|TSKH|NGƯT|NGND)\.", re.I)
LEGACY_FONT_RE = re.compile(r"^(\.Vn|VNI[- ]|VN[- ]?Times|\.VnTime)", re.I)


@lru_cache(maxsize=16384)
def norm(text: str) -> str:
    """NFC, single spaces, stripped: for matching, not for reporting."""
    return " ".join(unicodedata.normalize("NFC", text).split())


_QUOC_HIEU_SEEN: dict[str, bool] = {}


def is_quoc_hieu(text: str) -> bool:
    """Whether `text` is the Quốc hiệu (remembered by text: the documents of a batch repeat
    most paragraphs)."""
    hit = _QUOC_HIEU_SEEN.get(text)
    if hit is None:
        hit = _is_quoc_hieu(text)
        if len(_QUOC_HIEU_SEEN) < 20000:
            _QUOC_HIEU_SEEN[text] = hit
    return hit


def _is_quoc_hieu(text: str) -> bool:
    u = text.upper()
    if "HỘI" not in u and "XHCN" not in u and unicodedata.is_normalized("NFC", text):
        return False              # quick reject; decomposed text takes the full path
    t = norm(text).upper().replace("HOÀ", "HÒA")
    return t.startswith("CỘNG HÒA XÃ HỘI CHỦ NGHĨA") or t == "CỘNG HÒA XHCN VIỆT NAM"


def is_upper(text: str) -> bool:
    """Has letters, all of them capitals."""
    return text.isupper()


def has_lower(text: str) -> bool:
    return any(c.islower() for c in text)


def fmt_mm(twips: float) -> str:
    return f"{twips / 56.6929:.1f}".replace(".", ",")


def fmt_pt(pt: float) -> str:
    return (f"{pt:g}").replace(".", ",")
