"""Click commands `pdf` and `preview` (registered in docgen.cli)."""

from __future__ import annotations

import os
import time
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import click

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
                   timeout: float, batch_size: int) -> tuple[Result, float]:
    """Say which font is used, convert, print the failures; (result, seconds)."""
    find_soffice()  # a missing LibreOffice is the first thing to say
    fonts = check_fonts()
    if fonts.message:
        click.echo(f"{'lưu ý' if fonts.ok else 'cảnh báo'}: {fonts.message}", err=True)
    jobs = [Job(src, out / Path(rel).with_suffix(".pdf")) for rel, src in docs]
    from docgen.build.writer import symlink_problem  # one rule for links inside an output folder

    links = {str(p): p for j in jobs for rel in (j.dest, j.dest.with_suffix(""))
             if (p := symlink_problem(out, rel.relative_to(out).as_posix()))}
    if links:
        raise DocgenError(list(links.values()))
    start = time.perf_counter()
    result = convert(jobs, workers=workers, timeout=timeout, batch_size=batch_size)
    seconds = time.perf_counter() - start
    for job, reason in result.failed:
        click.echo(f"{job.src}: lỗi: {reason} [preview.convert]", err=True)
    return result, seconds


def _vn(x: float, digits: int) -> str:
    """A number the Vietnamese way: decimal comma."""
    return f"{x:.{digits}f}".replace(".", ",")


def _summary(result: Result, seconds: float, what: str, out: Path) -> None:
    n = len(result.converted)
    if n:
        click.echo(f"Đã tạo {n} {what} trong {out} ({_vn(seconds, 1)} s; "
                   f"{_vn(seconds / n, 2)} s/văn bản).")
    else:
        click.echo("Không tạo được tệp nào.", err=True)
    if result.failed:
        click.echo(f"{len(result.failed)} văn bản không chuyển được.", err=True)


def _options(f):
    f = click.option("--workers", "-j", type=click.IntRange(1), default=None,
                     help="Số tiến trình LibreOffice (mặc định: số lõi CPU).")(f)
    f = click.option("--timeout", type=click.FloatRange(min=0.1), default=DEFAULT_TIMEOUT,
                     show_default=True, help="Thời gian tối đa cho mỗi lượt LibreOffice (giây).")(f)
    f = click.option("--batch-size", type=click.IntRange(1), default=DEFAULT_BATCH,
                     show_default=True, help="Số văn bản mỗi lượt LibreOffice.")(f)
    return click.argument("paths", nargs=-1, type=click.Path(path_type=Path))(f)


@click.command("pdf")
@_options
@click.option("--out", "-o", type=click.Path(path_type=Path), default=None,
              help="Thư mục PDF (mặc định: <thư mục đầu vào>/pdf).")
def pdf_command(paths: tuple[Path, ...], out: Path | None, workers: int | None,
                timeout: float, batch_size: int) -> None:
    """Chuyển văn bản DOCX (tệp hoặc thư mục, mặc định build/) sang PDF bằng LibreOffice."""
    paths = paths or (Path("build"),)
    try:
        docs = collect(paths)
        out = out or default_out(paths, "pdf")
        result, seconds = run_conversion(docs, out, workers, timeout, batch_size)
    except DocgenError as err:
        _fail(err)
    _summary(result, seconds, "tệp PDF", out)
    if result.failed:
        click.get_current_context().exit(1)


@click.command("preview")
@_options
@click.option("--out", "-o", type=click.Path(path_type=Path), default=None,
              help="Thư mục xem trước (mặc định: <thư mục đầu vào>/xem-truoc).")
@click.option("--all-pages", is_flag=True, help="Ảnh mọi trang, không chỉ trang 1.")
@click.option("--dpi", type=click.IntRange(30, 300), default=DPI, show_default=True)
def preview_command(paths: tuple[Path, ...], out: Path | None, workers: int | None,
                    timeout: float, batch_size: int, all_pages: bool, dpi: int) -> None:
    """Ảnh PNG trang đầu của mỗi văn bản và trang HTML xem nhanh cả loạt (index.html)."""
    paths = paths or (Path("build"),)
    try:
        docs = collect(paths)
        out = out or default_out(paths, "xem-truoc")
        result, seconds = run_conversion(docs, out, workers, timeout, batch_size)
        cards = _render_cards(result, out, all_pages, dpi, workers)
    except DocgenError as err:
        _fail(err)
    if cards:
        sheet = out / "index.html"
        tmp = sheet.with_name(".index.html.tmp")
        tmp.write_text(contact_sheet(cards, f"Xem trước: {len(cards)} văn bản"), encoding="utf-8")
        os.chmod(tmp, FILE_MODE)
        os.replace(tmp, sheet)
    _summary(result, seconds, "bản xem trước", out)
    if cards:
        click.echo(f"Trang xem nhanh: {out / 'index.html'}")
    if result.failed:
        click.get_current_context().exit(1)


def _render_cards(result: Result, out: Path, all_pages: bool, dpi: int,
                  workers: int | None) -> list[Card]:
    def one(job: Job) -> Card:
        pngs = render_pages(job.dest, job.dest.with_suffix(""), all_pages=all_pages, dpi=dpi)
        rel = job.dest.relative_to(out)
        return Card(rel.with_suffix(".docx").as_posix(),
                    tuple(p.relative_to(out).as_posix() for p in pngs), rel.as_posix())

    with ThreadPoolExecutor(workers or os.cpu_count() or 1) as pool:
        return list(pool.map(one, result.converted))


def _fail(err: DocgenError) -> None:
    for p in err.problems:
        click.echo(str(p), err=True)
    click.get_current_context().exit(err.exit_code)
