"""`docgen pdf` / `docgen preview` without LibreOffice: missing, hanging, a bad file, bad input."""

import hashlib
import os
import time
from pathlib import Path

from click.testing import CliRunner

from docgen.cli import main_group
from docgen.preview.png import Card, contact_sheet


def invoke(*args, env=None):
    return CliRunner(env=env).invoke(main_group, [str(a) for a in args], catch_exceptions=False)


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return Path(f"/proc/{pid}/status").read_text().find("State:\tZ") < 0


def test_libreoffice_missing(docs, tmp_path):
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    r = invoke("pdf", docs("a.docx"), "-o", tmp_path / "pdf",
               env={"PATH": str(empty), "DOCGEN_SOFFICE": None})
    assert r.exit_code == 1
    assert r.stderr.startswith("soffice: lỗi: không tìm thấy LibreOffice (lệnh soffice); cài đặt: ")
    assert "[preview.no-libreoffice]" in r.stderr and "Traceback" not in r.output
    assert not (tmp_path / "pdf").exists()


def test_libreoffice_hanging_is_killed_and_nothing_written(docs, fake_soffice, tmp_path):
    env, log = fake_soffice("hang")
    start = time.monotonic()
    r = invoke("pdf", docs("a.docx", "b.docx"), "-o", tmp_path / "pdf", "--timeout", "0.5",
               "-j", "2", env=env)
    assert time.monotonic() - start < 10
    assert r.exit_code == 1
    assert "lỗi: LibreOffice không phản hồi sau 0,5 giây, kể cả khi thử lại; đã dừng, " \
           "không ghi tệp PDF nào [preview.hung]" in r.stderr
    assert not (tmp_path / "pdf").exists()
    pids = [int(p) for p in log.read_text().split()]
    assert len(pids) >= 2  # the batch, then its halves
    assert not any(alive(p) for p in pids)


def test_bad_file_is_isolated_and_reported(docs, fake_soffice, tmp_path):
    env, log = fake_soffice("convert")
    folder = docs("a.docx", "b.docx", "hong.docx", "xa/c.docx")
    r = invoke("pdf", folder, "-o", tmp_path / "pdf", "-j", "1", env=env)
    assert r.exit_code == 1
    assert f"{folder / 'hong.docx'}: lỗi: LibreOffice không tạo được PDF [preview.convert]" \
        in r.stderr.splitlines()
    assert sorted(p.relative_to(tmp_path / "pdf").as_posix()
                  for p in (tmp_path / "pdf").rglob("*.pdf")) == ["a.pdf", "b.pdf", "xa/c.pdf"]
    assert len(log.read_text().split()) == 2  # one batch, one retry of the bad file alone
    assert not list((tmp_path / "pdf").rglob("*.tmp"))


def test_same_names_in_different_folders_do_not_collide(docs, fake_soffice, tmp_path):
    env, _ = fake_soffice("convert")
    folder = docs("xa-1/ke-hoach.docx", "xa-2/ke-hoach.docx")
    r = invoke("pdf", folder, "-o", tmp_path / "pdf", "-j", "1", env=env)
    assert r.exit_code == 0, r.output
    for name in ("xa-1/ke-hoach", "xa-2/ke-hoach"):         # each PDF is of its own DOCX
        digest = hashlib.sha256((folder / f"{name}.docx").read_bytes()).hexdigest()
        assert (tmp_path / f"pdf/{name}.pdf").read_bytes().startswith(f"%PDF-1.4\n%docx {digest}\n".encode()), name


def test_missing_and_non_docx_input(tmp_path):
    r = invoke("pdf", tmp_path / "khong-co.docx")
    assert r.exit_code == 2
    assert r.stderr == f"{tmp_path / 'khong-co.docx'}: lỗi: không tìm thấy tệp hoặc thư mục [preview.missing-file]\n"
    txt = tmp_path / "a.txt"
    txt.write_text("x")
    r = invoke("preview", txt)
    assert r.exit_code == 2
    assert r.stderr == f"{txt}: lỗi: không phải tệp DOCX [preview.not-docx]\n"


def test_contact_sheet_escapes_and_links_relatively():
    page = contact_sheet([Card('xa/<b>&"x".docx', ('xa/<b>&"x".png',), 'xa/<b>&"x".pdf')],
                         "Xem trước")
    assert '<img src="xa/%3Cb%3E%26%22x%22.png"' in page
    assert '<a href="xa/%3Cb%3E%26%22x%22.pdf">' in page
    assert "<figcaption>xa/&lt;b&gt;&amp;&quot;x&quot;.docx</figcaption>" in page
    assert "<b>" not in page
