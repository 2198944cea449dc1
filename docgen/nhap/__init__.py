"""`docgen nhap`: existing Decree 30 documents (DOCX) -> a content project `docgen build` takes.

    nhap(paths, don_vi=None) -> NhapResult(files, them_co_quan, problems)

The only DOCX reader is the checker's (docgen.check.reader + docmodel + locate.split_parts):
every file is split into its parts (a decision, a plan, appendices; one file or several), each
part is read into the forms of docs/content-shapes.md and /work/briefs/schema-13.md §D:
`don-vi.yaml` (the issuing body from the header), `quyet-dinh.yaml` and/or `ke-hoach.yaml`,
`phu-luc.yaml` (appendix parts, read by docgen.nhap.bang). What cannot be placed is an
`[import.*]` warning "FILE.docx: đoạn N: cảnh báo: …"; a file that cannot be imported at all is
a DocgenError (nothing written).
"""
from __future__ import annotations

from pathlib import Path

from docgen.errors import DocgenError, Problem, UsageError
from docgen.nhap.kieu import DonViRegistry, NhapResult, Source, error, warn

__all__ = ["DonViRegistry", "NhapResult", "Source", "error", "nhap", "read", "warn"]


def read(path: Path) -> Source:
    """Read one DOCX with the checker's reader; unreadable input is a DocgenError (exit 1)."""
    from docgen.check import read_input
    from docgen.check.docmodel import build_model
    from docgen.check.locate import split_parts
    from docgen.check.numbering import labels
    from docgen.check.reader import read_docx_bytes

    name = path.name
    try:
        model = build_model(read_docx_bytes(read_input(path), name))
    except UsageError as exc:
        raise DocgenError([Problem(name, None, p.code, p.message) for p in exc.problems]) from None
    return Source(name, model, split_parts(model), labels(model))


def nhap(paths: list[Path], *, don_vi: DonViRegistry | None = None) -> NhapResult:
    """Import the documents of `paths` (a decision and its plan and appendices, in one file or
    several) into the content files of one project (nothing is written here)."""
    from docgen.nhap.gom import gom

    sources = [read(Path(p)) for p in paths]
    return gom(sources, don_vi)
