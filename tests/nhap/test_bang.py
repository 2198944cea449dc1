"""nhap_phu_luc: appendix parts of real documents -> phu_luc entries (schema-13 §A, §C, §D).

The real files are used in place (../shared/real-docx); Hoài Nhơn's appendix is the one docgen
builds from the bundled content (the `core_build` fixture)."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import yaml

from docgen.check.docmodel import build_model
from docgen.check.locate import PHU_LUC, split_parts
from docgen.check.reader import read_docx_bytes
from docgen.model.phu_luc import PhuLucTep
from docgen.nhap.bang import nhap_phu_luc
from docgen.nhap.co_quan import CoQuanMatcher

ROOT = Path(__file__).resolve().parents[2]
REAL = ROOT.parent / "shared" / "real-docx"
LD = ROOT / "content" / "lam-dong-2026"
HN = ROOT / "content" / "hoai-nhon-2021"


def _co_quan(project: Path) -> dict:
    return yaml.safe_load((project / "don-vi.yaml").read_text(encoding="utf-8"))["co_quan"]


def _import(data: bytes, name: str, co_quan: dict | None):
    model = build_model(read_docx_bytes(data, name))
    parts = [p for p in split_parts(model) if p.kind == PHU_LUC]
    matcher = CoQuanMatcher(co_quan)
    entries, problems = nhap_phu_luc(parts, model, matcher, source=name)
    return entries, problems, matcher


def _tasks(nhom):
    for g in nhom:
        yield from g.get("nhiem_vu", [])
        yield from _tasks(g.get("nhom", []))


def _fix_texts(value, fixes: list[tuple[str, str]]):
    """Apply the transcription's text corrections (sua-loi.yaml goc -> sua) inside cells."""
    if isinstance(value, str):
        for goc, sua in fixes:
            value = value.replace(goc, sua)
        return value
    if isinstance(value, list):
        return [_fix_texts(v, fixes) for v in value]
    if isinstance(value, dict):
        return {k: _fix_texts(v, fixes) for k, v in value.items()}
    return value


def test_ld09_appendix_is_the_lam_dong_content():
    entries, problems, matcher = _import((REAL / "ld09-kh-ubnd-cchc-2026.docx").read_bytes(),
                                         "ld09-kh-ubnd-cchc-2026.docx", _co_quan(LD))
    assert problems == [] and matcher.added() == {}
    [entry] = entries
    multi = [t for t in _tasks(entry["nhom"]) if "dong" in t]
    assert [t["nhiem_vu"][:40] for t in multi] == [
        "Tham mưu ban hành Kế hoạch kiểm tra công", "Tham mưu ban hành Kế hoạch tuyên truyền ",
        "Tham mưu UBND tỉnh đánh giá, công bố chỉ"]
    assert all(len(t["dong"]) == 2 for t in multi)
    first = multi[0]["dong"]
    assert (first[0]["chu_tri"], first[0]["phoi_hop"], first[1]["chu_tri"]) == (["SNV"], ["CQDVDP"], ["CQDVDP"])
    assert "phoi_hop" not in first[1] and first[1]["theo_doi"] == ["SNV"]
    # cells the transcription corrected (content/lam-dong-2026/sua-loi.yaml, one cell each)
    fixes = [(f["goc"], f["sua"]) for f in yaml.safe_load((LD / "sua-loi.yaml").read_text())
             if "\t" not in f["goc"] and "\n" not in f["goc"]]
    got = PhuLucTep.model_validate(_fix_texts(entry, fixes))
    want = PhuLucTep.model_validate(yaml.safe_load((LD / "phu-luc.yaml").read_text()))
    assert got == want
    assert len(list(got.phu_luc[0].tasks())) == 49 and len(got.phu_luc[0].nhom) == 7


