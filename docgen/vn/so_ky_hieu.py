"""Số và ký hiệu (ô 3): "Số: 15/QĐ-UBND", blank number for an unregistered draft.

The type abbreviations are Decree 30's table (Phụ lục III, I).
"""

from __future__ import annotations

from .dates import BLANK

# Decree 30, Phụ lục III, I: tên loại văn bản -> chữ viết tắt.
TEN_LOAI_VIET_TAT: dict[str, str] = {
    "Nghị quyết": "NQ", "Quyết định": "QĐ", "Chỉ thị": "CT", "Quy chế": "QC",
    "Quy định": "QyĐ", "Thông cáo": "TC", "Thông báo": "TB", "Hướng dẫn": "HD",
    "Chương trình": "CTr", "Kế hoạch": "KH", "Phương án": "PA", "Đề án": "ĐA",
    "Dự án": "DA", "Báo cáo": "BC", "Biên bản": "BB", "Tờ trình": "TTr",
    "Hợp đồng": "HĐ", "Công điện": "CĐ", "Bản ghi nhớ": "BGN", "Bản thỏa thuận": "BTT",
    "Giấy ủy quyền": "GUQ", "Giấy mời": "GM", "Giấy giới thiệu": "GGT",
    "Giấy nghỉ phép": "GNP", "Phiếu gửi": "PG", "Phiếu chuyển": "PC", "Phiếu báo": "PB",
    "Bản sao y": "SY", "Bản trích sao": "TrS", "Bản sao lục": "SL",
}
VIET_TAT = frozenset(TEN_LOAI_VIET_TAT.values())


def so_text(so: str | int | None) -> str:
    """The number part: "" or None -> a blank gap; 5 -> "05"; 15 -> "15"."""
    if so is None or str(so).strip() == "":
        return BLANK
    n = int(str(so).strip())
    return f"{n:02d}"


def ky_hieu(ten_loai: str, co_quan: str) -> str:
    """"Quyết định", "UBND" -> "QĐ-UBND"."""
    return f"{TEN_LOAI_VIET_TAT[ten_loai]}-{co_quan}"


def so_ky_hieu(so: str | int | None, ten_loai: str, co_quan: str) -> str:
    """"15/QĐ-UBND" or "      /QĐ-UBND" for a draft."""
    return f"{so_text(so)}/{ky_hieu(ten_loai, co_quan)}"


def so_line(so: str | int | None, ten_loai: str, co_quan: str) -> str:
    """The whole ô 3 line: "Số: 15/QĐ-UBND"."""
    return f"Số: {so_ky_hieu(so, ten_loai, co_quan)}"
