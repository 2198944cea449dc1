"""Every word docgen prints is Vietnamese: click's own strings, help of every command, errors.

The scan keeps the words written in plain ASCII letters (a word with a Vietnamese letter is
not English) after removing option names, problem codes, file names and placeholders, and
requires each to be a known Vietnamese syllable or a name (DOCX, LibreOffice, a command).
"""

from __future__ import annotations

import gettext
import re
import sys
from pathlib import Path

import click
import pytest
from babel.messages.extract import extract_from_file

from docgen.cli import i18n, main_group
from docgen.content import load_project
from tests.conftest import BUNDLED
from tests.helpers import edit

# Vietnamese syllables that need no diacritic, as they appear in docgen's messages.
VIETNAMESE = set("""
a an anh ba ban bang bao bay bo cho chi chung co con cu da dai dan danh dang dau de den di dien do don
du dung duy ghi gia giai gian hai han hay hoach hoa hon in ke khi kho khong la lai lam lan le lo loai
luu ma mau mo moi mot muc nam nay ne nhanh nhieu nhu nhung noi pha phai phan phuong qua quan sang
sao sau se so song ta tab tai tam tay tham thay theo thi tho thu thuc tin tinh toan tra trang tren trong
sach truoc tu tuyen uy va van vao vay vi viec vien voi xa xem
""".split())
# Names: file formats, programs, units, commands and folders, abbreviations used in the offices.
NAMES = {
    "docgen", "docx", "pdf", "png", "html", "json", "yaml", "utf", "libreoffice", "cpu", "cchc",
    "cntt", "pnv", "ptp", "inch", "uuid", "bash", "windows", "x", "build", "check", "diff", "watch",
    "preview", "templates", "content", "out", "kiem_tra", "tuyen_truyen", "chung", "thi_tran",
    "sua", "word", "excel", "xlsx", "moi", "nhap",
}
ENGLISH = {  # words that must never be allowed by the lists above
    "the", "not", "is", "of", "and", "or", "for", "file", "files", "option", "options", "usage",
    "show", "message", "exit", "default", "error", "missing", "invalid", "value", "range",
    "mean", "one", "command", "commands", "argument", "required", "does", "exist", "directory",
    "path", "choice", "integer", "float", "text", "did", "you", "no", "such", "found", "expected",
    "character", "violates", "indentation", "got", "extra", "version", "help", "try", "abort",
    "aborted", "then", "this", "while", "scanning",
}


def english_words(text: str, allow: frozenset[str] = frozenset()) -> list[str]:
    text = re.sub(r"(?<![\w-])--?[a-z][\w-]*", " ", text)      # option names
    text = re.sub(r"\[[a-z]+(\.[\w-]+)+\]", " ", text)          # problem codes
    text = re.sub(r"<[^>]*>", " ", text)                        # placeholders
    text = re.sub(r"“[^”\n]*”", " ", text)                      # the line the user typed
    text = re.sub(r"'[^'\n]*'", " ", text)                      # values the user typed
    text = re.sub(r'"[^"\n]*"', " ", text)                      # keys and values quoted
    text = re.sub(r"\S*[/\\.]\S*[\w]", " ", text)               # paths, file names, versions
    words = [w for w in re.findall(r"\w+", text) if re.fullmatch(r"[A-Za-z_]+", w)]
    return [w for w in words if w.lower() not in VIETNAMESE | NAMES and w not in allow]


def test_allow_lists_hold_no_english_word():
    assert not (VIETNAMESE | NAMES) & ENGLISH


def test_the_scan_catches_english():
    assert english_words("Usage: docgen build [OPTIONS]\n  --help  Show this message and exit.") == [
        "Usage", "OPTIONS", "Show", "this", "message", "and", "exit"]


def _click_messages() -> set[str]:
    root = Path(click.__file__).parent
    found = set()
    for source in sorted(root.glob("*.py")):
        for _, message, _, _ in extract_from_file("python", str(source)):
            found.add(message if isinstance(message, str) else tuple(message))
    return found


def test_every_click_string_has_a_translation():
    known = set(i18n.MESSAGES) | set(i18n.PLURALS) | i18n.DEVELOPER_ONLY
    assert sorted(map(str, _click_messages() - known)) == []


def test_translations_are_vietnamese():
    for vi in [*i18n.MESSAGES.values(), *i18n.PLURALS.values()]:
        assert english_words(re.sub(r"\{[^}]*\}|%\(\w+\)s", " ", vi)) == [], vi


def test_click_modules_use_the_catalog():
    users = {f"click.{p.stem}" for p in Path(click.__file__).parent.glob("*.py")
             if "from gettext import" in p.read_text("utf-8")}
    loaded = users & set(sys.modules)
    assert loaded >= users - {"click._winconsole"}   # lazily imported ones included
    for name in loaded:
        names = vars(sys.modules[name])
        assert names.get("_") is not gettext.gettext, name
        assert names.get("ngettext") is not gettext.ngettext, name


def _commands():
    yield ()
    for name, command in sorted(main_group.commands.items()):
        yield (name,)
        if isinstance(command, click.Group):
            for sub in sorted(command.commands):
                yield (name, sub)


@pytest.mark.parametrize("path", list(_commands()), ids=lambda p: " ".join(p) or "docgen")
def test_help_is_vietnamese(cli, path):
    status, out, err = cli(*path, "--help")
    assert status == 0 and err == ""
    assert out.startswith(f"Cách dùng: docgen {' '.join(path)}".rstrip() + " [TÙY_CHỌN]")
    assert "Tùy chọn:" in out and "In hướng dẫn này rồi thoát." in out
    assert english_words(out) == []


