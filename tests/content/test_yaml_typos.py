"""A dozen typical typos in the real phu-luc.yaml: each is reported at the line of the mistake,
in Vietnamese, with that line shown (libyaml itself often notices lines later)."""

from __future__ import annotations

from pathlib import Path

import pytest

from docgen.content.yaml_loader import load_yaml
from tests.conftest import BUNDLED

SOURCE = (BUNDLED / "phu-luc.yaml").read_text("utf-8")
SYNTAX = "[content.yaml-syntax]"

# (what the person typed instead of the original text, the line it is on, the message)
TYPOS = [
    ("        chu_tri: PNV", '        chu_tri: "PNV', 24,
     'dấu nháy mở ở dòng này chưa được đóng (YAML đọc liền đến dòng 30): “chu_tri: "PNV”'),
    ('        ghi_chu: ""', '        ghi_chu: "', 30,
     'dấu nháy mở ở dòng này chưa được đóng (YAML đọc liền đến dòng 41): “ghi_chu: "”'),
    ("        chu_tri: PNV", "        chu_tri: 'PNV", 24,
     "dấu nháy ' mở ở dòng này chưa được đóng: “chu_tri: 'PNV”"),
    ("        chu_tri: PNV", "        chu_tri PNV", 24, 'thiếu dấu hai chấm ":" sau khóa: “chu_tri PNV”'),
    ("        chu_tri: PNV", "        chu_tri:PNV", 24,
     'sau dấu hai chấm ":" phải có một dấu cách: “chu_tri:PNV”'),
    ("        chu_tri: PNV", "\tchu_tri: PNV", 24,
     "có ký tự tab; YAML chỉ dùng dấu cách để thụt lề: “[tab]chu_tri: PNV”"),
    ("          - CQDVDP\n", "          - CQDVDP\n         -x: 1\n", 27,
     'sau dấu gạch đầu dòng "-" phải có một dấu cách: “-x: 1”'),
    ("        phoi_hop:\n          - CQDVDP", "        phoi_hop:\n          - CQDVDP\n        - PTP", 27,
     'dấu gạch đầu dòng "-" không đúng chỗ: các mục của một danh sách phải thẳng hàng nhau, '
     "ngay dưới khóa của danh sách: “- PTP”"),
    ("          - Kế hoạch của UBND thị xã", "          - [Kế hoạch của UBND thị xã", 23,
     'dấu "[" mở ở dòng này chưa được đóng bằng "]" (hoặc thiếu dấu phẩy giữa các mục): '
     "“- [Kế hoạch của UBND thị xã”"),
    ("          ban_hanh: 12/2020", "          ban_hanh: {12/2020", 28,
     'dấu "{" mở ở dòng này chưa được đóng bằng "}" (hoặc thiếu dấu phẩy): “ban_hanh: {12/2020”'),
    ("          thuc_hien: Cả năm", "          thuc_hien: Cả năm: 2021", 29,
     'có dấu hai chấm trong văn bản; văn bản có ": " phải đặt trong dấu nháy ("…"): '
     "“thuc_hien: Cả năm: 2021”"),
    ('        ghi_chu: ""', '         ghi_chu: ""', 30,
     "thụt lề không đúng (dòng này phải thẳng hàng với các khóa cùng cấp): “ghi_chu: \"\"”"),
    ("        chu_tri: PNV", "        chu_tri: @PNV", 24,
     'ký tự "@" không được đứng đầu một giá trị; đặt văn bản trong dấu nháy ("…"): “chu_tri: @PNV”'),
    ("        chu_tri: PNV", "        chu_tri: *PNV", 24,
     'văn bản bắt đầu bằng "*" phải đặt trong dấu nháy ("…"); YAML hiểu nó là bí danh (alias) '
     "chưa định nghĩa: “chu_tri: *PNV”"),
    ('        ghi_chu: ""', '        ghi_chu: "Theo "Đề án" 06"', 30,
     "có chữ sau dấu nháy đóng; văn bản có dấu nháy kép bên trong thì đặt cả văn bản trong dấu "
     "nháy đơn ('…'): “ghi_chu: \"Theo \"Đề án\" 06\"”"),
]


@pytest.mark.parametrize("old,new,line,message", TYPOS, ids=[t[1].strip()[:24] for t in TYPOS])
def test_typo_is_reported_at_its_line(tmp_path: Path, old, new, line, message):
    assert SOURCE.count(old) >= 1
    path = tmp_path / "phu-luc.yaml"
    path.write_text(SOURCE.replace(old, new, 1), "utf-8")
    doc, problems = load_yaml(path, "content/phu-luc.yaml")
    assert doc is None
    assert [str(p) for p in problems] == [f"content/phu-luc.yaml:{line}: lỗi: {message} {SYNTAX}"]


def test_duplicate_key_is_reported_at_the_second_key(tmp_path: Path):
    path = tmp_path / "phu-luc.yaml"
    path.write_text(SOURCE.replace("        chu_tri: PNV", "        chu_tri: PNV\n        chu_tri: PTP", 1),
                    "utf-8")
    _, problems = load_yaml(path, "phu-luc.yaml")
    assert [str(p) for p in problems] == [
        'phu-luc.yaml:25: lỗi: khóa "chu_tri" bị lặp lại (đã có ở dòng 24) [content.duplicate-key]']


def test_build_reports_the_unclosed_quote_line(cli, project, tmp_path):
    text = (project / "phu-luc.yaml").read_text("utf-8").replace("        chu_tri: PNV", '        chu_tri: "PNV', 1)
    (project / "phu-luc.yaml").write_text(text, "utf-8")
    status, out, err = cli("build", "--content", project, "--out", tmp_path / "out")
    assert status == 1
    assert err.splitlines() == [
        f'{project}/phu-luc.yaml:24: lỗi: dấu nháy mở ở dòng này chưa được đóng (YAML đọc liền '
        f'đến dòng 30): “chu_tri: "PNV” {SYNTAX}',
        "Có 1 lỗi, 0 cảnh báo."]
    assert not (tmp_path / "out").exists()
