"""`docgen xa-phuong [TEN…]`: build every commune's plan (or the named ones)."""

from __future__ import annotations

import click

from .. import progress
from ..cli import echo_err, main_group, report_problems
from ..commands import build_options, echo_backups
from ..errors import DocgenError


def _print_summary(result) -> None:
    n, m, k = len(result.built), len(result.unchanged), len(result.failed)
    click.echo(f"Xã/phường: {n} đã dựng, {m} không đổi, {k} lỗi (thư mục {result.out_dir}/xa-phuong/; "
               f"tổng {progress.total_time()}).")
    echo_backups(result.out_dir, result.backed_up)
    if result.cho_trong:
        click.echo(f"Còn {sum(len(v) for v in result.cho_trong.values())} chỗ trống cần điền "
                   "(thêm vào content/…/xa-phuong/<tên>.yaml, ví dụ khóa chu_tich):")
        for rel, items in sorted(result.cho_trong.items()):
            for item in items:
                click.echo(f"  {result.out_dir}/{rel}: {item}")


@main_group.command("xa-phuong", help="Dựng kế hoạch CCHC của các xã, phường (tất cả, hoặc các xã/phường có tên).")
@click.argument("ten", nargs=-1, metavar="[TÊN_XÃ_PHƯỜNG]...")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None, metavar="SỐ",
              help="Số tiến trình dựng song song (mặc định: số nhân CPU).")
@build_options()
def xa_phuong_command(ten, jobs, content_dir, out_dir, templates_dir, no_check, force) -> int:
    from .batch import run_batch

    result = run_batch(content_dir, out_dir, names=list(ten), jobs=jobs,
                       templates=templates_dir, check=not no_check, force=force,
                       progress=progress.shown(2))
    if result.warnings:
        report_problems(result.warnings)
    _print_summary(result)
    if result.problems:
        for p in result.problems:
            echo_err(str(p))
        echo_err(f"Có {len(result.problems)} lỗi ({len(result.failed)} xã/phường không dựng được); "
                 "các xã/phường khác đã dựng xong.")
        return DocgenError.exit_code
    return 0
