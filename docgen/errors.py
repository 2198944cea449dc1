"""Problems people can act on: one format, in Vietnamese, with a stable code.

A `Problem` points at a file (and a line when known). `DocgenError` carries every
problem of a run so that the CLI can print them all at once.
"""

from __future__ import annotations

from dataclasses import dataclass

LOI = "lỗi"
CANH_BAO = "cảnh báo"


@dataclass(frozen=True)
class Problem:
    """One problem. `line` is 1-based; None when the problem has no line."""

    path: str
    line: int | None
    code: str
    message: str
    severity: str = LOI

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.severity}: {self.message} [{self.code}]"

    @property
    def is_error(self) -> bool:
        return self.severity == LOI


class DocgenError(Exception):
    """A failure that carries one or more problems; the CLI prints them and exits 1."""

    exit_code = 1

    def __init__(self, problems: list[Problem] | Problem):
        if isinstance(problems, Problem):
            problems = [problems]
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class UsageError(DocgenError):
    """Bad command-line use or an unreadable input file: exit 2."""

    exit_code = 2
