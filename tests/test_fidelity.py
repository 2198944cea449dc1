"""Fidelity: every sentence of a real original is in the documents docgen builds, in order.

Two bundled projects are transcriptions of real documents, and each is compared with its
original (a `Case`):
- `hoai-nhon-2021`: thị xã Hoài Nhơn's 2021 decision, plan and appendix; the original is the
  seed, the text extracted from the PDF (`shared/seed/ke-hoach-cchc-hoai-nhon-2021.txt`);
- `lam-dong-2026`: UBND tỉnh Lâm Đồng's 2026 plan issued directly, with its 60-row appendix;
  the original is `tests/fidelity/ld09.txt`, the text of `shared/real-docx/ld09-…docx`
  extracted by `scripts/extract_docx_text.py` (committed; the DOCX itself is not copied).
Each project's `sua-loi.yaml` lists every place where the documents differ from the original
on purpose (typo fixes and format differences); it is applied to the original before the
sentences are compared, so nothing changes silently.

Two measures, both required for each built document:
- **sentences**: every sentence of the corrected original is found after the previous one
  (0 missing);
- **words**: the share of the original's words (runs of letters and digits; punctuation is not a
  word), before any correction, that the built text holds in the same order (the matching
  blocks of difflib's SequenceMatcher), at least 98 %. It measures what the corrections and the
  layout changed, which the sentence test, run on the corrected text, cannot see.

Comparison rules:
- the built text is read with python-docx in document order (body paragraphs and table
  cells, header table included) and whitespace runs become one space (so a blank field,
  "Số:      /QĐ-UBND", matches the seed's "Số: /QĐ-UBND");
- the original is split into sentences at line ends, after ". " and after "; ";
- appendix table rows (tab-separated) are split into cells; the table header row repeated at
  every PDF page break is dropped, and (in a text extracted from a PDF only) a row continued
  across a page break (empty TT cell) is merged into the row it continues; a DOCX extraction
  has no page breaks, and an empty TT cell there is a cell merged with the row above; inside a
  cell, list items are split at " - " and their "- " marker and a separating ";" are dropped,
  because the rendering of lists in a cell (one line per item, with or without "- ") is the
  template's choice;
- every sentence must be found after the previous one.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from tests.wordseq import words, words_in_order

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(__file__).resolve().parents[2] / "shared"
WORD_SHARE = 0.98


@dataclass(frozen=True)
class Case:
    """A bundled project and the real original it was transcribed from."""

    name: str                       # content/<name>
    original: str                   # file name of the original text
    places: tuple[Path, ...]        # where the original may be (first found wins)
    env: str | None                 # environment variable naming the original, if any
    parts: tuple[tuple[str, tuple[str, ...]], ...]  # (built document, lines that start it)
    table_header: tuple[str, ...]
    pdf: bool                       # extracted from a PDF: page-break rows to undo

    @property
    def content(self) -> Path:
        return REPO / "content" / self.name

    @property
    def sua_loi(self) -> Path:
        return self.content / "sua-loi.yaml"


HOAI_NHON = Case(
    name="hoai-nhon-2021",
    original="ke-hoach-cchc-hoai-nhon-2021.txt",
    places=(SHARED / "seed" / "ke-hoach-cchc-hoai-nhon-2021.txt",),
    env="DOCGEN_SEED",
    parts=(("quyet-dinh", ()), ("ke-hoach", ("KẾ HOẠCH",)), ("phu-luc", ("Phụ lục", "PHỤ LỤC"))),
    table_header=("TT", "Nhiệm vụ", "Sản phẩm", "Cơ quan chủ trì", "Cơ quan phối hợp",
                  "Thời gian hoàn thành", "Ghi chú"),
    pdf=True,
)
LAM_DONG = Case(
    name="lam-dong-2026",
    original="ld09.txt",
    places=(REPO / "tests" / "fidelity" / "ld09.txt",),
    env=None,
    parts=(("ke-hoach", ()), ("phu-luc", ("Phụ lục", "PHỤ LỤC"))),
    table_header=("STT", "Nhiệm vụ", "Sản phẩm", "Thời gian hoàn thành", "Chủ trì thực hiện",
                  "Phối hợp thực hiện", "Theo dõi, kiểm tra, đôn đốc"),
    pdf=False,
)
CASES = {c.name: c for c in (HOAI_NHON, LAM_DONG)}
CASE_PARTS = [(c.name, part) for c in CASES.values() for part, _ in c.parts]

# Kept for the unit tests below and for readers of the Hoài Nhơn case.
CONTENT = HOAI_NHON.content
SUA_LOI = HOAI_NHON.sua_loi
SEED_NAME = HOAI_NHON.original
TABLE_HEADER = list(HOAI_NHON.table_header)
PARTS = [part for part, _ in HOAI_NHON.parts]


# --------------------------------------------------------------------------- originals


def original_path(case: Case) -> Path | None:
    """The original: its usual place, else the file the case's environment variable names."""
    candidates = list(case.places)
    if case.env and os.environ.get(case.env):
        candidates.append(Path(os.environ[case.env]))
    for path in candidates:
        if path.is_file():
            return path
    return None


