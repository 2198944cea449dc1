"""What a command did: one result type for build, ke-hoach-con, xa-phuong and watch (issue #10).

Documents are named by their path relative to the output folder. `outputs` holds the bytes of
the documents rendered by this run (a document whose inputs did not change is not rendered);
`documents` every document the run brought up to date, rendered or not. Commune failures stop
only that commune: they are `problems` (the rest was built) and `failed` names the communes.
A failure of the core and derived documents is raised as DocgenError instead (nothing written).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..derive.cho_nhap import ChoNhap
from ..errors import Problem


@dataclass
class Result:
    out_dir: Path
    targets: tuple[str, ...] = ()
    outputs: dict[str, bytes] = field(default_factory=dict)  # rendered this run
    documents: list[str] = field(default_factory=list)       # every document it holds up to date
    written: list[str] = field(default_factory=list)         # files rewritten (lists included)
    unchanged: list[str] = field(default_factory=list)       # documents not rewritten
    backed_up: list[str] = field(default_factory=list)       # hand edits saved before overwrite
    built: list[str] = field(default_factory=list)           # communes (names) whose files changed
    failed: list[str] = field(default_factory=list)          # communes not built
    warnings: list[Problem] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)    # commune failures (others were built)
    cho_nhap: list[ChoNhap] = field(default_factory=list)    # places left for a person
    cho_trong: dict[str, list[dict]] = field(default_factory=dict)  # communes': document -> ChoNhap dicts
    lists: list[str] = field(default_factory=list)           # the can-nhap lists of the run
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def rendered(self) -> list[str]:
        """The documents rendered (and checked) by this run."""
        return sorted(self.outputs)

    def add(self, other: Result) -> None:
        """Fold the result of one part of the run (a target) into this one."""
        for name in ("documents", "written", "unchanged", "backed_up", "built", "failed", "cho_nhap", "lists"):
            getattr(self, name).extend(getattr(other, name))
        self.outputs.update(other.outputs)
        self.cho_trong.update(other.cho_trong)
        self.warnings += [w for w in other.warnings if w not in self.warnings]
        self.problems += [p for p in other.problems if p not in self.problems]
        self.timings.update(other.timings)
