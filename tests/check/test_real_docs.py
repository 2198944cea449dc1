"""The checker on the real Lâm Đồng documents (../shared/real-docx, used in place): per file,
exactly the labelled true problems plus the listed known false alarms (labels.yaml)."""
from __future__ import annotations

from pathlib import Path

import pytest

from docgen.check import check_docx_bytes
from docgen.check.labels import load_labels, score

ROOT = Path(__file__).resolve().parents[2]
REAL = ROOT.parent / "shared" / "real-docx"
LABELS = load_labels(Path(__file__).with_name("real") / "labels.yaml")


def test_every_real_file_is_labelled():
    if not REAL.is_dir():
        pytest.skip(f"{REAL} is absent (CI has it)")
    assert sorted(p.name for p in REAL.glob("*.docx")) == sorted(LABELS)


@pytest.mark.parametrize("name", sorted(LABELS))
def test_real_document(name):
    path = REAL / name
    if not path.is_file():
        pytest.skip(f"{path} is absent (CI has it)")
    s = score(check_docx_bytes(path.read_bytes(), name), LABELS[name])
    assert not s.new_misses, f"missed: {sorted(s.new_misses.elements())}"
    assert not s.unexpected, f"false alarms: {sorted(s.unexpected.elements())}"
    known = LABELS[name].get("false_alarms") or []
    assert sum(s.fp.values()) == len(known), "a known false alarm is gone: update labels.yaml"
