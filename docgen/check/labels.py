"""Compare checker findings with a labelled set (tests/check/real/labels.yaml): per file, the
true problems and the known false alarms, matched on (code, where, severity) as a multiset."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import yaml

from docgen.check.finding import Finding


def key(code: str, where: str, severity: str) -> tuple[str, str, str]:
    return code, where, severity


@dataclass
class Score:
    tp: Counter
    fp: Counter          # findings that are not true problems (known false alarms included)
    fn: Counter          # true problems not reported
    unexpected: Counter  # findings neither labelled true nor listed as a known false alarm


def load_labels(path: Path) -> dict[str, dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def score(findings: list[Finding], label: dict) -> Score:
    got = Counter(key(f.code, f.where, f.severity) for f in findings)
    true = Counter(key(x["code"], x["where"], x["severity"]) for x in label.get("problems") or [])
    known = Counter(key(x["code"], x["where"], x["severity"])
                    for x in label.get("false_alarms") or [])
    tp = got & true
    fp = got - true
    return Score(tp, fp, true - got, fp - known)
