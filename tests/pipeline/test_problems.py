"""One Problem type and one reporter (issue #10 item 4): checker findings keep their place and
Decree clause, template faults are reported against the template, one summary line per run."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

from docgen.check.finding import Finding
from docgen.check.report import format_finding
from docgen.errors import Problem, summary_line
from docgen.paths import templates_dir

MARGIN = ("lỗi: mục 1: lề trái 25,0 mm, Nghị định 30 yêu cầu 30–35 mm [nd30.margin] "
          "(Phụ lục I, mục I.3)")


def _narrow_margin_templates(folder: Path) -> Path:
    """The bundled templates, ke-hoach.docx with a 25 mm left margin (Decree 30: 30–35 mm)."""
    folder.mkdir()
    for src in templates_dir().glob("*.docx"):
        with zipfile.ZipFile(src) as zin, zipfile.ZipFile(folder / src.name, "w", zipfile.ZIP_DEFLATED) as z:
            for info in zin.infolist():
                data = zin.read(info)
                if src.name == "ke-hoach.docx" and info.filename == "word/document.xml":
                    assert b'w:left="1701"' in data
                    data = data.replace(b'w:left="1701"', b'w:left="1417"')
                z.writestr(info, data)
    return folder


def test_problem_line_has_place_and_clause():
    p = Problem("build/ke-hoach.docx", None, "nd30.margin", "lề trái 25,0 mm", where="mục 1",
                clause="Phụ lục I, mục I.3")
    assert str(p) == "build/ke-hoach.docx: lỗi: mục 1: lề trái 25,0 mm [nd30.margin] (Phụ lục I, mục I.3)"
    assert str(Problem("a.yaml", 3, "content.x", "sai")) == "a.yaml:3: lỗi: sai [content.x]"


def test_finding_becomes_a_problem_without_losing_anything():
    f = Finding("x.docx", "nd30.can-cu", "cảnh báo", "đoạn 12", "Căn cứ Luật", "", "",
                "NĐ 30/2020, Phụ lục I, mục II.6.a", "thiếu dấu chấm phẩy")
    p = f.to_problem()
    assert (p.path, p.line, p.code, p.severity, p.where, p.clause, p.message) == (
        "x.docx", None, "nd30.can-cu", "cảnh báo", "đoạn 12 «Căn cứ Luật»", "Phụ lục I, mục II.6.a",
        "thiếu dấu chấm phẩy")
    assert format_finding(f) == str(p) == ("x.docx: cảnh báo: đoạn 12 «Căn cứ Luật»: thiếu dấu chấm phẩy "
                                          "[nd30.can-cu] (Phụ lục I, mục II.6.a)")
    assert f.to_problem("templates/a.docx").path == "templates/a.docx"


def test_summary_line_shape():
    problems = [Problem("a", 1, "c", "m"), Problem("b", None, "c", "m", "cảnh báo")]
    assert summary_line(problems) == "Có 1 lỗi, 1 cảnh báo."
    assert summary_line(problems, " (x)") == "Có 1 lỗi, 1 cảnh báo (x)."


def test_template_fault_is_reported_against_the_template(cli, project, tmp_path, monkeypatch):
    templates = _narrow_margin_templates(tmp_path / "mau")
    monkeypatch.chdir(tmp_path)
    status, out, err = cli("build", "--content", project, "--templates", templates, "--out", tmp_path / "out")
    assert status == 1
    # once, against the template: not build/ke-hoach.docx, nor again for tron-bo.docx (section 2)
    assert err.splitlines() == [f"mau{os.sep}ke-hoach.docx: {MARGIN}", "Có 1 lỗi, 0 cảnh báo."]
    assert not (tmp_path / "out" / "ke-hoach.docx").exists()


def test_template_fault_in_commune_plans_said_once(cli, project, tmp_path, monkeypatch):
    templates = _narrow_margin_templates(tmp_path / "mau")
    monkeypatch.chdir(tmp_path)
    status, out, err = cli("xa-phuong", "--content", project, "--templates", templates,
                           "--out", tmp_path / "out", "--jobs", "1")
    assert status == 1
    lines = err.splitlines()
    assert lines[0] == f"mau{os.sep}ke-hoach.docx: {MARGIN}"
    assert len(lines) == 2 and lines[1].startswith("Có 1 lỗi, 0 cảnh báo (17 xã/phường không dựng được; ")
    assert out.startswith(f"Đã dựng 0 văn bản vào {tmp_path / 'out'}/xa-phuong/: 0 đã ghi, 0 không đổi (tổng ")


def test_xa_phuong_prints_one_summary_with_errors_and_warnings(cli, project, tmp_path, monkeypatch):
    """Warnings and errors of one run are one report: never "Có 0 lỗi" and then "Có N lỗi"."""
    from docgen.pipeline import runner
    from docgen.pipeline.result import Result

    def fake_batch(content_dir, out_dir, **options):
        result = Result(Path(out_dir))
        result.failed = ["Phường Tam Quan"]
        result.problems = [Problem("xa-phuong/tam-quan.yaml", 4, "content.invalid", "sai")]
        result.warnings = [Problem("build/a.docx", None, "nd30.end-mark", "thiếu", "cảnh báo", "đoạn 3")]
        return result

    monkeypatch.setattr(runner, "_run_batch", fake_batch)
    status, _, err = cli("xa-phuong", "--content", project, "--out", tmp_path / "out")
    assert status == 1
    assert err.splitlines() == [
        "xa-phuong/tam-quan.yaml:4: lỗi: sai [content.invalid]",
        "build/a.docx: cảnh báo: đoạn 3: thiếu [nd30.end-mark]",
        "Có 1 lỗi, 1 cảnh báo (1 xã/phường không dựng được; các xã/phường khác đã dựng xong)."]
