"""`docgen nhap` on the command line: what it writes, and the bad input it refuses (one
Vietnamese message each, nothing written, exit 1)."""
from __future__ import annotations

import shutil

import yaml

from tests.conftest import BUNDLED
from tests.nhap.docs import LD05, LD07, LD09, make_docx, real, small_decision


def _tree(folder):
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*")) if folder.exists() else []


def test_writes_a_project_with_the_import_comment(tmp_path, cli, monkeypatch):
    monkeypatch.chdir(tmp_path)
    doc = small_decision(tmp_path / "thu.docx", ["Điều 1. Điều một.", "Điều 2. Hiệu lực kể từ ngày ký./."])
    status, out, err = cli("nhap", doc)
    assert status == 0
    assert out.splitlines() == ["Đã nhập 1 tệp vào content/thu/: don-vi.yaml, quyet-dinh.yaml.",
                                "Dựng: docgen build --content content/thu"]
    assert err.splitlines()[-1] == "Có 0 lỗi, 1 cảnh báo."
    text = (tmp_path / "content" / "thu" / "quyet-dinh.yaml").read_text("utf-8")
    assert text.splitlines()[:3] == ["# Nhập từ thu.docx bằng docgen nhap", "so: '12'",
                                     "ngay_ban_hanh: 05/01/2026"]
    assert yaml.safe_load(text)["dieu"] == ["Điều một.", "Hiệu lực kể từ ngày ký"]
    # importing the same file again replaces its own import
    assert cli("nhap", doc)[0] == 0


def test_not_a_docx(tmp_path, cli):
    bad = tmp_path / "ghi-chu.docx"
    bad.write_text("không phải Word", "utf-8")
    status, out, err = cli("nhap", bad, "--content", tmp_path / "ra")
    assert (status, out) == (1, "")
    assert err.splitlines() == [
        "ghi-chu.docx: lỗi: không phải tệp DOCX (không có cấu trúc zip của Word) [check.not-docx]",
        "Có 1 lỗi, 0 cảnh báo."]
    assert not (tmp_path / "ra").exists()


def test_not_a_decree_30_document(tmp_path, cli):
    doc = make_docx(tmp_path / "thu-moi.docx", ["Kính mời anh chị đến dự tiệc.", "Trân trọng."])
    status, out, err = cli("nhap", doc, "--content", tmp_path / "ra")
    assert (status, out) == (1, "")
    assert err.splitlines() == [
        "thu-moi.docx: lỗi: không phải văn bản theo Nghị định 30/2020/NĐ-CP: không tìm thấy tên loại "
        "văn bản (QUYẾT ĐỊNH, KẾ HOẠCH, …) dưới phần đầu văn bản; không nhập gì [import.not-nd30]",
        "Có 1 lỗi, 0 cảnh báo."]
    assert not (tmp_path / "ra").exists()


def test_two_decisions(tmp_path, cli):
    status, out, err = cli("nhap", real(LD07), real(LD05), "--content", tmp_path / "ra")
    assert (status, out) == (1, "")
    assert err.splitlines() == [
        f"{LD05}: lỗi: đây là Quyết định thứ hai (đã có Quyết định trong {LD07}); mỗi lần chỉ nhập một "
        "Quyết định cùng Kế hoạch, Phụ lục của nó; không nhập gì [import.two-decisions]",
        "Có 1 lỗi, 0 cảnh báo."]
    assert not (tmp_path / "ra").exists()


def test_a_folder_holding_another_project(tmp_path, cli):
    target = tmp_path / "hoai-nhon"
    shutil.copytree(BUNDLED, target)
    before = {p: p.read_bytes() for p in target.rglob("*") if p.is_file()}
    status, out, err = cli("nhap", real(LD09), "--content", target)
    assert (status, out) == (1, "")
    assert err.splitlines() == [
        f"{target.as_posix()}: lỗi: thư mục đã có một dự án nội dung khác (không phải do docgen nhap "
        "nhập từ các tệp này); không ghi gì; chọn thư mục khác bằng --content [import.target-exists]",
        "Có 1 lỗi, 0 cảnh báo."]
    assert {p: p.read_bytes() for p in target.rglob("*") if p.is_file()} == before


def test_agencies_added_are_listed(tmp_path, cli):
    status, out, err = cli("nhap", real(LD09), "--content", tmp_path / "ld09")
    assert (status, err) == (0, f"{LD09}: cảnh báo: văn bản không nêu cơ quan giữ vai trò văn hóa, thông tin; "
                                'đã thêm "Sở Văn hóa, Thể thao và Du lịch" (SVHTTDL) vào don-vi.yaml, hãy xem lại '
                                "[import.role-added]\nCó 0 lỗi, 1 cảnh báo.\n")
    lines = out.splitlines()
    assert lines[0] == f"Đã nhập 1 tệp vào {(tmp_path / 'ld09').as_posix()}/: don-vi.yaml, ke-hoach.yaml, phu-luc.yaml."
    added = [line.removeprefix("  Thêm cơ quan vào don-vi.yaml: ") for line in lines[1:-1]]
    assert added[:2] == ["STP: Sở Tư pháp", "UBNDXPDK: UBND các xã, phường, đặc khu"]
    registry = yaml.safe_load((tmp_path / "ld09" / "don-vi.yaml").read_text("utf-8"))["co_quan"]
    assert [f"{k}: {v['ten']}" for k, v in registry.items()] == added
    assert lines[-1] == f"Dựng: docgen build --content {(tmp_path / 'ld09').as_posix()}"
