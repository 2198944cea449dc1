"""Decree 30 dates: "ngày 07 tháng 12 năm 2020", with blank day/month for drafts.

Decree 30 (Phụ lục I, II.4) pads days below 10 and months 1 and 2 with a zero; months 3 to
12 are written plainly ("tháng 3", "tháng 12"). A draft leaves the day (and maybe the month)
blank for the văn thư officer to fill in after signing.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

BLANK = "      "  # the gap left for a hand-written day or month (Decree 30, Điều 15.2)

_PATTERN = re.compile(r"^\s*(\.\.|\d{1,2})\s*/\s*(\.\.|\d{1,2})\s*/\s*(\d{4})\s*$")


@dataclass(frozen=True, order=True)
class Ngay:
    """A date of issue. `ngay` (day) and `thang` (month) are None when left blank."""

    nam: int
    thang: int | None = None
    ngay: int | None = None

    @property
    def is_complete(self) -> bool:
        return self.ngay is not None and self.thang is not None

    def as_date(self) -> _dt.date | None:
        if not self.is_complete:
            return None
        return _dt.date(self.nam, self.thang, self.ngay)  # type: ignore[arg-type]

    def latest(self) -> _dt.date:
        """The latest real date this (possibly blank) date can stand for."""
        if self.is_complete:
            return self.as_date()  # type: ignore[return-value]
        month = self.thang or 12
        nxt = _dt.date(self.nam + (month == 12), month % 12 + 1, 1)
        return nxt - _dt.timedelta(days=1)

    def dd_mm_yyyy(self) -> str:
        d = f"{self.ngay:02d}" if self.ngay else ".."
        m = f"{self.thang:02d}" if self.thang else ".."
        return f"{d}/{m}/{self.nam}"


def parse_ngay(text: str) -> Ngay:
    """Parse "07/12/2020" or "../12/2020" (blank day) or "../../2021".

    Raises ValueError (message in Vietnamese) on a malformed or impossible date.
    """
    m = _PATTERN.match(text)
    if not m:
        raise ValueError(
            f'ngày "{text}" không đúng dạng ngày/tháng/năm (ví dụ 07/12/2020, hoặc ../12/2020 khi chưa có ngày)'
        )
    d, mo, y = m.groups()
    day = None if d == ".." else int(d)
    month = None if mo == ".." else int(mo)
    year = int(y)
    if day is not None and month is None:
        raise ValueError(f'ngày "{text}" có ngày nhưng để trống tháng')
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f'ngày "{text}" không có thật: tháng {month} không tồn tại')
    if day is not None:
        try:
            _dt.date(year, month, day)  # type: ignore[arg-type]
        except ValueError:
            raise ValueError(f'ngày "{text}" không có thật') from None
    return Ngay(nam=year, thang=month, ngay=day)


def from_date(value: _dt.date) -> Ngay:
    return Ngay(nam=value.year, thang=value.month, ngay=value.day)


def day_text(day: int | None) -> str:
    return BLANK if day is None else f"{day:02d}"


def month_text(month: int | None) -> str:
    """Months 1 and 2 get a leading zero, 3–12 do not (Decree 30, Phụ lục I, II.4.b)."""
    if month is None:
        return BLANK
    return f"{month:02d}" if month <= 2 else str(month)


def ngay_thang_nam(value: Ngay) -> str:
    """"ngày 07 tháng 12 năm 2020"; blanks keep their gap: "ngày       tháng 12 năm 2020"."""
    return f"ngày {day_text(value.ngay)} tháng {month_text(value.thang)} năm {value.nam}"


def dia_danh_ngay(dia_danh: str, value: Ngay) -> str:
    """The place-and-date line of ô 4: "Hoài Nhơn, ngày 07 tháng 12 năm 2020"."""
    return f"{dia_danh}, {ngay_thang_nam(value)}"