def test_ld09_columns_and_free_text_cells():
    entries, _, _ = _import((REAL / "ld09-kh-ubnd-cchc-2026.docx").read_bytes(), "ld09.docx", _co_quan(LD))
    entry = entries[0]
    assert entry["tieu_de"] == "PHÂN CÔNG THỰC HIỆN NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2026"
    assert entry["cot"] == [{"tt": "STT"}, "nhiem_vu", "san_pham", "thoi_gian",
                            {"chu_tri": "Chủ trì thực hiện"}, {"phoi_hop": "Phối hợp thực hiện"}, "theo_doi"]
    task = entry["nhom"][1]["nhiem_vu"][4]          # II.5: one cell over Chủ trì and Phối hợp
    assert task["chu_tri"] == [{"ghi": "Theo phân công tại Quyết định số 1441/QĐ-UBND ngày "
                                       "25/9/2025 của Chủ tịch UBND tỉnh"}]
    assert "phoi_hop" not in task
    assert list(task) == ["nhiem_vu", "san_pham", "thoi_gian", "chu_tri", "theo_doi"]   # column order
    assert "(Ban hành kèm theo" not in yaml.safe_dump(entries, allow_unicode=True)


def test_hoai_nhon_built_appendix_is_its_content(core_build):
    entries, problems, matcher = _import(core_build["phu-luc"], "phu-luc.docx", _co_quan(HN))
    assert problems == [] and matcher.added() == {}
    [entry] = entries
    assert "cot" not in entry                       # today's seven columns
    assert entry["nhom"][0]["nhiem_vu"][0]["thoi_gian"] == {"ban_hanh": "12/2020", "thuc_hien": "Cả năm"}
    got = PhuLucTep.model_validate(entry)
    want = PhuLucTep.model_validate(yaml.safe_load((HN / "phu-luc.yaml").read_text()))
    assert got == want


def _shape_ok(bang: dict) -> bool:
    """§C: every row's cells, spans counted, are as many as the columns."""
    n = len(bang["cot"])
    rows = [r["o"] if isinstance(r, dict) else r for r in bang["hang"]]
    return all(sum(c.get("gop", 1) if isinstance(c, dict) else 1 for c in r) == n for r in rows)


def test_ld07_score_tables_are_free_tables():
    entries, problems, _ = _import((REAL / "ld07-qd-ubnd-cong-bo-chi-so-cchc.docx").read_bytes(),
                                   "ld07.docx", _co_quan(LD))
    assert problems == []
    one, two = entries
    assert one["tieu_de"] == ("KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2025\nCỦA CÁC CƠ QUAN CHUYÊN "
                              "MÔN THUỘC UBND TỈNH\nVÀ BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP")
    assert two["tieu_de"] == "KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2025\nCỦA UBND CÁC XÃ, PHƯỜNG, ĐẶC KHU"
    group1, group2 = one["noi_dung"]
    assert group1["khoan"] == ("Nhóm 1: Nhóm các cơ quan thực hiện đánh giá, xếp loại và xếp hạng "
                               "chung (14/15 đơn vị)")     # typed "1. " dropped: docgen numbers it
    bang = group1["noi_dung"][0]["bang"]
    assert bang["cot"] == ["Thứ hạng", {"ten": "Đơn vị", "can": "trai"}, "Điểm chuẩn tối đa",
                           "Điểm đạt được", "Chỉ số chung", "Xếp loại"]
    assert bang["hang"][0] == ["1", "Sở Tư pháp", "89,00", "82,78", "93,01%", "TỐT"]
    assert bang["hang"][14] == {"dam": True, "o": [{"ten": "Chỉ số cao nhất", "gop": 4}, "93,01%", ""]}
    assert len(bang["hang"]) == 17 and _shape_ok(bang)
    assert group2["noi_dung"][0]["bang"]["hang"] == [["1", "Thanh tra tỉnh", "81,00", "64,23", "79,30%", "KHÁ"]]
    [table2] = two["noi_dung"]
    assert len(table2["bang"]["hang"]) == 127 and _shape_ok(table2["bang"])
    assert "Kèm theo" not in yaml.safe_dump(entries, allow_unicode=True)


