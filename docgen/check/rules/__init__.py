"""The Decree 30 rules: one small function per rule, registered in `docgen.check.finding.RULES`.

Importing this package registers every rule. `Ctx` (ctx.py, which the rule modules import,
so that the package and its modules do not import each other) gives a rule what it needs and builds
findings with a uniform message shape.
"""
from __future__ import annotations

from docgen.check.finding import CANH_BAO, LOI
from docgen.check.rules import body, closing, font, header, page, phuluc, text  # noqa: F401  (registers the rules)
from docgen.check.rules.ctx import Ctx, run_rules

__all__ = ["Ctx", "run_rules", "LOI", "CANH_BAO"]
