"""The edit–regenerate loop on the bundled content: build, edit, rebuild, diff."""

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from docgen.cli import main_group

CONTENT = Path(__file__).resolve().parents[2] / "content" / "hoai-nhon-2021"


@pytest.fixture
def project(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    return content, tmp_path / "build"


def edit(path: Path, after: str, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    i = text.index(after)
    j = text.index(old, i)
    path.write_text(text[:j] + new + text[j + len(old):], encoding="utf-8")


def run(*args):
    return CliRunner().invoke(main_group, [str(a) for a in args], catch_exceptions=False)


def test_agency_deadline_number_and_date(project):
    content, build = project
    assert run("build", "chinh", "--content", content, "--out", build).exit_code == 0
    edit(content / "phu-luc.yaml", "Nhiệm vụ II.3 ---", "chu_tri: PTP", "chu_tri: VP")
    edit(content / "phu-luc.yaml", "Nhiệm vụ II.3 ---", "ban_hanh: Quý I/2021", "ban_hanh: Quý II/2021")
    edit(content / "quyet-dinh.yaml", "", 'so: ""', 'so: "1234"')
    assert run("build", "chinh", "--content", content, "--out", build).exit_code == 0
    r = run("diff", "--build-dir", build, "--summary-only")
    assert r.exit_code == 0, r.output
    task_line = ("  * Nhiệm vụ II.3: chủ trì Phòng Tư pháp → Văn phòng HĐND và UBND; "
                 "thời gian Ban hành Kế hoạch: Quý I/2021 → Quý II/2021")
    lines = r.stdout.splitlines()
    assert lines.count(task_line) == 2  # phu-luc.docx and tron-bo.docx
    assert [l.split(":")[0] for l in lines if not l.startswith(" ")][:4] == [
        "ke-hoach.docx", "phu-luc.docx", "quyet-dinh.docx", "tron-bo.docx"]
    full = run("diff", "--build-dir", build).stdout
    assert "  + [hàng] Số: 1234/QĐ-UBND | Hoài Nhơn, ngày" in full
