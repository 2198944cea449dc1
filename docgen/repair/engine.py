"""`repair_bytes(data, name, track=False)`: the repaired copy of one DOCX, the fixes applied
and what the checker still finds in the copy.

Order: NFC first (the parts are located by their text), then package-wide fixes (page,
fonts, page numbers, phụ lục sections), then the fixes of each located Decree 30 part.
The copy is then checked again by the same checker; what it still reports is returned as
`remaining` (fixed = what the checker found before and no longer finds).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from docgen.check.docmodel import DocModel, build_model
from docgen.check.effective import w
from docgen.check.finding import Finding
from docgen.check.locate import Part, split_parts
from docgen.errors import Problem, UsageError
from docgen.repair.edit import Editor, Fix
from docgen.repair.package import Package


@dataclass
class Result:
    data: bytes
    fixes: list[Fix]
    before: list[Finding]
    remaining: list[Finding]


@dataclass
class Job:
    """What a fix family works on. `model`/`parts` are rebuilt by `refresh()`."""

    pkg: Package
    ed: Editor
    model: DocModel | None = None
    parts: list[Part] = field(default_factory=list)
    fixes: list[Fix] = field(default_factory=list)
    _where: dict[int, str] = field(default_factory=dict)

    def refresh(self) -> None:
        self.model = build_model(self.pkg.checker_view())
        self.parts = split_parts(self.model)
        self._where = {id(p.el): p.where for p in self.model.paras}

    def relocate(self) -> None:
        """After a text-only change (NFC): patch the model's run texts and locate the parts
        again, instead of rebuilding the whole model (the costly step on big files)."""
        import unicodedata
        for p in self.model.paras:
            for r in p.runs:
                r.text = unicodedata.normalize("NFC", r.text)
        self.parts = split_parts(self.model)

    def add(self, fix: Fix) -> None:
        self.fixes.append(fix)

    def story_parts(self):
        """(part path, root) of the main document, headers and footers."""
        yield self.pkg.main, self.pkg.tree(self.pkg.main)
        for _rid, rtype, path in self.pkg.rels(self.pkg.main):
            if rtype.endswith(("/header", "/footer")) and self.pkg.tree(path) is not None:
                yield path, self.pkg.tree(path)

    def where(self, p: etree._Element) -> str:
        return self._where.get(id(p), "đoạn")

    def where_run(self, part: str, r: etree._Element, k: int) -> str:
        if part != self.pkg.main:
            return "đầu trang" if "header" in part else "chân trang"
        p = next((a for a in r.iterancestors(w("p"))), None)
        return self.where(p) if p is not None else "đoạn"


# A family that fixes only what some rules report runs only when one of them reported
# something ("edit only what needs it": a one-page letter needs no page number field).
GATES = {
    "text.nfc": {"nd30.nfc"},
    "page.fix": {"nd30.page-size", "nd30.orientation", "nd30.margin"},
    "fonts.fix": {"nd30.font", "nd30.font-theme"},
    "fonts.fix_color": {"nd30.color"},
    "pagenum.fix": {"nd30.page-number", "nd30.page-number-footer"},
    "sections.fix": {"nd30.phu-luc-page"},
    "lines.fix": {"nd30.tieu-ngu-line", "nd30.co-quan-line", "nd30.trich-yeu"},
    "tables.fix": {"nd30.table-header"},
}


def _families():
    """Fix families in order; "refresh" rebuilds the model when the previous step changed the
    paragraph structure, "relocate" only finds the parts again (NFC changed only text). Formatting runs before text edits: a text edit copies the formatting
    of the run it replaces, so fixed formatting carries over."""
    from docgen.repair.fixes import (
        fonts,
        lines,
        page,
        pagenum,
        parts,
        sections,
        tables,
        text,
    )
    return [text.nfc, "relocate", page.fix, fonts.fix,
            fonts.fix_color, pagenum.fix, sections.fix, parts.fix, lines.fix, tables.fix,
            text.fix]


def _before(job: Job, name: str) -> list[Finding]:
    from docgen.check.rules import Ctx, run_rules
    if not any(p.text.strip() for p in job.model.paras):
        raise UsageError(Problem(name, None, "check.no-text",
                                 "tệp DOCX không có nội dung chữ nào, không có gì để kiểm tra"))
    return run_rules(Ctx(job.model, job.parts))


def _administrative(job: Job) -> bool:
    """A document with a Quốc hiệu, a tên loại, a Nơi nhận or a Phụ lục heading."""
    return any(p.quoc_hieu or p.ten_loai or p.noi_nhan_head or p.phu_luc_head for p in job.parts)


def repair_bytes(data: bytes, name: str, track: bool = False, date: str | None = None,
                 admin_only: bool = False) -> Result:
    """Repair one DOCX held in memory; raises UsageError (exit 2) for a file that cannot be
    read safely or holds no text, and with `admin_only` for one that is not an
    administrative document (nothing to locate, so nothing docgen could fix safely)."""
    from docgen.check import check_docx_bytes

    pkg = Package.open(data, name)
    job = Job(pkg, Editor(track, date))
    job.refresh()
    before = _before(job, name)
    if admin_only and not _administrative(job):
        raise UsageError(Problem(name, None, "repair.not-administrative",
                                 "không phải văn bản hành chính (không có Quốc hiệu, tên loại, "
                                 "\"Nơi nhận:\" hay \"Phụ lục\"); docgen không sửa tệp này"))
    found = {f.code for f in before}
    for step in _families():
        if step not in ("refresh", "relocate"):
            n = len(job.fixes)
            codes = GATES.get(f"{step.__module__.rsplit('.', 1)[-1]}.{step.__name__}")
            if codes is None or codes & found:
                step(job)
            changed = len(job.fixes) != n
        elif changed:
            job.refresh() if step == "refresh" else job.relocate()
    pkg.finish()
    out = pkg.to_bytes() if pkg.any_changed() else data
    remaining = check_docx_bytes(out, name)
    return Result(out, job.fixes, before, remaining)
