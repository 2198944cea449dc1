"""Issue #10 item 1: adding a document type is one entry of the registry (its content file and
its document kind, docgen/doctypes.py) plus its template and its maker; content loading, the
runner, the change tracking and `watch` then take it without any other module changing.

This test is the worked example "add a Báo cáo" of docs/architecture.md, step by step: the
model, the maker and the template body below are what a developer writes; the two registry
entries are added (monkeypatched, so the shipped registry stays as it is); nothing else of docgen
is touched."""

from __future__ import annotations

import dataclasses
import importlib.util
import shutil
from pathlib import Path

import pytest

from docgen import doctypes
from docgen.errors import DocgenError
from docgen.model import KeHoachVB, VanBan
from docgen.model.base import Model
from docgen.model.content import Khoi, NguoiKy
from docgen.model.types import NgayField, NonBlank, SoVanBan
from docgen.paths import templates_dir
from docgen.pipeline.runner import affected, run
from docgen.render.context import ke_hoach as ke_hoach_context
from docgen.vn import so_line
from tests.expect import QUOC_HIEU, TIEU_NGU, assert_in_order, paragraphs

HERE = "tests.pipeline.test_add_doctype"
DATA = Path(__file__).parents[1] / "content" / "data" / "quyet-dinh-rieng"
BAO_CAO_YAML = """\
so: ""
ngay_ban_hanh: "../12/2026"
trich_yeu: Kết quả thực hiện nhiệm vụ cải cách hành chính trọng tâm năm 2026
noi_dung:
  - muc: KẾT QUẢ THỰC HIỆN
    noi_dung:
      - Các cơ quan, đơn vị đã hoàn thành các nhiệm vụ được giao tại Quyết định.
  - muc: PHƯƠNG HƯỚNG NĂM 2027
    noi_dung:
      - Tiếp tục thực hiện các nhiệm vụ cải cách hành chính trọng tâm.
nguoi_ky:
  hinh_thuc: KT
  thu_truong: CHỦ TỊCH
  chuc_vu: PHÓ CHỦ TỊCH
  ho_ten: Nguyễn Minh
noi_nhan:
  - Bộ Nội vụ
  - TT Tỉnh ủy, TT HĐND tỉnh
luu: VT, SNV
"""


# 1. the model of bao-cao.yaml (docgen/model/content.py in a real change)
class BaoCao(Model):
    so: SoVanBan = ""
    ngay_ban_hanh: NgayField
    trich_yeu: NonBlank
    noi_dung: tuple[Khoi, ...]
    nguoi_ky: NguoiKy
    noi_nhan: tuple[NonBlank, ...]
    luu: NonBlank


# 4. the document object and its maker (docgen/pipeline/documents.py in a real change)
@dataclasses.dataclass(frozen=True)
class BaoCaoVB:
    vb: KeHoachVB

    def context(self) -> dict:   # the plan's layout, the Báo cáo's name and số ký hiệu
        return {**ke_hoach_context(self.vb), "ten_loai": "BÁO CÁO",
                "so": so_line(self.vb.so, "Báo cáo", self.vb.co_quan.ky_hieu)}


def bao_cao(project, d, made) -> VanBan:
    bc, cq = project.bao_cao, project.don_vi.co_quan_ban_hanh
    vb = KeHoachVB(cq, bc.trich_yeu, bc.noi_dung, so=bc.so, ngay=bc.ngay_ban_hanh, noi_nhan=bc.noi_nhan,
                   luu=bc.luu, nguoi_ky=bc.nguoi_ky)
    return VanBan("bao-cao", d.duong_dan, BaoCaoVB(vb), tieu_de=f"Báo cáo {bc.trich_yeu}", tac_gia=cq.ten,
                  ngay=bc.ngay_ban_hanh)


# 2. the registry entries (docgen/doctypes.py in a real change)
CONTENT_ENTRY = doctypes.ContentFile("bao_cao", "bao-cao.yaml", f"{HERE}:BaoCao", "Báo cáo")
DOCTYPE_ENTRY = doctypes.DocType("bao-cao", "Báo cáo kết quả CCHC", doctypes.CORE, ("bao-cao",), "bao-cao.docx",
                                 ("don-vi.yaml", "bao-cao.yaml"), f"{HERE}:bao_cao", can_co=("bao-cao.yaml",))


