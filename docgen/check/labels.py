"""Compare checker findings with a labelled set (tests/check/real/labels.yaml): per file, the
true problems, the known false alarms and the known misses, matched on (code, where,
severity, message) as multisets."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import yaml

from docgen.check.finding import Finding


def key(item: dict) -> tuple[str, str, str, str]:
    return item["code"], item["where"], item["severity"], item["message"]


@dataclass
class Score:
    tp: Counter
    fp: Counter          # findings that are not true problems (known false alarms included)
    fn: Counter          # true problems not reported (known misses included)
    unexpected: Counter  # findings neither labelled true nor listed as a known false alarm
    new_misses: Counter  # true problems not reported and not listed as known misses


def load_labels(path: Path) -> dict[str, dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def score(findings: list[Finding], label: dict) -> Score:
    got = Counter(key(f.as_dict()) for f in findings)
    true = Counter(key(x) for x in label.get("problems") or [])
    known_fp = Counter(key(x) for x in label.get("false_alarms") or [])
    known_fn = Counter(key(x) for x in label.get("known_misses") or [])
    tp = got & true
    fp = got - true
    return Score(tp, fp, (true - got) + known_fn, fp - known_fp, (true - got))
