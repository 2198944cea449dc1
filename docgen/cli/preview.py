"""`docgen pdf` and `docgen preview`.

Only click, paths and messages here: the conversion (`run`, the LibreOffice pool) is imported
when a command runs, so that every other command starts on any operating system.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import click

from .. import progress
from ..errors import DocgenError, Problem, UsageError
from ..paths import default_build_dir
from .common import CONTENT_HELP, EXAMPLE_HELP, remember_out, report_problems

# The command's defaults (passed explicitly to the pool and to pdftoppm).
TIMEOUT = 120.0   # seconds per LibreOffice call
BATCH = 20        # documents per LibreOffice call
DPI = 100         # PNG resolution


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


def _vn(x: float, digits: int) -> str:
    """A number the Vietnamese way: decimal comma."""
    return f"{x:.{digits}f}".replace(".", ",")


def _summary(made: int, unchanged: int, failed: int, what: str, out: Path) -> None:
    total = progress.total_time()
    if made or (unchanged and failed):
        kept = f", {unchanged} không đổi từ lần trước" if unchanged else ""
        click.echo(f"Đã tạo {made} {what} trong {out}{kept} "
                   f"(tổng {total}" + (f"; {_vn(progress.elapsed() / made, 2)} s/văn bản)." if made else ")."))
    elif unchanged:
        click.echo(f"Không văn bản nào thay đổi từ lần trước: {unchanged} {what} trong {out} "
                   f"vẫn đúng (tổng {total}; --full để làm lại tất cả).")
    else:
        click.echo("Không tạo được tệp nào.", err=True)
    if failed:
        click.echo(f"{failed} văn bản không chuyển được.", err=True)


def _options(f):
    f = click.option("--workers", "-j", type=click.IntRange(1), default=None, metavar="SỐ",
                     help="Số tiến trình LibreOffice (mặc định: số lõi CPU).")(f)
    f = click.option("--timeout", type=click.FloatRange(min=0.1), default=TIMEOUT,
                     metavar="GIÂY", help="Thời gian tối đa cho mỗi lượt LibreOffice, tính "
                     f"bằng giây (mặc định: {TIMEOUT:g}).")(f)
    f = click.option("--full", is_flag=True,
                     help="Chuyển lại mọi văn bản, kể cả văn bản không đổi từ lần trước.")(f)
    f = click.option("--batch-size", type=click.IntRange(1), default=BATCH,
                     metavar="SỐ", show_default=True, help="Số văn bản mỗi lượt LibreOffice.")(f)
    f = click.option("--content", "content_dir", type=click.Path(path_type=Path), default=None,
                     metavar="THƯ_MỤC", help="Khi không chỉ tệp: đọc build/<dự án>/ của dự án này. "
                     + CONTENT_HELP)(f)
    f = click.option("--vi-du", "example", is_flag=True, help=EXAMPLE_HELP)(f)
    return click.argument("paths", nargs=-1, type=click.Path(path_type=Path),
                          metavar="[TỆP_HOẶC_THƯ_MỤC]...")(f)


@click.command("pdf")
@_options
@click.option("--out", "-o", type=click.Path(path_type=Path), default=None, metavar="THƯ_MỤC",
              help="Thư mục PDF (mặc định: <thư mục đầu vào>/pdf).")
def pdf_command(paths: tuple[Path, ...], out: Path | None, workers: int | None,
                timeout: float, batch_size: int, full: bool, content_dir: Path | None,
                example: bool) -> None:
    """Chuyển văn bản DOCX (tệp hoặc thư mục, mặc định build/<dự án>/) sang PDF bằng LibreOffice;
    chỉ chuyển các văn bản đã thay đổi từ lần trước."""
    try:
        paths = paths or (default_build_dir(content_dir, example),)
        docs = collect(paths)
        out = remember_out(None, None, out or default_out(paths, "pdf"))
        from docgen.preview import run

        made, unchanged, failed = run.pdf(docs, out, full=full, workers=workers,
                                          timeout=timeout, batch_size=batch_size)
    except DocgenError as err:
        _fail(err)
    _summary(made, unchanged, failed, "tệp PDF", out)
    if failed:
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
                    dpi: int, content_dir: Path | None, example: bool) -> None:
    """Ảnh PNG trang đầu của mỗi văn bản và trang HTML xem nhanh cả loạt (index.html);
    chỉ làm lại các văn bản đã thay đổi từ lần trước."""
    try:
        paths = paths or (default_build_dir(content_dir, example),)
        docs = collect(paths)
        out = remember_out(None, None, out or default_out(paths, "xem-truoc"))
        from docgen.preview import run

        made, unchanged, failed, sheet = run.preview(
            docs, out, full=full, workers=workers, timeout=timeout, batch_size=batch_size,
            all_pages=all_pages, dpi=dpi)
    except DocgenError as err:
        _fail(err)
    _summary(made, unchanged, failed, "bản xem trước", out)
    if sheet:
        click.echo(f"Trang xem nhanh: {sheet}")
    if failed:
        click.get_current_context().exit(1)


def _fail(err: DocgenError) -> None:
    report_problems(err.problems)  # the one reporter: every problem, then the summary line
    click.get_current_context().exit(err.exit_code)
