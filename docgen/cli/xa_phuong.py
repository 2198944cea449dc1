"""`docgen xa-phuong [TEN…]`: build every commune's plan (or the named ones)."""

from __future__ import annotations

from pathlib import Path

import click

from .. import progress
from ..errors import DocgenError
from .common import build_options, echo_backups, report_problems

LIST = "can-nhap-xa-phuong.md"  # beside xa-phuong/, which holds only commune folders


def _print_summary(result) -> None:
    n, m, k = len(result.built), len(result.unchanged), len(result.failed)
    click.echo(f"Xã/phường: {n} đã dựng, {m} không đổi, {k} lỗi (thư mục {result.out_dir}/xa-phuong/; "
               f"tổng {progress.total_time()}).")
    echo_backups(result.out_dir, result.backed_up)
    total = sum(len(v) for v in result.cho_trong.values())
    if total:
        click.echo(f"Còn {total} chỗ trống cần điền trong {len(result.cho_trong)} văn bản; "
                   f"danh sách theo từng văn bản: {Path(result.out_dir) / LIST}")


def _write_list(result, content, force: bool) -> None:
    from ..pipeline.runner import commune_listing
    from ..pipeline.writer import write_outputs

    data = commune_listing(result.cho_trong, Path(content)).encode("utf-8")
    written = write_outputs(Path(result.out_dir), {LIST: data}, force=force)
    result.backed_up = [*result.backed_up, *written.backed_up]


@click.command("xa-phuong", help="Dựng kế hoạch CCHC của các xã, phường (tất cả, hoặc các xã/phường có tên).")
@click.argument("ten", nargs=-1, metavar="[TÊN_XÃ_PHƯỜNG]...")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None, metavar="SỐ",
              help="Số tiến trình dựng song song (mặc định: số nhân CPU).")
@build_options()
def xa_phuong_command(ten, jobs, content_dir, out_dir, templates_dir, no_check, force) -> int:
    from ..pipeline.batch import run_batch

    result = run_batch(content_dir, out_dir, names=list(ten), jobs=jobs,
                       templates=templates_dir, check=not no_check, force=force,
                       progress=progress.shown(2))
    if result.cho_trong or not result.problems:
        _write_list(result, content_dir, force)
    _print_summary(result)
    if result.problems or result.warnings:  # one report, one summary line
        note = (f" ({len(result.failed)} xã/phường không dựng được; các xã/phường khác đã dựng xong)"
                if result.problems else "")
        report_problems(result.problems + result.warnings, note)
    return DocgenError.exit_code if result.problems else 0
