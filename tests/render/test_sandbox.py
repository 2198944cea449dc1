"""Templates are untrusted code: issue #12, case 1 (each payload of the issue, and the limits)."""

from __future__ import annotations

import shutil
import zipfile

import pytest

from docgen.render import sandbox
from tests.conftest import ROOT
from tests.expect import assert_core_document, assert_core_files, paragraphs, render_core

ANCHOR = b"{{ ten_loai }}"
CONTROL = "{{ 'MỐC' }}"   # a harmless expression: what lands in the plan where a payload goes


def _template_with(folder, payload: str):
    """templates/ copied into `folder`, with `payload` after {{ ten_loai }} in ke-hoach.docx."""
    tpl = folder / "templates"
    shutil.copytree(ROOT / "templates", tpl)
    src = tpl / "ke-hoach.docx"
    with zipfile.ZipFile(src) as zf:
        entries = [(i, zf.read(i)) for i in zf.infolist()]
    with zipfile.ZipFile(src, "w") as zf:
        for info, data in entries:
            if info.filename == "word/document.xml":
                assert ANCHOR in data
                escaped = payload.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                data = data.replace(ANCHOR, ANCHOR + escaped.encode("utf-8"), 1)
            zf.writestr(info, data)
    return tpl


def _build(cli, project, tmp_path, monkeypatch, payload):
    """Build the core package with `payload` in the plan's template. Positive control first:
    a harmless expression in the same place is rendered, inside the whole plan, by docgen's
    engine (so a refusal below is the sandbox's, on a template that otherwise renders)."""
    control = render_core("ke-hoach", _template_with(tmp_path / "doi-chung", CONTROL))
    assert_core_document("ke-hoach", control)
    assert any("KẾ HOẠCHMỐC" in p for p in paragraphs(control))
    _template_with(tmp_path, payload)
    monkeypatch.chdir(tmp_path)
    return cli("build", "chinh", "--content", project, "--out", "b", "--templates", "templates")


def _only_error(err: str) -> str:
    lines = [line for line in err.splitlines() if ": lỗi: " in line]
    assert len(lines) == 1, err
    return lines[0]


def test_os_popen_through_cycler_globals_is_refused_and_not_run(cli, project, tmp_path, monkeypatch):
    marker = tmp_path / "da-chay"
    payload = "{{ cycler.__init__.__globals__.os.popen('touch MARK').read() }}".replace("MARK", str(marker))
    status, out, err = _build(cli, project, tmp_path, monkeypatch, payload)
    assert status == 1
    assert not marker.exists(), "the command ran"
    assert _only_error(err) == (
        "templates/ke-hoach.docx: lỗi: mẫu dùng thao tác không được phép (access to attribute "
        "'__init__' of 'type' object is unsafe.); mẫu chỉ được đọc dữ liệu của văn bản "
        "[template.unsafe]")
    assert not (tmp_path / "b" / "ke-hoach.docx").exists()


def test_builtins_open_through_lipsum_globals_is_refused(cli, project, tmp_path, monkeypatch):
    payload = "{{ lipsum.__globals__['__builtins__']['open']('/etc/passwd').read() }}"
    status, _, err = _build(cli, project, tmp_path, monkeypatch, payload)
    assert status == 1
    assert _only_error(err).startswith("templates/ke-hoach.docx: lỗi: mẫu dùng thao tác không được "
                                       "phép (access to attribute '__globals__' of 'function' object")
    assert err.rstrip().endswith("[template.unsafe]\nCó 1 lỗi, 0 cảnh báo.")
    assert "root:" not in err


@pytest.mark.parametrize("tag, shown", [
    ("{% include '/etc/passwd' %}", "include"),
    ("{% import 'x.docx' as x %}", "import"),
    ("{% from 'x' import y %}", "from … import"),
    ("{% extends 'x' %}", "extends"),
])
def test_include_and_import_are_template_errors(cli, project, tmp_path, monkeypatch, tag, shown):
    status, _, err = _build(cli, project, tmp_path, monkeypatch, tag)
    assert status == 1
    assert _only_error(err) == (
        f"templates/ke-hoach.docx: lỗi: thẻ {{% {shown} %}} không được dùng: mẫu không được đọc "
        "tệp khác (phần word/document.xml) [template.include]")


def test_division_by_zero_is_a_template_error(cli, project, tmp_path, monkeypatch):
    status, _, err = _build(cli, project, tmp_path, monkeypatch, "{{ 1/0 }}")
    assert status == 1
    assert _only_error(err) == (
        "templates/ke-hoach.docx: lỗi: thẻ mẫu gây lỗi khi dựng phần word/document.xml: "
        "ZeroDivisionError: division by zero [template.runtime]")
    assert "nội bộ" not in err


