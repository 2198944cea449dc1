"""docgen.vn.metrics against the widths in nd30.md §11 (Liberation Serif = Times New Roman)."""
import subprocess
import sys
import unicodedata

import pytest

from docgen.vn.metrics import line_widths_mm, short_rule_mm, text_width_mm

QH = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TN = "Độc lập - Tự do - Hạnh phúc"


@pytest.mark.parametrize(
    "text,size,bold,italic,expected",
    [
        (QH, 12, True, False, 88.3),
        (QH, 13, True, False, 95.7),
        (TN, 13, True, False, 56.1),
        (TN, 14, True, False, 60.5),
        ("Hà Nội, ngày 05 tháng 01 năm 2020", 13, False, True, 67.0),
        ("Hà Nội, ngày 05 tháng 01 năm 2020", 14, False, True, 72.2),
        ("Thành phố Hồ Chí Minh, ngày 29 tháng 6 năm 2019", 13, False, True, 96.4),
        ("Thành phố Hồ Chí Minh, ngày 29 tháng 6 năm 2019", 14, False, True, 103.9),
        ("ỦY BAN NHÂN DÂN", 12, True, False, 39.9),
        ("ỦY BAN NHÂN DÂN", 13, True, False, 43.2),
        ("ỦY BAN NHÂN DÂN TỈNH QUẢNG BÌNH", 12, False, False, 78.5),
        ("ỦY BAN NHÂN DÂN TỈNH QUẢNG BÌNH", 13, False, False, 85.1),
        ("Số: 15/QĐ-UBND", 13, False, False, 34.3),
        ("TM. ỦY BAN NHÂN DÂN", 13, True, False, 52.9),
        ("TM. ỦY BAN NHÂN DÂN", 14, True, False, 56.9),
    ],
)
def test_nd30_section_11(text, size, bold, italic, expected):
    assert text_width_mm(text, size, bold=bold, italic=italic) == pytest.approx(expected, abs=0.5)


def test_defaults_are_regular_and_scale_linearly():
    a = text_width_mm("Kế hoạch", 14)
    assert a == text_width_mm("Kế hoạch", 14, bold=False, italic=False)
    assert text_width_mm("Kế hoạch", 7) == pytest.approx(a / 2)
    assert text_width_mm("", 14) == 0.0


def test_faces_differ():
    r = text_width_mm(QH, 13)
    b = text_width_mm(QH, 13, bold=True)
    i = text_width_mm(QH, 13, italic=True)
    bi = text_width_mm(QH, 13, bold=True, italic=True)
    assert len({round(x, 3) for x in (r, b, i, bi)}) == 4
    assert b > r


def test_nfd_input_measures_like_nfc():
    s = "Tam Quan Bắc, ngày 29 tháng 12 năm 2021"
    nfd = unicodedata.normalize("NFD", s)
    assert nfd != s
    assert text_width_mm(nfd, 14, italic=True) == pytest.approx(text_width_mm(s, 14, italic=True))


def test_every_vietnamese_letter_is_known():
    import json
    from pathlib import Path

    import docgen.vn.metrics as m

    data = json.loads(Path(m.__file__).with_name("metrics.json").read_text())
    assert data["units_per_em"] == 2048
    letters = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
    tones = ["", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"]
    for face in ("regular", "bold", "italic", "bolditalic"):
        known = {int(k, 16) for k in data["faces"][face]}
        for base in letters + letters.upper():
            for t in tones if base.lower() in "aăâeêioôơuưy" else [""]:
                ch = unicodedata.normalize("NFC", base + t)
                assert len(ch) == 1 and ord(ch) in known, (face, ch)
        for ch in "0123456789.,;:!?()[]/-–\"'“”…% ":
            assert ord(ch) in known, (face, ch)


def test_runtime_does_not_import_fonttools():
    code = "import sys, docgen.vn.metrics as m; m.text_width_mm('Ấ', 13); print('fontTools' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_short_rule_keeps_the_default_in_range_and_resizes_otherwise():
    """The short line under a text is 1/3 to 1/2 of its longest line (moved here from
    tests/check/test_own_documents.py, so that the vn mutation run reaches it)."""
    assert short_rule_mm([100.0], 40) == 40           # 33.3 <= 40 <= 50
    assert short_rule_mm([120.0], 40) == 40           # 40 is exactly a third
    assert short_rule_mm([80.0], 40) == 40            # 40 is exactly a half
    assert short_rule_mm([157.3], 40) == 62.9         # 40 under a third: 40 % of the line
    assert short_rule_mm([54.5], 40) == 21.8          # 40 over a half
    assert short_rule_mm([54.5, 157.3, 90.0], 40) == 62.9   # the longest line counts
    assert short_rule_mm([0.0], 40) == 40 and short_rule_mm([-3.0], 25) == 25
    assert short_rule_mm([100.04], 10) == 40.0        # rounded to 0.1 mm


def test_line_widths_wrap_at_the_column():
    text = ("Về việc ban hành Kế hoạch cải cách hành chính thị xã Hoài Nhơn năm 2021 và các nhiệm "
            "vụ trọng tâm")
    widths = line_widths_mm(text, 14, True, 100)
    assert len(widths) == 3 and all(w <= 100 for w in widths) and sum(widths) > 200
    ve, space = text_width_mm("Về", 14, bold=True), text_width_mm(" ", 14, bold=True)
    assert line_widths_mm("Về Về", 14, True, 100) == [pytest.approx(2 * ve + space)]
    assert line_widths_mm("Về  Về", 14, True, 100) == line_widths_mm("Về Về", 14, True, 100)
    assert line_widths_mm("Về Về", 14, True, 2 * ve + space + 0.01) == [pytest.approx(2 * ve + space)]
    assert line_widths_mm("Về Về", 14, True, 2 * ve + space - 0.01) == [pytest.approx(ve)] * 2
    assert line_widths_mm("Về\nVề", 14, True, 100) == [pytest.approx(ve)] * 2   # a line break
    assert line_widths_mm("Về\n\nVề", 14, True, 100) == [pytest.approx(ve)] * 2  # no empty line kept
    assert line_widths_mm("", 14, True, 100) == [0.0] and line_widths_mm("\n", 14, True, 100) == [0.0]
    regular = line_widths_mm(text, 14, False, 1000)
    assert regular == [pytest.approx(text_width_mm(text, 14, bold=False))]
    assert regular[0] < sum(line_widths_mm(text, 14, True, 1000))
    assert line_widths_mm(text, 13, True, 1000)[0] == pytest.approx(sum(widths) * 13 / 14 + 2 * space * 13 / 14)