def test_every_option_has_help():
    for path in _commands():
        command = main_group
        for name in path:
            command = command.commands[name]
        for param in command.params:
            if isinstance(param, click.Option) and not param.hidden:
                assert param.help, f"docgen {' '.join(path)} {param.opts[0]}"


USAGE_ERRORS = [
    (["xa-phuong", "-j", "0"], "lỗi: giá trị của '--jobs' / '-j' không hợp lệ: 0 nằm ngoài khoảng "
     "cho phép (x>=1). (xem: docgen xa-phuong --help)"),
    (["build", "--conten", "x"], "lỗi: không có tùy chọn '--conten'. (Có phải '--content' hoặc "
     "'--out'?) (xem: docgen build --help)"),
    (["check"], "lỗi: thiếu tham số 'TỆP_HOẶC_THƯ_MỤC...'. (xem: docgen check --help)"),
    (["main"], "lỗi: không có lệnh 'main'. (xem: docgen --help)"),
    (["ke-hoach-con", "--kind", "abc"], "lỗi: giá trị của '--kind' không hợp lệ: 'abc' không phải là "
     "'kiem_tra', 'tuyen_truyen', 'cntt' hoặc 'chung'. (xem: docgen ke-hoach-con --help)"),
    (["pdf", "--workers", "abc"], "lỗi: giá trị của '--workers' / '-j' không hợp lệ: 'abc' không phải "
     "là số hợp lệ. (xem: docgen pdf --help)"),
    (["preview", "--dpi", "5"], "lỗi: giá trị của '--dpi' không hợp lệ: 5 nằm ngoài khoảng cho phép "
     "(30<=x<=300). (xem: docgen preview --help)"),
    (["build", "--out"], "lỗi: tùy chọn '--out' cần 1 giá trị."),
    (["diff", "a", "b", "c", "--summary-only", "x"], None),
]


@pytest.mark.parametrize("args,expected", USAGE_ERRORS, ids=lambda a: " ".join(a) if isinstance(a, list) else "")
def test_usage_errors_are_vietnamese(cli, args, expected):
    status, out, err = cli(*args)
    assert status == 2 and out == ""
    if expected is not None:
        assert err == expected + "\n"
    assert english_words(err) == []


def test_choice_list_in_content_is_written_with_hoac(cli, project, tmp_path):
    line = edit(project / "don-vi.yaml", "    loai: phuong", "    loai: thi_tran_moi")
    status, _, err = cli("build", "--content", project, "--out", tmp_path / "out")
    assert status == 1
    assert (f"{project}/don-vi.yaml:{line}: lỗi: \"loai\" chỉ nhận một trong các giá trị: "
            "'xa', 'phuong', 'thi_tran' hoặc 'dac_khu' [content.invalid-value]") in err.splitlines()
    assert english_words(err) == []


def test_tab_in_yaml_is_vietnamese(cli, project, tmp_path):
    edit(project / "quyet-dinh.yaml", "\nso:", "\n\tso:")
    status, _, err = cli("build", "--content", project, "--out", tmp_path / "out")
    assert status == 1 and "có ký tự tab" in err
    assert english_words(err) == []


CONTENT_ERRORS = [  # (file, original, typo)
    ("phu-luc.yaml", "        chu_tri: PNV", "        chu_tri: PNVV"),
    ("phu-luc.yaml", "        chu_tri: PNV", "        chu_tr: PNV"),
    ("phu-luc.yaml", "        san_pham:\n          - Kế hoạch của UBND thị xã", "        san_pham: []"),
    ("quyet-dinh.yaml", 'ngay_ban_hanh: "../12/2020"', 'ngay_ban_hanh: "32/13/2020"'),
    ("quyet-dinh.yaml", "so: \"\"", "so: [1, 2]"),
    ("don-vi.yaml", "    loai: phuong", "    loai: 7"),
    ("ke-hoach.yaml", "trich_yeu:", "trich_yeu: {a: 1}\ntrich_yeu_cu:"),
    ("phu-luc.yaml", "        chu_tri: PNV", "        chu_tri: 'PNV"),
    ("phu-luc.yaml", "        chu_tri: PNV", "\tchu_tri: PNV"),
]


@pytest.mark.parametrize("name,old,new", CONTENT_ERRORS)
def test_content_errors_are_vietnamese(cli, project, tmp_path, name, old, new):
    edit(project / name, old, new)
    status, out, err = cli("build", "--content", project, "--out", tmp_path / "out")
    assert status == 1 and err.endswith(" cảnh báo.\n")
    assert english_words(err) == [], err


OTHER_ERRORS = [
    ["diff", "khong-co-a.docx", "khong-co-b.docx"],
    ["pdf", "khong-co.docx"],
    ["preview", "khong-co"],
    ["check", "khong-co.docx"],
    ["watch", "--content", "khong-co"],
    ["xa-phuong", "Không Có", "--vi-du", "--out", "{tmp}/x"],
    ["ke-hoach-con", "--agency", "XYZ", "--vi-du", "--out", "{tmp}/x"],
    ["build", "--content", "khong-co", "--out", "{tmp}/x"],
]


@pytest.mark.parametrize("args", OTHER_ERRORS, ids=lambda a: " ".join(a[:2]))
def test_other_errors_are_vietnamese(cli, tmp_path, args):
    status, out, err = cli(*[a.format(tmp=tmp_path) for a in args])
    assert status in (1, 2) and err
    agency_keys = frozenset(load_project(BUNDLED).don_vi.co_quan)  # listed as choices
    assert english_words(out + err, agency_keys) == [], err
