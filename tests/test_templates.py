"""The three Word templates: page setup, fonts, page numbers, styles, reproducibility.

Reads the committed templates back with python-docx / lxml (no LibreOffice), renders them through
docgen's own engine with the contexts docgen computes from the bundled content, and checks that the
generator is reproducible.
The ``libreoffice`` group at the end renders through LibreOffice and checks the PDF.
"""
from __future__ import annotations

import importlib.util
import io
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from docx.shared import Mm
from lxml import etree

ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = ROOT / "templates"
KINDS = ("quyet-dinh", "ke-hoach", "phu-luc")
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
FONT = "Times New Roman"

COMMON_STYLES = {
    "Quoc hieu", "Tieu ngu", "Co quan chu quan", "Co quan", "So ky hieu", "Dia danh ngay",
    "Ten loai", "Trich yeu", "Duong ke", "Noi nhan tieu de", "Noi nhan", "Chuc vu ky", "Ho ten ky",
}
USES = {
    "quyet-dinh": COMMON_STYLES | {"Tham quyen", "Can cu", "Quyet dinh", "Dieu"},
    "ke-hoach": COMMON_STYLES | {"Kem theo", "Muc", "Khoan", "Diem", "Noi dung", "Gach dau dong"},
    "phu-luc": {"Phu luc so", "Phu luc tieu de", "Kem theo", "Duong ke", "Bang tieu de",
                "Bang nhom", "Bang noi dung"},
}


def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod
    spec.loader.exec_module(mod)
    return mod


preview = _load("docgen_templates_preview_sample", TEMPLATES / "preview_sample.py")


def _path(kind: str) -> Path:
    return TEMPLATES / f"{kind}.docx"


def _parts(kind: str) -> dict[str, bytes]:
    with zipfile.ZipFile(_path(kind)) as z:
        return {n: z.read(n) for n in z.namelist()}


def _xml(kind: str, name: str):
    return etree.fromstring(_parts(kind)[name])


def _architecture_styles() -> set[str]:
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    block = text.split("### Paragraph styles in the templates", 1)[1].split("##", 1)[0]
    return set(re.findall(r"`([^`]+)`", block))


# -- page setup ---------------------------------------------------------------------------------

@pytest.mark.parametrize("kind", KINDS)
def test_a4_orientation_and_margins(kind):
    d = docx.Document(str(_path(kind)))
    assert len(d.sections) == 1
    s = d.sections[0]
    landscape = kind == "phu-luc"
    w, h = (16838, 11906) if landscape else (11906, 16838)
    assert (s.page_width.twips, s.page_height.twips) == (w, h)
    assert (s.orientation == 1) is landscape
    sect = d.element.body.find("w:sectPr", NS)
    orient = sect.find("w:pgSz", NS).get(f"{{{W}}}orient")
    assert orient == ("landscape" if landscape else None)
    # Decree 30 §1 (±1 twip for rounding)
    assert 1134 - 1 <= s.top_margin.twips <= 1417 + 1
    assert 1134 - 1 <= s.bottom_margin.twips <= 1417 + 1
    assert 1701 - 1 <= s.left_margin.twips <= 1984 + 1
    assert 850 - 1 <= s.right_margin.twips <= 1134 + 1
    assert abs(s.header_distance - Mm(10)) < Mm(0.1)
    assert sect.find("w:pgNumType", NS).get(f"{{{W}}}start") == "1"


# -- fonts ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("kind", KINDS)
def test_times_new_roman_everywhere(kind):
    styles = _xml(kind, "word/styles.xml")
    for where in ("w:docDefaults/w:rPrDefault/w:rPr/w:rFonts",
                  "w:style[@w:styleId='Normal']/w:rPr/w:rFonts"):
        rf = styles.find(where, NS)
        assert rf is not None, where
        for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
            assert rf.get(f"{{{W}}}{slot}") == FONT, (where, slot)
    lang = styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS)
    assert lang.get(f"{{{W}}}val") == "vi-VN"
    # every rFonts anywhere names Times New Roman only
    for name, data in _parts(kind).items():
        if name.endswith(".xml"):
            root = etree.fromstring(data)
            for rf in root.iter(f"{{{W}}}rFonts"):
                assert set(rf.attrib.values()) == {FONT}, name
    assert _xml(kind, "word/document.xml").find(".//w:body/w:tbl", NS) is not None  # a body to read
    # colours are black or auto
    for el in styles.iter(f"{{{W}}}color"):
        assert el.get(f"{{{W}}}val") in ("auto", "000000")


