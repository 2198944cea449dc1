"""The Vietnamese conventions as pure functions, and (where a convention shows in a document
docgen builds) the same convention read back from the bundled build (`core_build`)."""
import datetime as dt
import re

import pytest

from docgen.vn import (
    diem_label,
    from_roman,
    nfc,
    ngay_thang_nam,
    noi_nhan_lines,
    parse_ngay,
    punctuate_run,
    roman,
    so_line,
    with_end_mark,
)
from docgen.vn.dates import Ngay, dia_danh_ngay
from docgen.vn.numbers import phan_tram_cua, so
from docgen.vn.so_ky_hieu import TEN_LOAI_VIET_TAT, ky_hieu
from tests.expect import paragraphs, project


def _decision(core_build) -> list[str]:
    return paragraphs(core_build["quyet-dinh"])


@pytest.mark.parametrize("text,expected", [
    ("07/12/2020", "ngày 07 tháng 12 năm 2020"),
    ("5/1/2020", "ngày 05 tháng 01 năm 2020"),
    ("29/02/2020", "ngày 29 tháng 02 năm 2020"),
    ("05/03/2020", "ngày 05 tháng 3 năm 2020"),
    ("29/6/2019", "ngày 29 tháng 6 năm 2019"),
    ("31/12/2021", "ngày 31 tháng 12 năm 2021"),
])
def test_decree30_dates(text, expected):
    assert ngay_thang_nam(parse_ngay(text)) == expected


def test_blank_day_and_month_keep_a_gap(core_build):
    assert ngay_thang_nam(parse_ngay("../12/2020")) == "ngày        tháng 12 năm 2020"
    assert ngay_thang_nam(parse_ngay("../../2021")) == "ngày        tháng        năm 2021"
    assert dia_danh_ngay("Hoài Nhơn", parse_ngay("07/12/2020")) == "Hoài Nhơn, ngày 07 tháng 12 năm 2020"
    # the decision of the bundled content is dated ../12/2020: its date line keeps the gap
    assert project().quyet_dinh.ngay_ban_hanh == parse_ngay("../12/2020")
    assert "Hoài Nhơn, ngày        tháng 12 năm 2020" in _decision(core_build)


@pytest.mark.parametrize("bad", ["31/02/2021", "30/13/2020", "00/01/2020", "7-12-2020", "07/../2020", "abc"])
def test_impossible_or_malformed_dates_are_refused(bad):
    with pytest.raises(ValueError):
        parse_ngay(bad)


def test_latest_real_date_of_a_blank_date():
    assert parse_ngay("../12/2020").latest() == dt.date(2020, 12, 31)
    assert parse_ngay("../02/2024").latest() == dt.date(2024, 2, 29)
    assert parse_ngay("../../2021").latest() == dt.date(2021, 12, 31)
    assert Ngay(2021, 3, 5).as_date() == dt.date(2021, 3, 5)


@pytest.mark.parametrize("n,r", [(1, "I"), (4, "IV"), (7, "VII"), (9, "IX"), (14, "XIV"), (40, "XL"), (1994, "MCMXCIV")])
def test_roman(n, r):
    assert roman(n) == r
    assert from_roman(r) == n


def test_roman_numerals_number_the_mucs_of_the_built_plan(core_build):
    muc = [b.muc for b in project().ke_hoach.noi_dung if b.muc]
    headings = [t for t in paragraphs(core_build["ke-hoach"]) if re.match(r"[IVXLCDM]+\. ", t)]
    assert headings == [f"{roman(n)}. {m}" for n, m in enumerate(muc, 1)] and len(muc) == 3


def test_from_roman_rejects_non_canonical():
    assert from_roman("IIII") is None and from_roman("ABC") is None and from_roman("") is None


def test_diem_letters_follow_the_vietnamese_alphabet(core_build):
    assert [diem_label(i) for i in range(7)] == ["a)", "b)", "c)", "d)", "đ)", "e)", "g)"]
    # in the built plan, each khoản's điểm count a), b), … from its first
    labels = [t.split(" ", 1)[0] for t in paragraphs(core_build["ke-hoach"]) if re.match(r"[a-zđ]\) ", t)]
    runs = re.split(r"(?=\ba\))", " ".join(labels))
    diem = sum(1 for t in _blocks(project().ke_hoach.noi_dung) if t.diem)
    assert len(labels) == diem >= 10, (len(labels), diem)
    for run in filter(None, (r.split() for r in runs)):
        assert run == [diem_label(i) for i in range(len(run))], run


def _blocks(blocks):
    for b in blocks:
        yield b
        yield from _blocks(b.noi_dung)


def test_so_ky_hieu(core_build):
    assert so_line("", "Quyết định", "UBND") == "Số:       /QĐ-UBND"
    assert "Số:       /QĐ-UBND" in _decision(core_build)    # the unnumbered decision, built
    assert so_line("5", "Kế hoạch", "UBND") == "Số: 05/KH-UBND"
    assert so_line(15, "Quyết định", "BNV") == "Số: 15/QĐ-BNV"
    assert ky_hieu("Quy định", "UBND") == "QyĐ-UBND"
    assert TEN_LOAI_VIET_TAT["Bản trích sao"] == "TrS"


def test_end_mark_and_lists(core_build):
    assert with_end_mark("kể từ ngày ký.") == "kể từ ngày ký./."
    assert with_end_mark("kể từ ngày ký./.") == "kể từ ngày ký./."
    assert punctuate_run(["Căn cứ A;", "Căn cứ B", "Theo đề nghị C."]) == ["Căn cứ A;", "Căn cứ B;", "Theo đề nghị C."]
    assert noi_nhan_lines(["Như Điều 3", "- Sở Nội vụ;"], "VT, PNV.") == [
        "- Như Điều 3;", "- Sở Nội vụ;", "- Lưu: VT, PNV."]
    # the built decision: its last article ends with "./.", its căn cứ run is punctuated, its
    # Nơi nhận list ends with the Lưu line
    qd, texts = project().quyet_dinh, _decision(core_build)
    assert [t for t in texts if t.startswith("Điều ")][-1] == f"Điều {len(qd.dieu)}. {with_end_mark(qd.dieu[-1])}"
    start, end = texts.index(qd.tham_quyen) + 1, texts.index("QUYẾT ĐỊNH:")
    assert texts[start:end] == punctuate_run([*qd.can_cu, qd.theo_de_nghi])
    at = texts.index("Nơi nhận:") + 1
    assert texts[at:at + len(qd.noi_nhan) + 1] == noi_nhan_lines(list(qd.noi_nhan), qd.luu)


def test_nfc_and_numbers():
    assert nfc("Vie\u0302\u0323t") == "Việt"
    assert so(1234.5) == "1.234,5"
    assert phan_tram_cua(70, 17) == 12
    assert phan_tram_cua(100, 17) == 17
    assert phan_tram_cua(50, 10) == 5
