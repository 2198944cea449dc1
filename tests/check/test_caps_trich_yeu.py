"""A trích yếu typed in capitals (issue #11, item 5): real documents and docgen's own plan,
edited so that exactly the trích yếu is in capitals, get exactly one finding more than the
unedited file, at the trích yếu's first line; nothing else changes (no cascade)."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from docgen.check import check_docx_bytes
from tests.check.xmledit import W, mutate, para_text

ROOT = Path(__file__).resolve().parents[2]
REAL = ROOT.parent / "shared" / "real-docx"
MESSAGE = "trích yếu: viết in hoa toàn bộ (Nghị định 30 yêu cầu chữ thường, Phụ lục I, mục II.5.a)"


def _in_capitals(data: bytes, lines: list[str]) -> bytes:
    """A copy with the paragraphs whose text is one of `lines` typed in capitals (each w:t
    upper-cased: the letters change, the formatting does not)."""
    todo = set(lines)

    def edit(root):
        for p in root.iter(f"{{{W}}}p"):
            text = para_text(p)
            if text in todo:
                todo.discard(text)
                for t in p.iter(f"{{{W}}}t"):
                    t.text = (t.text or "").upper()
        assert not todo, f"not found: {todo}"
    return mutate(data, fn=edit)


def _key(f) -> tuple[str, str]:
    return (f.code, f.where)


def _compare(data: bytes, lines: list[str], where: str) -> None:
    before = check_docx_bytes(data, "goc.docx")
    after = check_docx_bytes(_in_capitals(data, lines), "in-hoa.docx")
    extra = Counter(map(_key, after)) - Counter(map(_key, before))
    assert list(extra.elements()) == [("nd30.trich-yeu", where)], [f.message for f in after]
    assert len(after) == len(before) + 1
    caps = [f for f in after if f.message == MESSAGE]
    assert [(f.where, f.severity, f.clause) for f in caps] == [
        (where, "lỗi", "NĐ 30/2020, Phụ lục I, mục II.5.a; nd30 §13.1")]
    # the same rules fire on the same places as before, and nothing about the trích yếu is lost
    assert not any("không có trích yếu" in f.message or "không có đường kẻ" in f.message
                   for f in after if f.code == "nd30.trich-yeu")


def _real(name: str) -> bytes:
    path = REAL / name
    if not path.is_file():
        pytest.skip(f"{path} is absent (CI has it)")
    return path.read_bytes()


def test_real_plan_ld09_one_line():
    _compare(_real("ld09-kh-ubnd-cchc-2026.docx"),
             ["Cải cách hành chính nhà nước năm 2026 tỉnh Lâm Đồng"], "đoạn 3")


def test_real_decision_ld07_two_paragraphs_then_authority_and_can_cu():
    # two centered paragraphs, then "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH" (bold capitals, centered)
    # which must stay the authority line of the căn cứ block
    _compare(_real("ld07-qd-ubnd-cong-bo-chi-so-cchc.docx"),
             ["Công bố Chỉ số cải cách hành chính năm 2025 của các cơ quan chuyên môn thuộc Ủy "
              "ban nhân dân tỉnh, Ban Quản lý các khu công nghiệp ",
              "và Ủy ban nhân dân các xã, phường, đặc khu"], "đoạn 3")


@pytest.mark.parametrize("name,lines,where", [
    ("ld08-kh-ubnd-kiem-tra-cchc-2026.docx", ["Kiểm tra công tác cải cách hành chính năm 2026",
                                              "trên địa bàn tỉnh Lâm Đồng"], "đoạn 2"),
    ("ld19-qd-ubnd-phe-duyet-dia-ban-ma-tuy.docx",
     ["Phê duyệt danh sách tuyến, địa bàn trọng điểm phức tạp về ma túy,",
      "địa bàn không ma túy năm 2025"], "đoạn 4"),
])
def test_more_real_documents(name, lines, where):
    _compare(_real(name), lines, where)


def test_own_plan(built):
    _compare(built["ke-hoach"], ["Cải cách hành chính thị xã Hoài Nhơn năm 2021"], "đoạn 2")


def test_own_decision_with_a_soft_break(built):
    # one paragraph, two printed lines (w:br): one finding, at its first line
    from docgen.check.reader import read_docx_bytes

    root = read_docx_bytes(built["quyet-dinh"], "qd").document
    text = next(para_text(p) for p in root.iter(f"{{{W}}}p")
                if para_text(p).startswith("Về việc ban hành"))
    _compare(built["quyet-dinh"], [text], "đoạn 2")
    assert check_docx_bytes(built["quyet-dinh"], "qd.docx") == []
