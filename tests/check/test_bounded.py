"""Issue #12 case 3: bounded reading of any DOCX (check, diff); FIFOs and devices refused."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from docgen.check import reader
from docgen.errors import UsageError
from tests.check import bombs
from tests.conftest import ROOT
from tests.expect import assert_core_files


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bombs")
    return {"links": bombs.header_links(folder / "links.docx"),
            "empty": bombs.empty_paragraphs(folder / "empty.docx"),
            "fine": bombs.big_but_fine(folder / "fine.docx")}


def test_the_amplification_files_are_small(hostile):
    assert os.path.getsize(hostile["links"]) < 400_000
    assert os.path.getsize(hostile["empty"]) < 1_000_000


def test_sixteen_header_links_to_one_30_mb_part_are_refused(hostile, cli):
    status, out, err = cli("check", hostile["links"])
    assert status == 2
    assert err == (f"{hostile['links']}: lỗi: tệp có quá 1.000.000 phần tử và thuộc tính XML (đến phần "
                   "word/header1.xml); từ chối đọc tiếp [check.too-large]\n")


def test_900000_empty_paragraphs_are_refused(hostile, cli):
    status, out, err = cli("check", hostile["empty"])
    assert status == 2
    assert err == (f"{hostile['empty']}: lỗi: tệp có quá 1.000.000 phần tử và thuộc tính XML (đến phần "
                   "word/document.xml); từ chối đọc tiếp [check.too-large]\n")


def test_900000_paragraphs_without_attributes_hit_the_paragraph_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(reader, "MAX_RATIO", 10**6)   # past the zip-level check, to the count
    path = bombs.empty_paragraphs(tmp_path / "p.docx", attributes=False)
    with pytest.raises(UsageError) as exc:
        reader.read_docx_bytes(path.read_bytes(), "p.docx")
    assert str(exc.value) == "p.docx: lỗi: tệp có 900.001 đoạn văn, quá giới hạn 50.000 đoạn [check.too-large]"


def test_a_large_ordinary_document_is_still_checked(hostile, cli):
    status, out, err = cli("check", hostile["fine"])
    assert status == 1, err          # read and checked: it breaks Decree 30 rules, nothing more
    assert "không đọc được" not in out


def test_a_part_linked_many_times_is_parsed_once(tmp_path, monkeypatch):
    path = bombs.header_links(tmp_path / "small.docx", links=16, header_mb=0)
    parsed = []
    real = reader._Parts._parse

    def counting(self, member):
        parsed.append(member)
        return real(self, member)

    monkeypatch.setattr(reader._Parts, "_parse", counting)
    pkg = reader.read_docx_bytes(path.read_bytes(), "small.docx")
    assert parsed.count("word/header1.xml") == 1
    assert len(pkg.headers) == 16 and len({id(h) for h in pkg.headers.values()}) == 1


def test_header_work_over_all_sections_is_bounded(tmp_path):
    # 16 sections show one header of ~100,000 nodes: 1.6 million nodes to check
    path = bombs.header_links(tmp_path / "work.docx", links=16, header_mb=1)
    with pytest.raises(UsageError) as exc:
        reader.read_docx_bytes(path.read_bytes(), "work.docx")
    assert str(exc.value).startswith("work.docx: lỗi: đầu trang/chân trang được dùng lại quá nhiều lần (")
    assert str(exc.value).endswith(" phần tử phải kiểm tra, giới hạn 1.000.000) [check.too-large]")


def test_parsing_stops_at_the_limit_while_streaming(tmp_path, monkeypatch):
    """The budget is checked before each chunk is parsed, not after the tree is built."""
    monkeypatch.setattr(reader, "MAX_ELEMENTS", 50_000)
    monkeypatch.setattr(reader, "CHUNK", 64 * 1024)
    fed = []
    real = reader.Budget.take

    def take(self, member, chunk):
        fed.append(len(chunk))
        real(self, member, chunk)

    monkeypatch.setattr(reader.Budget, "take", take)
    path = bombs.header_links(tmp_path / "s.docx", links=1, header_mb=6)
    with pytest.raises(UsageError, match=r"quá 50\.000 phần tử"):
        reader.read_docx_bytes(path.read_bytes(), "s.docx")
    assert sum(fed) < 2 * 1024 * 1024, "stopped early, not after reading 6 MB"


def _fifo(tmp_path):
    path = tmp_path / "ong.docx"
    os.mkfifo(path)
    return path


def _docgen(*args, timeout=30):
    return subprocess.run([sys.executable, "-c", "from docgen.cli import main; main()", *map(str, args)],
                          capture_output=True,
                          text=True, timeout=timeout, cwd=ROOT)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_check_refuses_a_fifo(tmp_path):
    fifo = _fifo(tmp_path)
    run = _docgen("check", fifo)
    assert run.returncode == 2
    assert f"{fifo}: lỗi: " in run.stderr and "[check.not-docx]" in run.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_diff_refuses_a_fifo_instead_of_waiting(tmp_path):
    fifo = _fifo(tmp_path)
    built = ROOT / "templates" / "ke-hoach.docx"
    run = _docgen("diff", built, fifo)          # hung forever before
    assert run.returncode == 2
    assert run.stderr == (f"{fifo}: lỗi: không phải tệp DOCX thông thường (FIFO, thiết bị hoặc socket); "
                          "docgen chỉ đọc tệp thật [diff.not-docx]\nCó 1 lỗi, 0 cảnh báo.\n")


def test_diff_is_bounded_like_check(hostile, cli):
    status, _, err = cli("diff", hostile["empty"], hostile["empty"])
    assert status == 2
    assert err == (f"{hostile['empty']}: lỗi: tệp có quá 1.000.000 phần tử và thuộc tính XML (đến phần "
                   "word/document.xml); từ chối đọc tiếp [check.too-large]\nCó 1 lỗi, 0 cảnh báo.\n")


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
def test_diff_refuses_a_device(cli):
    status, _, err = cli("diff", "/dev/zero", "/dev/zero")
    assert status == 2
    assert err == ("/dev/zero: lỗi: không phải tệp DOCX thông thường (FIFO, thiết bị hoặc socket); "
                   "docgen chỉ đọc tệp thật [diff.not-docx]\nCó 1 lỗi, 0 cảnh báo.\n")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_a_template_or_content_file_that_is_a_fifo_is_refused(project, tmp_path, cli):
    import shutil

    tpl = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", tpl)
    status, _, err = cli("build", "chinh", "--content", project, "--out", tmp_path / "ok", "--templates", tpl)
    assert status == 0, err                     # positive control: the same folders build
    assert_core_files(tmp_path / "ok")
    (tpl / "ke-hoach.docx").unlink()
    os.mkfifo(tpl / "ke-hoach.docx")
    status, _, err = cli("build", "chinh", "--content", project, "--out", tmp_path / "b", "--templates", tpl)
    assert status == 1
    assert "không phải tệp mẫu thông thường (FIFO, thiết bị hoặc socket)" in err
    (project / "ke-hoach.yaml").unlink()
    os.mkfifo(project / "ke-hoach.yaml")
    status, _, err = cli("build", "chinh", "--content", project, "--out", tmp_path / "b")
    assert status == 1 and "[content.not-a-file]" in err
    assert not (tmp_path / "b").exists()


def test_diff_refuses_a_zip_bomb(tmp_path, cli):
    import zipfile

    bomb = tmp_path / "bom.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", b"<" + b" " * (20 * 1024 * 1024))
    status, _, err = cli("diff", bomb, bomb)
    assert status == 2
    assert err.startswith(f"{bomb}: lỗi: thành phần word/document.xml có tỉ lệ nén bất thường (")
    assert err.endswith("từ chối giải nén [check.too-large]\nCó 1 lỗi, 0 cảnh báo.\n")


def test_a_template_zip_bomb_is_refused(project, tmp_path, cli, monkeypatch):
    import shutil
    import zipfile

    from docgen.render import engine

    monkeypatch.setattr(engine, "MAX_TEMPLATE_UNPACKED", 4 * 1024 * 1024)  # 256 MB in real use

    tpl = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", tpl)
    status, _, err = cli("build", "chinh", "--content", project, "--out", tmp_path / "ok", "--templates", tpl)
    assert status == 0, err                     # positive control: under the limit, it builds
    assert_core_files(tmp_path / "ok")
    with zipfile.ZipFile(tpl / "ke-hoach.docx", "a", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/media/bom.bin", b"\0" * (5 * 1024 * 1024))
    status, _, err = cli("build", "chinh", "--content", project, "--out", tmp_path / "b", "--templates", tpl)
    assert status == 1
    assert f"{tpl / 'ke-hoach.docx'}: lỗi: tệp mẫu giải nén ra quá 4 MB [template.too-large]" in err
