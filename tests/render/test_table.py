"""The appendix with declared columns (docgen/render/table.py) and the body numbering
(docgen/model/danh_so.py): what the renderer is given, computed from the content."""

from __future__ import annotations

from docgen.model import DongNhiemVu, Khoi, NhomVB, PhuLucVB
from docgen.model.danh_so import numbered, typed_number
from docgen.render.context import flatten
from docgen.render.table import TEXT_W, phu_luc_cot


def _row(tt: str, nv: str, **kw) -> DongNhiemVu:
    return DongNhiemVu(tt=tt, nhiem_vu=nv, san_pham=kw.pop("san_pham", ()), chu_tri="", phoi_hop="",
                       thoi_gian=(), **kw)


def test_rows_without_a_tt_column_print_the_group_number_in_its_name():
    vb = PhuLucVB(tieu_de="T", kem_theo="(K)", cot=("Nhiệm vụ", "Kết quả"), cot_ma=("nhiem_vu", "ket_qua"),
                  nhom=(NhomVB("I", "Nhóm một", (_row("1", "Việc A", ket_qua="Xong"),),
                               nhom=(NhomVB("1", "Nhóm con", (_row("1", "Việc B"),), cap=1),)),))
    ctx = phu_luc_cot(vb)
    assert ctx["trang"]["huong"] == "portrait" and sum(ctx["rong"]) == TEXT_W["doc"] == ctx["trang"]["rong"]
    assert [c["dong"] for c in ctx["dau"][0]["o"]] == [["Nhiệm vụ"], ["Kết quả"]]
    rows = [(r["nhom"], [(c["span"], c["dong"]) for c in r["o"]]) for r in ctx["hang"]]
    assert rows == [(True, [(2, ["I. Nhóm một"])]), (False, [(1, ["Việc A"]), (1, ["Xong"])]),
                    (True, [(2, ["1. Nhóm con"])]), (False, [(1, ["Việc B"]), (1, [])])]


def test_tt_column_centred_and_group_number_in_its_own_cell():
    vb = PhuLucVB(tieu_de="T", kem_theo="", cot=("TT", "Nhiệm vụ", "Sản phẩm"), cot_ma=("tt", "nhiem_vu", "san_pham"),
                  nhom=(NhomVB("II", "Nhóm", (_row("1", "Việc", san_pham=("SP1", "SP2")),)),))
    ctx = phu_luc_cot(vb)
    group, task = ctx["hang"]
    assert [(c["w"], c["span"], c["dong"], c["can"]) for c in group["o"]] == [
        (ctx["rong"][0], 1, ["II"], "center"), (sum(ctx["rong"][1:]), 2, ["Nhóm"], "left")]
    assert [c["dong"] for c in task["o"]] == [["1"], ["Việc"], ["SP1", "SP2"]]


def _blocks():
    return (Khoi(khoan="Không có mục", noi_dung=(Khoi(diem="Điểm"),)),
            Khoi(muc="MỤC", noi_dung=(Khoi(khoan="Khoản", noi_dung=(Khoi(diem="Điểm", dang="doan"),)),
                                      Khoi(gach="Ý"), Khoi(khoan="Khoản hai"))))


def test_numbering_styles():
    assert [(loc, lab) for loc, _, lab in numbered(_blocks())] == [
        ((0,), "1."), ((0, "noi_dung", 0), "a)"), ((1,), "I."), ((1, "noi_dung", 0), "1."),
        ((1, "noi_dung", 0, "noi_dung", 0), "a)"), ((1, "noi_dung", 1), ""), ((1, "noi_dung", 2), "2.")]
    assert [lab for _, _, lab in numbered(_blocks(), "thap-phan")] == ["1.", "1.1.", "1.", "1.1.", "1.1.1.", "", "1.2."]
    assert flatten(_blocks(), "thap-phan")[4] == {"kieu": "doan", "so": "", "noi_dung": "1.1.1. Điểm"}
    assert flatten(_blocks())[5] == {"kieu": "gach", "so": "", "noi_dung": "- Ý"}


def test_typed_numbers():
    assert [typed_number(t) for t in ("1. Mục tiêu", "II. NHIỆM VỤ", "1.2. Việc", "a) Việc", "đ) Việc",
                                      "Mục tiêu", "100% văn bản", "Căn cứ 1.", "V.v")] == [
        "1.", "II.", "1.2.", "a)", "đ)", None, None, None, None]
