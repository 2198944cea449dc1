"""Click commands `pdf` and `preview` (registered in docgen.cli)."""

from __future__ import annotations

import os
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import click

from docgen import progress
from docgen.cli import remember_out
from docgen.errors import DocgenError, Problem, UsageError
from docgen.preview.fonts import check_fonts
from docgen.preview.png import DPI, Card, contact_sheet, render_pages
from docgen.preview.pool import (
    DEFAULT_BATCH,
    DEFAULT_TIMEOUT,
    FILE_MODE,
    Job,
    Result,
    convert,
    find_soffice,
)
from docgen.preview.state import State, digest


def collect(paths: tuple[Path, ...]) -> list[tuple[str, Path]]:
    """(relative name, file) for the DOCX files given or found under the folders given."""
    found: dict[str, Path] = {}
    for path in paths:
        if not path.exists():
            raise UsageError(Problem(str(path), None, "preview.missing-file",
                                     "không tìm thấy tệp hoặc thư mục"))
        if path.is_dir():
            pairs = [(p.relative_to(path).as_posix(), p) for p in sorted(path.rglob("*.docx"))
                     if ".docgen" not in p.relative_to(path).parts and not p.name.startswith("~$")]
        else:
            if not (path.suffix.lower() == ".docx" and zipfile.is_zipfile(path)):
                raise UsageError(Problem(str(path), None, "preview.not-docx",
                                         "không phải tệp DOCX"))
            pairs = [(path.name, path)]
        for rel, p in pairs:
            if rel in found and found[rel].resolve() != p.resolve():
                raise UsageError(Problem(str(p), None, "preview.name-clash",
                                         f"trùng tên đầu ra với {found[rel]}"))
            found[rel] = p
    if not found:
        raise UsageError(Problem(", ".join(map(str, paths)), None, "preview.no-docx",
                                 "không có tệp DOCX nào để chuyển"))
    return list(found.items())


def default_out(paths: tuple[Path, ...], folder: str) -> Path:
    first = paths[0]
    return (first if first.is_dir() else first.parent) / folder


def run_conversion(docs: list[tuple[str, Path]], out: Path, workers: int | None,
                   timeout: float, batch_size: int) -> Result:
    """Say which font is used, convert with a progress bar, print the failures."""
    if not docs:
        return Result()
    find_soffice()  # a missing LibreOffice is the first thing to say
    fonts = check_fonts()
    if fonts.message:
        click.echo(f"{'lưu ý' if fonts.ok else 'cảnh báo'}: {fonts.message}", err=True)
    jobs = [Job(src, out / Path(rel).with_suffix(".pdf")) for rel, src in docs]
    with progress.bar(len(jobs), "Chuyển sang PDF") as bar:
        result = convert(jobs, workers=workers, timeout=timeout, batch_size=batch_size,
                         progress=bar.update)
    for job, reason in result.failed:
        click.echo(f"{job.src}: lỗi: {reason} [preview.convert]", err=True)
    return result


def split_changed(docs: list[tuple[str, Path]], state: State | None,
                  settings: str) -> tuple[list[tuple[str, Path]], dict[str, str]]:
    """(documents to convert, digest of every document): unchanged ones are skipped, unless
    `state` is None (--full)."""
    digests = {rel: digest(src) for rel, src in docs}
    todo = [(rel, src) for rel, src in docs
            if state is None or not state.fresh(rel, digests[rel], settings)]
    return todo, digests


def _vn(x: float, digits: int) -> str:
    """A number the Vietnamese way: decimal comma."""
    return f"{x:.{digits}f}".replace(".", ",")


def _summary(made: int, unchanged: int, failed: int, what: str, out: Path) -> None:
    if made or unchanged:
        kept = f", {unchanged} không đổi từ lần trước" if unchanged else ""
        per = f"; {_vn(progress.elapsed() / made, 2)} s/văn bản" if made else ""
        click.echo(f"Đã tạo {made} {what} trong {out}{kept} "
                   f"(tổng {progress.total_time()}{per}).")
    else:
        click.echo("Không tạo được tệp nào.", err=True)
    if failed:
        click.echo(f"{failed} văn bản không chuyển được.", err=True)


