"""Deadlines as the appendix writes them ("Quý IV/2021", "12/2020", "Cả năm") -> their last day.

`han_cuoi(text, nam)` returns the last calendar day a deadline allows, or None when the text
is not a deadline docgen understands ("Thường xuyên" is read as the end of the year). `nam`
is the plan's year, used when the text has none ("Quý I", "Cả năm").
"""

from __future__ import annotations

import datetime as _dt
import re

from .numbering import from_roman

_YEAR = r"(?:\s*/\s*|\s+năm\s+)(\d{4})"
_QUY = re.compile(r"^quý\s+([IV]+|\d)(?:" + _YEAR + r")?$", re.IGNORECASE)
_THANG = re.compile(r"^(?:tháng\s+)?(\d{1,2})\s*/\s*(\d{4})$", re.IGNORECASE)
_THANG_CHU = re.compile(r"^tháng\s+(\d{1,2})(?:" + _YEAR + r")?$", re.IGNORECASE)
_NGAY = re.compile(r"^(?:trước(?: ngày)?\s+)?(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})$", re.IGNORECASE)
_NAM = re.compile(r"^(?:năm|cả năm|trong năm)\s*(\d{4})?$", re.IGNORECASE)
_THUONG_XUYEN = re.compile(r"^(?:thường xuyên|hằng năm|hàng năm)$", re.IGNORECASE)


def _month_end(year: int, month: int) -> _dt.date:
    nxt = _dt.date(year + (month == 12), month % 12 + 1, 1)
    return nxt - _dt.timedelta(days=1)


def han_cuoi(text: str, nam: int | None = None) -> _dt.date | None:
    """The last day `text` allows; None when it is not understood or has no year.

    >>> han_cuoi("Quý IV/2021")
    datetime.date(2021, 12, 31)
    >>> han_cuoi("Cả năm", 2021)
    datetime.date(2021, 12, 31)
    """
    t = " ".join(text.replace("\u00a0", " ").split()).strip(" .;,")
    m = _QUY.match(t)
    if m:
        raw = m.group(1).upper()
        q = int(raw) if raw.isdigit() else from_roman(raw)
        year = int(m.group(2)) if m.group(2) else nam
        if year is None or q is None or not 1 <= q <= 4:
            return None
        return _month_end(year, 3 * q)
    m = _NGAY.match(t)
    if m:
        try:
            return _dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        except ValueError:
            return None
    for pattern in (_THANG, _THANG_CHU):
        m = pattern.match(t)
        if m:
            month = int(m.group(1))
            year = int(m.group(2)) if m.group(2) else nam
            if year is None or not 1 <= month <= 12:
                return None
            return _month_end(year, month)
    m = _NAM.match(t)
    if m:
        year = int(m.group(1)) if m.group(1) else nam
        return _dt.date(year, 12, 31) if year else None
    if _THUONG_XUYEN.match(t) and nam:
        return _dt.date(nam, 12, 31)
    return None
