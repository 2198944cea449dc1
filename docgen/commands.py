"""The core click commands (build). Other commands register from their own modules."""

from __future__ import annotations

from pathlib import Path

import click

from .cli import main_group, report_problems
from .paths import DEFAULT_OUT, default_content_dir


def build_options(out_help: str = "Thư mục ghi kết quả."):
    """The options every building command shares: --content, --out, --templates, --no-check, --force."""
    options = [
        click.option("--content", "content_dir", type=click.Path(path_type=Path), default=None,
                     help="Thư mục nội dung (mặc định: content/hoai-nhon-2021)."),
        click.option("--out", "out_dir", type=click.Path(path_type=Path), default=DEFAULT_OUT,
                     show_default=True, help=out_help),
        click.option("--templates", "templates_dir", type=click.Path(path_type=Path), default=None,
                     help="Thư mục mẫu (mặc định: templates/)."),
        click.option("--no-check", is_flag=True, help="Không kiểm tra thể thức Nghị định 30 sau khi dựng."),
        click.option("--force", is_flag=True,
                     help="Ghi đè cả tệp đã sửa tay (lưu bản sao trong .docgen/sao-luu/)."),
    ]

    def decorate(command):
        for option in reversed(options):
            command = option(command)
        return command

    return decorate


def echo_backups(out_dir, backed_up) -> None:
    for rel in backed_up:
        click.echo(f"  Đã lưu bản sửa tay của {rel} vào {out_dir}/.docgen/sao-luu/ trước khi ghi đè.")


def _summary(result) -> None:
    w = result.write
    click.echo(f"Đã dựng {len(result.outputs)} văn bản vào {result.out_dir}/: "
               f"{len(w.written)} đã ghi, {len(w.unchanged)} không đổi.")
    echo_backups(result.out_dir, w.backed_up)
    if result.warnings:
        report_problems(result.warnings)


@main_group.command("build", help="Dựng quyết định, kế hoạch, phụ lục và tệp trọn bộ vào build/.")
@build_options()
def build_command(content_dir, out_dir, templates_dir, no_check, force) -> None:
    from .build import build

    result = build(content_dir or default_content_dir(), out_dir, templates=templates_dir,
                   check=not no_check, force=force)
    _summary(result)
from .build import commune_command as _commune_command  # noqa: E402,F401  (registers `docgen xa-phuong`)
from .derive import command as _ke_hoach_con_command  # noqa: E402,F401  (registers `docgen ke-hoach-con`)
