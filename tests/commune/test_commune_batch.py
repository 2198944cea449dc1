"""`docgen xa-phuong`: incremental rebuilds, failure isolation, bad input, one commune by name."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from docx import Document

from docgen.pipeline.batch import run_batch
from tests.expect import assert_commune_files
from tests.helpers import edit

ALL = 17


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _docs(out: Path) -> dict[str, bytes]:
    return {k: v for k, v in _files(out).items() if k.startswith("xa-phuong/")}


def _text(data: bytes) -> str:
    doc = Document(io.BytesIO(data))
    return "\n".join([p.text for p in doc.paragraphs] +
                     [c.text for t in doc.tables for r in t.rows for c in r.cells])


def _build(content, out, **kw):
    kw.setdefault("jobs", 2)
    kw.setdefault("check", False)
    return run_batch(content, out, progress=False, **kw)


def test_incremental(project, tmp_path):
    out = tmp_path / "build"
    first = _build(project, out)
    assert len(first.built) == ALL and len(first.written) == 2 * ALL and not first.problems
    assert_commune_files(out)
    state = out / ".docgen" / "trang-thai.json"                # the one state file, its commune section
    assert json.loads(state.read_text("utf-8"))["xa_phuong"]["all"] is True
    mtimes = {p: p.stat().st_mtime_ns for p in (out / "xa-phuong").rglob("*.docx")}

    again = _build(project, out)                       # nothing changed: nothing rendered or written
    assert again.rendered == [] and again.written == [] and len(again.unchanged) == 2 * ALL
    assert {p: p.stat().st_mtime_ns for p in mtimes} == mtimes

    # one commune's data changes: that commune only is rendered; only the changed file is written
    (project / "xa-phuong").mkdir()
    (project / "xa-phuong" / "tam-quan-bac.yaml").write_text("chu_tich: Nguyễn Văn An\n", "utf-8")
    one = _build(project, out)
    assert one.rendered == ["xa-phuong/tam-quan-bac/ke-hoach.docx", "xa-phuong/tam-quan-bac/phu-luc.docx"]
    assert one.written == ["xa-phuong/tam-quan-bac/ke-hoach.docx"]
    assert one.built == ["phường Tam Quan Bắc"] and len(one.unchanged) == 2 * ALL - 1
    assert "Nguyễn Văn An" in _text((out / "xa-phuong/tam-quan-bac/ke-hoach.docx").read_bytes())
    assert "xa-phuong/tam-quan-bac/ke-hoach.docx" not in one.cho_trong and len(one.cho_trong) == ALL - 1

    # a different target for one area changes the plan of that commune only
    (project / "xa-phuong" / "tam-quan-bac.yaml").write_text(
        "chu_tich: Nguyễn Văn An\nchi_tieu:\n  - linh_vuc: 3\n    noi_dung:\n"
        "      - Phấn đấu 99% hồ sơ thủ tục hành chính được giải quyết đúng hạn & sớm hơn <hạn>.\n", "utf-8")
    target = _build(project, out)
    assert target.written == ["xa-phuong/tam-quan-bac/ke-hoach.docx"]
    text = _text((out / "xa-phuong/tam-quan-bac/ke-hoach.docx").read_bytes())
    assert "- Phấn đấu 99% hồ sơ thủ tục hành chính được giải quyết đúng hạn & sớm hơn <hạn>." in text
    assert "trên 95% hồ sơ" not in text

    # the town plan changes: every commune is rendered; the plans citing it are rewritten
    edit(project / "quyet-dinh.yaml", 'so: ""', 'so: "15"')
    town = _build(project, out)
    assert len(town.rendered) == 2 * ALL
    assert town.written == sorted(f"xa-phuong/{p.parent.name}/ke-hoach.docx" for p in mtimes if p.name == "ke-hoach.docx")
    assert "Quyết định số 15/QĐ-UBND" in _text((out / "xa-phuong/hoai-my/ke-hoach.docx").read_bytes())

    # a template changes: every commune is rendered again
    templates = tmp_path / "templates"
    templates.mkdir()
    from docgen.paths import templates_dir
    for name in ("ke-hoach.docx", "phu-luc.docx"):
        src = zipfile.ZipFile(templates_dir() / name)
        with zipfile.ZipFile(templates / name, "w") as dst:
            for info in src.infolist():
                data = src.read(info)
                if name == "phu-luc.docx" and info.filename == "docProps/app.xml":
                    data = data.replace(b"</Properties>", b"<Company>UBND</Company></Properties>")
                dst.writestr(info, data)
    tpl = _build(project, out, templates=templates)
    assert len(tpl.rendered) == 2 * ALL
    assert tpl.written == sorted(f"xa-phuong/{p.parent.name}/phu-luc.docx" for p in mtimes if p.name == "phu-luc.docx")
    assert _build(project, out, templates=templates).rendered == []


def test_hand_edit_is_reported_not_overwritten(project, tmp_path, cli):
    out = tmp_path / "build"
    assert cli("xa-phuong", "--content", project, "--out", out, "--no-check")[0] == 0
    target = out / "xa-phuong" / "hoai-my" / "ke-hoach.docx"
    assert_commune_files(out, ["hoai-my"])
    original = target.read_bytes()
    target.write_bytes(original + b"HAND")
    status, stdout, err = cli("xa-phuong", "--content", project, "--out", out, "--no-check")
    assert status == 1
    assert f"{target}: lỗi: tệp đã được sửa tay" in err and "[build.edited-by-hand]" in err
    assert f"Đã dựng 32 văn bản vào {out}/xa-phuong/: 0 đã ghi, 32 không đổi" in stdout
    assert target.read_bytes() == original + b"HAND"
    assert "xa_phuong" not in json.loads((out / ".docgen" / "trang-thai.json").read_text("utf-8"))  # failed: dropped
    status, stdout, _ = cli("xa-phuong", "--content", project, "--out", out, "--no-check", "--force")
    assert status == 0 and f"Đã dựng 34 văn bản vào {out}/xa-phuong/: 1 đã ghi, 33 không đổi" in stdout
    assert target.read_bytes() == original
    assert list((out / ".docgen" / "sao-luu").rglob("ke-hoach.docx"))


def test_one_commune_failure_leaves_the_others_built(project, tmp_path, cli, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (project / "xa-phuong").mkdir()
    bad = project / "xa-phuong" / "hoai-duc.yaml"
    bad.write_text("chu_tich: Lê Văn B\nchi_tieu: [\n", "utf-8")
    (project / "xa-phuong" / "hoai-my.yaml").write_text(
        "nhiem_vu_them:\n  - linh_vuc: 9\n    nhiem_vu: X\n    san_pham: [Y]\n    chu_tri: Z\n    thoi_gian: Quý I\n",
        "utf-8")
    (project / "xa-phuong" / "hoai-nhon.yaml").write_text("chu_tich: A\n", "utf-8")
    status, stdout, err = cli("xa-phuong", "--content", "content", "--out", "build")
    assert status == 1
    assert ('content/xa-phuong/hoai-duc.yaml:2: lỗi: dấu "[" mở ở dòng này chưa được đóng bằng "]": '
            "“chi_tieu: [” [content.yaml-syntax]") in err
    assert ('content/xa-phuong/hoai-my.yaml:2: lỗi: "linh_vuc" 9 không có: Phụ lục của thị xã có 7 lĩnh vực '
            "(1 đến 7) [content.invalid-value]") in err
    assert ('content/xa-phuong/hoai-nhon.yaml: lỗi: tên tệp "hoai-nhon.yaml" không ứng với xã/phường nào trong '
            'danh mục (don-vi.yaml); có phải "hoai-huong.yaml"? [xa-phuong.unknown-file]') in err
    assert "Đã dựng 30 văn bản vào build/xa-phuong/: 30 đã ghi, 0 không đổi" in stdout
    built = {p.parent.name for p in (tmp_path / "build" / "xa-phuong").rglob("ke-hoach.docx")}
    assert len(built) == 15 and "hoai-duc" not in built and "hoai-my" not in built
    assert_commune_files(tmp_path / "build", sorted(built))
    assert not (tmp_path / "build" / ".docgen" / "trang-thai.json").exists()
    assert "Traceback" not in err


@pytest.mark.parametrize("old,new,message", [
    ("ten: Hoài Đức", 'ten: "../x"', 'tên xã/phường "../x" có ký tự không dùng được trong tên'),
    ("ten: Hoài Đức", 'ten: "/"', 'tên xã/phường "/" có ký tự không dùng được trong tên'),
    ("ten: Hoài Đức", "ten: " + "Hoài Đức " * 8 + "X", "tên xã/phường dài quá 60 ký tự"),
    ("ten: Hoài Đức", "ten: 東京", 'tên xã/phường "東京" không đổi được thành tên thư mục'),
    ("ten: Hoài Đức", "ten: Hoai My", 'xã/phường "Hoai My" trùng với mục thứ 16 (cùng thư mục "hoai-my")'),
])
def test_bad_commune_in_registry(project, tmp_path, cli, monkeypatch, old, new, message):
    monkeypatch.chdir(tmp_path)
    line = edit(project / "don-vi.yaml", old, new)
    before = {p for p in tmp_path.rglob("*") if "build" not in p.parts}
    status, stdout, err = cli("xa-phuong", "--content", "content", "--out", "build", "--no-check")
    assert status == 1
    assert f"content/don-vi.yaml:{line}: lỗi: {message}" in err
    assert "Đã dựng 32 văn bản vào build/xa-phuong/: 32 đã ghi, 0 không đổi" in stdout
    assert {p for p in tmp_path.rglob("*") if "build" not in p.parts} == before   # nothing outside build/
    assert all(p.resolve().is_relative_to((tmp_path / "build").resolve()) for p in (tmp_path / "build").rglob("*"))
    assert len(list((tmp_path / "build" / "xa-phuong").rglob("*.docx"))) == 32
    assert_commune_files(tmp_path / "build", [p.name for p in (tmp_path / "build" / "xa-phuong").iterdir()])


def test_one_commune_by_name_writes_the_batch_bytes(project, tmp_path, cli):
    batch, single = tmp_path / "batch", tmp_path / "single"
    assert cli("xa-phuong", "--content", project, "--out", batch, "--jobs", "2")[0] == 0
    status, stdout, _ = cli("xa-phuong", "Tam Quan Bắc", "xã Hoài Mỹ", "--content", project, "--out", single)
    assert status == 0 and f"Đã dựng 4 văn bản vào {single}/xa-phuong/: 4 đã ghi, 0 không đổi" in stdout
    docs = _docs(single)
    assert sorted(docs) == ["xa-phuong/hoai-my/ke-hoach.docx", "xa-phuong/hoai-my/phu-luc.docx",
                            "xa-phuong/tam-quan-bac/ke-hoach.docx", "xa-phuong/tam-quan-bac/phu-luc.docx"]
    assert all(docs[k] == (batch / k).read_bytes() for k in docs)
    assert_commune_files(single, ["hoai-my", "tam-quan-bac"])
    # a named build keeps the state usable: the full batch afterwards renders the other 15 only
    rest = _build(project, single, check=True)
    assert len(rest.rendered) == 2 * 15 and _docs(single) == _docs(batch)


def test_unknown_commune_name(project, tmp_path, cli):
    status, _, err = cli("xa-phuong", "Hoai Duk", "--content", project, "--out", tmp_path / "b")
    assert status == 2
    assert 'xa-phuong: lỗi: không có xã/phường "Hoai Duk" trong danh mục (don-vi.yaml); có phải "hoai-duc"? ' \
           "[xa-phuong.unknown]" in err
    assert not (tmp_path / "b").exists()


def test_parent_line_is_a_setting(project, tmp_path):
    edit(project / "don-vi.yaml", "  cap: thi_xa\n", "  cap: thi_xa\n  chu_quan_xa_phuong: false\n")
    _build(project, tmp_path / "b", names=["Hoài Mỹ"])
    doc = Document(io.BytesIO((tmp_path / "b/xa-phuong/hoai-my/ke-hoach.docx").read_bytes()))
    assert doc.tables[0].rows[0].cells[0].text.strip() == "ỦY BAN NHÂN DÂN\nXÃ HOÀI MỸ"


def test_blanks_are_listed_in_one_file_not_on_screen(project, tmp_path, cli):
    out = tmp_path / "out"
    status, stdout, _ = cli("xa-phuong", "--content", project, "--out", out, "--no-check")
    assert status == 0
    lines = stdout.splitlines()
    assert len(lines) == 2 and lines[1] == (f"Còn 17 chỗ cần người nhập trong 17 văn bản; danh sách theo "
                                            f"từng văn bản: {out / 'can-nhap-xa-phuong.md'}")
    listing = (out / "can-nhap-xa-phuong.md").read_text("utf-8")
    assert listing.count("\n## xa-phuong/") == 17
    # the same list as ke-hoach-con/can-nhap.md (one placeholder concept): file to fill, key
    tep = f"{project}/xa-phuong/hoai-my.yaml"
    assert (f"## xa-phuong/hoai-my/ke-hoach.docx\n\nTệp ghi đè: `{tep}` (chưa có: tạo tệp này, xem "
            "docs/xa-phuong.md)\n\n- họ và tên Chủ tịch UBND xã Hoài Mỹ: khóa `chu_tich`\n") in listing
    assert_commune_files(out, ["hoai-my", "tam-quan-bac"])  # the documents the listing is about
    (project / "xa-phuong").mkdir()
    (project / "xa-phuong" / "hoai-my.yaml").write_text("chu_tich: Nguyễn Văn A\n", "utf-8")
    status, stdout, _ = cli("xa-phuong", "--content", project, "--out", out, "--no-check")
    assert status == 0 and "Còn 16 chỗ cần người nhập trong 16 văn bản" in stdout
    assert "hoai-my" not in (out / "can-nhap-xa-phuong.md").read_text("utf-8")
    (project / "xa-phuong" / "hoai-my.yaml").write_text("chu_tich: ''\n", "utf-8")
    cli("xa-phuong", "--content", project, "--out", out, "--no-check")
    assert f"Tệp ghi đè: `{tep}` (đã có)" in (out / "can-nhap-xa-phuong.md").read_text("utf-8")