@pytest.mark.parametrize("payload, message", [
    ("{% for i in range(10**9) %}x{% endfor %}",
     "mẫu dùng số quá lớn (1e+09) làm tham số; giới hạn 1.000.000 (phần word/document.xml)"),
    ("{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
     "mẫu chạy quá 1.000.000 bước (vòng lặp hoặc lời gọi); có vòng lặp quá lớn hoặc vô hạn "
     "(phần word/document.xml)"),
    ("{{ 'x' * 10**9 }}", "mẫu tạo ra một giá trị dài quá 8.388.608 ký tự/phần tử (phần word/document.xml)"),
    ("{% set ns = namespace(s='xxxxxxxx') %}{% for i in range(60) %}{% set ns.s = ns.s ~ ns.s %}"
     "{% endfor %}", "mẫu tạo ra một giá trị dài quá 8.388.608 ký tự/phần tử (phần word/document.xml)"),
    ("{% for i in range(99999) %}{{ 'x' * 1000 }}{% endfor %}",
     "mẫu sinh ra quá 32 triệu ký tự cho một phần của văn bản (phần word/document.xml)"),
    ("{{ 'x'.center(10**9) }}",
     "mẫu dùng số quá lớn (1e+09) làm tham số; giới hạn 1.000.000 (phần word/document.xml)"),
    ("{{ 'x' | center(10**9) }}",
     "mẫu dùng số quá lớn (1e+09) làm tham số; giới hạn 1.000.000 (phần word/document.xml)"),
    ("{{ (10**1000)**1000 }}", "mẫu tính lũy thừa quá lớn (phần word/document.xml)"),
    ("{{ '%0999999999d' % 1 }}",
     "mẫu dùng độ rộng định dạng quá lớn (từ 1.000.000 ký tự) (phần word/document.xml)"),
    ("{{ '{:>999999999}'.format(1) }}",
     "mẫu dùng độ rộng định dạng quá lớn (từ 1.000.000 ký tự) (phần word/document.xml)"),
    ("{{ '%.9999999f' | format(1.5) }}",
     "mẫu dùng độ rộng định dạng quá lớn (từ 1.000.000 ký tự) (phần word/document.xml)"),
    ("{{ '{:{}}'.format(1, 10**9) }}",
     "mẫu dùng số quá lớn (1e+09) làm tham số; giới hạn 1.000.000 (phần word/document.xml)"),
])
def test_huge_loops_and_values_stop_at_a_limit(cli, project, tmp_path, monkeypatch, payload, message):
    status, _, err = _build(cli, project, tmp_path, monkeypatch, payload)
    assert status == 1
    assert _only_error(err) == f"templates/ke-hoach.docx: lỗi: {message} [template.too-large]"


def test_recursion_is_a_template_error(cli, project, tmp_path, monkeypatch):
    payload = "{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}"
    status, _, err = _build(cli, project, tmp_path, monkeypatch, payload)
    assert status == 1
    assert _only_error(err).endswith("[template.too-large]")
    assert "RecursionError" in err


@pytest.mark.parametrize("payload", ["{{ none }}", "{{ nguoi_ky_khong and none }}", "{{ 'a' ~ none }}"])
def test_none_is_never_printed(cli, project, tmp_path, monkeypatch, payload):
    payload = payload.replace("nguoi_ky_khong", "true")
    status, _, err = _build(cli, project, tmp_path, monkeypatch, payload)
    assert status == 1
    assert _only_error(err) == (
        "templates/ke-hoach.docx: lỗi: mẫu in ra giá trị rỗng (None) ở phần word/document.xml: "
        "dữ liệu này không có; sửa thẻ trong mẫu [template.none]")


def test_list_mutation_is_refused(cli, project, tmp_path, monkeypatch):
    status, _, err = _build(cli, project, tmp_path, monkeypatch, "{{ khoi.append(1) }}")
    assert status == 1
    assert _only_error(err).endswith("[template.unsafe]")


def test_a_harmless_loop_still_renders(cli, project, tmp_path, monkeypatch):
    status, _, err = _build(cli, project, tmp_path, monkeypatch,
                            "{% for i in range(3) %}{{ i }}{% endfor %}")
    assert status == 0, err
    with zipfile.ZipFile(tmp_path / "b" / "ke-hoach.docx") as zf:
        assert "KẾ HOẠCH012" in zf.read("word/document.xml").decode("utf-8")


def test_real_documents_use_a_small_part_of_each_budget(project, tmp_path, monkeypatch):
    """The limits are far from what docgen's own documents need (1 % of the step budget)."""
    from docgen.pipeline import build

    spent = []
    real = sandbox.Budget.spend

    def spend(self, n=1):
        real(self, n)
        spent.append(self.steps)

    monkeypatch.setattr(sandbox.Budget, "spend", spend)
    build(project, tmp_path / "b", check=False)
    assert_core_files(tmp_path / "b")          # measured on the real documents
    assert 0 < max(spent) < sandbox.MAX_STEPS // 100
