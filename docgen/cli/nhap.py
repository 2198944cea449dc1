"""`docgen nhap TỆP.docx … [--content THƯ_MỤC]`: import Decree 30 documents into a content project."""

from __future__ import annotations

from pathlib import Path

import click

from .common import report_problems


@click.command("nhap", help="Nhập văn bản có sẵn (DOCX theo Nghị định 30: Quyết định, Kế hoạch, Phụ lục; "
               "một hay nhiều tệp) thành một dự án nội dung mà docgen build dựng được. Một tệp docgen đã dựng "
               "(build/<dự án>/…docx, sửa bằng Word): chỉ đưa những chỗ đã sửa về dự án của nó.")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path), metavar="TỆP.docx…")
@click.option("--content", "content_dir", type=click.Path(path_type=Path), default=None, metavar="THƯ_MỤC",
              help="Thư mục dự án sẽ ghi (mặc định: content/<tên tệp đầu tiên>/); với tệp docgen đã dựng: "
              "dự án nhận sửa đổi (mặc định: dự án đã dựng tệp đó).")
def nhap_command(files: tuple[Path, ...], content_dir: Path | None) -> int:
    from ..nhap import nhap
    from ..nhap.ghi import write
    from ..oserrors import display, fs_error
    from ..suatay import output_of

    if len(files) == 1 and output_of(files[0]) is not None:   # a document docgen built: edits back
        from .nhap_ve import run

        return run(files[0], content_dir)
    result = nhap(list(files))
    folder = content_dir if content_dir is not None else Path("content") / files[0].stem
    try:
        written = write(folder, result.files, [f.name for f in files])
    except OSError as exc:
        raise fs_error(exc) from None
    shown = display(folder)
    click.echo(f"Đã nhập {len(files)} tệp vào {shown}/: {', '.join(p.name for p in written)}.")
    for line in result.them_co_quan:
        click.echo(f"  Thêm cơ quan vào don-vi.yaml: {line}")
    if result.problems:
        report_problems(result.problems)
    click.echo(f"Dựng: docgen build --content {shown}")
    return 0
