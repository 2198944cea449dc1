"""suatay/merge.py: only what changed is written into a content file, the rest byte for byte."""

from __future__ import annotations

import copy
import difflib
import unicodedata

import yaml

from docgen.suatay.merge import merge_text
from tests.conftest import BUNDLED

TEXT = """\
# Kế hoạch (chú thích đầu tệp)
trich_yeu: "Cải cách hành chính\\nnăm 2021"   # ngoặc kép giữ nguyên
so: ""
nam: 2021

noi_dung:
  # ===== Mục I =====
  - muc: MỤC TIÊU, YÊU CẦU
    noi_dung:
      - khoan: Mục tiêu
        noi_dung:
          - Câu thứ nhất của mục tiêu.
          - gach: Ý gạch thứ nhất.   # chú thích cuối dòng
          - gach: Ý gạch thứ hai.
  # ===== Mục II =====
  - muc: TỔ CHỨC THỰC HIỆN
    noi_dung: [Một câu, 'Câu có '' nháy đơn']
noi_nhan:
  - Như trên
  - Sở Nội vụ
  - Lưu trữ
"""


def _merge(new, base=None, text=TEXT):
    out, changes, problems = merge_text("ke-hoach.yaml", text, new, base)
    return out, [str(c) for c in changes], [str(p) for p in problems]


def _changed_lines(old: str, new: str) -> list[str]:
    return [line for line in difflib.ndiff(old.splitlines(), new.splitlines()) if line[:1] in "+-"]


def data():
    return yaml.safe_load(TEXT)


def test_nothing_changed_nothing_written():
    out, changes, problems = _merge(data())
    assert out == TEXT and changes == [] and problems == []


def test_one_changed_item_changes_that_line_only_comments_kept():
    new = data()
    new["noi_dung"][0]["noi_dung"][0]["noi_dung"][1]["gach"] = "Ý gạch thứ nhất, đã sửa."
    out, changes, _ = _merge(new)
    assert yaml.safe_load(out) == new     # what builds read is the new data
    assert _changed_lines(TEXT, out) == [
        "-           - gach: Ý gạch thứ nhất.   # chú thích cuối dòng",
        "+           - gach: Ý gạch thứ nhất, đã sửa.   # chú thích cuối dòng"]
    assert changes == ["ke-hoach.yaml:13: «Ý gạch thứ nhất.» → «Ý gạch thứ nhất, đã sửa.»"]


def test_one_edited_noi_nhan_line_among_unchanged_ones():
    new = data()
    new["noi_nhan"][1] = "Sở Nội vụ (để báo cáo)"
    out, changes, _ = _merge(new)
    assert _changed_lines(TEXT, out) == ["-   - Sở Nội vụ", "+   - Sở Nội vụ (để báo cáo)"]
    assert changes == ["ke-hoach.yaml:20: «Sở Nội vụ» → «Sở Nội vụ (để báo cáo)»"]


def test_added_and_removed_list_items():
    new = data()
    new["noi_nhan"] = ["Như trên", "Sở Nội vụ", "Sở Tư pháp", "Lưu trữ"]
    new["noi_dung"][0]["noi_dung"][0]["noi_dung"].pop(2)
    out, changes, _ = _merge(new)
    assert yaml.safe_load(out) == new
    assert _changed_lines(TEXT, out) == ["-           - gach: Ý gạch thứ hai.", "+   - Sở Tư pháp"]
    assert changes == ["ke-hoach.yaml:14: bỏ «Ý gạch thứ hai.»", "ke-hoach.yaml:20: thêm «Sở Tư pháp»"]


def test_added_nested_block_item_in_the_siblings_layout():
    new = data()
    new["noi_dung"][0]["noi_dung"].append({"khoan": "Yêu cầu", "noi_dung": [{"gach": "Ý mới: có dấu hai chấm"}]})
    out, changes, _ = _merge(new)
    assert out == TEXT.replace("          - gach: Ý gạch thứ hai.\n", "          - gach: Ý gạch thứ hai.\n"
                               "      - khoan: Yêu cầu\n        noi_dung:\n"
                               '          - gach: "Ý mới: có dấu hai chấm"\n')
    assert changes == ["ke-hoach.yaml:15: thêm «Yêu cầu Ý mới: có dấu hai chấm»"]


