"""Every kind of document docgen builds, rendered by LibreOffice and read back from the PDF.

Run with `pytest -m libreoffice` (needs LibreOffice, poppler-utils, fonts-liberation2).
Facts checked per document: no page number on a part's first page and "2" on its second
(the combined file restarts at each part); the Quốc hiệu, Tiêu ngữ and place-and-date line
each on one line; appendix pages landscape, others portrait; only Liberation Serif in the PDF;
every word of the DOCX, diacritics included, in the PDF text.
"""

from __future__ import annotations

import re
import struct
import subprocess
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner

from docgen.cli import main_group
from docgen.diff.extract import extract
from docgen.preview.fonts import check_fonts
from docgen.preview.pool import Job, convert
from tests.expect import assert_core_files

pytestmark = pytest.mark.libreoffice
CONTENT = Path(__file__).resolve().parents[2] / "content" / "hoai-nhon-2021"
QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"
PLACE_DATE = re.compile(r"^\S.*, ngày (.* )?tháng (.* )?năm \d{4}$")
KINDS = ["quyet-dinh", "ke-hoach", "phu-luc", "tron-bo"]


def norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def tool(*args: str) -> str:
    return subprocess.run(args, capture_output=True, text=True, check=True, timeout=60).stdout


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The bundled content built by docgen and converted in one pool run: {kind: (docx, pdf)}."""
    from docgen.pipeline import build

    root = tmp_path_factory.mktemp("lo")
    build(CONTENT, root / "build")
    assert_core_files(root / "build", CONTENT)
    jobs = [Job(root / "build" / f"{k}.docx", root / "pdf" / f"{k}.pdf") for k in KINDS]
    result = convert(jobs, timeout=180)
    assert result.failed == []
    return {k: (j.src, j.dest) for k, j in zip(KINDS, jobs)}


def pages(pdf: Path) -> list[str]:
    n = int(re.search(r"^Pages:\s+(\d+)", tool("pdfinfo", str(pdf)), re.M).group(1))
    return [tool("pdftotext", "-layout", "-f", str(i), "-l", str(i), str(pdf), "-")
            for i in range(1, n + 1)]


def page_number(page: str) -> int | None:
    """The number in the header: the page's first non-empty line, when it is only digits."""
    first = next((line.strip() for line in page.splitlines() if line.strip()), "")
    return int(first) if first.isdigit() else None


def strip_number(page: str) -> str:
    """The page text without its leading page-number line."""
    lines = page.lstrip("\n").splitlines()
    return "\n".join(lines[1:]) if page_number(page) else page


def sizes(pdf: Path, count: int) -> list[tuple[float, float]]:
    out = tool("pdfinfo", "-f", "1", "-l", str(count), str(pdf))
    return [(float(w), float(h)) for w, h in re.findall(r"size:\s+([\d.]+) x ([\d.]+)", out)]


def parts(kind: str) -> int:
    return 3 if kind == "tron-bo" else 1


@pytest.mark.parametrize("kind", KINDS)
def test_page_numbers(built, kind):
    numbers = [page_number(p) for p in pages(built[kind][1])]
    assert len(numbers) >= 2
    starts = [i for i, n in enumerate(numbers) if n is None]
    assert len(starts) == parts(kind) and starts[0] == 0, numbers
    for a, b in zip(starts, starts[1:] + [len(numbers)]):
        assert numbers[a + 1:b] == list(range(2, b - a + 1)), numbers  # "2" on page 2, …


@pytest.mark.parametrize("kind", KINDS)
def test_header_lines_are_not_wrapped(built, kind):
    docx, pdf = built[kind]
    lines = [norm(line) for p in pages(pdf) for line in p.splitlines()]
    texts = [norm(line) for i in extract(docx) for cell in (i.cells or (i.text,))
             for line in cell.split("\n")]
    expected = [t for t in texts if t in (QUOC_HIEU, TIEU_NGU) or PLACE_DATE.match(t)]
    if kind != "phu-luc":  # the appendix has no header block (Mẫu 2.1)
        assert QUOC_HIEU in expected and TIEU_NGU in expected
    if kind in ("quyet-dinh", "tron-bo"):
        assert any(PLACE_DATE.match(t) for t in expected)
    for text in expected:
        assert any(text in line for line in lines), f"{text!r} is not on one line"


@pytest.mark.parametrize("kind", KINDS)
def test_appendix_pages_are_landscape(built, kind):
    texts = pages(built[kind][1])
    dims = sizes(built[kind][1], len(texts))
    appendix_start = next(i for i, t in enumerate(texts) if "NHIỆM VỤ TRỌNG TÂM" in t) \
        if kind in ("phu-luc", "tron-bo") else len(texts)
    for i, (w, h) in enumerate(dims):
        assert (w > h) == (i >= appendix_start), f"page {i + 1}: {w} x {h}"


@pytest.mark.parametrize("kind", KINDS)
def test_only_liberation_serif(built, kind):
    rows = tool("pdffonts", str(built[kind][1])).splitlines()[2:]
    names = {row.split()[0].split("+")[-1] for row in rows}
    assert names and all(n.startswith("LiberationSerif") for n in names), names
    assert all(" yes " in row for row in rows)  # embedded


@pytest.mark.parametrize("kind", KINDS)
def test_vietnamese_text_intact(built, kind):
    docx, pdf = built[kind]
    # page by page, without the page-number line, so that a paragraph runs across pages
    pdf_text = norm(" ".join(
        strip_number(p) for p in (tool("pdftotext", "-f", str(i), "-l", str(i), str(pdf), "-")
                  for i in range(1, len(pages(pdf)) + 1))))
    pdf_words = set(pdf_text.split())
    for item in extract(docx):
        if item.kind == "p":  # body paragraphs flow: the whole paragraph is there
            assert norm(item.text) in pdf_text
        for word in norm(item.text.replace("|", " ")).split():
            assert word in pdf_words, word


def test_font_substitution_is_reported():
    status = check_fonts()
    assert status.ok
    if status.family == "Liberation Serif":
        assert status.message.startswith("máy này không có phông Times New Roman; dùng Liberation Serif")


def png_size(path: Path) -> tuple[int, int]:
    return struct.unpack(">II", path.read_bytes()[16:24])


def test_preview_command_writes_pngs_and_contact_sheet(built, tmp_path):
    build_dir = built["quyet-dinh"][0].parent
    out = tmp_path / "xem"
    r = CliRunner().invoke(main_group, ["preview", str(build_dir), "-o", str(out)],
                           catch_exceptions=False)
    assert r.exit_code == 0, r.output
    assert r.stdout.startswith("Đã tạo 4 bản xem trước trong ")
    for kind in KINDS:
        w, h = png_size(out / f"{kind}.png")
        assert (w > h) == (kind == "phu-luc")
    sheet = (out / "index.html").read_text(encoding="utf-8")
    assert all(f'<img src="{k}.png"' in sheet and f'href="{k}.pdf"' in sheet for k in KINDS)
