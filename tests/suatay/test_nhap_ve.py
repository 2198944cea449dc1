"""`docgen nhap build/<project>/….docx` (issue #13 item 2): hand edits in Word back into the content."""

from __future__ import annotations

import difflib
import json
import shutil
from copy import deepcopy

import docx
import pytest
from docx.oxml.ns import qn

from docgen.errors import DocgenError
from docgen.nhap.kieu import NhapResult
from docgen.suatay import nhap_ve
from tests.conftest import BUNDLED

PROJECT = "hoai-nhon-2021"


@pytest.fixture
def office(tmp_path, monkeypatch, cli):
    """content/hoai-nhon-2021 built into build/hoai-nhon-2021/ (the default layout)."""
    shutil.copytree(BUNDLED, tmp_path / "content" / PROJECT)
    monkeypatch.chdir(tmp_path)
    status, _, err = cli("build", "chinh")
    assert status == 0, err
    return tmp_path


def edit_docx(path, old: str, new: str) -> None:
    """Change a sentence the way Word keeps it: inside the runs of the paragraph."""
    document = docx.Document(str(path))
    hits = 0
    for t in document.element.body.iter(qn("w:t")):
        if t.text and old in t.text:
            t.text, hits = t.text.replace(old, new), hits + 1
    assert hits == 1, (old, hits)
    document.save(str(path))


def changed(before: str, after: str) -> list[str]:
    return [line for line in difflib.ndiff(before.splitlines(), after.splitlines()) if line[:1] in "+-"]


