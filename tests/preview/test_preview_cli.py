"""`docgen pdf` / `docgen preview` without LibreOffice: missing, hanging, a bad file, bad input."""

import hashlib
import os
import time
from pathlib import Path

import docx
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
    assert r.stderr == f"{tmp_path / 'khong-co.docx'}: lỗi: không tìm thấy tệp hoặc thư mục [preview.missing-file]\nCó 1 lỗi, 0 cảnh báo.\n"
    txt = tmp_path / "a.txt"
    txt.write_text("x")
    r = invoke("preview", txt)
    assert r.exit_code == 2
    assert r.stderr == f"{txt}: lỗi: không phải tệp DOCX [preview.not-docx]\nCó 1 lỗi, 0 cảnh báo.\n"


def test_contact_sheet_escapes_and_links_relatively():
    page = contact_sheet([Card('xa/<b>&"x".docx', ('xa/<b>&"x".png',), 'xa/<b>&"x".pdf')],
                         "Xem trước")
    assert '<img src="xa/%3Cb%3E%26%22x%22.png"' in page
    assert '<a href="xa/%3Cb%3E%26%22x%22.pdf">' in page
    assert "<figcaption>xa/&lt;b&gt;&amp;&quot;x&quot;.docx</figcaption>" in page
    assert "<b>" not in page


def _calls(log: Path) -> int:
    return len(log.read_text().split()) if log.exists() else 0


def test_pdf_converts_only_what_changed(docs, fake_soffice, tmp_path):
    env, log = fake_soffice("convert")
    folder = docs("a.docx", "b.docx", "xa/c.docx")
    out = tmp_path / "pdf"
    r = invoke("pdf", folder, "-o", out, "-j", "1", env=env)
    assert r.exit_code == 0, r.output
    assert r.stdout.startswith(f"Đã tạo 3 tệp PDF trong {out} (tổng ")
    assert _calls(log) == 1 and (out / ".docgen" / "chuyen-doi.json").is_file()

    r = invoke("pdf", folder, "-o", out, "-j", "1", env=env)
    assert r.exit_code == 0 and _calls(log) == 1                      # nothing converted again
    assert r.stdout.startswith(f"Không văn bản nào thay đổi từ lần trước: 3 tệp PDF trong {out} "
                               "vẫn đúng (tổng ")

    changed = docx.Document()
    changed.add_paragraph("Văn bản b, đã sửa")
    changed.save(folder / "b.docx")
    (out / "xa" / "c.pdf").unlink()                                  # an output removed by hand
    r = invoke("pdf", folder, "-o", out, "-j", "1", env=env)
    assert r.exit_code == 0 and _calls(log) == 2
    assert r.stdout.startswith(f"Đã tạo 2 tệp PDF trong {out}, 1 không đổi từ lần trước (tổng ")
    assert (out / "xa" / "c.pdf").is_file()

    r = invoke("pdf", folder, "-o", out, "-j", "1", "--full", env=env)
    assert r.exit_code == 0 and _calls(log) == 3
    assert r.stdout.startswith(f"Đã tạo 3 tệp PDF trong {out} (tổng ")


def test_unchanged_pdf_needs_no_libreoffice(docs, fake_soffice, tmp_path):
    env, _ = fake_soffice("convert")
    folder = docs("a.docx")
    assert invoke("pdf", folder, "-o", tmp_path / "pdf", env=env).exit_code == 0
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    r = invoke("pdf", folder, "-o", tmp_path / "pdf", env={"PATH": str(empty), "DOCGEN_SOFFICE": None})
    assert r.exit_code == 0 and "Không văn bản nào thay đổi từ lần trước: 1 tệp PDF" in r.stdout
    assert r.stderr == ""


def test_failed_document_is_tried_again_next_time(docs, fake_soffice, tmp_path):
    env, log = fake_soffice("convert")
    folder = docs("a.docx", "hong.docx")
    assert invoke("pdf", folder, "-o", tmp_path / "pdf", "-j", "1", env=env).exit_code == 1
    before = _calls(log)
    r = invoke("pdf", folder, "-o", tmp_path / "pdf", "-j", "1", env=env)
    assert r.exit_code == 1 and _calls(log) > before
    assert r.stdout.startswith(f"Đã tạo 0 tệp PDF trong {tmp_path / 'pdf'}, 1 không đổi từ lần trước (tổng ")


def test_pdf_with_two_projects_asks_which(tmp_path, monkeypatch):
    for name in ("mot", "hai"):
        (tmp_path / "content" / name).mkdir(parents=True)
        (tmp_path / "content" / name / "don-vi.yaml").write_text("{}\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    r = invoke("pdf")
    assert r.exit_code == 2
    assert r.stderr == (f"{tmp_path}: lỗi: có 2 dự án nội dung (content/hai, content/mot); chọn một "
                        "bằng --content THƯ_MỤC [usage.many-contents]\nCó 1 lỗi, 0 cảnh báo.\n")
    r = invoke("pdf", "--content", "content/mot")
    assert r.exit_code == 2
    assert "build/mot" in r.stderr and "Traceback" not in r.output
