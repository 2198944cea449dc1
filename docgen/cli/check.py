"""`docgen check TỆP_HOẶC_THƯ_MỤC … [--json]`: the Decree 30 conformance report.

A folder is checked recursively (every *.docx, as `pdf` and `preview` take them), skipping
docgen's own `.docgen/` folder and Word's lock files (`~$…`).
Exit status: 0 no error finding, 1 at least one error finding, 2 an input could not be read
(every readable file is still checked and reported).
"""
from __future__ import annotations

from pathlib import Path

import click

from .. import progress
from ..errors import Problem, UsageError
from .common import echo_err, report_problems


def expand(paths: tuple[Path, ...]) -> tuple[list[Path], list[Problem]]:
    """The files to check: files as given, folders searched for *.docx; empty folders reported."""
    files: list[Path] = []
    problems: list[Problem] = []
    for path in paths:
        if not path.is_dir():
            files.append(path)
            continue
        found = sorted(p for p in path.rglob("*.docx") if p.is_file()
                       and ".docgen" not in p.relative_to(path).parts
                       and not p.name.startswith("~$"))
        if not found:
            problems.append(Problem(str(path), None, "check.no-docx",
                                    "thư mục không có tệp DOCX nào"))
        files.extend(found)
    return files, problems


@click.command("check", help="Kiểm tra thể thức văn bản DOCX theo Nghị định 30/2020/NĐ-CP "
                                  "(tệp, hoặc thư mục: mọi tệp .docx bên trong).")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path),
                metavar="TỆP_HOẶC_THƯ_MỤC...")
@click.option("--json", "as_json", is_flag=True, help="In kết quả dạng JSON.")
def check_command(paths: tuple[Path, ...], as_json: bool) -> int:
    from ..check import check_docx_bytes
    from ..check.report import json_report, summary_note
    from ..repair.inputs import load_docx  # also .doc (LibreOffice) and encrypted files

    files, problems = expand(paths)
    findings, checked = [], 0
    with progress.bar(len(files), "Kiểm tra thể thức") as bar:
        for path in files:
            try:
                findings.extend(check_docx_bytes(load_docx(path, refuse_locked=False), str(path)))
                checked += 1
            except UsageError as exc:
                problems.extend(exc.problems)
            bar.update(1)
    if as_json:
        click.echo(json_report(findings, checked, problems))
        for p in problems:
            echo_err(str(p))
    else:   # the one reporter: the findings are this command's output (stdout), with the summary line
        note = summary_note(checked, len(problems), progress.total_time() if checked > 1 else "")
        report_problems(problems, note, findings=[f.to_problem() for f in findings])
    if problems:
        return 2
    return 1 if any(f.is_error for f in findings) else 0
