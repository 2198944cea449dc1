"""CoQuanMatcher: agencies of an imported appendix matched to don-vi.yaml or added (schema-13 §D)."""
from __future__ import annotations

from pathlib import Path

import yaml

from docgen.check.docmodel import Table, build_model
from docgen.check.reader import read_docx_bytes
from docgen.nhap.co_quan import CoQuanMatcher, fold, key_for

ROOT = Path(__file__).resolve().parents[2]
LD09 = ROOT.parent / "shared" / "real-docx" / "ld09-kh-ubnd-cchc-2026.docx"
LD_CO_QUAN = yaml.safe_load((ROOT / "content" / "lam-dong-2026" / "don-vi.yaml").read_text())["co_quan"]


def _ld09_agency_cells() -> list[list[str]]:
    """The lines of every cell of ld09's Chủ trì / Phối hợp / Theo dõi columns (grid 4, 5, 6)."""
    model = build_model(read_docx_bytes(LD09.read_bytes(), LD09.name))
    table = [b for b in model.blocks if isinstance(b, Table)][2]
    cells = []
    for ri in range(1, len(table.cells)):
        for grid, cell in zip(table.grid[ri], table.cells[ri]):
            lines = [p.norm for p in cell if p.norm]
            if grid in (4, 5, 6) and lines:
                cells.append(lines)
    return cells


def test_ld09_agencies_match_the_lam_dong_registry(capsys):
    matcher = CoQuanMatcher(LD_CO_QUAN)
    refs = [r for lines in _ld09_agency_cells() for r in matcher.refs(lines)]
    keys = [r for r in refs if isinstance(r, str)]
    ghi = [r["ghi"] for r in refs if isinstance(r, dict)]
    with capsys.disabled():
        print(f"\nld09: {len(refs)} agency entries, {len(keys)} matched to don-vi.yaml keys, "
              f"{len(matcher.added())} added, {len(ghi)} free text")
    assert matcher.added() == {}
    assert set(keys) <= set(LD_CO_QUAN)
    assert len(set(keys)) == 19 and len(keys) == 162 and len(refs) == 165
    assert ghi == [f"Theo phân công tại {d}" for d in (
        "Quyết định số 1441/QĐ-UBND ngày 25/9/2025 của Chủ tịch UBND tỉnh",
        "Phương án số 7178/PA-UBND ngày 14/11/2025 của UBND tỉnh",
        "Quyết định số 1737/QĐ-UBND ngày 17/10/2025 của Chủ tịch UBND tỉnh")]


def test_match_by_name_alias_short_name_and_key_folded():
    m = CoQuanMatcher(LD_CO_QUAN)
    assert m.ref("UBND các  xã, phường, đặc khu") == "XA"             # spacing folded
    assert m.ref("Ủy ban nhân dân các xã, phường, đặc khu") == "XA"   # alias
    assert m.ref("Uỷ ban nhân dân các xã, phường, đặc khu.") == "XA"  # UBND written out, full stop
    assert m.ref("các cơ quan, đơn vị, địa phương") == "CQDVDP"       # case folded
    assert m.ref("Sở Tài nguyên và Môi trường") == "SNNMT"            # alias (bi_danh)
    assert m.ref("SKH&CN") == "SKHCN"                                # ten_ngan
    assert m.ref("snv") == "SNV"                                     # key
    assert m.added() == {}


def test_one_cell_is_split_into_its_agencies():
    m = CoQuanMatcher(LD_CO_QUAN)
    assert m.refs(["Sở Tư pháp, Văn phòng UBND tỉnh, Công an tỉnh"]) == ["STP", "VP", "CA"]
    assert m.refs(["Sở Tư pháp; các cơ quan, đơn vị, địa phương"]) == ["STP", "CQDVDP"]
    assert m.refs(["Các sở, ban, ngành", "- Sở Nội vụ"]) == ["SBN", "SNV"]   # lines, bullets
    assert m.refs(["Sở Tài chính, UBND các xã, phường, đặc khu"]) == ["STC", "XA"]


def test_unknown_agencies_are_added_with_ascii_keys_and_listed():
    m = CoQuanMatcher({"SNV": {"ten": "Sở Ngoại vụ"}})
    assert m.refs(["Sở Nội vụ, Sở Dân tộc và Tôn giáo"]) == ["SNV2", "SDTTG"]
    assert m.ref("Các trường học trên địa bàn") == "THDB"
    assert m.ref("Các xã, phường, thị trấn") == "XPTT"
    assert m.ref("sở nội vụ") == "SNV2"                      # an added agency is found again
    assert m.added() == {
        "SNV2": {"ten": "Sở Nội vụ"},
        "SDTTG": {"ten": "Sở Dân tộc và Tôn giáo"},
        "THDB": {"ten": "Các trường học trên địa bàn", "nhom": True},
        "XPTT": {"ten": "Các xã, phường, thị trấn", "nhom": True, "gom_xa_phuong": True},
    }
    assert m.listed()[:2] == ["SNV2: Sở Nội vụ", "SDTTG: Sở Dân tộc và Tôn giáo"]


def test_without_a_registry_every_agency_is_added():
    m = CoQuanMatcher(None)
    assert m.refs(["Phòng Nội vụ; Văn phòng HĐND và UBND"]) == ["PNV", "VPHDNDUBND"]
    assert list(m.added()) == ["PNV", "VPHDNDUBND"]
    # commas inside a name (lower case after them) do not split it
    assert m.refs(["Các cơ quan, đơn vị, địa phương; Phòng Tư pháp, Đài Truyền thanh"]) == [
        "CQDVDP", "PTP", "DTT"]
    assert m.added()["CQDVDP"] == {"ten": "Các cơ quan, đơn vị, địa phương", "nhom": True,
                                   "gom_xa_phuong": True}


def test_text_that_is_not_an_agency_is_ghi():
    m = CoQuanMatcher(LD_CO_QUAN)
    text = "Theo phân công tại Quyết định số 1441/QĐ-UBND ngày 25/9/2025 của Chủ tịch UBND tỉnh"
    assert m.refs([text]) == [{"ghi": text}]
    assert m.ref("Như Kế hoạch đã giao") == {"ghi": "Như Kế hoạch đã giao"}
    assert m.added() == {}


def test_fold_and_keys():
    assert fold("  Ủy ban nhân dân   TỈNH. ") == "ubnd tỉnh"
    assert key_for("Sở Khoa học và Công nghệ") == "SKHCN"
    assert key_for("Đài Phát thanh - Truyền hình") == "DPTTH"
    assert key_for("UBND các xã") == "UBNDX"
