"""Edges of the pure conventions: exact messages, range limits, fallbacks.

Written against the mutants that survived scripts/mutation.sh: each test pins a boundary or
a message that a person (or a caller turning the ValueError into a Problem) relies on.
Tables run as subtests: one test per behaviour, one report line per failing case.
"""

import datetime as dt

import pytest

from docgen.vn import diem_label, from_roman, noi_nhan_lines, parse_ngay, roman, strip_end
from docgen.vn.dates import Ngay, from_date
from docgen.vn.han import han_cuoi
from docgen.vn.metrics import _advance, _face, text_width_units
from docgen.vn.numbers import phan_tram_cua, so

FORMAT = "không đúng dạng ngày/tháng/năm (ví dụ 07/12/2020, hoặc ../12/2020 khi chưa có ngày)"
BAD_DATES = [
    ("7-12-2020", f'ngày "7-12-2020" {FORMAT}'),
    ("07/../2020", 'ngày "07/../2020" có ngày nhưng để trống tháng'),
    ("01/13/2020", 'ngày "01/13/2020" không có thật: tháng 13 không tồn tại'),
    ("../13/2020", 'ngày "../13/2020" không có thật: tháng 13 không tồn tại'),
    ("../00/2020", 'ngày "../00/2020" không có thật: tháng 0 không tồn tại'),
    ("31/02/2021", 'ngày "31/02/2021" không có thật'),
    ("00/01/2020", 'ngày "00/01/2020" không có thật'),
]


def test_date_messages_name_the_text_and_the_fault(subtests):
    for text, message in BAD_DATES:
        with subtests.test(text=text), pytest.raises(ValueError) as exc:
            parse_ngay(text)
        assert str(exc.value) == message


def test_month_limits_and_round_trip(subtests):
    cases = [("01/01/2020", Ngay(2020, 1, 1), "01/01/2020"), ("31/12/2020", Ngay(2020, 12, 31), "31/12/2020"),
             (" 5 / 3 / 2021 ", Ngay(2021, 3, 5), "05/03/2021"), ("../12/2020", Ngay(2020, 12), "../12/2020"),
             ("../../2021", Ngay(2021), "../../2021")]
    for text, value, written in cases:
        with subtests.test(text=text):
            assert parse_ngay(text) == value
            assert value.dd_mm_yyyy() == written
    assert from_date(dt.date(2021, 3, 5)) == Ngay(2021, 3, 5)
    assert Ngay(2020, 12).as_date() is None and not Ngay(2020, 12).is_complete


def test_roman_range():
    assert roman(3999) == "MMMCMXCIX" and from_roman("MMMCMXCIX") == 3999
    assert roman(3998) == "MMMCMXCVIII" and from_roman("MMMCMXCVIII") == 3998
    for bad in (0, 4000, -1):
        with pytest.raises(ValueError) as exc:
            roman(bad)
        assert str(exc.value) == f"roman numeral out of range: {bad}"
    assert from_roman("MMMM") is None and from_roman("IL") is None and from_roman("VX") is None
    assert [from_roman(r) for r in ("XLIX", "XC", "CD", "MCMXCIV")] == [49, 90, 400, 1994]


def test_diem_labels_end_at_y():
    assert diem_label(22) == "y)"
    for bad in (23, -1):
        with pytest.raises(ValueError) as exc:
            diem_label(bad)
        assert str(exc.value) == f"too many điểm: {bad + 1}"


def test_deadline_text_is_cleaned_before_reading(subtests):
    cases = [("Quý I/2021.", None, dt.date(2021, 3, 31)), ("Quý\u00a0II/2021", None, dt.date(2021, 6, 30)),
             (" Tháng 1/2021; ", None, dt.date(2021, 1, 31)), ("Tháng 1", 2021, dt.date(2021, 1, 31)),
             ("tháng 12 năm 2021", None, dt.date(2021, 12, 31)), ("Tháng 0/2021", None, None),
             ("Tháng 13", 2021, None), ("Quý 5/2021", None, None), ("Quý 4", 2021, dt.date(2021, 12, 31)),
             ("Trước ngày 30/6/2021", None, dt.date(2021, 6, 30)), ("Trong năm 2022", None, dt.date(2022, 12, 31)),
             ("Hằng năm", 2021, dt.date(2021, 12, 31)), ("Hằng năm", None, None), ("Năm", None, None),
             ("Quý I/2021, Quý II/2021", None, None), ("Quý IX", 2021, None), ("Quý IX.", 2021, None)]
    for text, nam, expected in cases:
        with subtests.test(text=text, nam=nam):
            assert han_cuoi(text, nam) == expected


def test_text_punctuation_edges():
    assert strip_end("  Sở Nội vụ; ") == "  Sở Nội vụ"
    assert strip_end("kể từ ngày ký./.") == "kể từ ngày ký"
    assert strip_end("Căn cứ A:,") == "Căn cứ A"
    assert noi_nhan_lines(["Xã Hoài Mỹ", "-  UBND các xã;"], "") == ["- Xã Hoài Mỹ;", "- UBND các xã;", "- Lưu: VT."]
    assert noi_nhan_lines([], " ; ") == ["- Lưu: VT."]


def test_numbers_round_up_the_share():
    assert phan_tram_cua(100, 200) == 200 and phan_tram_cua(50, 3) == 2 and phan_tram_cua(1, 99) == 1
    assert phan_tram_cua(0, 17) == 0
    assert so(1234567) == "1.234.567" and so(0.5) == "0,5"


def test_width_fallbacks_for_unknown_characters():
    widths = {0x20: 250, ord("n"): 500, ord("a"): 444, ord("ạ"): 444}
    assert _advance("a", widths) == 444
    assert _advance("\u0301", widths) == 0                      # a combining mark has no advance
    assert _advance("ấ", widths) == 444                         # unknown: the base letter's width
    assert _advance("\u2003", widths) == 250                    # unknown space: the space's width
    assert _advance("Ω", widths) == 500                         # anything else: the width of "n"
    assert _advance("ǹ", {0x20: 250, ord("n"): 512}) == 512     # base "n" known
    assert _advance("ấ", {0x20: 250, ord("n"): 512}) == 512     # base unknown too: the width of "n"
    assert [_face(False, False), _face(True, False), _face(False, True), _face(True, True)] == \
        ["regular", "bold", "italic", "bolditalic"]
    assert text_width_units("Kế hoạch") == text_width_units("Kế hoạch", bold=False, italic=False)
    assert text_width_units("Kế hoạch")[0] < text_width_units("Kế hoạch", bold=True)[0]
    assert text_width_units("Kế hoạch")[1] == 2048
