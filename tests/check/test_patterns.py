"""Patterns of real documents (issue #14) made in python-docx: soft breaks, Kính gửi, a công
văn without "V/v", NFD text, one-page documents."""
from __future__ import annotations

import io
import unicodedata

import docx
from docx.enum.text import WD_BREAK

from docgen.check import check_docx_bytes


def _doc(lines, breaks=()) -> bytes:
    d = docx.Document()
    for text in lines:
        p = d.add_paragraph()
        for k, piece in enumerate(text.split("\n")):
            if k:
                p.add_run().add_break(WD_BREAK.LINE)
            p.add_run(piece)
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def _codes(data: bytes) -> dict[str, list]:
    out: dict[str, list] = {}
    for f in check_docx_bytes(data, "cv.docx"):
        out.setdefault(f.code, []).append(f)
    return out


CV = ["ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc",
      "Số: 12/UBND-NC", "Lâm Đồng, ngày 05 tháng 3 năm 2026", "Kính gửi: Sở Nội vụ",
      "Ủy ban nhân dân tỉnh đề nghị Sở Nội vụ báo cáo./.",
      "Nơi nhận:\n- Như trên;\n- Lưu: VT, NC."]


def test_soft_breaks_split_quoc_hieu_and_noi_nhan_into_lines():
    found = _codes(_doc(CV))
    assert "nd30.tieu-ngu" not in {c for c, fs in found.items()
                                   if any("không có Tiêu ngữ" in f.message for f in fs)}
    assert not any("viết \"CỘNG HÒA" in f.message for f in found.get("nd30.quoc-hieu", []))
    assert not any("Lưu" in f.message for f in found.get("nd30.noi-nhan", []))


def test_cong_van_without_vv_is_reported_once_at_the_so_line():
    vv = _codes(_doc(CV))["nd30.vv"]
    assert [(f.where, f.message) for f in vv] == [
        ("đoạn 3", "công văn không có trích yếu \"V/v …\" dưới số, ký hiệu")]


def test_kinh_gui_is_not_body_text():
    body = _codes(_doc(CV)).get("nd30.body", [])
    assert all("Kính gửi" not in f.excerpt for f in body)


def test_decomposed_noi_nhan_is_recognised():
    lines = CV[:-1] + [unicodedata.normalize("NFD", CV[-1])]
    found = _codes(_doc(lines))
    assert not any("không có phần" in f.message for f in found.get("nd30.noi-nhan", []))
    assert found["nd30.nfc"][0].severity == "cảnh báo"


def test_one_page_document_needs_no_page_number():
    assert "nd30.page-number" not in _codes(_doc(CV))


def _closing_doc(rows: list[tuple[str, str]], trich_yeu="Về việc thành lập tổ công tác") -> bytes:
    """A decision typed with paragraphs, closed by a Nơi nhận | signature table of `rows`."""
    d = docx.Document()
    for text in ["ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                 "Độc lập - Tự do - Hạnh phúc", "Số: 05/QĐ-UBND", "Lâm Đồng, ngày 05 tháng 3 năm 2026",
                 "QUYẾT ĐỊNH", trich_yeu, "Điều 1. Thành lập tổ công tác./."]:
        d.add_paragraph(text)
    for p in d.paragraphs[5:7]:
        p.alignment = 1
        for r in p.runs:
            r.bold = True
    t = d.add_table(rows=len(rows), cols=2)
    for k, (left, right) in enumerate(rows):
        t.cell(k, 0).text, t.cell(k, 1).text = left, right
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def test_noi_nhan_split_across_rows_is_one_list():
    data = _closing_doc([("Nơi nhận:", "KT. CHỦ TỊCH"), ("- Như Điều 1;", "PHÓ CHỦ TỊCH"),
                         ("- Lưu: VT, NC.", "Nguyễn Văn A")])
    msgs = [f.message for f in _codes(data).get("nd30.noi-nhan", [])]
    assert not any("không có dòng nào" in m for m in msgs), msgs


def test_authority_without_space_is_found_and_reported_once():
    data = _closing_doc([("Nơi nhận:\n- Như Điều 1;\n- Lưu: VT, NC.", "KT.CỤC TRƯỞNG\nPHÓ CỤC TRƯỞNG"),
                         ("", "Nguyễn Văn A")])
    sig = [f for f in _codes(data)["nd30.signature"] if "quyền hạn" in f.message]
    assert len(sig) == 1 and sig[0].excerpt == "KT.CỤC TRƯỞNG"


