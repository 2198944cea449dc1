"""The core click commands (build). Other commands register from their own modules."""

from __future__ import annotations

import functools
from pathlib import Path

import click

from . import progress
from .cli import main_group, remember_out, report_problems
from .paths import DEFAULT_OUT
from .paths import content_dir as find_content


def build_options(out_help: str = "Thư mục ghi kết quả."):
    """The options every building command shares: --content, --vi-du, --out, --templates,
    --no-check, --force. The command receives `content_dir` already resolved (paths.content_dir):
    never None, and the project found automatically is named on screen.
    """
    options = [
        click.option("--content", "content_dir", type=click.Path(path_type=Path), default=None,
                     metavar="THƯ_MỤC", help=CONTENT_HELP),
        click.option("--vi-du", "example", is_flag=True, help=EXAMPLE_HELP),
        click.option("--out", "out_dir", type=click.Path(path_type=Path), default=DEFAULT_OUT,
                     metavar="THƯ_MỤC", show_default=True, callback=remember_out, help=out_help),
        click.option("--templates", "templates_dir", type=click.Path(path_type=Path), default=None,
                     metavar="THƯ_MỤC", help="Thư mục mẫu (mặc định: templates/)."),
        click.option("--no-check", is_flag=True, help="Không kiểm tra thể thức Nghị định 30 sau khi dựng."),
        click.option("--force", is_flag=True,
                     help="Ghi đè cả tệp đã sửa tay (lưu bản sao trong .docgen/sao-luu/)."),
    ]

    def decorate(command):
        @functools.wraps(command)
        def resolved(*args, content_dir, example, **kwargs):
            return command(*args, content_dir=resolve_content(content_dir, example), **kwargs)

        for option in reversed(options):
            resolved = option(resolved)
        return resolved

    return decorate


CONTENT_HELP = ("Thư mục nội dung (có don-vi.yaml). Mặc định: thư mục đang đứng nếu là thư mục "
                "nội dung, hoặc dự án duy nhất trong content/.")
EXAMPLE_HELP = "Dùng nội dung ví dụ đi kèm (Hoài Nhơn 2021)."


def resolve_content(explicit: Path | None, example: bool) -> Path:
    """--content, --vi-du or the project found here; say which when it was not named."""
    found = find_content(explicit, example)
    if explicit is None:
        click.echo(f"Nội dung: {found.as_posix()}"
                   + (" (ví dụ đi kèm)." if example else " (tự tìm thấy; chọn khác bằng --content)."))
    return found


def echo_backups(out_dir, backed_up) -> None:
    for rel in backed_up:
        click.echo(f"  Đã lưu bản sửa tay của {rel} vào {out_dir}/.docgen/sao-luu/ trước khi ghi đè.")


def _summary(result) -> None:
    w = result.write
    click.echo(f"Đã dựng {len(result.outputs)} văn bản vào {result.out_dir}/: "
               f"{len(w.written)} đã ghi, {len(w.unchanged)} không đổi (tổng {progress.total_time()}).")
    echo_backups(result.out_dir, w.backed_up)
    if result.warnings:
        report_problems(result.warnings)


@main_group.command("build", help="Dựng quyết định, kế hoạch, phụ lục và tệp trọn bộ vào build/.")
@build_options()
def build_command(content_dir, out_dir, templates_dir, no_check, force) -> None:
    from .pipeline import build

    result = build(content_dir, out_dir, templates=templates_dir,
                   check=not no_check, force=force)
    _summary(result)
from .derive import command as _ke_hoach_con_command  # noqa: E402,F401  (registers `docgen ke-hoach-con`)
from .pipeline import commune_command as _commune_command  # noqa: E402,F401  (registers `docgen xa-phuong`)