@pytest.mark.parametrize("kind", KINDS)
def test_no_theme_fonts_anywhere(kind):
    parts = _parts(kind)
    assert not any(n.startswith("word/theme") for n in parts)
    for name, data in parts.items():
        if name.endswith(".xml") or name.endswith(".rels"):
            text = data.decode("utf-8")
            assert not re.search(r"\w+Theme=", text), name
            assert "majorHAnsi" not in text and "minorHAnsi" not in text, name


# -- page numbers -------------------------------------------------------------------------------

def _header_part(kind, type_):
    d = docx.Document(str(_path(kind)))
    s = d.sections[0]
    return d, s, (s.header if type_ == "default" else s.first_page_header)


@pytest.mark.parametrize("kind", KINDS)
def test_page_number_in_default_header_centered_and_not_on_page_1(kind):
    d, s, hdr = _header_part(kind, "default")
    assert s.different_first_page_header_footer  # w:titlePg
    assert not hdr.is_linked_to_previous
    el = hdr._element
    instr = "".join(t.text or "" for t in el.iter(f"{{{W}}}instrText"))
    simple = [f.get(f"{{{W}}}instr") for f in el.iter(f"{{{W}}}fldSimple")]
    assert "PAGE" in instr.split() or any("PAGE" in (i or "").split() for i in simple)
    para = hdr.paragraphs[0]
    # centered, directly or via its style; 13-14 pt; not italic
    jc = para.alignment if para.alignment is not None else para.style.paragraph_format.alignment
    assert jc == 1  # WD_ALIGN_PARAGRAPH.CENTER
    size = para.style.font.size
    assert size is not None and 13 <= size.pt <= 14
    assert not para.style.font.italic
    # the first-page header exists and is empty
    first = s.first_page_header
    assert not first.is_linked_to_previous
    fe = first._element
    assert "".join(t.text or "" for t in fe.iter(f"{{{W}}}t")) == ""
    assert not list(fe.iter(f"{{{W}}}fldChar")) and not list(fe.iter(f"{{{W}}}fldSimple"))
    # no footers, hence no number in a footer
    sect = d.element.body.find("w:sectPr", NS)
    assert sect.find("w:footerReference", NS) is None


# -- tables ---------------------------------------------------------------------------------------

def test_appendix_header_row_repeats():
    d = docx.Document(str(_path("phu-luc")))
    tbl = d.tables[0]._tbl
    assert tbl.find("w:tblPr/w:tblLayout", NS).get(f"{{{W}}}type") == "fixed"
    first = tbl.find("w:tr", NS)
    assert first.find("w:trPr/w:tblHeader", NS) is not None
    assert first.find("w:trPr/w:cantSplit", NS) is not None
    assert len(first.findall("w:tc", NS)) == 7
    grid = [int(g.get(f"{{{W}}}w")) for g in tbl.findall("w:tblGrid/w:gridCol", NS)]
    assert sum(grid) == 16838 - 1701 - 850  # full landscape text width
    assert grid[1] == max(grid) and grid[0] == min(grid)  # Nhiệm vụ widest, TT narrowest
    spans = [g.get(f"{{{W}}}val") for g in tbl.iter(f"{{{W}}}gridSpan")]
    assert "6" in spans


@pytest.mark.parametrize("kind", ("quyet-dinh", "ke-hoach"))
def test_header_table_is_fixed_borderless_two_columns(kind):
    d = docx.Document(str(_path(kind)))
    tbl = d.tables[0]._tbl
    assert tbl.find("w:tblPr/w:tblLayout", NS).get(f"{{{W}}}type") == "fixed"
    grid = [int(g.get(f"{{{W}}}w")) for g in tbl.findall("w:tblGrid/w:gridCol", NS)]
    assert len(grid) == 2
    # the right cell holds the 95.7 mm Quốc hiệu with Word's default 1.9 mm padding each side
    assert grid[1] >= Mm(100).twips
    for b in tbl.find("w:tblPr/w:tblBorders", NS):
        assert b.get(f"{{{W}}}val") in ("nil", "none")


# -- styles ---------------------------------------------------------------------------------------

def test_architecture_style_list_is_covered():
    used = set().union(*USES.values())
    assert used == _architecture_styles()


@pytest.mark.parametrize("kind", KINDS)
def test_styles_exist_and_are_used(kind):
    d = docx.Document(str(_path(kind)))
    names = {s.name for s in d.styles}
    assert USES[kind] <= names
    ids = {s.style_id for s in d.styles}
    doc = _xml(kind, "word/document.xml")
    used_ids = {e.get(f"{{{W}}}val") for e in doc.iter(f"{{{W}}}pStyle")}
    assert used_ids <= ids
    by_id = {s.style_id: s.name for s in d.styles}
    assert USES[kind] <= {by_id[i] for i in used_ids}


