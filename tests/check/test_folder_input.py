"""`docgen check FOLDER`: every *.docx inside, recursively, like `pdf` and `preview`."""
from __future__ import annotations

import json

from docgen.cli import run


def _tree(tmp_path, built):
    root = tmp_path / "build"
    (root / "xa" / "hoai-my").mkdir(parents=True)
    (root / ".docgen" / "truoc").mkdir(parents=True)
    (root / "quyet-dinh.docx").write_bytes(built["quyet-dinh"])
    (root / "xa" / "hoai-my" / "ke-hoach.docx").write_bytes(built["ke-hoach"])
    (root / ".docgen" / "truoc" / "cu.docx").write_bytes(b"old copy, never checked")
    (root / "xa" / "~$ke-hoach.docx").write_bytes(b"Word lock file")
    (root / "ghi-chu.txt").write_text("x", "utf-8")
    return root


def test_folder_is_checked_recursively(tmp_path, built, capsys):
    root = _tree(tmp_path, built)
    assert run(["check", str(root)]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert out.startswith("Có 0 lỗi, 0 cảnh báo (đã kiểm tra 2 tệp, ") and out.endswith(" s).\n")
    assert run(["check", str(root), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["tep"] == 2 and data["khong_doc_duoc"] == []


def test_folder_and_file_together(tmp_path, built, capsys):
    root = _tree(tmp_path, built)
    single = tmp_path / "phu-luc.docx"
    single.write_bytes(built["phu-luc"])
    assert run(["check", str(root), str(single)]) == 0
    assert capsys.readouterr().out.startswith("Có 0 lỗi, 0 cảnh báo (đã kiểm tra 3 tệp, ")


def test_empty_folder_is_a_usage_error(tmp_path, built, capsys):
    (tmp_path / "trong").mkdir()
    one = tmp_path / "qd.docx"
    one.write_bytes(built["quyet-dinh"])
    assert run(["check", str(tmp_path / "trong"), str(one)]) == 2
    out, err = capsys.readouterr()
    assert err == f"{tmp_path / 'trong'}: lỗi: thư mục không có tệp DOCX nào [check.no-docx]\n"
    assert out == "Có 1 lỗi, 0 cảnh báo (đã kiểm tra 1 tệp; 1 tệp hoặc thư mục không đọc được).\n"
