"""Bad and hostile input: a clear Vietnamese message and exit 2, never a traceback."""
from __future__ import annotations

import io
import zipfile

import pytest

from docgen.check import check_docx_bytes
from docgen.check.reader import MAX_PART_BYTES
from docgen.cli import run
from docgen.errors import UsageError

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def zip_of(members: dict[str, bytes], method=zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as z:
        for k, v in members.items():
            z.writestr(k, v)
    return out.getvalue()


def code_of(data: bytes) -> str:
    with pytest.raises(UsageError) as exc:
        check_docx_bytes(data, "x.docx")
    assert exc.value.exit_code == 2
    return exc.value.problems[0].code


def test_empty():
    assert code_of(b"") == "check.empty"


def test_not_a_zip():
    assert code_of(b"Hello, this is text") == "check.not-docx"


def test_corrupt_zip():
    assert code_of(b"PK\x03\x04garbage" * 10) == "check.corrupt"


def test_zip_without_document():
    assert code_of(zip_of({"a.txt": b"x"})) == "check.not-docx"


def test_invalid_xml():
    assert code_of(zip_of({"word/document.xml": b"<w:document"})) == "check.corrupt"


def test_no_text():
    doc = f'<w:document xmlns:w="{W}"><w:body><w:p/></w:body></w:document>'.encode()
    assert code_of(zip_of({"word/document.xml": doc})) == "check.no-text"


def test_zip_bomb_refused_before_decompressing():
    bomb = zip_of({"word/document.xml": b"<a>" + b" " * (40 * 1024 * 1024) + b"</a>"})
    assert len(bomb) < 1024 * 1024
    assert code_of(bomb) == "check.too-large"


def test_oversized_part_refused():
    big = zip_of({"word/document.xml": b"x" * (MAX_PART_BYTES + 10)}, zipfile.ZIP_STORED)
    assert code_of(big) == "check.too-large"


def test_entities_are_not_expanded():
    evil = (f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "AAAAAAAAAA">'
            f'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
            f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>x&b;</w:t></w:r></w:p>'
            f'</w:body></w:document>').encode()
    findings = check_docx_bytes(zip_of({"word/document.xml": evil}), "x.docx")
    assert all("AAAA" not in f.excerpt for f in findings)


def test_cli_unreadable_file_exit_2(tmp_path, capsys):
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"not a docx")
    assert run(["check", str(bad)]) == 2
    err = capsys.readouterr().err
    assert f"{bad}: lỗi: không phải tệp DOCX" in err and "Traceback" not in err


def test_cli_missing_file_exit_2(tmp_path, capsys):
    assert run(["check", str(tmp_path / "none.docx")]) == 2
    assert "không tìm thấy tệp" in capsys.readouterr().err


def test_draft_date_with_blank_day_and_month_is_accepted():
    from docgen.check.rules.header import _date_text

    assert _date_text("Hoài Nhơn, ngày        tháng        năm 2021") == ([], [])
    assert _date_text("Hoài Nhơn, ngày        tháng 12 năm 2020") == ([], [])
    errors, _ = _date_text("Hoài Nhơn, ngày 05 tháng 1 năm 2021")
    assert errors == ['tháng "1" (tháng 1, 2 phải viết 01, 02)']