def read_original(case: Case) -> str:
    path = original_path(case)
    if path is None:
        also = f" hoặc biến môi trường {case.env} trỏ tới tệp đó" if case.env else ""
        pytest.fail(
            f"Không tìm thấy bản gốc {case.original}: cần có {case.places[0]}{also}. "
            "Bài kiểm tra độ trung thực không thể chạy khi thiếu bản gốc."
        )
    return path.read_text(encoding="utf-8")


def seed_path() -> Path | None:
    return original_path(HOAI_NHON)


def read_seed() -> str:
    return read_original(HOAI_NHON)


def load_corrections(path: Path = SUA_LOI) -> list[dict]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, list), f"{path}: phải là một danh sách"
    return data


def apply_corrections(text: str, corrections: list[dict]) -> str:
    """Replace each `goc` (which must occur exactly once in `text`) by its `sua`.

    Positions are taken in the original text, so the order of the list does not matter;
    two corrections may not overlap.
    """
    spans = []
    for item in corrections:
        goc = item["goc"]
        count = text.count(goc)
        if count != 1:
            raise ValueError(f"sua-loi: goc {goc!r} xuất hiện {count} lần trong bản gốc (phải đúng 1)")
        start = text.index(goc)
        spans.append((start, start + len(goc), item["sua"]))
    spans.sort()
    out, pos = [], 0
    for start, end, sua in spans:
        if start < pos:
            raise ValueError(f"sua-loi: hai mục chồng lên nhau ở {text[start:end]!r}")
        out.append(text[pos:start])
        out.append(sua)
        pos = end
    out.append(text[pos:])
    return "".join(out)


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


_SENTENCE_END = re.compile(r"(?<=[.;])\s+")


def split_sentences(text: str) -> list[str]:
    """Split at line ends, after ". " and after "; " (the mark stays with its sentence)."""
    out = []
    for line in text.splitlines():
        for piece in _SENTENCE_END.split(line):
            piece = normalise(piece)
            if piece:
                out.append(piece)
    return out


def split_cell(text: str) -> list[str]:
    """Sentences of one table cell; list items split at " - ", without "- " and ";"."""
    out = []
    for sentence in split_sentences(text):
        for item in re.split(r"\s-\s", sentence):
            item = re.sub(r"^-\s*", "", item).rstrip(";").strip()
            if item:
                out.append(item)
    return out


