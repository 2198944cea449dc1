"""The real documents of UBND tỉnh Lâm Đồng (../shared/real-docx/, used in place): after
`docgen sua` not a word changes, and the checker's true errors drop by at least 80 %.

True errors: the labelled set of issue #14 (tests/check/real/labels.yaml): before, the
labelled problems of severity "lỗi"; after, the errors the checker reports on the repaired
copy less the file's known false alarms (matched on code and message). The checker's raw
error counts are printed too.
"""
from __future__ import annotations

from pathlib import Path

import yaml

from docgen.check.docmodel import build_model
from docgen.check.reader import read_docx_bytes
from docgen.repair.engine import repair_bytes
from tests.repair.words import document_text, words

LABELS = Path(__file__).resolve().parents[1] / "check" / "real" / "labels.yaml"


def _true_errors(findings, label: dict):
    known = {(x["code"], x["message"]) for x in label.get("false_alarms") or []}
    return [f for f in findings if f.is_error and (f.code, f.message) not in known]


WORD_FIXES = {"nd30.text-citation", "nd30.text-vv"}     # only as tracked changes


def test_no_word_changes_and_true_errors_drop_by_80_percent(real_files):
    """Also: the tracked repair makes the same fixes (plus the word-changing ones), and a
    repaired copy needs no further fix."""
    labels = yaml.safe_load(LABELS.read_text("utf-8"))
    before_all = after_all = true_before = true_after = 0
    for path in real_files:
        data = path.read_bytes()
        result = repair_bytes(data, path.name)
        tracked = repair_bytes(data, path.name, track=True)
        assert [str(f) for f in tracked.fixes if f.code not in WORD_FIXES] == \
            [str(f) for f in result.fixes], path.name
        assert [f.message for f in tracked.remaining] == \
            [f.message for f in result.remaining if not (f.code in WORD_FIXES and f.is_error)]
        assert words(document_text(result.data)) == words(document_text(data)), path.name
        build_model(read_docx_bytes(result.data, path.name))       # reads back
        assert repair_bytes(result.data, path.name).fixes == [], path.name   # idempotent
        label = labels[path.name]
        before_all += sum(f.is_error for f in result.before)
        after_all += sum(f.is_error for f in result.remaining)
        true_before += sum(x["severity"] == "lỗi" for x in label.get("problems") or [])
        true_after += len(_true_errors(result.remaining, label))
    print(f"\nchecker errors {before_all} -> {after_all}; true errors {true_before} -> {true_after}")
    assert true_before > 40
    assert true_after <= 0.2 * true_before
    assert after_all < before_all

