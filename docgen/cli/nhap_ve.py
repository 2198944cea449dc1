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
        click.echo(f"Không có sửa đổi nào về chữ trong {shown} để đưa vào nội dung: không ghi tệp nào "
                   "(sửa định dạng không đưa về được; docgen build --force lưu bản sao tệp rồi ghi đè).")
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

