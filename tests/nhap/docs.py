"""Small DOCX files made for the import tests (python-docx), and where the real ones are."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
REAL = ROOT.parent / "shared" / "real-docx"
LD07 = "ld07-qd-ubnd-cong-bo-chi-so-cchc.docx"
LD08 = "ld08-kh-ubnd-kiem-tra-cchc-2026.docx"
LD09 = "ld09-kh-ubnd-cchc-2026.docx"
LD05 = "ld05-qd-ubnd-bcd-du-lieu.docx"


def real(name: str) -> Path:
    """A real document of ../shared/real-docx/, used in place (never copied)."""
    path = REAL / name
    if not path.is_file():
        pytest.fail(f"thiếu văn bản thật {path}: bài kiểm tra nhập cần bản gốc")
    return path


HEADER = ["ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
          "Độc lập - Tự do - Hạnh phúc", "Số: 12/QĐ-UBND", "Lâm Đồng, ngày 05 tháng 01 năm 2026"]


def make_docx(path: Path, lines: list[str | tuple[str, bool]]) -> Path:
    """A document of plain paragraphs; (text, True) is a bold paragraph."""
    from docx import Document

    doc = Document()
    for line in lines:
        text, bold = line if isinstance(line, tuple) else (line, False)
        doc.add_paragraph().add_run(text).bold = bold
    doc.save(str(path))
    return path


def small_decision(path: Path, body: list[str]) -> Path:
    """A decision typed as paragraphs (no header or signature table)."""
    return make_docx(path, [(h, True) for h in HEADER[:4]] + HEADER[4:] + [
        ("QUYẾT ĐỊNH", True), ("Về việc thử nghiệm nhập văn bản", True),
        ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", True), "Căn cứ Luật Tổ chức chính quyền địa phương;",
        ("QUYẾT ĐỊNH:", True), *body, "Nơi nhận:", "- Như Điều 2;", "- Lưu: VT."])
