"""`docgen build [MỤC] [TÊN…]`: bring every document of the project up to date (pipeline/runner.py)."""

from __future__ import annotations

import click

from .. import progress
from ..errors import DocgenError
from .common import build_options, report

HELP = ('Dựng mọi văn bản của dự án vào build/<dự án>/, chỉ ghi lại văn bản thay đổi. MỤC (tùy chọn): '
        '"chinh" (quyết định, kế hoạch, phụ lục, tệp trọn bộ), "ke-hoach-con" (kế hoạch con và bảng '
        'phân công), "xa-phuong" [TÊN…] (kế hoạch xã, phường; tất cả hoặc các xã/phường có tên).')


def _targets(args: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    from ..pipeline.runner import TARGETS

    if not args:
        return TARGETS, ()
    if args[0] not in TARGETS:
        raise click.UsageError(f'không có mục "{args[0]}"; các mục: {", ".join(TARGETS)}')
    if args[0] != "xa-phuong" and len(args) > 1:
        raise click.UsageError(f'mục {args[0]} không nhận tên: {" ".join(args[1:])}')
    return (args[0],), args[1:]


@click.command("build", help=HELP)
@click.argument("muc", nargs=-1, metavar="[MỤC] [TÊN_XÃ_PHƯỜNG]...")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None, metavar="SỐ",
              help="Số tiến trình dựng kế hoạch xã, phường song song (mặc định: số nhân CPU).")
@build_options()
def build_command(muc, jobs, content_dir, out_dir, templates_dir, no_check, force) -> int:
    from ..pipeline.runner import run

    targets, names = _targets(muc)
    result = run(content_dir, out_dir, targets=targets, names=names, jobs=jobs, templates=templates_dir,
                 check=not no_check, force=force, progress=progress.shown(2))
    report(result)
    return DocgenError.exit_code if result.problems else 0
