"""Content validation on its own: YAML text -> the exact problems (message, line, code).

A small model made of docgen's own field types stands for the content files, so that every
branch of `docgen.content.validate` and `docgen.model.types` is reached without building a
document. Each case is a subtest: one report line per failing case. Where a validated value
has a written form that shows in a document (deadlines, signer lines), the test also reads it
back from the bundled build (`core_build`).
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from docgen.content.validate import validate
from docgen.content.yaml_loader import load_yaml
from docgen.model.content import Khoi, Model, NguoiKy, ThoiGian, XaPhuong
from docgen.model.types import NgayField, NonBlank, SoVanBan, Text
from docgen.vn.dates import Ngay
from tests.expect import paragraphs, project, table_rows, tasks


class Ky(Model):
    chuc_vu: NonBlank
    hinh_thuc: Literal["", "KT", "TL"] = ""


class Mau(Model):
    ten: NonBlank
    ghi_chu: Text = ""
    so: SoVanBan = ""
    ngay: NgayField
    dong: tuple[NonBlank, ...] = Field(min_length=1)
    nguoi_ky: Ky | None = None
    so_luong: int = 0
    ty_le: float = 0.0


GOOD = 'ten: A\nngay: "07/12/2020"\ndong: [x]\n'


def _problems(tmp_path, text: str) -> list[str]:
    path = tmp_path / "mau.yaml"
    path.write_text(text, "utf-8")
    doc, problems = load_yaml(path, "mau.yaml")
    assert doc is not None and problems == []
    value, problems = validate(doc, Mau)
    assert (value is None) == bool(problems)
    return [str(p) for p in problems]


CASES = [
    ("ngay: \"07/12/2020\"\ndong: [x]\n", ['mau.yaml:1: lỗi: thiếu khóa bắt buộc "ten" [content.missing]']),
    (GOOD + "tenn: B\n", ['mau.yaml:4: lỗi: khóa "tenn" không hợp lệ ở đây; có phải "ten"? [content.unknown-key]']),
    (GOOD + "zzz: B\n", ['mau.yaml:4: lỗi: khóa "zzz" không hợp lệ ở đây [content.unknown-key]']),
    (GOOD + "nguoi_ky:\n  chuc_vu: X\n  chuc_vuu: Y\n",
     ['mau.yaml:6: lỗi: khóa "chuc_vuu" không hợp lệ ở đây; có phải "chuc_vu"? [content.unknown-key]']),
    (GOOD + "nguoi_ky:\n  chuc_vu: X\n  hinh_thuc: TM\n",
     ["mau.yaml:6: lỗi: \"hinh_thuc\" chỉ nhận một trong các giá trị: '', 'KT' hoặc 'TL' [content.invalid-value]"]),
    (GOOD + "nguoi_ky: Y\n", ['mau.yaml:4: lỗi: "nguoi_ky" phải là bảng khóa–giá trị [content.type]']),
    ('ten: A\nngay: "07/12/2020"\ndong: []\n',
     ['mau.yaml:3: lỗi: danh sách "dong" không được để trống [content.empty-list]']),
    ('ten: A\nngay: "07/12/2020"\ndong: x\n',
     ['mau.yaml:3: lỗi: "dong" phải là danh sách (các dòng bắt đầu bằng "- ") [content.type]']),
    ('ten: "  "\nngay: "07/12/2020"\ndong: [x]\n', ['mau.yaml:1: lỗi: "ten" không được để trống [content.empty]']),
    ('ten: true\nngay: "07/12/2020"\ndong: [x]\n',
     ['mau.yaml:1: lỗi: "ten" phải là văn bản (đặt trong dấu nháy nếu cần) [content.type]']),
    ('ten: [a]\nngay: "07/12/2020"\ndong: [x]\n',
     ['mau.yaml:1: lỗi: "ten" phải là văn bản (đặt trong dấu nháy nếu cần) [content.type]']),
    ('ten: A\nngay: "07/12/2020"\ndong: [x, ""]\n', ['mau.yaml:3: lỗi: "dong" không được để trống [content.empty]']),
    (GOOD + 'ghi_chu: "a\\u0007b"\n',
     ['mau.yaml:4: lỗi: "ghi_chu" có ký tự điều khiển U+0007 không in được; hãy xóa nó [content.control-char]']),
    (GOOD + 'ghi_chu: "a\\u009fb"\n',
     ['mau.yaml:4: lỗi: "ghi_chu" có ký tự điều khiển U+009F không in được; hãy xóa nó [content.control-char]']),
    (GOOD + "so: 15a\n",
     ['mau.yaml:4: lỗi: "so" số văn bản "15a" phải là số (hoặc để trống khi chưa cấp số) [content.invalid-number]']),
    ('ten: A\nngay: "31/02/2021"\ndong: [x]\n',
     ['mau.yaml:2: lỗi: "ngay" ngày "31/02/2021" không có thật [content.invalid-date]']),
    ("ten: A\nngay: 7\ndong: [x]\n",
     ['mau.yaml:2: lỗi: "ngay" phải là ngày dạng ngày/tháng/năm, ví dụ 07/12/2020 [content.type]']),
    (GOOD + "so_luong: nhieu\n", ['mau.yaml:4: lỗi: "so_luong" phải là số nguyên [content.type]']),
    (GOOD + "ty_le: nhieu\n", ["mau.yaml:4: lỗi: \"ty_le\" không hợp lệ (đang là: 'nhieu') [content.invalid]"]),
    (GOOD + "ty_le: {a: 1}\n", ['mau.yaml:4: lỗi: "ty_le" không hợp lệ [content.invalid]']),
    ("tenn: A\nngay: \"31/02/2021\"\ndong: []\n", [
        'mau.yaml:1: lỗi: thiếu khóa bắt buộc "ten" [content.missing]',
        'mau.yaml:2: lỗi: "ngay" ngày "31/02/2021" không có thật [content.invalid-date]',
        'mau.yaml:3: lỗi: danh sách "dong" không được để trống [content.empty-list]',
        'mau.yaml:1: lỗi: khóa "tenn" không hợp lệ ở đây; có phải "ten"? [content.unknown-key]']),
]


def test_each_kind_of_problem(tmp_path, subtests):
    for text, expected in CASES:
        with subtests.test(text=text):
            assert _problems(tmp_path, text) == expected


def test_values_after_validation(tmp_path):
    path = tmp_path / "mau.yaml"
    path.write_text('ten: "Vie\u0302\u0323t"\nngay: "../12/2020"\ndong: [x, 15]\nso: 7\nghi_chu: 12\n'
                    "nguoi_ky: {chuc_vu: CHỦ TỊCH}\n", "utf-8")
    doc, _ = load_yaml(path, "mau.yaml")
    value, problems = validate(doc, Mau)
    assert problems == []
    assert (value.ten, value.ngay, value.dong, value.so, value.ghi_chu) == ("Việt", Ngay(2020, 12), ("x", "15"), "7",
                                                                            "12")
    assert value.nguoi_ky == Ky(chuc_vu="CHỦ TỊCH") and value.model_dump()["ngay"] == "../12/2020"
    # a date object (YAML 1.1 timestamps, or Python callers) and a blank number are accepted
    direct = Mau(ten="A", ngay=dt.date(2021, 3, 5), dong=("x",), so=None)
    assert direct.ngay == Ngay(2021, 3, 5) and direct.so == ""
    assert Mau(ten="A", ngay=dt.datetime(2021, 3, 5, 8, 0), dong=("x",)).ngay == Ngay(2021, 3, 5)
    assert Mau(ten="A", ngay=Ngay(2021), dong=("x",)).ngay == Ngay(2021)
    assert Mau(ten="A", ngay="07/12/2020", dong=("x",), so=" 15 ").so == "15"


class Khung(Model):
    """The model validators of the content files, through the same YAML -> problems path."""

    ky: NguoiKy | None = None
    khoi: tuple[Khoi, ...] = ()
    thoi_gian: ThoiGian | None = None


def _khung(tmp_path, text: str):
    path = tmp_path / "khung.yaml"
    path.write_text(text, "utf-8")
    doc, _ = load_yaml(path, "khung.yaml")
    value, problems = validate(doc, Khung)
    return value, [str(p) for p in problems]


BLOCK_KIND = ("mỗi mục phải có đúng một trong các khóa muc, khoan, diem, gach (hoặc là một đoạn văn) "
              "[content.block-kind]")
MODEL_CASES = [
    ("ky: {chuc_vu: PHÓ CHỦ TỊCH, hinh_thuc: KT}\n",
     ['khung.yaml:1: lỗi: "ky" có "hinh_thuc" KT thì phải có "thu_truong" [content.missing]']),
    ("khoi:\n  - {muc: A, khoan: B}\n", [f'khung.yaml:2: lỗi: "khoi" {BLOCK_KIND}']),
    ("khoi:\n  - {noi_dung: [x]}\n", [f'khung.yaml:2: lỗi: "khoi" {BLOCK_KIND}']),
    ("khoi:\n  - gach: A\n    noi_dung: [x]\n",
     ['khung.yaml:2: lỗi: "khoi" "gach" không có "noi_dung" bên trong [content.block-kind]']),
    ("khoi:\n  - true\n", ['khung.yaml:2: lỗi: "khoi" phải là bảng khóa–giá trị [content.type]']),  # not text
    ("thoi_gian: {}\n",
     ['khung.yaml:1: lỗi: "thoi_gian" thời gian hoàn thành không được để trống [content.empty]']),
    ('thoi_gian: ""\n',
     ['khung.yaml:1: lỗi: "thoi_gian" thời gian hoàn thành không được để trống [content.empty]']),
    ("thoi_gian: {han: Quý I/2021, thuc_hien: Cả năm}\n",
     ['khung.yaml:1: lỗi: "thoi_gian" thời gian là một chuỗi, hoặc gồm "ban_hanh" và "thuc_hien", không cả hai '
      '[content.block-kind]']),
    ("thoi_gian: {han: Quý I/2021, ban_hanh: Quý I/2021}\n",
     ['khung.yaml:1: lỗi: "thoi_gian" thời gian là một chuỗi, hoặc gồm "ban_hanh" và "thuc_hien", không cả hai '
      '[content.block-kind]']),
]


MODEL_CASES += [
    ("khoi:\n  - {mucc: A}\n", ['khung.yaml:2: lỗi: khóa "mucc" không hợp lệ ở đây; có phải "muc"? [content.unknown-key]']),
    ("khoi:\n  - muc: A\n    noi_dung:\n      - {khoann: B}\n",
     ['khung.yaml:4: lỗi: khóa "khoann" không hợp lệ ở đây; có phải "khoan"? [content.unknown-key]']),
    ("ky: {chuc_vu: X, thu_truongg: Y}\n",
     ['khung.yaml:1: lỗi: khóa "thu_truongg" không hợp lệ ở đây; có phải "thu_truong"? [content.unknown-key]']),
    ("thoi_gian: {hann: A}\n",
     ['khung.yaml:1: lỗi: khóa "hann" không hợp lệ ở đây; có phải "han"? [content.unknown-key]']),
]


def test_a_whole_file_refused_by_its_model_validator(tmp_path):
    path = tmp_path / "tg.yaml"
    path.write_text("han: A\nban_hanh: B\n", "utf-8")
    doc, _ = load_yaml(path, "tg.yaml")
    value, problems = validate(doc, ThoiGian)
    assert value is None and [str(p) for p in problems] == [
        'tg.yaml:1: lỗi: thời gian là một chuỗi, hoặc gồm "ban_hanh" và "thuc_hien", không cả hai [content.block-kind]']


def test_model_validators(tmp_path, subtests):
    for text, expected in MODEL_CASES:
        with subtests.test(text=text):
            assert _khung(tmp_path, text)[1] == expected


def test_signer_lines_blocks_and_deadlines(tmp_path, core_build):
    value, problems = _khung(tmp_path, "khoi:\n  - muc: A\n    noi_dung:\n      - đoạn\n      - 12\n      - gach: g\n"
                                       "thoi_gian: 2021\n")
    assert problems == []
    (muc,) = value.khoi
    assert (muc.kieu, muc.text) == ("muc", "A")
    assert [(k.kieu, k.text) for k in muc.noi_dung] == [("doan", "đoạn"), ("doan", "12"), ("gach", "g")]
    assert value.thoi_gian.dong() == ["2021"] and value.thoi_gian.text() == "2021"
    assert ThoiGian(ban_hanh="Quý I/2021").dong() == ["Ban hành Kế hoạch: Quý I/2021"]
    assert ThoiGian(thuc_hien="Cả năm").dong() == ["Thực hiện: Cả năm"]
    both = ThoiGian(ban_hanh="12/2020", thuc_hien="Cả năm")
    assert both.dong() == ["- Ban hành Kế hoạch: 12/2020", "- Thực hiện: Cả năm"]
    assert both.text() == "- Ban hành Kế hoạch: 12/2020 - Thực hiện: Cả năm"
    assert NguoiKy(chuc_vu="CHỦ TỊCH").dong() == ["CHỦ TỊCH"]
    assert NguoiKy(thay_mat="ỦY BAN NHÂN DÂN", hinh_thuc="KT", thu_truong="CHỦ TỊCH",
                   chuc_vu="PHÓ CHỦ TỊCH").dong() == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    assert NguoiKy(hinh_thuc="Q", thu_truong="CHỦ TỊCH", chuc_vu="CHỦ TỊCH").dong() == ["Q. CHỦ TỊCH"]
    assert NguoiKy(hinh_thuc="Q", thu_truong="CHỦ TỊCH", chuc_vu="PHÓ CHỦ TỊCH").dong() == \
        ["Q. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    assert NguoiKy(hinh_thuc="TL", thu_truong="CHỦ TỊCH", chuc_vu="CHÁNH VĂN PHÒNG").dong() == \
        ["TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG"]
    # where they show in the built documents: every task's deadline cell of the appendix (one
    # line each), and the decision's signature block (its lines, then the signer's name)
    rows = [r for r in table_rows(core_build["phu-luc"]) if len(r) == 7 and r[0].isdigit()]
    assert [r[5] for r in rows] == ["\n".join(t.thoi_gian.dong()) for t in tasks()]
    assert any(len(t.thoi_gian.dong()) == 2 for t in tasks())
    ky = project().quyet_dinh.nguoi_ky
    texts = paragraphs(core_build["quyet-dinh"])
    at = texts.index(ky.dong()[0], texts.index("Nơi nhận:"))
    assert texts[at:at + len(ky.dong()) + 1] == [*ky.dong(), ky.ho_ten]
    xp = XaPhuong(ma="1", loai="thi_tran", ten="Bồng Sơn", don_vi_con="khu phố")
    assert (xp.loai_ten, xp.ten_day_du) == ("thị trấn", "thị trấn Bồng Sơn")
    assert XaPhuong(ma="2", loai="xa", ten="Hoài Mỹ", don_vi_con="thôn").ten_day_du == "xã Hoài Mỹ"
    assert XaPhuong(ma="3", loai="phuong", ten="Tam Quan", don_vi_con="khu phố").ten_day_du == "phường Tam Quan"