@pytest.fixture
def registry(monkeypatch):
    monkeypatch.setattr(doctypes, "CONTENT", (*doctypes.CONTENT, CONTENT_ENTRY))
    monkeypatch.setattr(doctypes, "DOCTYPES", (*doctypes.DOCTYPES, DOCTYPE_ENTRY))


@pytest.fixture
def templates(tmp_path, registry, monkeypatch) -> Path:
    """3. templates/make_templates.py generates the new template from its body (the plan's)."""
    spec = importlib.util.spec_from_file_location("make_templates", templates_dir() / "make_templates.py")
    make = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make)
    monkeypatch.setitem(make.BODIES, "bao-cao", make.body_ke_hoach)
    folder = tmp_path / "mau"
    shutil.copytree(templates_dir(), folder, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    (folder / "bao-cao.docx").write_bytes(make.build("bao-cao"))
    return folder


@pytest.fixture
def content(tmp_path) -> Path:
    folder = tmp_path / "du-an"
    shutil.copytree(DATA, folder)
    (folder / "bao-cao.yaml").write_text(BAO_CAO_YAML, "utf-8")
    return folder


def test_a_new_document_type_is_built_checked_and_tracked(content, templates, tmp_path):
    out = tmp_path / "b"
    result = run(content, out, templates=templates)   # with the Decree 30 check
    assert sorted(result.documents) == ["bao-cao.docx", "phu-luc.docx", "quyet-dinh.docx", "tron-bo.docx"]
    assert result.warnings == [] and result.problems == []
    assert_in_order((out / "bao-cao.docx").read_bytes(), [
        "ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG", QUOC_HIEU, TIEU_NGU, "Số:       /BC-UBND",
        "Lâm Đồng, ngày        tháng 12 năm 2026", "BÁO CÁO",
        "Kết quả thực hiện nhiệm vụ cải cách hành chính trọng tâm năm 2026", "I. KẾT QUẢ THỰC HIỆN",
        "Các cơ quan, đơn vị đã hoàn thành các nhiệm vụ được giao tại Quyết định.", "II. PHƯƠNG HƯỚNG NĂM 2027",
        "Tiếp tục thực hiện các nhiệm vụ cải cách hành chính trọng tâm./.", "Nơi nhận:", "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH", "Nguyễn Minh"], "bao-cao.docx")

    # change tracking: its digest covers bao-cao.yaml; watch maps the file to it
    assert affected(content, out, [content / "bao-cao.yaml"], templates) == ["bao-cao.docx"]
    text = (content / "bao-cao.yaml").read_text("utf-8").replace("PHƯƠNG HƯỚNG", "NHIỆM VỤ")
    (content / "bao-cao.yaml").write_text(text, "utf-8")
    again = run(content, out, templates=templates)
    assert again.rendered == ["bao-cao.docx"] and again.written == ["bao-cao.docx"]
    assert "II. NHIỆM VỤ NĂM 2027" in paragraphs((out / "bao-cao.docx").read_bytes())
    assert run(content, out, templates=templates).rendered == []

    # its content file is validated like every other: an unknown key, at its line
    (content / "bao-cao.yaml").write_text(text + "khong_co: 1\n", "utf-8")
    with pytest.raises(DocgenError) as failed:
        run(content, out, templates=templates)
    assert [str(p) for p in failed.value.problems] == [
        f'{content / "bao-cao.yaml"}:20: lỗi: khóa "khong_co" không hợp lệ ở đây [content.unknown-key]']


def test_without_its_content_file_a_project_gets_no_bao_cao(content, templates, tmp_path):
    (content / "bao-cao.yaml").unlink()
    result = run(content, tmp_path / "b", templates=templates)
    assert sorted(result.documents) == ["phu-luc.docx", "quyet-dinh.docx", "tron-bo.docx"]
