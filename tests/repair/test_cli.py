"""`docgen sua` on the command line: the report, exit status, and a clear Vietnamese message
for each bad input (exact text); the original file is never touched."""
from __future__ import annotations

import io
from pathlib import Path

import docx

from tests.check.xmledit import mutate, w
from tests.expect import assert_core_document

DATA = Path(__file__).parent / "data"


def _margin_broken(built) -> bytes:
    return mutate(built["quyet-dinh"],
                  fn=lambda r: r.find(f"{w('body')}/{w('sectPr')}/{w('pgMar')}").set(w("left"), "1418"))


def _fixes(cli, src: Path) -> None:
    """Positive control: `docgen sua` reads `src` and writes a fixed copy holding the decision."""
    status, _, err = cli("sua", src, "--out", src.parent / "doi-chung")
    assert (status, err) == (0, "")
    assert_core_document("quyet-dinh", (src.parent / "doi-chung" / src.name).read_bytes())


def test_sua_writes_a_copy_and_lists_the_fix(tmp_path, cli, built):
    src = tmp_path / "qd.docx"
    src.write_bytes(data := _margin_broken(built))
    status, out, err = cli("sua", src)
    dest = tmp_path / "qd.da-sua.docx"
    assert (status, err) == (0, "")
    assert out.splitlines() == [
        f"{src} → {dest}: đã sửa 1 chỗ",
        "  đã sửa: mục 1: lề trái 25,0 → 30,0 mm [nd30.margin]",
        "Có 0 lỗi, 0 cảnh báo (đã sửa 1 tệp: 1 chỗ đã sửa, trước khi sửa có 1 lỗi)."]
    assert src.read_bytes() == data
    status, out, _ = cli("check", dest)
    assert status == 0 and out.strip() == "Có 0 lỗi, 0 cảnh báo (đã kiểm tra 1 tệp)."


def test_out_folder(tmp_path, cli, built):
    src = tmp_path / "qd.docx"
    src.write_bytes(_margin_broken(built))
    status, _, _ = cli("sua", src, "--out", tmp_path / "da-sua")
    assert status == 0 and (tmp_path / "da-sua" / "qd.docx").exists()


def test_what_cannot_be_fixed_is_reported_exit_1(tmp_path, cli, built):
    from tests.check.xmledit import find_para, set_text
    src = tmp_path / "qd.docx"
    src.write_bytes(mutate(built["quyet-dinh"], fn=lambda r: set_text(
        find_para(r, "Số:"), "Số: 01/KH-UBND")))
    status, out, _ = cli("sua", src)
    assert status == 1
    assert out.splitlines()[1:] == [
        "  chưa sửa được: lỗi: bảng 1, ô (2,1) «Số: 01/KH-UBND»: số, ký hiệu: ký hiệu \"KH\" "
        "không khớp tên loại QUYẾT ĐỊNH (Phụ lục III: QĐ) [nd30.so] (Phụ lục I, mục II.3; "
        "Phụ lục III)",
        "Có 1 lỗi, 0 cảnh báo (đã sửa 1 tệp: 0 chỗ đã sửa, trước khi sửa có 1 lỗi)."]


def test_refuses_to_overwrite_the_input(tmp_path, cli, built):
    src = tmp_path / "qd.docx"
    src.write_bytes(data := _margin_broken(built))
    _fixes(cli, src)
    status, out, err = cli("sua", src, "--out", tmp_path)
    assert status == 2
    assert err == (f"{src}: lỗi: tệp kết quả {tmp_path / 'qd.docx'} sẽ ghi đè lên tệp gốc; "
                   "docgen không bao giờ sửa tệp gốc, hãy chọn thư mục khác bằng --out "
                   "[repair.overwrite]\n")
    assert src.read_bytes() == data
    assert out.strip() == "Có 1 lỗi, 0 cảnh báo (đã sửa 0 tệp: 0 chỗ đã sửa, trước khi sửa có 0 lỗi; 1 tệp không sửa được)."


