"""The checker's result type and the rule registry."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass

from docgen.errors import CANH_BAO, LOI, Problem


@dataclass(frozen=True)
class Finding:
    """One conformance finding.

    `where` is human-readable: "mục 1" (a section), "đoạn 12" (the 12th top-level paragraph),
    "bảng 1, ô (1,2)" (row 1, column 2 of the first table), "đầu trang mục 1" (a header).
    `clause` names the Decree 30 source; `message` is the full Vietnamese sentence.
    """

    path: str
    code: str
    severity: str
    where: str
    excerpt: str
    expected: str
    found: str
    clause: str
    message: str

    @property
    def is_error(self) -> bool:
        return self.severity == LOI

    def to_problem(self, path: str | None = None) -> Problem:
        """The finding as a Problem, location and clause kept; `path` reports it against another
        file (the template a fault comes from)."""
        where = self.where + (f" «{self.excerpt}»" if self.excerpt else "")
        return Problem(path or self.path, None, self.code, self.message, self.severity,
                       where=where, clause=self.clause.replace("NĐ 30/2020, ", ""))


    def as_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Rule:
    code: str
    title: str          # Vietnamese
    clause: str
    severity: str       # default severity; a rule may lower one finding to a warning
    fn: Callable


RULES: dict[str, Rule] = {}


def rule(code: str, title: str, clause: str, severity: str = LOI):
    """Register a rule function `fn(ctx) -> Iterable[Finding]`."""
    def deco(fn):
        RULES[code] = Rule(code, title, clause, severity, fn)
        return fn
    return deco


__all__ = ["Finding", "Rule", "RULES", "rule", "LOI", "CANH_BAO", "Iterable"]
