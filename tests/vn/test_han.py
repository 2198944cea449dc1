import datetime as dt

import pytest

from docgen.vn.han import han_cuoi


@pytest.mark.parametrize("text, nam, expected", [
    ("Quý I/2021", None, dt.date(2021, 3, 31)),
    ("Quý I /2021", None, dt.date(2021, 3, 31)),
    ("Quý II/2021", None, dt.date(2021, 6, 30)),
    ("Quý IV/2021", None, dt.date(2021, 12, 31)),
    ("Quý I", 2021, dt.date(2021, 3, 31)),
    ("Quý 3 năm 2021", None, dt.date(2021, 9, 30)),
    ("12/2020", None, dt.date(2020, 12, 31)),
    ("2/2024", None, dt.date(2024, 2, 29)),
    ("Tháng 6/2021", None, dt.date(2021, 6, 30)),
    ("Tháng 6", 2021, dt.date(2021, 6, 30)),
    ("Năm 2021", None, dt.date(2021, 12, 31)),
    ("Cả năm", 2021, dt.date(2021, 12, 31)),
    ("Thường xuyên", 2021, dt.date(2021, 12, 31)),
    ("Trước 15/12/2021", None, dt.date(2021, 12, 15)),
    ("15/12/2021", None, dt.date(2021, 12, 15)),
])
def test_understood(text, nam, expected):
    assert han_cuoi(text, nam) == expected


@pytest.mark.parametrize("text, nam", [
    ("Cả năm", None), ("Quý I", None), ("Quý V/2021", None), ("13/2021", None),
    ("31/02/2021", None), ("khi có chỉ đạo", 2021), ("", 2021),
])
def test_not_understood(text, nam):
    assert han_cuoi(text, nam) is None
