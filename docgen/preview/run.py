"""The work behind `pdf` and `preview`: convert what changed, render PNGs, the contact sheet.

Imported by the commands (docgen.cli.preview) only when they run: `docgen build`, `check` …
need neither LibreOffice nor poppler (the pool runs on POSIX and Windows: docgen/preview/procs.py).
"""

from __future__ import annotations

import os
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from docgen import progress
from docgen.errors import DocgenError
from docgen.preview.fonts import check_fonts
from docgen.preview.png import Card, contact_sheet, find_pdftoppm, render_pages
from docgen.preview.pool import FILE_MODE, Job, Result, convert, find_soffice
from docgen.preview.state import State, digest


def run_conversion(docs: list[tuple[str, Path]], out: Path, workers: int | None,
                   timeout: float, batch_size: int) -> Result:
    """Say which font is used, convert with a progress bar, print the failures."""
    if not docs:
        return Result()
    find_soffice()  # a missing LibreOffice is the first thing to say
    fonts = check_fonts()
    if fonts.message:
        print(f"{'lưu ý' if fonts.ok else 'cảnh báo'}: {fonts.message}", file=sys.stderr)
    jobs = [Job(src, out / Path(rel).with_suffix(".pdf")) for rel, src in docs]
    from docgen.pipeline.writer import symlink_problem  # one rule for links inside an output folder

    links = {str(p): p for j in jobs for rel in (j.dest, j.dest.with_suffix(""))
             if (p := symlink_problem(out, rel.relative_to(out).as_posix()))}
    if links:
        raise DocgenError(list(links.values()))
    with progress.bar(len(jobs), "Chuyển sang PDF") as bar:
        result = convert(jobs, workers=workers, timeout=timeout, batch_size=batch_size,
                         progress=bar.update)
    for job, reason in result.failed:
        print(f"{job.src}: lỗi: {reason} [preview.convert]", file=sys.stderr)
    return result


def split_changed(docs: list[tuple[str, Path]], state: State | None,
                  settings: str) -> tuple[list[tuple[str, Path]], dict[str, str]]:
    """(documents to convert, digest of every document): unchanged ones are skipped, unless
    `state` is None (--full)."""
    digests = {rel: digest(src) for rel, src in docs}
    todo = [(rel, src) for rel, src in docs
            if state is None or not state.fresh(rel, digests[rel], settings)]
    return todo, digests


def _rel_docx(job: Job, out: Path) -> str:
    return job.dest.relative_to(out).with_suffix(".docx").as_posix()


def pdf(docs: list[tuple[str, Path]], out: Path, *, full: bool, workers: int | None,
        timeout: float, batch_size: int) -> tuple[int, int, int]:
    """Convert the changed documents; (made, unchanged, failed)."""
    state = State(out)
    todo, digests = split_changed(docs, None if full else state, "pdf")
    result = run_conversion(todo, out, workers, timeout, batch_size)
    for job in result.converted:
        rel = _rel_docx(job, out)
        state.record(rel, digests[rel], "pdf", [job.dest.relative_to(out).as_posix()])
    for job, _ in result.failed:
        state.forget(_rel_docx(job, out))
    state.save()
    return len(result.converted), len(docs) - len(todo), len(result.failed)


def preview(docs: list[tuple[str, Path]], out: Path, *, full: bool, workers: int | None,
            timeout: float, batch_size: int, all_pages: bool,
            dpi: int) -> tuple[int, int, int, Path | None]:
    """Convert and render the changed documents, rewrite the contact sheet of all of them;
    (made, unchanged, failed, contact sheet or None)."""
    settings = f"png:{dpi}:{'all' if all_pages else '1'}"
    find_pdftoppm()  # before a long conversion: PNG needs poppler (`docgen pdf` does not)
    state = State(out)
    todo, digests = split_changed(docs, None if full else state, settings)
    result = run_conversion(todo, out, workers, timeout, batch_size)
    made = _render_cards(result, out, all_pages, dpi, workers)
    for card in made:
        state.record(card.name, digests[card.name], settings, [card.pdf, *card.pages])
    for job, _ in result.failed:
        state.forget(_rel_docx(job, out))
    state.save()
    cards = [_card(rel, state) for rel, _ in docs if state.files(rel)]
    sheet = None
    if cards:
        sheet = out / "index.html"
        tmp = sheet.with_name(".index.html.tmp")
        tmp.write_text(contact_sheet(cards, f"Xem trước: {len(cards)} văn bản"), encoding="utf-8")
        os.chmod(tmp, FILE_MODE)
        os.replace(tmp, sheet)
    return len(made), len(docs) - len(todo), len(result.failed), sheet


def _card(rel: str, state: State) -> Card:
    files = state.files(rel)
    pdf = next(f for f in files if f.endswith(".pdf"))
    return Card(rel, tuple(f for f in files if f.endswith(".png")), pdf)


def _render_cards(result: Result, out: Path, all_pages: bool, dpi: int,
                  workers: int | None) -> list[Card]:
    def one(job: Job) -> Card:
        pngs = render_pages(job.dest, job.dest.with_suffix(""), all_pages=all_pages, dpi=dpi)
        rel = job.dest.relative_to(out)
        return Card(rel.with_suffix(".docx").as_posix(),
                    tuple(p.relative_to(out).as_posix() for p in pngs), rel.as_posix())

    if not result.converted:
        return []
    with (progress.bar(len(result.converted), "Tạo ảnh PNG") as bar,
          ThreadPoolExecutor(workers or os.cpu_count() or 1) as pool):
        cards = []
        for card in pool.map(one, result.converted):
            cards.append(card)
            bar.update(1)
        return cards