MIN_TAGGED_RUNS = {"quyet-dinh": 10, "ke-hoach": 8, "phu-luc": 10}


@pytest.mark.parametrize("kind", KINDS)
def test_text_runs_preserve_space(kind):
    doc = _xml(kind, "word/document.xml")
    tagged = [t for t in doc.iter(f"{{{W}}}t") if t.text and ("{{" in t.text or "{%" in t.text)]
    assert len(tagged) >= MIN_TAGGED_RUNS[kind], (kind, len(tagged))
    for t in tagged:
        assert t.get("{http://www.w3.org/XML/1998/namespace}space") == "preserve", t.text


# -- reproducibility ------------------------------------------------------------------------------

def test_generator_is_byte_reproducible(tmp_path):
    subprocess.run([sys.executable, str(TEMPLATES / "make_templates.py"), "--out", str(tmp_path)],
                   check=True, capture_output=True)
    for kind in KINDS:
        new = (tmp_path / f"{kind}.docx").read_bytes()
        assert new == _path(kind).read_bytes(), f"{kind}.docx differs: rerun make_templates.py"
    with zipfile.ZipFile(_path("quyet-dinh")) as z:
        assert z.namelist()[0] == "[Content_Types].xml"
        assert {i.date_time for i in z.infolist()} == {(2021, 1, 1, 0, 0, 0)}
    core = _parts("quyet-dinh")["docProps/core.xml"].decode()
    assert "2021-01-01T00:00:00Z" in core


# -- rendering through docgen's engine (strict, autoescaping) ------------------------------------

def _contexts() -> dict[str, dict]:
    """The context docgen computes for each core document of the bundled content."""
    from docgen.content import load_project
    from docgen.pipeline.documents import core_documents
    from docgen.render.context import context_for

    docs = core_documents(load_project(ROOT / "content" / "hoai-nhon-2021"))
    return {d.mau: context_for(d.noi_dung) for d in docs if not d.phan}


CONTEXTS = _contexts()


def _render(kind: str, ctx: dict):
    from docgen.render.engine import Engine

    data = Engine(TEMPLATES).render(kind, ctx, title="t", creator="docgen", stamp="2021-01-01T00:00:00Z")
    return docx.Document(io.BytesIO(data))


def _texts(d):
    body = d.element.body
    return ["".join(t.text or "" for t in p.iter(f"{{{W}}}t")) for p in body.iter(f"{{{W}}}p")]


def test_render_decision():
    ctx = CONTEXTS["quyet-dinh"]
    d = _render("quyet-dinh", ctx)
    texts = _texts(d)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in texts
    assert "Độc lập - Tự do - Hạnh phúc" in texts
    assert "Số:       /QĐ-UBND" in texts and ctx["so"] == "Số:       /QĐ-UBND"
    assert "QUYẾT ĐỊNH:" in texts
    assert [t for t in texts if t.startswith("Điều ")] == [f"{x['so']} {x['noi_dung']}" for x in ctx["dieu"]]
    assert len(ctx["dieu"]) == 3 and texts.count("") < len(texts) // 2
    assert any(t.startswith("Điều 3. Chánh Văn phòng") for t in texts)
    assert "- Lưu: VT, PNV, PTT (04b)." in texts and "Phạm Trương" in texts
    assert [t for t in texts if t.startswith("Căn cứ")] == [c for c in ctx["can_cu"] if c.startswith("Căn cứ")]
    assert not any("{{" in t or "{%" in t for t in texts)
    # trích yếu "\n" became a line break
    assert "\n" in ctx["trich_yeu"] and list(d.element.body.iter(f"{{{W}}}br"))
    # Điều label bold, the rest regular
    p = next(p for p in d.paragraphs if p.text.startswith("Điều 1."))
    assert p.style.name == "Dieu" and p.runs[0].bold and not p.runs[1].bold


def test_render_plan_without_number_line_or_signature():
    ctx = CONTEXTS["ke-hoach"]
    assert ctx["so"] == "" and ctx["nguoi_ky"] is None    # the plan issued with the decision
    d = _render("ke-hoach", ctx)
    texts = _texts(d)
    assert not any(t.startswith("Số") for t in texts)
    hdr = d.tables[0]
    assert len(hdr.rows) == 1  # row 2 (Số | date) removed when so == ""
    assert len(d.tables) == 1  # no signature table when nguoi_ky is None
    styles = {p.style.name for p in d.paragraphs}
    assert {"Muc", "Khoan", "Diem", "Noi dung", "Gach dau dong", "Kem theo"} <= styles
    for p in d.paragraphs:
        assert not p.text.startswith(" "), p.text
    assert any(p.text == "I. MỤC TIÊU, YÊU CẦU" and p.style.name == "Muc" for p in d.paragraphs)
    blocks = [f"{k['so']} {k['noi_dung']}".strip() for k in ctx["khoi"]]
    assert [p.text for p in d.paragraphs if p.style.name in STYLE_OF_KIEU.values()] == blocks
    assert len(blocks) > 100


