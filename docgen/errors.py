"""Problems people can act on: one format, in Vietnamese, with a stable code.

A `Problem` is what every command reports: what is wrong (`message`, `code`), where (`path`: a
content file, a workbook, a template or a DOCX; `line` in a text file; `where` inside a
document: "đoạn 12 «…»", "bảng 1, ô (1,2)", a workbook cell "Sheet1!B3"), the Decree 30
clause when there is one, and the severity. Every command prints it in one line format:

    path[:line]: lỗi|cảnh báo: [where: ]message [code][ (clause)]
    path: Sheet!D12: lỗi|cảnh báo: message [code]        (a workbook cell, `cell`)

`DocgenError` carries every problem of a run so that the CLI can print them all at once.
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
    where: str = ""     # a place inside the document: paragraph, table cell, workbook cell
    clause: str = ""    # the Decree 30 source, shortened ("Phụ lục I, mục I.3")
    cell: str = ""      # a workbook cell "Phụ lục!D12", in place of a line: "phu-luc.xlsx: Phụ lục!D12: lỗi: …"

    def __str__(self) -> str:
        at = f"{self.path}:{self.line}" if self.line else f"{self.path}: {self.cell}" if self.cell else self.path
        inside = f"{self.where}: " if self.where else ""
        clause = f" ({self.clause})" if self.clause else ""
        return f"{at}: {self.severity}: {inside}{self.message} [{self.code}]{clause}"

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


def summary_line(problems: list[Problem], note: str = "") -> str:
    """The one summary shape after a list of problems: "Có 2 lỗi, 1 cảnh báo." (+ `note`)."""
    errors = sum(p.is_error for p in problems)
    return f"Có {errors} lỗi, {len(problems) - errors} cảnh báo{note}."
