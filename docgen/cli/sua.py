"""`docgen sua FILE.docx|FILE.doc … [--out DIR] [--theo-doi]`: repaired copies.

Exit status: 0 every copy passes the checker without errors, 1 errors remain that need a
person, 2 an input could not be used (every usable file is still repaired)."""
from __future__ import annotations

from pathlib import Path

import click

from docgen.errors import UsageError


@click.command("sua", help="Sửa thể thức văn bản DOCX/DOC theo Nghị định 30/2020/NĐ-CP: ghi "
               "bản đã sửa (không bao giờ sửa tệp gốc), liệt kê từng chỗ đã sửa và những gì "
               "còn cần người sửa.")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path), metavar="TỆP...")
@click.option("--out", "out_dir", type=click.Path(path_type=Path, file_okay=False),
              help="Thư mục ghi bản đã sửa (mặc định: <tên>.da-sua.docx cạnh tệp gốc).")
@click.option("--theo-doi", "track", is_flag=True,
              help="Ghi các chỗ sửa dưới dạng theo dõi thay đổi để duyệt, chấp nhận hoặc từ chối "
              "từng chỗ trong Word.")
def sua_command(files: tuple[Path, ...], out_dir: Path | None, track: bool) -> int:
    from docgen.errors import Problem
    from docgen.repair.inputs import output_path
    from docgen.repair.report import file_report, summary
    from docgen.repair.run import repair_file

    before, remaining, problems, n_fixes, done = [], [], [], 0, 0
    written: dict[Path, Path] = {}
    for path in files:
        try:
            dest = output_path(path, out_dir)
            if dest.resolve() in written:
                raise UsageError(Problem(str(path), None, "repair.same-name",
                                         f"cùng tên kết quả {dest} với {written[dest.resolve()]}; "
                                         "hãy sửa từng tệp với một thư mục --out khác"))
            dest, result = repair_file(path, out_dir, track)
            written[dest.resolve()] = path
        except UsageError as exc:
            problems.extend(exc.problems)
            continue
        done += 1
        before += result.before
        remaining += result.remaining
        n_fixes += len(result.fixes)
        for line in file_report(str(path), str(dest), result.fixes, result.remaining):
            click.echo(line)
    for p in problems:
        click.echo(str(p), err=True)
    click.echo(summary(done, before, remaining, n_fixes, problems))
    if problems:
        return 2
    return 1 if any(f.is_error for f in remaining) else 0