STYLE_OF_KIEU = {"muc": "Muc", "khoan": "Khoan", "diem": "Diem", "doan": "Noi dung", "gach": "Gach dau dong"}


def test_render_plan_signed_without_noi_nhan():
    ctx = {**CONTEXTS["ke-hoach"], "noi_nhan": [],
           "nguoi_ky": {"dong": ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], "ho_ten": "Phạm Trương"}}
    d = _render("ke-hoach", ctx)
    assert len(d.tables) == 2
    sig = d.tables[1]._tbl
    for tc in sig.iter(f"{{{W}}}tc"):
        assert tc.find("w:p", NS) is not None  # every cell keeps a paragraph
    texts = _texts(d)
    assert "Nơi nhận:" not in texts
    assert ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Phạm Trương"] == [t for t in texts if t in (
        "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Phạm Trương")]


def test_render_escapes_markup():
    ctx = {**CONTEXTS["quyet-dinh"], "trich_yeu": "A & B <c>"}
    d = _render("quyet-dinh", ctx)
    assert "A & B <c>" in _texts(d)


def test_render_appendix():
    ctx = CONTEXTS["phu-luc"]
    d = _render("phu-luc", ctx)
    tbl = d.tables[0]._tbl
    rows = tbl.findall("w:tr", NS)
    n_groups = len(ctx["nhom"])
    n_tasks = sum(len(g["nhiem_vu"]) for g in ctx["nhom"])
    assert (n_groups, n_tasks) == (7, 26)
    assert len(rows) == 1 + n_groups + n_tasks
    assert rows[0].find("w:trPr/w:tblHeader", NS) is not None
    assert sum(1 for r in rows if r.find("w:trPr/w:tblHeader", NS) is not None) == 1
    cells = [["".join(t.text or "" for t in tc.iter(f"{{{W}}}t")) for tc in r.findall("w:tc", NS)] for r in rows]
    assert [c[1] for c in cells if len(c) == 7 and c[0].isdigit()] == \
        [t["nhiem_vu"] for g in ctx["nhom"] for t in g["nhiem_vu"]]


# -- LibreOffice rendering ------------------------------------------------------------------------

@pytest.mark.libreoffice
def test_libreoffice_rendering(tmp_path):
    if not shutil.which("soffice") or not shutil.which("pdftotext"):
        pytest.skip("LibreOffice/poppler not installed")
    files = []
    for kind, ctx in (("quyet-dinh", preview.QUYET_DINH_XA), ("phu-luc", preview.PHU_LUC)):
        out = tmp_path / f"{kind}.docx"
        preview.render(_path(kind), ctx, out)
        files.append(str(out))
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), *files],
                   check=True, capture_output=True, timeout=180)

    def page(pdf, n):
        return subprocess.run(["pdftotext", "-layout", "-f", str(n), "-l", str(n), str(pdf), "-"],
                              capture_output=True, text=True, check=True).stdout

    qd = tmp_path / "quyet-dinh.pdf"
    p1 = page(qd, 1)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in p1  # one line each
    assert "Độc lập - Tự do - Hạnh phúc" in p1
    assert "Tam Quan Bắc, ngày 29 tháng 12 năm 2021" in p1
    assert "PHƯỜNG HOÀI THANH TÂY" in p1
    assert p1.lstrip().startswith("UBND")  # no page number on page 1
    assert page(qd, 2).strip().splitlines()[0].strip() == "2"
    pl = tmp_path / "phu-luc.pdf"
    pdfinfo = subprocess.run(["pdfinfo", str(pl)], capture_output=True, text=True).stdout
    assert "841.89 x 595.3" in pdfinfo  # landscape A4
    p2 = page(pl, 2)
    assert p2.strip().splitlines()[0].strip() == "2"
    assert "Cơ quan chủ trì" in p2 and "Nhiệm vụ" in p2  # header row repeated
    fonts = subprocess.run(["pdffonts", str(qd)], capture_output=True, text=True).stdout
    faces = [ln.split()[0] for ln in fonts.splitlines()[2:]]
    assert faces and all("LiberationSerif" in f for f in faces)