def test_trich_yeu_in_capitals_is_one_finding():
    found = _codes(_closing_doc([("Nơi nhận:", "CHỦ TỊCH")], "VỀ VIỆC THÀNH LẬP TỔ CÔNG TÁC"))
    ty = [f for f in found["nd30.trich-yeu"] if "in hoa" in f.message]
    assert len(ty) == 1 and ty[0].where == "đoạn 7"
    assert not any("không tìm thấy" in f.message for f in found.get("nd30.ten-loai", []))
    assert [f.message for f in found["nd30.dieu"]] == ["điều: \"Điều 1.\" không in đậm"]


def test_text_and_json_reports_name_the_same_places(tmp_path, capsys):
    import json

    from docgen.cli import run

    path = tmp_path / "cv.docx"
    path.write_bytes(_doc(CV))
    assert run(["check", str(path)]) == 1
    text = capsys.readouterr().out.splitlines()[:-1]
    assert run(["check", "--json", str(path)]) == 1
    found = json.loads(capsys.readouterr().out)["ket_qua"]
    assert len(text) == len(found)
    for line, f in zip(text, found):
        where = f["where"] + (f" «{f['excerpt']}»" if f["excerpt"] else "")
        assert line.startswith(f"{path}: {f['severity']}: {where}: {f['message']} [{f['code']}]")
    vv = next(f for f in found if f["code"] == "nd30.vv")
    assert (vv["where"], vv["excerpt"]) == ("đoạn 3", "Số: 12/UBND-NC")


def _cv_with_vv(after_so_pt: float | None, soft_break: bool = False, drafter=None) -> bytes:
    """A công văn with "V/v …" under Số (space after Số `after_so_pt`), and the Lưu line's
    drafter code run formatted `drafter` ("subscript" / "superscript" / None)."""
    from docx.shared import Pt

    d = docx.Document()
    d.styles["Normal"].paragraph_format.space_before = Pt(0)
    d.styles["Normal"].paragraph_format.space_after = Pt(0)
    vv = "V/v báo cáo kết quả cải cách hành chính"
    head = [CV[0], CV[1], "Số: 12/UBND-NC" + ("\n" + vv if soft_break else "")]
    if not soft_break:
        head.append(vv)
    for text in head + CV[3:-1] + ["Nơi nhận:\n- Như trên;\n- Lưu: VT, NC."]:
        p = d.add_paragraph()
        for k, piece in enumerate(text.split("\n")):
            if k:
                p.add_run().add_break(WD_BREAK.LINE)
            p.add_run(piece)
        if text.startswith("Số:") and after_so_pt is not None:
            p.paragraph_format.space_after = Pt(after_so_pt)
    d.paragraphs[-1].add_run("Châu").font._element.get_or_add_rPr()   # the drafter code
    run = d.paragraphs[-1].runs[-1]
    if drafter == "subscript":
        run.font.subscript = True
    elif drafter == "superscript":
        run.font.superscript = True
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def _messages(data: bytes, code: str) -> list[str]:
    return [f.message for f in _codes(data).get(code, [])]


def test_vv_needs_6_pt_under_the_so_line():
    gap = "cách dòng số, ký hiệu 0 pt (yêu cầu 6 pt)"
    assert any(gap in m for m in _messages(_cv_with_vv(0), "nd30.vv"))
    assert any("cách dòng số, ký hiệu 3 pt" in m for m in _messages(_cv_with_vv(3), "nd30.vv"))
    assert not any("cách dòng" in m for m in _messages(_cv_with_vv(6), "nd30.vv"))
    # V/v typed on the Số line after Shift+Enter: the two lines touch
    assert any(gap in m for m in _messages(_cv_with_vv(None, soft_break=True), "nd30.vv"))


def test_drafter_code_in_subscript_or_superscript_is_below_11_pt():
    def lưu(drafter):
        return [m for m in _messages(_cv_with_vv(6, drafter=drafter), "nd30.noi-nhan")
                if "ký hiệu người soạn thảo" in m]
    assert lưu(None) == []
    assert lưu("subscript") == ["nơi nhận: ký hiệu người soạn thảo in chỉ số dưới (subscript), "
                                "nhỏ hơn 11 pt (yêu cầu 11 pt)"]
    assert lưu("superscript") == ["nơi nhận: ký hiệu người soạn thảo in chỉ số trên (superscript), "
                                  "nhỏ hơn 11 pt (yêu cầu 11 pt)"]
