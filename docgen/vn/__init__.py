"""Vietnamese conventions as pure functions (dates, numbering, số ký hiệu, text)."""

from .dates import Ngay, dia_danh_ngay, ngay_thang_nam, parse_ngay
from .numbering import diem_label, from_roman, roman
from .so_ky_hieu import TEN_LOAI_VIET_TAT, so_ky_hieu, so_line
from .text import END_MARK, nfc, noi_nhan_lines, punctuate_run, strip_end, with_end_mark

__all__ = [
    "END_MARK", "Ngay", "TEN_LOAI_VIET_TAT", "dia_danh_ngay", "diem_label", "from_roman",
    "nfc", "ngay_thang_nam", "noi_nhan_lines", "parse_ngay", "punctuate_run", "roman",
    "so_ky_hieu", "so_line", "strip_end", "with_end_mark",
]
