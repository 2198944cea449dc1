"""`docgen build`: the decision, plan, appendix and combined file."""

from __future__ import annotations

import click

from .. import progress
from .common import build_options, echo_backups, report_problems


def _summary(result) -> None:
    w = result.write
    click.echo(f"Đã dựng {len(result.outputs)} văn bản vào {result.out_dir}/: "
               f"{len(w.written)} đã ghi, {len(w.unchanged)} không đổi (tổng {progress.total_time()}).")
    echo_backups(result.out_dir, w.backed_up)
    if result.warnings:
        report_problems(result.warnings)


@click.command("build", help="Dựng quyết định, kế hoạch, phụ lục và tệp trọn bộ vào build/.")
@build_options()
def build_command(content_dir, out_dir, templates_dir, no_check, force) -> None:
    from ..pipeline import build

    result = build(content_dir, out_dir, templates=templates_dir,
                   check=not no_check, force=force)
    _summary(result)
