"""The text rules (docgen/check/rules/text.py): each on docgen's own document with exactly
that fault, with its exact message; docgen's own documents raise none of them; and the fix
`docgen sua` makes where one is mechanical."""
from __future__ import annotations

import pytest

from docgen.check import check_docx_bytes
from docgen.repair.engine import repair_bytes
from tests.check.xmledit import find_para, mutate, para_text, set_text
from tests.repair.words import document_text


def _edit(built, start: str, old: str, new: str, doc: str = "quyet-dinh") -> bytes:
    def fn(root):
        p = find_para(root, start)
        assert old in para_text(p)
        set_text(p, para_text(p).replace(old, new, 1))
    return mutate(built[doc], fn=fn)


def _only(data: bytes, code: str) -> list:
    found = check_docx_bytes(data, "t.docx")
    assert {f.code for f in found} == {code}, [f.message for f in found]
    return found


@pytest.mark.parametrize("name", ["quyet-dinh", "ke-hoach", "phu-luc", "tron-bo"])
def test_no_text_finding_on_docgen_documents(built, name):
    assert [f.message for f in check_docx_bytes(built[name], name)] == []


def _first_t(built, start: str, old: str, new: str) -> bytes:
    """Edit only the first w:t of the paragraph (keeps its line break)."""
    from tests.check.xmledit import w

    def fn(root):
        t = next(find_para(root, start).iter(w("t")))
        t.text = t.text.replace(old, new)
    return mutate(built["quyet-dinh"], fn=fn)


def test_vv_outside_cong_van(built):
    data = _first_t(built, "Về việc ban hành", "Về việc", "V/v")
    [f] = _only(data, "nd30.text-vv")
    assert (f.severity, f.where) == ("lỗi", "đoạn 2")
    assert f.message == ("trích yếu văn bản có tên loại viết \"V/v\" (chỉ công văn dùng \"V/v\"; "
                         "văn bản khác viết \"Về việc\"): \"V/v ban hành Kế hoạch\"")
    plain = repair_bytes(data, "t.docx")     # a word would change: only as a tracked change
    assert plain.fixes == [] and [x.code for x in plain.remaining] == ["nd30.text-vv"]
    result = repair_bytes(data, "t.docx", track=True)
    assert [str(x) for x in result.fixes] == [
        "đoạn 2: \"V/v\" → \"Về việc\" (chỉ công văn dùng \"V/v\") [nd30.text-vv]"]
    assert result.remaining == []


def test_citation_without_so(built):
    data = _edit(built, "Căn cứ Văn bản", "Văn bản số ", "Văn bản ")
    [f] = _only(data, "nd30.text-citation")
    assert f.severity == "lỗi" and f.message == (
        "trích dẫn văn bản thiếu chữ \"số\" trước số, ký hiệu: \"Văn bản 6459/BNV-CCHC\"")
    assert repair_bytes(data, "t.docx").fixes == []
    result = repair_bytes(data, "t.docx", track=True)
    assert [str(x) for x in result.fixes] == [
        "đoạn 6: \"Văn bản 6459/BNV-CCHC\" → \"Văn bản số 6459/BNV-CCHC\" [nd30.text-citation]"]
    assert result.remaining == []


def test_citation_without_issuing_body_is_a_warning(built):
    data = _edit(built, "Căn cứ Văn bản", " của Bộ trưởng Bộ Nội vụ", "")
    found = check_docx_bytes(data, "t.docx")
    assert [(f.code, f.severity) for f in found] == [("nd30.text-citation", "cảnh báo")]
    assert found[0].message.startswith("căn cứ không ghi cơ quan ban hành văn bản được trích dẫn")


def test_date_in_text(built):
    data = _edit(built, "Căn cứ Văn bản", "ngày 07 tháng 12", "ngày 7 tháng 12")
    [f] = _only(data, "nd30.text-date")
    assert f.severity == "cảnh báo" and f.message == (
        "ngày dưới 10 và tháng 1, 2 viết có số 0 ở trước: \"ngày 7 tháng 12 năm 2020\"")
    result = repair_bytes(data, "t.docx")
    assert [x.code for x in result.fixes] == ["nd30.text-date"] and result.remaining == []
    assert document_text(result.data) == document_text(built["quyet-dinh"])


def test_capitals_of_cited_parts(built):
    data = _edit(built, "Điều 2.", "Điều 2. ", "Điều 2. Theo Khoản 2 điều 5 Luật Tổ chức chính "
                 "quyền địa phương, ")
    [f] = _only(data, "nd30.text-capitals")
    assert f.severity == "lỗi" and f.message.endswith("(và 1 chỗ khác)")
    result = repair_bytes(data, "t.docx")
    assert result.remaining == []
    assert "Theo khoản 2 Điều 5 Luật Tổ chức" in document_text(result.data)


def test_capital_unit_name_is_a_warning_left_to_a_person(built):
    data = _edit(built, "Điều 2.", "Điều 2. ", "Điều 2. Các xã của Tỉnh Bình Định, ")
    [f] = check_docx_bytes(data, "t.docx")
    assert (f.code, f.severity) == ("nd30.text-capitals", "cảnh báo")
    assert f.found == "Tỉnh Bình Định"
    result = repair_bytes(data, "t.docx")
    assert result.fixes == [] and [x.code for x in result.remaining] == ["nd30.text-capitals"]


def test_abbreviation_not_explained(built):
    data = _edit(built, "Điều 2.", "Điều 2. ", "Điều 2. Giao BQLDA chủ trì, BQLDA báo cáo; ")
    [f] = _only(data, "nd30.text-abbreviation")
    assert f.severity == "cảnh báo" and f.found == "BQLDA"
    explained = _edit(built, "Điều 2.", "Điều 2. ", "Điều 2. Giao Ban quản lý dự án (sau đây viết "
                      "tắt là BQLDA) chủ trì, BQLDA báo cáo; ")
    assert check_docx_bytes(explained, "t.docx") == []