def fake_importer(paths, don_vi=None):
    """Reads only the decision's nơi nhận lines (the merge and the flow are what is tested)."""
    document = docx.Document(str(paths[0]))
    lines = ["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in document.element.body.iter(qn("w:p"))]
    noi_nhan = [t[2:].rstrip(";") for t in lines if t.startswith("- ") and not t.startswith("- Lưu")]
    return NhapResult(files={"quyet-dinh.yaml": {"noi_nhan": noi_nhan}})


def test_the_edits_go_back_with_the_fake_importer(office):
    content = office / "content" / PROJECT
    before = (content / "quyet-dinh.yaml").read_text("utf-8")
    target = office / "build" / PROJECT / "quyet-dinh.docx"
    edit_docx(target, "Ban Tổ chức Thị ủy", "Ban Tổ chức Thị ủy (để biết)")
    ket = nhap_ve(target, importer=fake_importer)
    assert ket.content.resolve() == content.resolve()      # found from build/…/.docgen/trang-thai.json
    assert [str(c) for c in ket.changes] == ["quyet-dinh.yaml:39: «Ban Tổ chức Thị ủy» → «Ban Tổ chức Thị ủy (để biết)»"]
    after = (content / "quyet-dinh.yaml").read_text("utf-8")
    assert changed(before, after) == ["-   - Ban Tổ chức Thị ủy", "+   - Ban Tổ chức Thị ủy (để biết)"]
    assert (content / "quyet-dinh.yaml.bak").read_text("utf-8") == before
    manifest = json.loads((office / "build" / PROJECT / ".docgen" / "manifest.json").read_text("utf-8"))
    assert len(manifest["files"]["quyet-dinh.docx"]) == 2     # the next build may replace the edited file


def test_an_unedited_output_changes_nothing(office, cli):
    content = office / "content" / PROJECT
    before = {p.name: p.read_bytes() for p in content.iterdir() if p.is_file()}
    status, out, err = cli("nhap", f"build/{PROJECT}/ke-hoach.docx")
    assert (status, err) == (0, "")
    assert out == f"build/{PROJECT}/ke-hoach.docx vẫn như docgen đã dựng (không có sửa tay): nội dung content/{PROJECT} giữ nguyên.\n"
    assert {p.name: p.read_bytes() for p in content.iterdir() if p.is_file()} == before


def test_content_changed_since_the_build_is_refused(office, cli):
    content = office / "content" / PROJECT
    edit_docx(office / "build" / PROJECT / "quyet-dinh.docx", "Sở Nội vụ", "Sở Nội vụ tỉnh")
    text = (content / "quyet-dinh.yaml").read_text("utf-8")
    (content / "quyet-dinh.yaml").write_text(text.replace("luu: VT, PNV", "luu: VT, PNV, TP"), "utf-8")
    status, out, err = cli("nhap", f"build/{PROJECT}/quyet-dinh.docx")
    assert (status, out) == (1, "")
    assert err.startswith(
        f"build/{PROJECT}/quyet-dinh.docx: lỗi: nội dung content/{PROJECT} (hoặc mẫu) đã đổi sau lần dựng tệp này, "
        "nên docgen không phân biệt được chỗ sửa tay với chỗ nội dung đã đổi; không ghi gì. Đưa nội dung về như "
        "lúc dựng rồi chạy lại, hoặc chép tay các sửa đổi vào tệp YAML [nhap.content-changed]\n")
    assert not (content / "quyet-dinh.yaml.bak").exists()


def test_a_file_docgen_did_not_build_is_refused(tmp_path):
    other = tmp_path / "x.docx"
    other.write_bytes(b"PK")
    with pytest.raises(DocgenError) as caught:
        nhap_ve(other, importer=fake_importer)
    assert [p.code for p in caught.value.problems] == ["nhap.not-built"]


def test_build_names_the_way_back(office, cli):
    target = f"build/{PROJECT}/ke-hoach.docx"
    edit_docx(office / target, "Phấn đấu duy trì", "Phấn đấu giữ vững")
    (office / "content" / PROJECT / "ke-hoach.yaml").write_text(
        (office / "content" / PROJECT / "ke-hoach.yaml").read_text("utf-8").replace("# Nội dung", "# Nội dung:"),
        "utf-8")   # a comment changed: the plan is rendered again
    status, _, err = cli("build", "chinh")
    assert status == 1
    assert (f"{target}: lỗi: tệp đã được sửa tay sau lần dựng trước (hoặc không do docgen tạo); không ghi đè. "
            f"Chạy lại với --force để lưu bản sao rồi ghi đè, hoặc chạy: docgen nhap {target} để đưa sửa đổi "
            "vào nội dung [build.edited-by-hand]\n") in err


def test_end_to_end_word_edits_of_the_combined_file_come_back_and_rebuild(office, cli):
    """The real importer: a sentence of the plan and a nơi nhận line of the decision, edited in
    build/…/tron-bo.docx, become exactly two YAML lines; comments stay; the rebuild shows them."""
    content = office / "content" / PROJECT
    before = {n: (content / n).read_text("utf-8") for n in ("quyet-dinh.yaml", "ke-hoach.yaml", "phu-luc.yaml")}
    target = f"build/{PROJECT}/tron-bo.docx"
    edit_docx(office / target, "Phấn đấu duy trì vị trí thứ nhất", "Phấn đấu giữ vững vị trí thứ nhất")
    edit_docx(office / target, "TT HĐND thị xã (báo cáo)", "TT HĐND thị xã (để báo cáo)")
    status, out, err = cli("nhap", target)
    assert (status, err) == (0, "")
    assert out.splitlines() == [
        f"Sửa đổi trong {target} đã đưa vào content/{PROJECT}:",
        "  ke-hoach.yaml:25: «Phấn đấu duy trì vị trí thứ nhất về…» → «Phấn đấu giữ vững vị trí thứ nhất về…»",
        "  quyet-dinh.yaml:38: «TT HĐND thị xã (báo cáo)» → «TT HĐND thị xã (để báo cáo)»",
        "Đã ghi 2 tệp (bản trước: ke-hoach.yaml.bak, quyet-dinh.yaml.bak). "
        f"Dựng lại: docgen build --content content/{PROJECT}"]
    after = {n: (content / n).read_text("utf-8") for n in before}
    assert after["phu-luc.yaml"] == before["phu-luc.yaml"]
    assert changed(before["quyet-dinh.yaml"], after["quyet-dinh.yaml"]) == [
        "-   - TT HĐND thị xã (báo cáo)", "+   - TT HĐND thị xã (để báo cáo)"]
    sentence = ("          - Phấn đấu {} vị trí thứ nhất về kết quả xếp hạng Chỉ số cải cách hành chính hàng năm "
                "của thị xã; nâng cao chỉ số hài lòng của người dân và doanh nghiệp.")
    assert changed(before["ke-hoach.yaml"], after["ke-hoach.yaml"]) == [
        "- " + sentence.format("duy trì"), "+ " + sentence.format("giữ vững")]
    assert "# ===== Mục I: MỤC TIÊU, YÊU CẦU =====" in after["ke-hoach.yaml"]   # comments kept
    status, _, err = cli("build", "chinh")
    assert status == 0, err
    for name in ("ke-hoach.docx", "quyet-dinh.docx", "tron-bo.docx"):
        text = "".join(t.text or "" for t in docx.Document(str(office / "build" / PROJECT / name)).element.body.iter(qn("w:t")))
        assert ("Phấn đấu giữ vững vị trí thứ nhất" in text) == (name != "quyet-dinh.docx")
        assert ("TT HĐND thị xã (để báo cáo)" in text) == (name != "ke-hoach.docx")
    status, out, _ = cli("nhap", target)
    assert status == 0 and "vẫn như docgen đã dựng" in out     # the rebuilt file has nothing new


def add_paragraph_after(path, anchor: str, text: str) -> None:
    """A new paragraph the way Word makes one (Enter at the end of `anchor`'s paragraph)."""
    document = docx.Document(str(path))
    for p in document.element.body.iter(qn("w:p")):   # nơi nhận is in the signature table
        if "".join(t.text or "" for t in p.iter(qn("w:t"))) == anchor:
            copy = deepcopy(p)
            runs = list(copy.iter(qn("w:t")))
            runs[0].text = text
            for t in runs[1:]:
                t.text = ""
            p.addnext(copy)
            document.save(str(path))
            return
    raise AssertionError(anchor)


def test_end_to_end_a_plan_issued_directly_edited_in_word(tmp_path, monkeypatch, cli):
    """Lâm Đồng 2026 (a plan with its own nơi nhận): build/…/ke-hoach.docx edited (a sentence, a
    nơi nhận line changed, one added); exactly those YAML lines change, the rest byte for byte."""
    shutil.copytree(BUNDLED.parent / "lam-dong-2026", tmp_path / "content" / "lam-dong-2026")
    monkeypatch.chdir(tmp_path)
    assert cli("build", "chinh", "--content", "content/lam-dong-2026")[0] == 0
    target = tmp_path / "build" / "lam-dong-2026" / "ke-hoach.docx"
    yaml_file = tmp_path / "content" / "lam-dong-2026" / "ke-hoach.yaml"
    before = yaml_file.read_text("utf-8")
    edit_docx(target, "100% văn bản quy phạm pháp luật được kiểm tra theo quy định.",
              "100% văn bản quy phạm pháp luật được kiểm tra, rà soát theo quy định.")
    edit_docx(target, "Thường trực HĐND tỉnh;", "Thường trực HĐND tỉnh (để báo cáo);")
    add_paragraph_after(target, "- Ủy ban MTTQVN tỉnh;", "- Ban Dân vận Tỉnh ủy;")
    status, out, err = cli("nhap", "build/lam-dong-2026/ke-hoach.docx")
    assert (status, err) == (0, "")
    assert out.splitlines()[1:4] == [
        "  ke-hoach.yaml:46: «100% văn bản quy phạm pháp luật được kiểm tra theo quy định.» → "
        "«100% văn bản quy phạm pháp luật được kiểm tra, rà soát theo quy định.»",
        "  ke-hoach.yaml:220: «Thường trực HĐND tỉnh» → «Thường trực HĐND tỉnh (để báo cáo)»",
        "  ke-hoach.yaml:223: thêm «Ban Dân vận Tỉnh ủy»"]
    assert changed(before, yaml_file.read_text("utf-8")) == [
        "-               - gach: 100% văn bản quy phạm pháp luật được kiểm tra theo quy định.",
        "+               - gach: 100% văn bản quy phạm pháp luật được kiểm tra, rà soát theo quy định.",
        "-   - Thường trực HĐND tỉnh", "+   - Thường trực HĐND tỉnh (để báo cáo)", "+   - Ban Dân vận Tỉnh ủy"]
    assert cli("build", "chinh", "--content", "content/lam-dong-2026")[0] == 0
    lines = ["".join(t.text or "" for t in p.iter(qn("w:t")))
             for p in docx.Document(str(target)).element.body.iter(qn("w:p"))]
    assert "- Thường trực HĐND tỉnh (để báo cáo);" in lines and "- Ban Dân vận Tỉnh ủy;" in lines


def test_the_appendix_alone_and_a_derived_plan_name_the_way(office, cli):
    document = office / "build" / PROJECT / "phu-luc.docx"
    document.write_bytes(document.read_bytes() + b"\0")        # any edit
    status, out, err = cli("nhap", f"build/{PROJECT}/phu-luc.docx")
    assert (status, out) == (1, "")
    assert err == (f"build/{PROJECT}/phu-luc.docx: lỗi: Phụ lục đứng riêng chưa đưa về nội dung được (docgen nhập "
                   "Phụ lục cùng Quyết định hay Kế hoạch của nó); sửa trong tron-bo.docx rồi chạy docgen nhap với "
                   "tron-bo.docx, hoặc sửa phu-luc.xlsx / phu-luc.yaml [nhap.appendix-alone]\nCó 1 lỗi, 0 cảnh báo.\n")
    manifest = office / "build" / PROJECT / ".docgen" / "manifest.json"
    data = json.loads(manifest.read_text("utf-8"))
    derived = office / "build" / PROJECT / "ke-hoach-con" / "x.docx"
    derived.parent.mkdir()
    derived.write_bytes(b"PK")
    data["files"]["ke-hoach-con/x.docx"] = ["0" * 64]         # a file docgen wrote, not a core document
    manifest.write_text(json.dumps(data), "utf-8")
    with pytest.raises(DocgenError) as caught:
        nhap_ve(derived, importer=fake_importer)
    assert [p.code for p in caught.value.problems] == ["nhap.not-core"]


def test_a_formatting_edit_is_no_content_change_and_keeps_the_refusal(office, cli):
    target = office / "build" / PROJECT / "quyet-dinh.docx"
    document = docx.Document(str(target))
    next(p for p in document.paragraphs if p.text.startswith("Theo đề nghị")).runs[0].bold = True
    document.save(str(target))
    content = office / "content" / PROJECT
    before = {p.name: p.read_bytes() for p in content.iterdir() if p.is_file()}
    status, out, err = cli("nhap", f"build/{PROJECT}/quyet-dinh.docx")
    assert (status, err) == (0, "")
    assert out == (f"Không có sửa đổi nào về chữ trong build/{PROJECT}/quyet-dinh.docx để đưa vào nội dung: không "
                   "ghi tệp nào (sửa định dạng không đưa về được; docgen build --force lưu bản sao tệp rồi ghi đè).\n")
    assert {p.name: p.read_bytes() for p in content.iterdir() if p.is_file()} == before
    status, _, err = cli("build", "chinh")
    assert status == 1 and "[build.edited-by-hand]" in err     # the bold word is not lost silently