def table_rows(lines: list[str], header=TABLE_HEADER, continued: bool = True) -> list[list[str]]:
    """Tab-separated rows, with repeated header rows dropped and (`continued`) continued rows merged."""
    rows: list[list[str]] = []
    seen_header = False
    for line in lines:
        cells = [c.strip() for c in line.split("\t")]
        if [c for c in cells if c] == list(header):
            if seen_header:
                continue  # header repeated at a page break
            seen_header = True
        elif continued and not cells[0] and rows and any(cells):
            # the rest of the previous row, after a page break
            prev = rows[-1]
            prev.extend([""] * (len(cells) - len(prev)))
            for i, cell in enumerate(cells):
                if cell:
                    prev[i] = f"{prev[i]} {cell}".strip()
            continue
        rows.append(cells)
    return rows


def seed_sentences(text: str, case: Case = HOAI_NHON) -> list[str]:
    """Sentences of a (corrected) part of an original, table rows cell by cell."""
    out: list[str] = []
    pending_table: list[str] = []

    def flush_table():
        for row in table_rows(pending_table, case.table_header, continued=case.pdf):
            for cell in row:
                out.extend(split_cell(cell))
        pending_table.clear()

    for line in text.splitlines():
        if "\t" in line:
            pending_table.append(line)
            continue
        if not line.strip():
            continue  # blank lines separate paragraphs and split tables only visually
        flush_table()
        out.extend(split_sentences(line))
    flush_table()
    return out


def seed_parts(text: str, case: Case = HOAI_NHON) -> dict[str, str]:
    """Split an original into its documents (decision, plan, appendix), at each one's first line."""
    lines = text.splitlines()
    starts = {case.parts[0][0]: 0}
    for name, markers in case.parts[1:]:
        after = max(starts.values())
        found = next((i for i, line in enumerate(lines) if i > after and line.strip() in markers), None)
        assert found is not None, f"bản gốc: không tìm thấy dòng {' / '.join(markers)}"
        starts[name] = found
    bounds = [*starts.values(), len(lines)]
    return {name: "\n".join(lines[bounds[i]:bounds[i + 1]]) for i, name in enumerate(starts)}


# --------------------------------------------------------------------------- built documents


def docx_text(path: Path) -> str:
    """All paragraph text of the body (tables included) in document order, normalised."""
    from docx import Document
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph

    document = Document(str(path))
    body = document.element.body
    texts = [Paragraph(p, document).text for p in body.iter(qn("w:p"))]
    return normalise(" ".join(texts))


def missing_in_order(sentences: list[str], text: str) -> list[str]:
    """Sentences not found after the previous found one, each with a short explanation."""
    missing, pos = [], 0
    for i, sentence in enumerate(sentences):
        found = text.find(sentence, pos)
        if found >= 0:
            pos = found + len(sentence)
            continue
        before = sentences[i - 1] if i else "(đầu văn bản)"
        where = "có trong văn bản nhưng sai thứ tự" if sentence in text else "không có trong văn bản"
        missing.append(f"  - {sentence!r}\n      ({where}; câu trước: {before[:70]!r})")
    return missing


# --------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def seed() -> str:
    return read_seed()


@pytest.fixture(scope="module")
def corrected_parts(seed) -> dict[str, str]:
    return seed_parts(apply_corrections(seed, load_corrections()))


@pytest.fixture(scope="module")
def built_dirs(tmp_path_factory):
    """Each project built once per module run (on first use): case name -> output folder."""
    from docgen.errors import DocgenError
    from docgen.pipeline import build

    cache: dict[str, Path] = {}

    def get(case: Case) -> Path:
        if case.name not in cache:
            out = tmp_path_factory.mktemp(case.name)
            try:
                build(case.content, out)
            except DocgenError as error:
                pytest.fail(f"docgen build {case.name} thất bại:\n" + "\n".join(str(p) for p in error.problems))
            cache[case.name] = out
        return cache[case.name]

    return get


# --------------------------------------------------------------------------- unit tests


