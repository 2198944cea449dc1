"""Fidelity: every sentence of the real 2021 seed is in the documents docgen builds, in order.

The seed is the text of thị xã Hoài Nhơn's 2021 decision, plan and appendix, extracted from
the PDF (`shared/seed/ke-hoach-cchc-hoai-nhon-2021.txt`). The content in
`content/hoai-nhon-2021/` is its transcription. `content/hoai-nhon-2021/sua-loi.yaml` lists
every place where the documents differ from the seed on purpose (typo fixes and format
differences); it is applied to the seed before comparing, so nothing changes silently.

Comparison rules:
- the built text is read with python-docx in document order (body paragraphs and table
  cells, header table included) and whitespace runs become one space (so a blank field,
  "Số:      /QĐ-UBND", matches the seed's "Số: /QĐ-UBND");
- the seed is split into sentences at line ends, after ". " and after "; ";
- appendix table rows (tab-separated in the seed) are split into cells; the table header
  row repeated at every PDF page break is dropped, and a row continued across a page break
  (empty TT cell) is merged into the row it continues; inside a cell, list items are split
  at " - " and their "- " marker and a separating ";" are dropped, because the rendering of
  lists in a cell (one line per item, with or without "- ") is the template's choice;
- every sentence must be found after the previous one.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
CONTENT = REPO / "content" / "hoai-nhon-2021"
SUA_LOI = CONTENT / "sua-loi.yaml"
SEED_NAME = "ke-hoach-cchc-hoai-nhon-2021.txt"

TABLE_HEADER = [
    "TT",
    "Nhiệm vụ",
    "Sản phẩm",
    "Cơ quan chủ trì",
    "Cơ quan phối hợp",
    "Thời gian hoàn thành",
    "Ghi chú",
]

# The three parts of the seed and the file docgen builds for each.
PARTS = ["quyet-dinh", "ke-hoach", "phu-luc"]


# --------------------------------------------------------------------------- seed


def seed_path() -> Path | None:
    """The seed: next to the repository (…/shared/seed), else $DOCGEN_SEED."""
    candidates = [Path(__file__).resolve().parents[2] / "shared" / "seed" / SEED_NAME]
    if os.environ.get("DOCGEN_SEED"):
        candidates.append(Path(os.environ["DOCGEN_SEED"]))
    for path in candidates:
        if path.is_file():
            return path
    return None


def read_seed() -> str:
    path = seed_path()
    if path is None:
        pytest.fail(
            f"Không tìm thấy bản gốc {SEED_NAME}: cần có "
            f"{Path(__file__).resolve().parents[2] / 'shared' / 'seed' / SEED_NAME} "
            "hoặc biến môi trường DOCGEN_SEED trỏ tới tệp đó. "
            "Bài kiểm tra độ trung thực không thể chạy khi thiếu bản gốc."
        )
    return path.read_text(encoding="utf-8")


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


def table_rows(lines: list[str]) -> list[list[str]]:
    """Tab-separated rows, with repeated header rows dropped and continued rows merged."""
    rows: list[list[str]] = []
    seen_header = False
    for line in lines:
        cells = [c.strip() for c in line.split("\t")]
        if [c for c in cells if c] == TABLE_HEADER:
            if seen_header:
                continue  # header repeated at a page break
            seen_header = True
        elif not cells[0] and rows and any(cells):
            # the rest of the previous row, after a page break
            prev = rows[-1]
            prev.extend([""] * (len(cells) - len(prev)))
            for i, cell in enumerate(cells):
                if cell:
                    prev[i] = f"{prev[i]} {cell}".strip()
            continue
        rows.append(cells)
    return rows


def seed_sentences(text: str) -> list[str]:
    """Sentences of a (corrected) seed part, table rows cell by cell."""
    out: list[str] = []
    pending_table: list[str] = []

    def flush_table():
        for row in table_rows(pending_table):
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


def seed_parts(text: str) -> dict[str, str]:
    """Split the corrected seed into the decision, the plan and the appendix."""
    lines = text.splitlines()
    starts = {}
    for i, line in enumerate(lines):
        if line.strip() == "KẾ HOẠCH" and "ke-hoach" not in starts:
            starts["ke-hoach"] = i
        if line.strip() in ("Phụ lục", "PHỤ LỤC") and "phu-luc" not in starts:
            starts["phu-luc"] = i
    assert set(starts) == {"ke-hoach", "phu-luc"}, "bản gốc: không tìm thấy dòng KẾ HOẠCH / PHỤ LỤC"
    return {
        "quyet-dinh": "\n".join(lines[: starts["ke-hoach"]]),
        "ke-hoach": "\n".join(lines[starts["ke-hoach"] : starts["phu-luc"]]),
        "phu-luc": "\n".join(lines[starts["phu-luc"] :]),
    }


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


# --------------------------------------------------------------------------- tests


@pytest.fixture(scope="module")
def seed() -> str:
    return read_seed()


@pytest.fixture(scope="module")
def corrected_parts(seed) -> dict[str, str]:
    return seed_parts(apply_corrections(seed, load_corrections()))


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    from docgen.errors import DocgenError
    from docgen.pipeline import build

    out = tmp_path_factory.mktemp("build")
    try:
        build(CONTENT, out)
    except DocgenError as error:
        pytest.fail("docgen build thất bại:\n" + "\n".join(str(p) for p in error.problems))
    return out


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


def test_missing_in_order_reports_order_and_absence():
    text = normalise("Một hai.   Ba  bốn. Năm")
    assert missing_in_order(["Một hai.", "Ba bốn.", "Năm"], text) == []
    problems = missing_in_order(["Ba bốn.", "Một hai.", "Sáu"], text)
    assert len(problems) == 2
    assert "sai thứ tự" in problems[0] and "không có" in problems[1]


def test_sua_loi_goc_occurs_once_in_seed(seed):
    corrections = load_corrections()
    problems = []
    for n, item in enumerate(corrections, 1):
        if set(item) != {"goc", "sua", "ly_do"}:
            problems.append(f"mục {n}: khóa phải là goc, sua, ly_do (có {sorted(item)})")
            continue
        if not all(isinstance(item[k], str) and item[k] for k in ("goc", "ly_do")):
            problems.append(f"mục {n}: goc và ly_do phải là chuỗi không rỗng")
            continue
        count = seed.count(item["goc"])
        if count != 1:
            problems.append(f"mục {n}: goc {item['goc']!r} có {count} lần trong bản gốc (phải đúng 1)")
    assert not problems, "sua-loi.yaml không khớp bản gốc:\n" + "\n".join(problems)
    apply_corrections(seed, corrections)  # no overlapping entries


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


@pytest.mark.parametrize("part", PARTS)
def test_every_seed_sentence_is_built_in_order(part, corrected_parts, built):
    path = built / f"{part}.docx"
    assert path.is_file(), f"docgen không tạo {path.name}"
    sentences = seed_sentences(corrected_parts[part])
    missing = missing_in_order(sentences, docx_text(path))
    assert not missing, (
        f"{path.name}: {len(missing)}/{len(sentences)} câu của bản gốc không tìm thấy theo thứ tự "
        "(nếu là sửa có chủ ý, ghi vào content/hoai-nhon-2021/sua-loi.yaml):\n" + "\n".join(missing)
    )
