"""`docgen ke-hoach-con`: build the derived plan drafts and agency task sheets."""

from __future__ import annotations

from pathlib import Path

import click

from ..cli import main_group, report_problems
from ..paths import DEFAULT_OUT, default_content_dir
from .chon import KINDS


@main_group.command("ke-hoach-con", help="Dựng dự thảo các kế hoạch con (kiểm tra, tuyên truyền, ứng dụng CNTT, "
                                         "…) và bảng phân công nhiệm vụ của từng cơ quan vào build/ke-hoach-con/.")
@click.option("--agency", "agency", default=None, help="Chỉ dựng cho một cơ quan (mã trong don-vi.yaml, ví dụ PNV).")
@click.option("--kind", "kind", type=click.Choice(KINDS), default=None,
              help="Chỉ dựng một loại kế hoạch: kiem_tra, tuyen_truyen, cntt, chung.")
@click.option("--content", "content_dir", type=click.Path(path_type=Path), default=None,
              help="Thư mục nội dung (mặc định: content/hoai-nhon-2021).")
@click.option("--out", "out_dir", type=click.Path(path_type=Path), default=DEFAULT_OUT, show_default=True,
              help="Thư mục ghi kết quả (kế hoạch con nằm trong <out>/ke-hoach-con/).")
@click.option("--templates", "templates_dir", type=click.Path(path_type=Path), default=None,
              help="Thư mục mẫu (mặc định: templates/).")
@click.option("--no-check", is_flag=True, help="Không kiểm tra thể thức Nghị định 30 sau khi dựng.")
@click.option("--force", is_flag=True, help="Ghi đè cả tệp đã sửa tay (lưu bản sao trong .docgen/sao-luu/).")
def ke_hoach_con_command(agency, kind, content_dir, out_dir, templates_dir, no_check, force) -> None:
    from ..build.derived import build_derived

    result = build_derived(content_dir or default_content_dir(), out_dir, agency=agency, kind=kind,
                           templates=templates_dir, check=not no_check, force=force)
    built, w = result.build, result.build.write
    click.echo(f"Đã dựng {len(built.outputs)} văn bản vào {built.out_dir}/ke-hoach-con/: "
               f"{len(w.written)} đã ghi, {len(w.unchanged)} không đổi.")
    for rel in w.backed_up:
        click.echo(f"  Đã lưu bản sửa tay của {rel} vào {built.out_dir}/.docgen/sao-luu/ trước khi ghi đè.")
    if result.cho_nhap:
        click.echo(f"Còn {len(result.cho_nhap)} chỗ cần nhập:")
        for item in result.cho_nhap:
            click.echo(f"  - {item}")
    else:
        click.echo("Không còn chỗ nào cần nhập.")
    if built.warnings:
        report_problems(built.warnings)
