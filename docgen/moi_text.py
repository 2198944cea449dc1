"""`docgen moi`: how one text of last year's project becomes this year's (pure functions).

A year near the old one (old - 1 … old + 1) moves by the difference: "năm 2021" -> "năm 2022",
"Quý I/2021" -> "Quý I/2022", "12/2020" -> "12/2021", "Chỉ số CCHC năm 2020" -> "… năm 2021".
Kept as written, because they name something that does not move:
- the year in a document number ("Nghị định số 108/2020/NĐ-CP");
- a period ("giai đoạn 2020-2025", "nhiệm kỳ 2021-2026");
- outside deadlines, a full date ("ngày 14/12/2020", "ngày 07 tháng 12 năm 2020"): it dates a
  document that was issued then. In a deadline (`thoi_gian`, a schedule date) it moves too.
Every kept mention of a year near the old one is a note: a person decides.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_Y = r"(?:19|20)\d{2}"
_TOKEN = re.compile(
    rf"(?P<so>\d+/{_Y}/)"                                   # 108/2020/NĐ-CP
    rf"|(?P<giai_doan>{_Y}\s*[-–]\s*{_Y})"                   # 2020-2025, 2020 - 2025
    rf"|(?P<ngay>\b\d{{1,2}}/\d{{1,2}}/{_Y}\b"               # 14/12/2020
    rf"|ngày \d{{1,2}} tháng \d{{1,2}} năm {_Y})"            # ngày 07 tháng 12 năm 2020
    rf"|(?P<nam>(?<![\d:.,]){_Y}(?!\d))"                     # 2021, 12/2020, Quý I/2021
)
_YEAR = re.compile(_Y)


@dataclass(frozen=True)
class Note:
    """Why a person must look at a text: `why` in Vietnamese."""

    why: str


def _shift_years(text: str, delta: int, old: int) -> str:
    return _YEAR.sub(lambda m: str(int(m.group()) + delta) if abs(int(m.group()) - old) <= 1 else m.group(), text)


def _near(text: str, old: int) -> bool:
    return any(abs(int(y) - old) <= 1 for y in _YEAR.findall(text))


def shift(text: str, old: int, new: int, deadline: bool = False) -> tuple[str, list[Note]]:
    """The text for the new year, and what a person must check in it."""
    delta, kept = new - old, []

    def one(m: re.Match) -> str:
        kind, value = m.lastgroup, m.group()
        if kind == "nam" or (kind == "ngay" and deadline):
            return _shift_years(value, delta, old)
        if kind == "giai_doan" and int(_YEAR.findall(value)[-1]) >= new:
            return value   # the period still covers the new year: nothing to look at
        if _near(value, old):
            kept.append(value)
        return value

    out = _TOKEN.sub(one, text)
    notes = []
    if kept:
        notes.append(Note(f"giữ nguyên {', '.join(dict.fromkeys(kept))} (số, ngày của văn bản đã ban hành hoặc "
                          "giai đoạn): xem còn đúng cho năm mới không"))
    return out, notes


def blank_date(text: str, old: int, new: int) -> str:
    """A date of issue for the new year: the day left blank for the văn thư, month and year moved
    ("07/12/2020" -> "../12/2021"); the Decree 30 check needs a month."""
    parts = text.split("/")
    if len(parts) == 3 and parts[2].isdigit():
        return f"../{parts[1]}/{_shift_years(parts[2], new - old, old)}"
    return text


def plan_year(*texts: str) -> int | None:
    """The year a project is about: the last "năm YYYY" of its plan's trích yếu (or the next text)."""
    for text in texts:
        found = re.findall(rf"năm ({_Y})", text or "")
        if found:
            return int(found[-1])
    return None