def _options(f):
    f = click.option("--workers", "-j", type=click.IntRange(1), default=None, metavar="SỐ",
                     help="Số tiến trình LibreOffice (mặc định: số lõi CPU).")(f)
    f = click.option("--timeout", type=click.FloatRange(min=0.1), default=DEFAULT_TIMEOUT,
                     metavar="GIÂY", help="Thời gian tối đa cho mỗi lượt LibreOffice, tính "
                     f"bằng giây (mặc định: {DEFAULT_TIMEOUT:g}).")(f)
    f = click.option("--full", is_flag=True,
                     help="Chuyển lại mọi văn bản, kể cả văn bản không đổi từ lần trước.")(f)
    f = click.option("--batch-size", type=click.IntRange(1), default=DEFAULT_BATCH,
                     metavar="SỐ", show_default=True, help="Số văn bản mỗi lượt LibreOffice.")(f)
    return click.argument("paths", nargs=-1, type=click.Path(path_type=Path),
                          metavar="[TỆP_HOẶC_THƯ_MỤC]...")(f)


@click.command("pdf")
@_options
@click.option("--out", "-o", type=click.Path(path_type=Path), default=None, metavar="THƯ_MỤC",
              help="Thư mục PDF (mặc định: <thư mục đầu vào>/pdf).")
def pdf_command(paths: tuple[Path, ...], out: Path | None, workers: int | None,
                timeout: float, batch_size: int, full: bool) -> None:
    """Chuyển văn bản DOCX (tệp hoặc thư mục, mặc định build/) sang PDF bằng LibreOffice;
    chỉ chuyển các văn bản đã thay đổi từ lần trước."""
    paths = paths or (Path("build"),)
    try:
        docs = collect(paths)
        out = remember_out(None, None, out or default_out(paths, "pdf"))
        state = State(out)
        todo, digests = split_changed(docs, None if full else state, "pdf")
        result = run_conversion(todo, out, workers, timeout, batch_size)
    except DocgenError as err:
        _fail(err)
    for job in result.converted:
        rel = job.dest.relative_to(out).with_suffix(".docx").as_posix()
        state.record(rel, digests[rel], "pdf", [job.dest.relative_to(out).as_posix()])
    for job, _ in result.failed:
        state.forget(job.dest.relative_to(out).with_suffix(".docx").as_posix())
    state.save()
    _summary(len(result.converted), len(docs) - len(todo), len(result.failed), "tệp PDF", out)
    if result.failed:
        click.get_current_context().exit(1)


@click.command("preview")
@_options
@click.option("--out", "-o", type=click.Path(path_type=Path), default=None, metavar="THƯ_MỤC",
              help="Thư mục xem trước (mặc định: <thư mục đầu vào>/xem-truoc).")
@click.option("--all-pages", is_flag=True, help="Ảnh mọi trang, không chỉ trang 1.")
@click.option("--dpi", type=click.IntRange(30, 300), default=DPI, show_default=True, metavar="SỐ",
              help="Độ phân giải ảnh PNG (điểm ảnh mỗi inch); lớn hơn thì ảnh nét hơn và nặng hơn.")
def preview_command(paths: tuple[Path, ...], out: Path | None, workers: int | None,
                    timeout: float, batch_size: int, full: bool, all_pages: bool,
                    dpi: int) -> None:
    """Ảnh PNG trang đầu của mỗi văn bản và trang HTML xem nhanh cả loạt (index.html);
    chỉ làm lại các văn bản đã thay đổi từ lần trước."""
    paths = paths or (Path("build"),)
    settings = f"png:{dpi}:{'all' if all_pages else '1'}"
    try:
        docs = collect(paths)
        out = remember_out(None, None, out or default_out(paths, "xem-truoc"))
        state = State(out)
        todo, digests = split_changed(docs, None if full else state,
                                      settings)
        result = run_conversion(todo, out, workers, timeout, batch_size)
        made = _render_cards(result, out, all_pages, dpi, workers)
    except DocgenError as err:
        _fail(err)
    for card in made:
        state.record(card.name, digests[card.name], settings, [card.pdf, *card.pages])
    for job, _ in result.failed:
        state.forget(job.dest.relative_to(out).with_suffix(".docx").as_posix())
    state.save()
    cards = [_card(rel, state) for rel, _ in docs if state.files(rel)]
    if cards:
        sheet = out / "index.html"
        tmp = sheet.with_name(".index.html.tmp")
        tmp.write_text(contact_sheet(cards, f"Xem trước: {len(cards)} văn bản"), encoding="utf-8")
        os.chmod(tmp, FILE_MODE)
        os.replace(tmp, sheet)
    _summary(len(made), len(docs) - len(todo), len(result.failed), "bản xem trước", out)
    if cards:
        click.echo(f"Trang xem nhanh: {out / 'index.html'}")
    if result.failed:
        click.get_current_context().exit(1)


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


def _fail(err: DocgenError) -> None:
    for p in err.problems:
        click.echo(str(p), err=True)
    click.get_current_context().exit(err.exit_code)
