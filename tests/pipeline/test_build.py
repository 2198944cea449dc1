"""Reproducibility, text fidelity for special characters, safe and atomic writes."""

from __future__ import annotations

import io
import os
import unicodedata

import pytest
from docx import Document

from docgen.errors import DocgenError
from docgen.pipeline import build, writer
from tests.expect import assert_core_files, assert_core_outputs
from tests.helpers import edit


def _text(data: bytes) -> str:
    doc = Document(io.BytesIO(data))
    parts = [p.text for p in doc.paragraphs]
    for t in doc.tables:
        for row in t.rows:
            for c in row.cells:
                parts.append(c.text)
    return "\n".join(parts)


def test_two_builds_give_identical_bytes(project, tmp_path):
    a = build(project, tmp_path / "a").outputs
    b = build(project, tmp_path / "b").outputs
    assert a.keys() == b.keys() == {"quyet-dinh.docx", "ke-hoach.docx", "phu-luc.docx", "tron-bo.docx"}
    assert_core_outputs(a)
    for name in a:
        assert a[name] == b[name], name
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_special_characters_come_out_exactly_as_written(project, tmp_path):
    tricky = 'A & B < C > D "E" \'F\' {{ khong_phai_bien }} {% if x %}y{% endif %} {# c #} {_{ ]]>'
    edit(project / "phu-luc.yaml", "ghi_chu: \"\"", "ghi_chu: " + repr(tricky).replace("\\'", "''"))
    decomposed = unicodedata.normalize("NFD", "Phấn đấu đạt 100% văn bản điện tử")
    edit(project / "ke-hoach.yaml", "trich_yeu:", f"trich_yeu: \"{decomposed}\"\ntrich_yeu_cu:")
    text = (project / "ke-hoach.yaml").read_text("utf-8").replace("trich_yeu_cu:", "# trich_yeu_cu:")
    (project / "ke-hoach.yaml").write_text(text, "utf-8")
    out = build(project, tmp_path / "b").outputs
    assert tricky in _text(out["phu-luc.docx"])
    plan = _text(out["ke-hoach.docx"])
    assert "Phấn đấu đạt 100% văn bản điện tử" in plan
    assert unicodedata.is_normalized("NFC", plan)


def test_line_break_in_trich_yeu_is_a_break_not_lost(core_build):
    assert "Về việc ban hành Kế hoạch cải cách hành chính\nthị xã Hoài Nhơn năm 2021" in _text(core_build["quyet-dinh"])


def test_undefined_template_variable_is_an_error(project, tmp_path):
    import shutil
    import zipfile

    from tests.conftest import ROOT

    tpl = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", tpl)
    assert_core_outputs(build(project, tmp_path / "ok", templates=tpl).outputs)  # the copy works
    src = tpl / "quyet-dinh.docx"
    with zipfile.ZipFile(src) as zf:
        entries = [(i, zf.read(i)) for i in zf.infolist()]
    with zipfile.ZipFile(src, "w") as zf:
        for info, data in entries:
            if info.filename == "word/document.xml":
                data = data.replace(b"{{ tham_quyen }}", b"{{ tham_quyen }}{{ bien_khong_co }}")
                assert b"bien_khong_co" in data
            zf.writestr(info, data)
    with pytest.raises(DocgenError) as exc:
        build(project, tmp_path / "b", templates=tpl)
    assert exc.value.problems[0].code == "template.undefined"
    assert "bien_khong_co" in exc.value.problems[0].message
    assert not (tmp_path / "b" / "quyet-dinh.docx").exists()


def test_hand_edited_file_is_not_overwritten(project, tmp_path, cli):
    out = tmp_path / "b"
    assert cli("build", "chinh", "--content", project, "--out", out)[0] == 0
    assert_core_files(out)
    (out / "ke-hoach.docx").write_bytes(b"sua tay")
    edit(project / "quyet-dinh.yaml", 'so: ""', 'so: "15"')
    before = {p.name: p.read_bytes() for p in out.glob("*.docx")}
    status, _, err = cli("build", "chinh", "--content", project, "--out", out)
    assert status == 1
    assert "ke-hoach.docx: lỗi: tệp đã được sửa tay sau lần dựng trước" in err
    assert "[build.edited-by-hand]" in err
    assert {p.name: p.read_bytes() for p in out.glob("*.docx")} == before, "nothing written"
    status, stdout, err = cli("build", "chinh", "--content", project, "--out", out, "--force")
    assert status == 0, err
    backups = list((out / ".docgen" / "sao-luu").rglob("ke-hoach.docx"))
    assert len(backups) == 1 and backups[0].read_bytes() == b"sua tay"
    assert "Đã lưu bản sửa tay của ke-hoach.docx" in stdout
    assert "Số: 15/QĐ-UBND" in _text((out / "quyet-dinh.docx").read_bytes())


def test_no_change_rebuild_writes_nothing_and_keeps_previous(project, tmp_path, cli):
    out = tmp_path / "b"
    assert cli("build", "--content", project, "--out", out)[0] == 0
    assert_core_files(out)
    mtimes = {p.name: p.stat().st_mtime_ns for p in out.glob("*.docx")}
    status, stdout, _ = cli("build", "--content", project, "--out", out)
    assert status == 0 and "0 đã ghi, 59 không đổi" in stdout
    assert {p.name: p.stat().st_mtime_ns for p in out.glob("*.docx")} == mtimes
    old = (out / "quyet-dinh.docx").read_bytes()
    edit(project / "quyet-dinh.yaml", 'so: ""', 'so: "7"')
    cli("build", "--content", project, "--out", out)
    assert (out / ".docgen" / "truoc" / "quyet-dinh.docx").read_bytes() == old


def test_interrupted_write_leaves_old_or_new_and_is_recovered(project, tmp_path, monkeypatch):
    out = tmp_path / "b"
    build(project, out)
    old = {p.name: p.read_bytes() for p in out.glob("*.docx")}
    edit(project / "quyet-dinh.yaml", 'so: ""', 'so: "9"')
    real_replace, calls = os.replace, []

    def dying_replace(src, dst):
        calls.append(dst)
        if str(dst).endswith(".docx") and len([c for c in calls if str(c).endswith(".docx")]) == 3:
            raise KeyboardInterrupt("kill")
        return real_replace(src, dst)

    monkeypatch.setattr(writer.os, "replace", dying_replace)
    with pytest.raises(KeyboardInterrupt):
        build(project, out)
    monkeypatch.setattr(writer.os, "replace", real_replace)
    new = build(project, tmp_path / "ref").outputs
    assert_core_outputs(new)
    for p in out.glob("*.docx"):
        assert p.read_bytes() in (old[p.name], new[p.name]), "never truncated or mixed"
    result = build(project, out)  # the next build recognises both versions as docgen's own
    assert {p.name: p.read_bytes() for p in out.glob("*.docx")} == new
    assert result.backed_up == []