def test_flow_list_and_quote_styles_kept():
    new = data()
    new["noi_dung"][1]["noi_dung"][1] = "Câu có ' nháy đơn, đã sửa"
    new["trich_yeu"] = "Cải cách hành chính\nnăm 2022"
    out, _, _ = _merge(new)
    assert _changed_lines(TEXT, out) == [
        '- trich_yeu: "Cải cách hành chính\\nnăm 2021"   # ngoặc kép giữ nguyên',
        '+ trich_yeu: "Cải cách hành chính\\nnăm 2022"   # ngoặc kép giữ nguyên',
        "-     noi_dung: [Một câu, 'Câu có '' nháy đơn']",
        "+     noi_dung: [Một câu, \"Câu có ' nháy đơn, đã sửa\"]"]


def test_special_characters_are_kept_exactly():
    new = data()
    tricky = 'Phòng Tài chính & Kế hoạch <PTCKH> nói "đạt" {{ nam }}: xong # hết'
    new["noi_nhan"][0] = tricky
    new["so"] = "15/KH-UBND"
    out, _, _ = _merge(new)
    assert yaml.safe_load(out)["noi_nhan"][0] == tricky
    assert '  - "Phòng Tài chính & Kế hoạch <PTCKH> nói \\"đạt\\" {{ nam }}: xong # hết"\n' in out
    assert 'so: "15/KH-UBND"\n' in out    # the person's quotes stay
    plain = data()
    plain["noi_nhan"][0] = "A & B < C"   # plain when PyYAML reads it back the same
    assert "  - A & B < C\n" in _merge(plain)[0]


def test_decomposed_unicode_from_word_is_no_change_and_is_written_nfc():
    new = yaml.safe_load(unicodedata.normalize("NFD", TEXT))
    out, changes, _ = _merge(new)
    assert out == TEXT and changes == []
    new["noi_nhan"][1] = unicodedata.normalize("NFD", "Sở Nội vụ tỉnh")
    out, _, _ = _merge(new)
    assert "  - Sở Nội vụ tỉnh\n" in out and unicodedata.is_normalized("NFC", out)


def test_three_way_writes_only_what_the_document_changed():
    """base: the import of the document as built; the file's own wording stays where the import
    reads it differently (here a number the import gives as text)."""
    base = data()
    base["nam"] = "2021"
    new = copy.deepcopy(base)
    new["noi_nhan"][2] = "Lưu: VT"
    out, changes, _ = _merge(new, base)
    assert _changed_lines(TEXT, out) == ["-   - Lưu trữ", "+   - \"Lưu: VT\""] and "nam: 2021\n" in out
    assert changes == ["ke-hoach.yaml:21: «Lưu trữ» → «Lưu: VT»"]


def test_a_change_where_the_file_differs_from_the_built_document_is_reported_not_written():
    base = data()
    base["noi_nhan"][0] = "Như trên (đã khác)"
    new = copy.deepcopy(base)
    new["noi_nhan"][0] = "Như trên, sửa tay"
    out, changes, problems = merge_text("ke-hoach.yaml", TEXT, new, base)
    assert out == TEXT and changes == []
    assert [str(p) for p in problems] == [
        "ke-hoach.yaml:19: cảnh báo: không đưa được sửa đổi «Như trên, sửa tay» vào nội dung: chỗ này của tệp "
        "không còn giống văn bản đã dựng; sửa tay trong tệp này [nhap.cannot-place]"]


def test_removed_key_only_with_a_base():
    new = data()
    del new["so"]
    assert _merge(new)[0] == TEXT          # no base: an import that does not read a key keeps it
    out, changes, _ = _merge(new, data())
    assert _changed_lines(TEXT, out) == ['- so: ""'] and changes == ["ke-hoach.yaml:3: bỏ «so: »"]


def test_bundled_plan_one_sentence_deep_inside():
    text = (BUNDLED / "ke-hoach.yaml").read_text("utf-8")
    new = yaml.safe_load(text)
    body = new["noi_dung"][2]["noi_dung"][6]["noi_dung"]
    body[0] = body[0].replace("Phối hợp với", "Chủ động phối hợp với")
    out, changes, _ = merge_text("ke-hoach.yaml", text, new)
    assert len(_changed_lines(text, out)) == 2 and yaml.safe_load(out) == new
    assert [c.line for c in changes] == [191]


def test_a_list_emptied_in_word_is_reported_not_turned_into_null():
    new = data()
    new["noi_nhan"] = []
    out, changes, problems = _merge(new)
    assert out == TEXT and changes == []
    assert [p.split(": cảnh báo: ")[0] for p in problems] == ["ke-hoach.yaml:19"]