def test_file_open_in_word(tmp_path, cli, built):
    src = tmp_path / "ke-hoach-2026.docx"
    src.write_bytes(_margin_broken(built))
    (tmp_path / "~$-hoach-2026.docx").write_bytes(b"owner")
    status, _, err = cli("sua", src)
    assert status == 2
    assert err == (f"{src}: lỗi: tệp đang được mở trong Word (có tệp khóa ~$-hoach-2026.docx bên "
                   "cạnh); hãy đóng tệp trong Word rồi chạy lại [repair.locked]\n")
    assert not (tmp_path / "ke-hoach-2026.da-sua.docx").exists()
    status, _, err = cli("check", src)     # reading a file open in Word is harmless
    assert status == 1 and err == ""


def test_permission_error(tmp_path, cli, built, monkeypatch):
    src = tmp_path / "qd.docx"
    src.write_bytes(_margin_broken(built))
    _fixes(cli, src)

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")
    monkeypatch.setattr("docgen.repair.inputs.open", denied, raising=False)
    status, _, err = cli("sua", src)
    assert status == 2
    assert err == (f"{src}: lỗi: không có quyền đọc tệp (tệp bị khóa hoặc đang mở trong chương "
                   "trình khác); hãy đóng tệp hoặc kiểm tra quyền truy cập rồi chạy lại "
                   "[repair.permission]\n")


def test_encrypted_file(cli):
    """mat-khau.docx: a DOCX encrypted with the password "matkhau" by msoffcrypto-tool 6.1
    (an OLE2 file holding an EncryptedPackage stream, as Word writes it)."""
    src = DATA / "mat-khau.docx"
    message = (f"{src}: lỗi: tệp được đặt mật khẩu (mã hóa), docgen không mở được; hãy gỡ mật "
               "khẩu trong Word (Tệp → Thông tin → Bảo vệ tài liệu → Mã hóa bằng mật khẩu) rồi "
               "chạy lại [repair.encrypted]\n")
    for command in ("sua", "check"):
        status, _, err = cli(command, src)
        assert (status, err) == (2, message)


def test_corrupt_file(tmp_path, cli, built):
    whole = tmp_path / "nguyen.docx"
    whole.write_bytes(_margin_broken(built))
    _fixes(cli, whole)                       # the whole file is read and fixed; its start is not
    src = tmp_path / "hong.docx"
    src.write_bytes(whole.read_bytes()[:3000])
    status, _, err = cli("sua", src)
    assert status == 2
    assert err == f"{src}: lỗi: tệp DOCX bị hỏng (không đọc được cấu trúc zip) [check.corrupt]\n"


def test_not_an_administrative_document(tmp_path, cli):
    d = docx.Document()
    d.add_paragraph("Danh sách đi chợ: gạo, cá, rau muống.")
    buf = io.BytesIO()
    d.save(buf)
    src = tmp_path / "cho.docx"
    src.write_bytes(buf.getvalue())
    status, _, err = cli("sua", src)
    assert status == 2
    assert err == (f"{src}: lỗi: không phải văn bản hành chính (không có Quốc hiệu, tên loại, "
                   "\"Nơi nhận:\" hay \"Phụ lục\"); docgen không sửa tệp này "
                   "[repair.not-administrative]\n")
    assert not (tmp_path / "cho.da-sua.docx").exists()


def test_one_bad_file_does_not_stop_the_others(tmp_path, cli, built):
    good = tmp_path / "qd.docx"
    good.write_bytes(_margin_broken(built))
    status, out, err = cli("sua", tmp_path / "khong-co.docx", good)
    assert status == 2
    assert err == f"{tmp_path / 'khong-co.docx'}: lỗi: không tìm thấy tệp [check.not-found]\n"
    assert (tmp_path / "qd.da-sua.docx").exists()


def test_two_inputs_with_the_same_name_into_one_folder(tmp_path, cli, built):
    (tmp_path / "a").mkdir(), (tmp_path / "b").mkdir()
    for sub in ("a", "b"):
        (tmp_path / sub / "qd.docx").write_bytes(_margin_broken(built))
    out = tmp_path / "out"
    status, _, err = cli("sua", tmp_path / "a" / "qd.docx", tmp_path / "b" / "qd.docx", "--out", out)
    assert status == 2
    assert err == (f"{tmp_path / 'b' / 'qd.docx'}: lỗi: cùng tên kết quả {out / 'qd.docx'} với "
                   f"{tmp_path / 'a' / 'qd.docx'}; hãy sửa từng tệp với một thư mục --out khác "
                   "[repair.same-name]\n")
    assert (out / "qd.docx").exists()
