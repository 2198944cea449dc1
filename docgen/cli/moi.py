"""`docgen moi MỚI --tu CŨ [--nam NĂM]`: a project for a new year from an existing one (docgen/moi.py)."""

from __future__ import annotations

from pathlib import Path

import click


@click.command("moi", help="Tạo dự án nội dung MỚI từ dự án CŨ cho năm mới: dời năm trong trích yếu, tiêu đề, "
               "nội dung và thời hạn; để trống số và ngày ban hành; giữ nguyên căn cứ; giữ chú thích và cách "
               "trình bày của các tệp YAML; ghi can-xem.md liệt kê mọi chỗ cần người xem.")
@click.argument("new_dir", type=click.Path(path_type=Path), metavar="MỚI")
@click.option("--tu", "old_dir", type=click.Path(path_type=Path), required=True, metavar="CŨ",
              help="Thư mục dự án có sẵn (có don-vi.yaml).")
@click.option("--nam", type=click.IntRange(1990, 2100), default=None, metavar="NĂM",
              help="Năm của dự án mới (mặc định: năm của dự án cũ + 1).")
def moi_command(new_dir: Path, old_dir: Path, nam: int | None) -> int:
    from ..moi import REVIEW, moi
    from ..oserrors import display, fs_error

    try:
        result = moi(old_dir, new_dir, nam)
    except OSError as exc:
        raise fs_error(exc) from None
    shown = display(new_dir)
    click.echo(f"Đã tạo {shown} (năm {result.new}) từ {display(old_dir)} (năm {result.old}).")
    click.echo(f"Còn {len(result.notes)} chỗ cần người xem: {shown}/{REVIEW}")
    click.echo(f"Dựng: docgen build --content {shown}")
    return 0
