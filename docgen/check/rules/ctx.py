"""What a rule receives (`Ctx`) and the loop that runs the registered rules."""

from __future__ import annotations

from dataclasses import dataclass

from docgen.check.docmodel import DocModel, Para
from docgen.check.finding import RULES, Finding
from docgen.check.locate import Part


@dataclass
class Ctx:
    model: DocModel
    parts: list[Part]

    def find(self, code: str, where, message: str, expected: str = "", found: str = "",
             severity: str | None = None) -> Finding:
        """`where` is a Para (location and excerpt taken from it) or a plain location string."""
        r = RULES[code]
        if isinstance(where, Para):
            loc, excerpt = where.where, where.excerpt()
        else:
            loc, excerpt = str(where), ""
        return Finding(self.model.name, code, severity or r.severity, loc, excerpt, expected,
                       found, r.clause, message)


    def findings(self, code: str, where, label: str, problems: list[str], expected: str) -> list[Finding]:
        """One finding listing `problems` (e.g. "Tiêu ngữ: 12 pt; không đậm"), or none."""
        if not problems:
            return []
        text = "; ".join(problems)
        return [self.find(code, where, f"{label}: {text}", expected, text)]


def run_rules(ctx: Ctx, codes=None) -> list[Finding]:
    out: list[Finding] = []
    for code, r in RULES.items():
        if codes is None or code in codes:
            out.extend(r.fn(ctx))
    return out
