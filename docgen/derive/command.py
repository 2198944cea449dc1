"""`docgen ke-hoach-con`: build the derived plan drafts and agency task sheets."""

from __future__ import annotations

import click

from ..cli import main_group, report_problems
from ..commands import build_options, echo_backups
from ..i18n import Choice
from .chon import KINDS


@main_group.command("ke-hoach-con", help="Dựng dự thảo các kế hoạch con (kiểm tra, tuyên truyền, ứng dụng CNTT, "
                                         "…) và bảng phân công nhiệm vụ của từng cơ quan vào build/ke-hoach-con/.")
@click.option("--agency", "agency", default=None, metavar="MÃ", help="Chỉ dựng cho một cơ quan (mã trong don-vi.yaml, ví dụ PNV).")
@click.option("--kind", "kind", type=Choice(KINDS), default=None,
              help="Chỉ dựng một loại kế hoạch: kiem_tra, tuyen_truyen, cntt, chung.")
@build_options("Thư mục ghi kết quả (kế hoạch con nằm trong <out>/ke-hoach-con/).")
def ke_hoach_con_command(agency, kind, content_dir, out_dir, templates_dir, no_check, force) -> None:
    from ..build.derived import build_derived

    result = build_derived(content_dir, out_dir, agency=agency, kind=kind,
                           templates=templates_dir, check=not no_check, force=force)
    built, w = result.build, result.build.write
    click.echo(f"Đã dựng {len(built.outputs)} văn bản vào {built.out_dir}/ke-hoach-con/: "
               f"{len(w.written)} đã ghi, {len(w.unchanged)} không đổi.")
    echo_backups(built.out_dir, w.backed_up)
    if result.cho_nhap:
        click.echo(f"Còn {len(result.cho_nhap)} chỗ cần nhập:")
        for item in result.cho_nhap:
            click.echo(f"  - {item}")
    else:
        click.echo("Không còn chỗ nào cần nhập.")
    if built.warnings:
        report_problems(built.warnings)