def test_split_sentences():
    text = (
        "Căn cứ Luật A ngày 19 tháng 6 năm 2015; Luật B ngày 22/11/2019;\n"
        "\n"
        "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch. Rà soát văn bản..\n"
        "ISO 9001:2015 đạt theo kế hoạch;cùng dòng  \n"
        "kể từ ngày ký./.\n"
    )
    assert split_sentences(text) == [
        "Căn cứ Luật A ngày 19 tháng 6 năm 2015;",
        "Luật B ngày 22/11/2019;",
        "Điều 1.",
        "Ban hành kèm theo Quyết định này Kế hoạch.",
        "Rà soát văn bản..",
        "ISO 9001:2015 đạt theo kế hoạch;cùng dòng",
        "kể từ ngày ký./.",
    ]


def test_split_cell():
    assert split_cell("- Ban hành Kế hoạch: Quý I/2021 - Thực hiện: Cả năm") == [
        "Ban hành Kế hoạch: Quý I/2021",
        "Thực hiện: Cả năm",
    ]
    assert split_cell("- Các văn bản chỉ đạo; - Báo cáo kết quả thực hiện.") == [
        "Các văn bản chỉ đạo",
        "Báo cáo kết quả thực hiện.",
    ]
    assert split_cell("Văn phòng HĐND và UBND; Các cơ quan liên quan") == [
        "Văn phòng HĐND và UBND",
        "Các cơ quan liên quan",
    ]


def test_seed_table_header_and_page_break():
    header = "\t".join(TABLE_HEADER)
    text = "\n".join(
        [
            "Phụ lục",
            header,
            "VI\tCẢI CÁCH TÀI CHÍNH CÔNG\t\t\t\t\t",
            "2\tTiếp tục thực hiện cơ chế tự chủ đối với\tVăn bản\tPhòng A\tCác đơn vị\tNăm 2021\t",
            "",
            header,
            "\tcác đơn vị sự nghiệp công lập\t\t\t\t\t",
            "VII\tHIỆN ĐẠI HÓA\t\t\t\t\t",
        ]
    )
    assert seed_sentences(text) == [
        "Phụ lục",
        *TABLE_HEADER,
        "VI",
        "CẢI CÁCH TÀI CHÍNH CÔNG",
        "2",
        "Tiếp tục thực hiện cơ chế tự chủ đối với các đơn vị sự nghiệp công lập",
        "Văn bản",
        "Phòng A",
        "Các đơn vị",
        "Năm 2021",
        "VII",
        "HIỆN ĐẠI HÓA",
    ]


def test_docx_extraction_keeps_merged_rows_apart():
    """In a DOCX extraction an empty TT cell is a merged cell, not a page-break continuation."""
    header = "\t".join(LAM_DONG.table_header)
    text = "\n".join([
        header,
        "2\tTham mưu ban hành Kế hoạch kiểm tra\tKế hoạch của tỉnh\tTháng 01/2026\tSở Nội vụ\t\tSở Nội vụ",
        "\t\tKế hoạch tự kiểm tra\tTháng 6/2026\tCác cơ quan, đơn vị, địa phương\t\tSở Nội vụ",
    ])
    assert seed_sentences(text, LAM_DONG) == [
        *LAM_DONG.table_header,
        "2", "Tham mưu ban hành Kế hoạch kiểm tra", "Kế hoạch của tỉnh", "Tháng 01/2026", "Sở Nội vụ",
        "Sở Nội vụ",
        "Kế hoạch tự kiểm tra", "Tháng 6/2026", "Các cơ quan, đơn vị, địa phương", "Sở Nội vụ",
    ]
    merged = seed_sentences(text.replace(header, "\t".join(TABLE_HEADER)))
    assert "Kế hoạch của tỉnh Kế hoạch tự kiểm tra" in merged  # the PDF rule would merge them


def test_missing_in_order_reports_order_and_absence():
    text = normalise("Một hai.   Ba  bốn. Năm")
    assert missing_in_order(["Một hai.", "Ba bốn.", "Năm"], text) == []
    problems = missing_in_order(["Ba bốn.", "Một hai.", "Sáu"], text)
    assert len(problems) == 2
    assert "sai thứ tự" in problems[0] and "không có" in problems[1]


