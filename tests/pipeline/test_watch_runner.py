"""`docgen watch` maps a saved file to the documents it affects, through the same per-document
inputs as the runner's change detection, and rebuilds only those (issue #10 item 5)."""

from __future__ import annotations

import threading

from click.testing import CliRunner

from docgen.cli.diff import _runner_affected, make_watch_command
from docgen.pipeline.runner import run

KT = "ke-hoach-con/phong-noi-vu/kiem-tra.docx"


def _watch_one_save(project, out, path, text):
    """Run watch until one rebuild; save `text` into `path` once it is watching."""
    results = []

    def build(content_dir, out_dir):
        results.append(run(content_dir, out_dir, check=False))
        return results[-1]

    threading.Timer(1.0, lambda: path.write_text(text, "utf-8")).start()
    cmd = make_watch_command(build, _runner_affected)
    r = CliRunner().invoke(cmd, ["--content", str(project), "--out", str(out), "--quiet", "0.1",
                                 "--max-builds", "1"], catch_exceptions=False)
    assert r.exit_code == 0, r.output
    assert len(results) == 1
    return r.stdout, results[0]


def test_a_saved_override_rebuilds_only_the_plan_that_reads_it(project, tmp_path):
    out = tmp_path / "b"
    assert len(run(project, out, check=False).rendered) == 59
    own = project / "ke-hoach-con" / "kiem-tra.yaml"
    stdout, result = _watch_one_save(project, out, own, own.read_text("utf-8") + "ngay: ../04/2021\n")
    assert f"Tệp đã lưu: {own}\nVăn bản đọc tệp này: 1 ({KT}).\n" in stdout
    assert result.rendered == [KT] and result.written == [KT]
    assert ": 1 đã ghi, 58 không đổi" in stdout and f"  Đã ghi lại: {KT}.\n" in stdout
    assert "kiem-tra.docx: thay đổi" in stdout                      # and its diff summary


def test_a_saved_appendix_rebuilds_core_derived_and_commune_documents(project, tmp_path):
    out = tmp_path / "b"
    run(project, out, check=False)
    phu_luc = project / "phu-luc.yaml"
    text = phu_luc.read_text("utf-8").replace("thuc_hien: Cả năm", "thuc_hien: Quý II/2021", 1)
    stdout, result = _watch_one_save(project, out, phu_luc, text)
    assert f"Tệp đã lưu: {phu_luc}\nVăn bản đọc tệp này: 57 (" in stdout   # all but quyet-dinh, ke-hoach
    rendered = set(result.rendered)
    assert len(rendered) == 57 and not {"quyet-dinh.docx", "ke-hoach.docx"} & rendered
    assert {"phu-luc.docx", "tron-bo.docx", "ke-hoach-con/phong-noi-vu/bang-phan-cong.docx",
            "xa-phuong/hoai-my/phu-luc.docx"} <= set(result.written)
    assert f": {len(result.written)} đã ghi, {59 - len(result.written)} không đổi" in stdout
