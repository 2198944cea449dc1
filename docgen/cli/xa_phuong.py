"""`docgen xa-phuong [TEN…]`: build every commune's plan (or the named ones); an alias of
`docgen build xa-phuong [TEN…]` (the runner, pipeline/runner.py)."""

from __future__ import annotations

import click

from .. import progress
from ..errors import DocgenError
from .common import build_options, report


@click.command("xa-phuong", help="Dựng kế hoạch CCHC của các xã, phường (tất cả, hoặc các xã/phường có tên).")
@click.argument("ten", nargs=-1, metavar="[TÊN_XÃ_PHƯỜNG]...")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None, metavar="SỐ",
              help="Số tiến trình dựng song song (mặc định: số nhân CPU).")
@build_options()
def xa_phuong_command(ten, jobs, content_dir, out_dir, templates_dir, no_check, force) -> int:
    from ..pipeline.runner import run

    result = run(content_dir, out_dir, targets=("xa-phuong",), names=ten, jobs=jobs, templates=templates_dir,
                 check=not no_check, force=force, progress=progress.shown(2))
    report(result, "xa-phuong/", f" ({len(result.failed)} xã/phường không dựng được; các xã/phường khác "
                                 "đã dựng xong)" if result.failed else "")
    return DocgenError.exit_code if result.problems else 0