def test_words_in_order_counts_order_and_changes():
    original = words("Phần đầu cuối năm 2021, trên 95% hồ sơ.")
    assert original == ["Phần", "đầu", "cuối", "năm", "2021", "trên", "95", "hồ", "sơ"]
    assert words_in_order(original, original) == 9
    assert words_in_order(original, words("Phấn đấu cuối năm 2021, trên 95% hồ sơ.")) == 7
    assert words_in_order(original, words("hồ sơ trên 95% cuối năm 2021 Phần đầu")) == 3


# --------------------------------------------------------------------------- the originals


@pytest.mark.parametrize("name", CASES)
def test_sua_loi_goc_occurs_once_in_original(name):
    case = CASES[name]
    original = read_original(case)
    corrections = load_corrections(case.sua_loi)
    problems = []
    for n, item in enumerate(corrections, 1):
        if set(item) != {"goc", "sua", "ly_do"}:
            problems.append(f"mục {n}: khóa phải là goc, sua, ly_do (có {sorted(item)})")
            continue
        if not all(isinstance(item[k], str) and item[k] for k in ("goc", "ly_do")):
            problems.append(f"mục {n}: goc và ly_do phải là chuỗi không rỗng")
            continue
        count = original.count(item["goc"])
        if count != 1:
            problems.append(f"mục {n}: goc {item['goc']!r} có {count} lần trong bản gốc (phải đúng 1)")
    assert not problems, f"{case.sua_loi.name} của {name} không khớp bản gốc:\n" + "\n".join(problems)
    apply_corrections(original, corrections)  # no overlapping entries


def test_seed_parts_are_complete(corrected_parts):
    """Guards the splitter itself: the parts start and end where the documents do."""
    qd = seed_sentences(corrected_parts["quyet-dinh"])
    kh = seed_sentences(corrected_parts["ke-hoach"])
    pl = seed_sentences(corrected_parts["phu-luc"])
    assert qd[0] == "Số: /QĐ-UBND" and qd[-1] == "Phạm Trương"
    assert kh[0] == "KẾ HOẠCH" and kh[-1].endswith("để xem xét, giải quyết./.")
    assert pl[0] == "Phụ lục" and pl[-2:] == ["Các cơ quan liên quan", "Năm 2021"]
    rows = table_rows([l for l in corrected_parts["phu-luc"].splitlines() if "\t" in l])
    tasks = [r for r in rows if r[0].isdigit()]
    assert len(tasks) == 26
    assert TABLE_HEADER not in [[c for c in r if c] for r in rows[1:]]


def test_ld09_parts_are_complete():
    """Guards the extraction and the splitter for ld09: the plan, then the 60-row appendix."""
    raw = seed_parts(read_original(LAM_DONG), LAM_DONG)
    parts = seed_parts(apply_corrections(read_original(LAM_DONG), load_corrections(LAM_DONG.sua_loi)),
                       LAM_DONG)
    assert list(parts) == list(raw) == ["ke-hoach", "phu-luc"]
    kh = seed_sentences(parts["ke-hoach"], LAM_DONG)
    pl = seed_sentences(parts["phu-luc"], LAM_DONG)
    assert kh[:2] == ["ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG"] and kh[-1] == "Nguyễn Ngọc Phúc"
    lines = raw["ke-hoach"].splitlines()
    assert "1. Cải cách thể chế" in lines and "a) Mục tiêu" in lines  # Word's list labels extracted
    assert "a) Các sở, ban, ngành và Ủy ban nhân dân các xã, phường, đặc khu" in raw["ke-hoach"]
    assert pl[0] in ("Phụ lục", "PHỤ LỤC") and pl[-1] == "Sở Nội vụ"

    def rows(text):
        found = table_rows([line for line in text.splitlines() if "\t" in line], LAM_DONG.table_header,
                           continued=False)
        assert len(found) == 60 and {len(r) for r in found} == {7}
        assert [r[0] for r in found if re.fullmatch(r"[IVX]+", r[0])] == ["I", "II", "III", "IV", "V", "VI", "VII"]
        return found

    original = rows(raw["phu-luc"])
    assert len([r for r in original if r[0].isdigit()]) == 49
    assert len([r for r in original if not r[0] and r[2]]) == 3  # VII.2, VII.3, VII.5: a second product row
    corrected = rows(parts["phu-luc"])
    # VII.2, VII.3, VII.5 stay tasks printed over two rows (phu-luc.yaml `dong`): no correction renumbers them
    assert [r[0] for r in corrected[-10:]] == ["1", "2", "", "3", "", "4", "5", "", "6", "7"]
    assert [r[1] for r in corrected[-10:] if not r[0]] == ["", "", ""]


