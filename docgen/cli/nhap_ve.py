"""`docgen nhap build/<project>/ke-hoach.docx`: the hand edits of a built document back into its
content project (docgen/suatay/). The `nhap` command calls `run` when its one file is a document
docgen built (suatay.output_of); any other DOCX is imported as a new project."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import DocgenError
from ..oserrors import display
from .common import report_problems


def run(docx: Path, content: Path | None = None, templates: Path | None = None, importer=None) -> int:
    from ..suatay import nhap_ve

    ket = nhap_ve(docx, content=content, templates=templates, importer=importer)
    shown, project = display(docx), display(ket.content)
    if ket.intact:
        click.echo(f"{shown} vẫn như docgen đã dựng (không có sửa tay): nội dung {project} giữ nguyên.")
        return 0
    if not ket.changes:
        click.echo(f"Không có sửa đổi nào của {shown} cần đưa vào nội dung: không ghi tệp nào.")
    else:
        click.echo(f"Sửa đổi trong {shown} đã đưa vào {project}:")
        for change in ket.changes:
            click.echo(f"  {change}")
        saved = ", ".join(f"{rel}.bak" for rel in ket.written)
        click.echo(f"Đã ghi {len(ket.written)} tệp (bản trước: {saved}). "
                   f"Dựng lại: docgen build --content {project}")
    if ket.problems:
        report_problems(ket.problems)
    return DocgenError.exit_code if any(p.is_error for p in ket.problems) else 0


@click.command("nhap", help="Đưa sửa đổi trong Word của một văn bản docgen đã dựng (build/<dự án>/…docx) "
               "vào dự án nội dung đã dựng ra nó: chỉ ghi những chỗ đã đổi, giữ chú thích và cách trình bày "
               "của tệp YAML, in danh sách sửa đổi.")
@click.argument("docx", type=click.Path(path_type=Path, exists=True, dir_okay=False), metavar="TỆP.docx")
@click.option("--content", "content_dir", type=click.Path(path_type=Path, file_okay=False), default=None,
              metavar="THƯ_MỤC", help="Dự án nội dung (mặc định: dự án đã dựng ra tệp, ghi trong .docgen/).")
@click.option("--templates", "templates_dir", type=click.Path(path_type=Path), default=None,
              metavar="THƯ_MỤC", help="Thư mục mẫu đã dùng khi dựng (mặc định: templates/).")
def nhap_command(docx: Path, content_dir: Path | None, templates_dir: Path | None) -> int:
    return run(docx, content_dir, templates_dir)
