"""The 17 commune plans: own name in header and place line, no other commune, phường/xã
wording, Decree 30 checker clean, format read back."""

from __future__ import annotations

import io
import re

import pytest
from docx import Document
from docx.shared import Mm

from docgen.check import check_docx_bytes
from docgen.content import load_project
from docgen.derive.commune import loi_ten, slug
from docgen.model.trich_dan import trich_dan_quyet_dinh
from docgen.pipeline.batch import run_batch
from tests.conftest import BUNDLED
from tests.expect import assert_commune_files
from tests.pipeline.test_format import _all_paragraphs, effective_font

PROJECT = load_project(BUNDLED)
COMMUNES = PROJECT.don_vi.xa_phuong


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("xp") / "build"
    result = run_batch(BUNDLED, out, jobs=2, check=True, progress=False)
    assert not result.problems, [str(p) for p in result.problems]
    assert_commune_files(out)
    return out, result


def _text(data: bytes) -> str:
    doc = Document(io.BytesIO(data))
    parts = [p.text for p in _all_paragraphs(doc)]
    for table in doc.tables:
        for row in table.rows:
            parts += [c.text for c in row.cells]
    return "\n".join(parts)


def _without_own(text: str, xp) -> str:
    return text.replace(xp.ten_day_du, "").replace(xp.ten_day_du.upper(), "").replace(xp.ten, "") \
        .replace(xp.ten.upper(), "")


def test_seventeen_communes_two_documents_each(built):
    out, result = built
    assert len(result.built) == 17 and not result.failed
    files = sorted(p.relative_to(out).as_posix() for p in (out / "xa-phuong").rglob("*.docx"))
    assert files == sorted(f"xa-phuong/{slug(x.ten)}/{f}" for x in COMMUNES for f in ("ke-hoach.docx", "phu-luc.docx"))
    assert all(re.fullmatch(r"[a-z0-9/.-]+", f) for f in files)


@pytest.mark.parametrize("xp", COMMUNES, ids=[slug(x.ten) for x in COMMUNES])
def test_commune_documents(built, xp):
    out, _ = built
    folder = out / "xa-phuong" / slug(xp.ten)
    kh, pl = (folder / "ke-hoach.docx").read_bytes(), (folder / "phu-luc.docx").read_bytes()
    doc = Document(io.BytesIO(kh))
    header = [c.text for c in doc.tables[0].rows[0].cells] + [c.text for c in doc.tables[0].rows[1].cells]
    assert f"ỦY BAN NHÂN DÂN\n{xp.ten_day_du.upper()}" in header[0]
    assert header[0].startswith("UBND THỊ XÃ HOÀI NHƠN\n")          # chu_quan_xa_phuong default
    assert "Số:" in header[2] and "/KH-UBND" in header[2]
    assert header[3].startswith(f"{xp.ten}, ngày ")
    text, pl_text = _text(kh), _text(pl)
    assert f"Thực hiện {trich_dan_quyet_dinh(PROJECT)} về việc ban hành" in text
    assert "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH" in text
    # the one placeholder form of docgen (deliberate change from "[Họ và tên Chủ tịch UBND …]")
    assert f"[Cần nhập: họ và tên Chủ tịch UBND {xp.ten_day_du}]" in text
    assert "(Kèm theo Kế hoạch số" in pl_text and f"của UBND {xp.ten_day_du})" in pl_text
    for other in COMMUNES:
        if other is xp:
            continue
        for t in (_without_own(text, xp), _without_own(pl_text, xp)):
            assert other.ten not in t and other.ten.upper() not in t, other.ten
    phuong = xp.loai == "phuong"
    own, wrong = ("khu phố", "thôn") if phuong else ("thôn", "khu phố")
    assert f"- Các {own};" in text and f"Trưởng các {own}" in text
    assert not re.search(rf"\b{wrong}\b", text.lower())
    dc_p, dc_x = "Địa chính - Xây dựng - Đô thị và Môi trường", "Địa chính - Nông nghiệp - Xây dựng và Môi trường"
    assert (dc_p if phuong else dc_x) in text and (dc_x if phuong else dc_p) not in text
    assert f"UB MTTQVN và các đoàn thể {xp.loai_ten};" in text
    # targets that cascade, and the tasks the communes partner in
    assert "trên 95% hồ sơ thủ tục hành chính được giải quyết đúng" in text
    assert "80% thủ tục hành chính đang được cung cấp dịch vụ công trực tuyến mức độ 3, mức độ 4" in text
    assert f"100% văn bản đi, đến của UBND {xp.loai_ten} được phát hành, xử lý dưới dạng điện tử" in text
    assert "Phối hợp với Phòng Nội vụ ban hành Kế hoạch CCHC năm 2021." in text
    # town-only targets dropped
    assert "100% đơn vị sự nghiệp công lập được giao quyền tự chủ" not in text
    assert "viên chức thị xã được cử đi đào tạo sau đại học" not in text
    assert "văn bản quy phạm pháp luật của UBND thị xã ban hành" not in text
    for data, name in ((kh, "ke-hoach.docx"), (pl, "phu-luc.docx")):
        errors = [f for f in check_docx_bytes(data, name) if f.is_error]
        assert errors == []


@pytest.mark.parametrize("name", ["ke-hoach.docx", "phu-luc.docx"])
def test_format_read_back(built, name):
    out, _ = built
    doc = Document(io.BytesIO((out / "xa-phuong" / "hoai-my" / name).read_bytes()))
    for section in doc.sections:
        dims = sorted((round(section.page_width / Mm(1)), round(section.page_height / Mm(1))))
        assert dims == [210, 297]
        assert round(section.left_margin / Mm(1)) in range(30, 36)
        assert round(section.top_margin / Mm(1)) in range(20, 26)
    runs = [(r, p) for p in _all_paragraphs(doc) for r in p.runs if r.text.strip()]
    assert len(runs) >= 50, len(runs)
    for run, p in runs:
        assert effective_font(run, p, doc) == {"Times New Roman"}


def test_appendix_columns_and_rows(built):
    out, _ = built
    doc = Document(io.BytesIO((out / "xa-phuong" / "tam-quan-bac" / "phu-luc.docx").read_bytes()))
    table = doc.tables[-1]
    assert [c.text for c in table.rows[0].cells][:4] == ["TT", "Nhiệm vụ", "Sản phẩm", "Người/bộ phận chủ trì"]
    rows = [[c.text for c in r.cells] for r in table.rows]
    partner = next(r for r in rows if r[1] == "Phối hợp với Phòng Tư pháp xây dựng Kế hoạch và tổ chức tuyên "
                                             "truyền, phổ biến giáo dục pháp luật năm 2021")
    assert partner[3] == "Công chức Tư pháp - Hộ tịch" and partner[4] == "Phòng Tư pháp"


@pytest.mark.parametrize("ten,ok", [
    ("Tam Quan Bắc", True), ("Hoài Đức", True), ("../x", False), ("/", False), ("a/b", False),
    ("東京", False), ("x" * 61, False), ("Ninh Hòa 2", True), ("..", False), ("a\\b", False),
])
def test_unsafe_names(ten, ok):
    assert (loi_ten(ten) is None) == ok
    if ok:
        assert re.fullmatch(r"[a-z0-9-]+", slug(ten))
