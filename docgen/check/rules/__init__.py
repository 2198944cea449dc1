"""The Decree 30 rules: one small function per rule, registered in `docgen.check.finding.RULES`.

Importing this package registers every rule. `Ctx` gives a rule what it needs and builds
findings with a uniform message shape.
"""
from __future__ import annotations

from dataclasses import dataclass

from docgen.check.docmodel import DocModel, Para
from docgen.check.finding import CANH_BAO, LOI, RULES, Finding
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


from docgen.check.rules import body, closing, font, header, page, phuluc, text as _text  # noqa: E402,F401,I001

__all__ = ["Ctx", "run_rules", "LOI", "CANH_BAO"]