def test_ld09_text_is_the_extraction_of_the_docx():
    """tests/fidelity/ld09.txt is exactly what scripts/extract_docx_text.py reads from ld09 today."""
    import importlib.util

    docx = SHARED / "real-docx" / "ld09-kh-ubnd-cchc-2026.docx"
    if not docx.is_file():
        pytest.fail(f"Không tìm thấy văn bản gốc {docx}: bài kiểm tra cần thư mục shared/ cạnh mã nguồn.")
    spec = importlib.util.spec_from_file_location("extract_docx_text", REPO / "scripts" / "extract_docx_text.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.extract(docx) == read_original(LAM_DONG), (
        "tests/fidelity/ld09.txt khác bản trích mới: chạy lại "
        "python scripts/extract_docx_text.py ../shared/real-docx/ld09-kh-ubnd-cchc-2026.docx -o tests/fidelity/ld09.txt")


# --------------------------------------------------------------------------- the built documents


@pytest.mark.parametrize(("name", "part"), CASE_PARTS)
def test_every_sentence_is_built_in_order(name, part, built_dirs):
    case = CASES[name]
    path = built_dirs(case) / f"{part}.docx"
    assert path.is_file(), f"docgen không tạo {path.name} cho {name}"
    corrected = seed_parts(apply_corrections(read_original(case), load_corrections(case.sua_loi)), case)
    sentences = seed_sentences(corrected[part], case)
    missing = missing_in_order(sentences, docx_text(path))
    assert not missing, (
        f"{name}/{path.name}: {len(missing)}/{len(sentences)} câu của bản gốc không tìm thấy theo thứ tự "
        f"(nếu là sửa có chủ ý, ghi vào content/{name}/sua-loi.yaml):\n" + "\n".join(missing)
    )


@pytest.mark.parametrize(("name", "part"), CASE_PARTS)
def test_words_of_original_are_built_in_order(name, part, built_dirs):
    case = CASES[name]
    path = built_dirs(case) / f"{part}.docx"
    assert path.is_file(), f"docgen không tạo {path.name} cho {name}"
    original = words(" ".join(seed_sentences(seed_parts(read_original(case), case)[part], case)))
    matched = words_in_order(original, words(docx_text(path)))
    share = matched / len(original)
    assert share >= WORD_SHARE, (
        f"{name}/{path.name}: chỉ {matched}/{len(original)} từ của bản gốc ({share:.2%}) có trong văn bản "
        f"theo đúng thứ tự; cần ít nhất {WORD_SHARE:.0%}"
    )


@pytest.mark.parametrize("name", CASES)
def test_built_documents_have_no_checker_findings(name, built_dirs):
    """The transcription is kept only if docgen's own Decree 30 check finds nothing at all."""
    from docgen.check import check_paths

    files = sorted(built_dirs(CASES[name]).glob("*.docx"))
    assert {p.stem for p in files} >= {part for part, _ in CASES[name].parts}
    findings = check_paths(files)
    assert findings == [], f"{name}: {len(findings)} phát hiện của bộ kiểm tra:\n" + "\n".join(
        f"  {Path(f.path).name}: {f.severity} {f.code} {f.where}: {f.excerpt}" for f in findings)
