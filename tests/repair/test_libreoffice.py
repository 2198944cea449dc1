"""LibreOffice group (`pytest -m libreoffice`): Word 97–2003 input, and the repaired real
documents open and render with the same page count ±1."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from docgen.preview.pool import Job, convert
from docgen.repair.engine import repair_bytes
from tests.check.xmledit import mutate, w

pytestmark = pytest.mark.libreoffice


def _pages(pdf: Path) -> int:
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[1] for line in out.splitlines() if line.startswith("Pages:")))


@pytest.fixture
def doc_file(tmp_path, built) -> Path:
    """A .doc made by LibreOffice from docgen's decision with its left margin broken."""
    src = tmp_path / "qd.docx"
    src.write_bytes(mutate(built["quyet-dinh"], fn=lambda r: r.find(
        f"{w('body')}/{w('sectPr')}/{w('pgMar')}").set(w("left"), "1418")))
    dest = tmp_path / "qd.doc"
    result = convert([Job(src, dest)], workers=1, fmt="doc")
    assert result.converted, result.failed
    src.unlink()
    assert dest.read_bytes()[:8] == bytes.fromhex("D0CF11E0A1B11AE1")
    return dest


def test_check_and_repair_a_doc_file(doc_file, cli):
    status, out, _ = cli("check", doc_file)
    assert status == 1
    assert f"{doc_file}: lỗi: mục 1: lề trái 25,0 mm, Nghị định 30 yêu cầu 30–35 mm [nd30.margin] " \
        "(Phụ lục I, mục I.3)" in out.splitlines()
    status, out, _ = cli("sua", doc_file)
    dest = doc_file.with_name("qd.da-sua.docx")
    assert "  đã sửa: mục 1: lề trái 25,0 → 30,0 mm [nd30.margin]" in out.splitlines()
    assert dest.read_bytes()[:2] == b"PK"
    assert cli("check", dest)[0] in (0, 1)
    assert "nd30.margin" not in cli("check", dest)[1]


def test_repaired_real_documents_render_with_the_same_page_count(real_files, tmp_path):
    if shutil.which("pdfinfo") is None:
        pytest.skip("poppler-utils (pdfinfo) is not installed")
    jobs, pairs = [], []
    for k, path in enumerate(real_files):
        fixed = tmp_path / f"sua-{k:02d}.docx"
        fixed.write_bytes(repair_bytes(path.read_bytes(), path.name).data)
        tracked = tmp_path / f"theo-doi-{k:02d}.docx"
        tracked.write_bytes(repair_bytes(path.read_bytes(), path.name, track=True).data)
        a, b, c = (tmp_path / f"{kind}-{k:02d}.pdf" for kind in ("goc", "sua", "theo-doi"))
        jobs += [Job(path, a), Job(fixed, b), Job(tracked, c)]
        pairs.append((path.name, a, b))
        pairs.append((path.name + " (theo dõi)", a, c))
    result = convert(jobs)
    assert not result.failed, result.failed
    counts = [(name, _pages(a), _pages(b)) for name, a, b in pairs]
    print("\n" + "\n".join(f"{n}: {x} -> {y} pages" for n, x, y in counts))
    assert all(abs(x - y) <= 1 for _, x, y in counts), counts