def test_ld08_schedule_table_and_outline():
    entries, problems, _ = _import((REAL / "ld08-kh-ubnd-kiem-tra-cchc-2026.docx").read_bytes(),
                                   "ld08.docx", _co_quan(LD))
    assert problems == []
    schedule, outline = entries
    assert schedule["tieu_de"] == "THỜI GIAN, ĐƠN VỊ ĐƯỢC KIỂM TRA"
    [block] = schedule["noi_dung"]
    bang = block["bang"]
    assert [c if isinstance(c, str) else c["ten"] for c in bang["cot"]] == [
        "STT", "Đơn vị được kiểm tra", "Thời gian kiểm tra"]
    assert bang["hang"][0] == {"dam": True, "o": ["I", "Cơ quan chuyên môn cấp tỉnh", ""]}
    assert bang["hang"][2] == ["2", "Sở Xây dựng", "Tháng 7/2026"]
    assert len(bang["hang"]) == 31 and _shape_ok(bang)
    assert outline["tieu_de"] == "ĐỀ CƯƠNG BÁO CÁO PHỤC VỤ KIỂM TRA\nCÔNG TÁC CẢI CÁCH HÀNH CHÍNH NĂM 2026"
    muc = outline["noi_dung"]
    assert [m["muc"][:20] for m in muc][:2] == ["CÔNG TÁC CHỈ ĐẠO, ĐI", "XÂY DỰNG VÀ TỔ CHỨC "]
    assert len(muc) == 8 and [len(m["noi_dung"]) for m in muc] == [5, 3, 5, 4, 4, 4, 5, 2]
    first = muc[0]["noi_dung"][0]
    assert first["dang"] == "doan" and first["khoan"].startswith("Việc ban hành và tổ chức thực hiện Kế hoạch")


def _edited(data: bytes, old: str, new: str) -> bytes:
    """The DOCX with one text of word/document.xml replaced."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for info in src.infolist():
            body = src.read(info)
            if info.filename == "word/document.xml":
                text = body.decode("utf-8")
                assert text.count(old) == 1, old
                body = text.replace(old, new).encode("utf-8")
            z.writestr(info, body)
    return out.getvalue()


def test_unknown_column_makes_a_free_table_with_a_warning(core_build):
    data = _edited(core_build["phu-luc"], ">Ghi chú<", ">Đánh giá<")
    entries, problems, _ = _import(data, "phu-luc.docx", _co_quan(HN))
    assert [str(p) for p in problems] == [
        'phu-luc.docx: bảng 1, ô (1,7): cảnh báo: cột "Đánh giá" không khớp cột nào của bảng nhiệm vụ '
        "(TT, Nhiệm vụ, Sản phẩm, Cơ quan chủ trì, Cơ quan phối hợp, Thời gian hoàn thành, Kinh phí, "
        "Kết quả, Ghi chú, Theo dõi, kiểm tra, đôn đốc); bảng được nhập thành bảng tự do [import.unknown-column]"]
    [block] = entries[0]["noi_dung"]
    assert block["bang"]["cot"][-1] == "Đánh giá" and _shape_ok(block["bang"])


def test_a_row_without_a_task_is_reported(core_build):
    data = _edited(core_build["phu-luc"], ">Ban hành Kế hoạch CCHC năm 2021<", "><")
    entries, problems, _ = _import(data, "phu-luc.docx", _co_quan(HN))
    assert [str(p) for p in problems] == [
        "phu-luc.docx: bảng 1, ô (3,1): cảnh báo: dòng có nội dung nhưng không có nhiệm vụ; "
        "dòng không được nhập [import.empty-task]",
        'phu-luc.docx: bảng 1, ô (4,1): cảnh báo: số thứ tự "2" của bản gốc; docgen đánh số nhiệm '
        'vụ này là "1" (và đánh số tiếp theo thứ tự) [import.renumbered]']
    assert entries[0]["nhom"][0]["nhiem_vu"][0]["nhiem_vu"] == "Ban hành Kế hoạch kiểm tra công tác CCHC năm 2021"
