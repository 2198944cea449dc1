"""`docgen check FILE.docx [FILE.docx …] [--json]`: the Decree 30 conformance report.

Exit status: 0 no error finding, 1 at least one error finding, 2 an input file could not be
read (every readable file is still checked and reported).
"""
from __future__ import annotations

from pathlib import Path

import click

from docgen.cli import echo_err, main_group
from docgen.errors import UsageError


@main_group.command("check", help="Kiểm tra thể thức văn bản DOCX theo Nghị định 30/2020/NĐ-CP.")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="In kết quả dạng JSON.")
def check_command(files: tuple[Path, ...], as_json: bool) -> int:
    from docgen.check import check_docx_bytes
    from docgen.check.report import format_finding, json_report, summary
    from docgen.repair.inputs import load_docx  # also .doc (LibreOffice) and encrypted files

    findings, problems = [], []
    for path in files:
        try:
            found = check_docx_bytes(load_docx(path, refuse_locked=False), str(path))
        except UsageError as exc:
            problems.extend(exc.problems)
            continue
        findings.extend(found)
        if not as_json:
            for f in found:
                click.echo(format_finding(f))
    if as_json:
        click.echo(json_report(findings, len(files), problems))
    for p in problems:
        echo_err(str(p))
    if not as_json:
        click.echo(summary(findings, len(files)) +
                   (f"; {len(problems)} tệp không đọc được" if problems else ""))
    if problems:
        return 2
    return 1 if any(f.is_error for f in findings) else 0
