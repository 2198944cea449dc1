"""A document made the way a person would in Word (python-docx defaults: Letter, theme font,
no header table) is reported with the expected errors; the CLI prints them and exits 1."""
from __future__ import annotations

import io
import json
import re

import docx

from docgen.check import check_docx_bytes
from docgen.cli import run


def handmade() -> bytes:
    d = docx.Document()
    for text in ["ỦY BAN NHÂN DÂN THỊ XÃ HOÀI NHƠN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                 "Độc lập - Tự do - Hạnh phúc", "Số: 05/KH-UBND",
                 "Hoài Nhơn, ngày 5 tháng 3 năm 2021", "KẾ HOẠCH", "Cải cách hành chính năm 2021",
                 "Tiếp tục đẩy mạnh công tác cải cách hành chính.", "Nơi nhận:", "- Lưu: VT."]:
        d.add_paragraph(text)
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def test_handmade_expected_errors():
    """One page: no page number is needed (docs/checker-decisions.md)."""
    found = check_docx_bytes(handmade(), "tay.docx")
    codes = {f.code for f in found if f.is_error}
    assert codes == {
        "nd30.page-size", "nd30.margin", "nd30.font", "nd30.quoc-hieu",
        "nd30.tieu-ngu", "nd30.tieu-ngu-line", "nd30.co-quan", "nd30.co-quan-line", "nd30.so",
        "nd30.ngay", "nd30.ten-loai", "nd30.trich-yeu", "nd30.body", "nd30.signature",
        "nd30.noi-nhan"}
    font = next(f for f in found if f.code == "nd30.font")
    assert font.where == "đoạn 1" and "(và 9 đoạn khác)" in font.message
    margins = sorted(f.message for f in found if f.code == "nd30.margin")
    assert margins == ["lề dưới 25,4 mm, Nghị định 30 yêu cầu 20–25 mm",
                       "lề phải 31,8 mm, Nghị định 30 yêu cầu 15–20 mm",
                       "lề trên 25,4 mm, Nghị định 30 yêu cầu 20–25 mm"]
    date = next(f for f in found if f.code == "nd30.ngay")
    assert date.where == "đoạn 5" and "ngày \"5\"" in date.message


def test_cli_text_and_exit_1(tmp_path, capsys):
    path = tmp_path / "tay.docx"
    path.write_bytes(handmade())
    assert run(["check", str(path)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert f"{path}: lỗi: mục 1: lề trên 25,4 mm, Nghị định 30 yêu cầu 20–25 mm [nd30.margin] " \
           "(Phụ lục I, mục I.3)" in out
    assert re.fullmatch(r"Có [1-9]\d* lỗi, \d+ cảnh báo \(đã kiểm tra 1 tệp\)\.", out[-1]), out[-1]


def test_cli_json(tmp_path, capsys, built):
    good = tmp_path / "quyet-dinh.docx"
    good.write_bytes(built["quyet-dinh"])
    assert run(["check", "--json", str(good)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["loi"] == 0 and data["tep"] == 1
    bad = tmp_path / "tay.docx"
    bad.write_bytes(handmade())
    assert run(["check", "--json", str(good), str(bad)]) == 1
    data = json.loads(capsys.readouterr().out)
    first = data["ket_qua"][0]
    assert set(first) == {"path", "code", "severity", "where", "excerpt", "expected", "found",
                          "clause", "message"}
    assert first["path"] == str(bad)
