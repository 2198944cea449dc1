"""nhap_phu_luc on an appendix typed by hand in Word (made here with python-docx): other column
headers, a lower-case title, a row continued without a merge, a column-number row, a repeated
header row, sub-groups, a cell outside the header, and a task table standing among text."""
from __future__ import annotations

import io

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH

from docgen.check.docmodel import build_model
from docgen.check.locate import PHU_LUC, split_parts
from docgen.check.reader import read_docx_bytes
from docgen.model.phu_luc import PhuLucTep
from docgen.nhap.bang import nhap_phu_luc
from docgen.nhap.co_quan import CoQuanMatcher

HEADER = ["STT", "Nội dung", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời hạn"]
ROWS = [
    ["(1)", "(2)", "(3)", "(4)", "(5)"],
    ["I", "Cải cách thể chế", "", "", ""],
    ["1", "Rà soát văn bản", "Sở Tư pháp", "Sở Nội vụ, Sở Tài chính", "Quý I/2026"],
    ["", "", "UBND các xã", "", "Quý II/2026"],
    HEADER,
    ["II", "Cải cách thủ tục hành chính", "", "", ""],
    ["1", "Thủ tục cấp tỉnh", "", "", ""],
    ["1", "Công bố thủ tục", "Văn phòng UBND tỉnh", "", "Theo phân công tại Quyết định số 12/QĐ-UBND"],
    ["", "và công khai thủ tục", "", "Sở Nội vụ", ""],           # the row's rest, split by hand
]


def _para(doc, text: str, *, bold=False, center=True):
    p = doc.add_paragraph()
    p.add_run(text).bold = bold
    if center:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    return p


def _table(doc, header, rows, bold_rows=(), extra_cell_row=None):
    t = doc.add_table(rows=0, cols=len(header) + (1 if extra_cell_row is not None else 0))
    for ri, texts in enumerate([header, *rows]):
        cells = t.add_row().cells
        for ci, text in enumerate(texts):
            cells[ci].paragraphs[0].add_run(text).bold = ri == 0 or ri - 1 in bold_rows
        if extra_cell_row is not None and ri - 1 == extra_cell_row:
            cells[-1].paragraphs[0].add_run("chữ lạc cột")
    return t


def _docx() -> bytes:
    doc = Document()
    _para(doc, "Phụ lục I", bold=True)
    _para(doc, "Danh mục nhiệm vụ năm 2026", bold=True)          # lower case: not found by locate
    _para(doc, "(Kèm theo Kế hoạch số 5/KH-UBND ngày 02/01/2026")
    _para(doc, "của UBND tỉnh Lâm Đồng)")
    _table(doc, HEADER, ROWS, bold_rows=(1, 5, 6), extra_cell_row=7)
    _para(doc, "Phụ lục II", bold=True)
    _para(doc, "NHIỆM VỤ KHÁC", bold=True)
    _para(doc, "I. Các nhiệm vụ", bold=True, center=False)
    _para(doc, "Phần này ghi nhiệm vụ khác.", center=False)
    _table(doc, HEADER, [["1", "Việc khác", "Sở Nội vụ", "", "Quý III/2026"]])
    _para(doc, "Phụ lục III", bold=True)
    _para(doc, "BẢNG ĐIỂM", bold=True)
    t = _table(doc, ["Đơn vị", "Điểm", ""], [["Sở Nội vụ", "80", "90"], ["Sở Tư pháp", "", ""]])
    t.cell(0, 1).merge(t.cell(0, 2))
    t.cell(2, 1).merge(t.cell(2, 2)).paragraphs[0].add_run("chưa chấm")
    _para(doc, "Phụ lục IV", bold=True)
    _para(doc, "HAI DÒNG TIÊU ĐỀ", bold=True)
    t = _table(doc, ["TT", "Nhiệm vụ", "Cơ quan thực hiện", "", "Thời gian"],
               [["", "", "Chủ trì", "Phối hợp", ""], ["I", "Nhóm một", "", "", ""],
                ["1", "Việc một", "Sở Tư pháp", "Sở Nội vụ", "Quý I/2026"]], bold_rows=(0, 1))
    for col in (0, 1, 4):
        t.cell(0, col).merge(t.cell(1, col))
    t.cell(0, 2).merge(t.cell(0, 3))
    row = t.add_row().cells                     # a group typed in one cell over the whole row
    row[0].merge(row[4]).paragraphs[0].add_run("II. NHÓM HAI").bold = True
    row = t.add_row().cells
    for cell, text in zip(row, ["1", "Việc hai", "Sở Nội vụ", "", "Quý II/2026"]):
        cell.paragraphs[0].add_run(text)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _import():
    model = build_model(read_docx_bytes(_docx(), "tay.docx"))
    parts = [p for p in split_parts(model) if p.kind == PHU_LUC]
    matcher = CoQuanMatcher({"STP": {"ten": "Sở Tư pháp"}, "SNV": {"ten": "Sở Nội vụ"},
                             "VP": {"ten": "Văn phòng UBND tỉnh"}})
    entries, problems = nhap_phu_luc(parts, model, matcher, source="tay.docx")
    return entries, problems, matcher


def test_hand_typed_task_table():
    entries, problems, matcher = _import()
    PhuLucTep.model_validate({"phu_luc": entries})       # every entry in the content model's forms
    one = entries[0]
    assert one["tieu_de"] == "Danh mục nhiệm vụ năm 2026"
    assert one["cot"] == [{"tt": "STT"}, {"nhiem_vu": "Nội dung"}, {"chu_tri": "Đơn vị chủ trì"},
                          {"phoi_hop": "Đơn vị phối hợp"}, {"thoi_gian": "Thời hạn"}]
    first, second = one["nhom"]
    assert first == {"ten": "Cải cách thể chế", "nhiem_vu": [{
        "nhiem_vu": "Rà soát văn bản",
        "dong": [{"chu_tri": ["STP"], "phoi_hop": ["SNV", "STC"], "thoi_gian": "Quý I/2026"},
                 {"chu_tri": ["UBNDX"], "thoi_gian": "Quý II/2026"}]}]}
    assert second == {"ten": "Cải cách thủ tục hành chính", "nhom": [{
        "ten": "Thủ tục cấp tỉnh", "nhiem_vu": [{
            "nhiem_vu": "Công bố thủ tục và công khai thủ tục", "chu_tri": ["VP"], "phoi_hop": ["SNV"],
            "thoi_gian": "Theo phân công tại Quyết định số 12/QĐ-UBND"}]}]}
    assert matcher.listed() == ["STC: Sở Tài chính", "UBNDX: UBND các xã"]
    assert matcher.added()["UBNDX"] == {"ten": "UBND các xã", "nhom": True, "gom_xa_phuong": True}
    assert [str(p) for p in problems] == [
        'tay.docx: bảng 1, ô (9,6): cảnh báo: ô không nằm dưới cột nào của dòng tiêu đề; '
        '"chữ lạc cột" không được nhập [import.cell-outside]',
        "tay.docx: bảng 1, ô (10,1): cảnh báo: dòng không có số thứ tự được nối vào nhiệm vụ ở trên "
        '(dòng bị tách khi sang trang?); xem lại nhiệm vụ "Công bố thủ tục và công khai thủ tục" '
        "[import.split-row]",
        "tay.docx: bảng 2, ô (1,1): cảnh báo: bảng nhiệm vụ đứng cùng đoạn văn hoặc bảng khác "
        "trong một phụ lục; bảng được nhập thành bảng tự do (kế hoạch con, kế hoạch xã không đọc "
        "bảng tự do) [import.task-table-in-text]",
        'tay.docx: bảng 3, ô (1,2): cảnh báo: ô tiêu đề "Điểm" gộp 2 cột; mỗi cột được ghi tên '
        "này [import.table-header]"]


def test_task_table_among_text_is_free_content():
    entries, _, _ = _import()
    two = entries[1]
    assert two["tieu_de"] == "NHIỆM VỤ KHÁC"
    assert two["noi_dung"] == [{"muc": "Các nhiệm vụ", "noi_dung": [
        "Phần này ghi nhiệm vụ khác.",
        {"bang": {"cot": [{"ten": "STT", "can": "trai"}, {"ten": "Nội dung", "can": "trai"},
                          {"ten": "Đơn vị chủ trì", "can": "trai"}, "Đơn vị phối hợp",
                          {"ten": "Thời hạn", "can": "trai"}],      # no data: no alignment
                  "hang": [["1", "Việc khác", "Sở Nội vụ", "", "Quý III/2026"]]}}]}]


def test_merged_cells_of_a_free_table():
    entries, _, _ = _import()
    assert entries[2] == {"tieu_de": "BẢNG ĐIỂM", "noi_dung": [{"bang": {
        "cot": [{"ten": "Đơn vị", "can": "trai"}, {"ten": "Điểm", "can": "trai"}, {"ten": "Điểm", "can": "trai"}],
        "hang": [["Sở Nội vụ", "80", "90"], ["Sở Tư pháp", {"ten": "chưa chấm", "gop": 2}]]}}]}


def test_two_header_rows():
    entries, problems, _ = _import()
    assert entries[3] == {"tieu_de": "HAI DÒNG TIÊU ĐỀ",
                          "cot": ["tt", "nhiem_vu", {"chu_tri": "Chủ trì"}, {"phoi_hop": "Phối hợp"},
                                  {"thoi_gian": "Thời gian"}],
                          "nhom": [{"ten": "Nhóm một", "nhiem_vu": [{
                              "nhiem_vu": "Việc một", "chu_tri": ["STP"], "phoi_hop": ["SNV"],
                              "thoi_gian": "Quý I/2026"}]},
                                   {"ten": "NHÓM HAI", "nhiem_vu": [{
                              "nhiem_vu": "Việc hai", "chu_tri": ["SNV"], "thoi_gian": "Quý II/2026"}]}]}
    assert not [p for p in problems if "bảng 4" in str(p)]


def test_deadline_cells():
    from docgen.nhap.bang import thoi_gian

    assert thoi_gian(["- Ban hành Kế hoạch: Quý I/2021", "- Thực hiện: Cả năm"]) == {
        "ban_hanh": "Quý I/2021", "thuc_hien": "Cả năm"}
    assert thoi_gian(["Thực hiện: Cả năm"]) == {"thuc_hien": "Cả năm"}
    assert thoi_gian(["Quý I/2026", "và Quý III/2026"]) == "Quý I/2026\nvà Quý III/2026"
    assert thoi_gian(["- Thực hiện: Cả năm", "Báo cáo: 12/2026"]) == "- Thực hiện: Cả năm\nBáo cáo: 12/2026"


def test_word_numbering_labels_are_read_as_typed():
    """Numbers Word prints from w:numPr (docgen.check.numbering.labels: id(w:p) -> label) count
    as typed ones: a TT column numbered by Word, an outline numbered by Word."""
    doc = Document()
    _para(doc, "Phụ lục", bold=True)
    _para(doc, "NHIỆM VỤ", bold=True)
    _table(doc, ["TT", "Nhiệm vụ", "Cơ quan chủ trì"],
           [["", "Nhóm một", ""], ["", "Việc một", "Sở Nội vụ"], ["", "Việc hai", "Sở Nội vụ"]])
    _para(doc, "Phụ lục II", bold=True)
    _para(doc, "ĐỀ CƯƠNG", bold=True)
    _para(doc, "Việc đã làm", center=False)
    out = io.BytesIO()
    doc.save(out)
    model = build_model(read_docx_bytes(out.getvalue(), "so.docx"))
    cells = [p for p in model.paras if p.table is not None and p.col == 1][1:]   # TT cells
    body = next(p for p in model.paras if p.norm == "Việc đã làm")
    labels = {id(p.el): label for p, label in zip([*cells, body], ["I.", "1.", "2.", "1."])}
    parts = [p for p in split_parts(model) if p.kind == PHU_LUC]
    entries, problems = nhap_phu_luc(parts, model, CoQuanMatcher({"SNV": {"ten": "Sở Nội vụ"}}),
                                     source="so.docx", labels=labels)
    assert problems == []
    assert entries[0]["nhom"] == [{"ten": "Nhóm một", "nhiem_vu": [
        {"nhiem_vu": "Việc một", "chu_tri": ["SNV"]}, {"nhiem_vu": "Việc hai", "chu_tri": ["SNV"]}]}]
    assert entries[1]["noi_dung"] == [{"khoan": "Việc đã làm", "dang": "doan"}]
    without, _ = nhap_phu_luc(parts, model, CoQuanMatcher(None), source="so.docx")
    assert without[1]["noi_dung"] == ["Việc đã làm"]
