"""What the commands share: printing problems, the building options, the content lookup."""

from __future__ import annotations

import functools
import sys
from pathlib import Path

import click

from .. import progress
from ..errors import Problem, summary_line
from ..paths import content_dir as find_content
from ..paths import project_out

_out_dir: dict[str, Path] = {}  # the output folder of this run, for the crash log


def remember_out(ctx: click.Context, param: click.Parameter, value):
    """Option callback for --out: the crash log of this run goes to <out>/.docgen/loi.log."""
    if value is not None:
        _out_dir["out"] = Path(value)
    return value


def echo_err(text: str) -> None:
    click.echo(text, err=True)


def report_problems(problems: list[Problem], note: str = "", *, findings: list[Problem] | None = None) -> None:
    """The one reporter: every problem on its line, then one summary line (errors.summary_line)
    over all of them, on stderr. `findings` (docgen check): problems that are the command's own
    output, printed on stdout before the others, and the summary line with them."""
    out = click.echo if findings is not None else echo_err
    for f in findings or ():
        out(str(f))
    for p in problems:
        echo_err(str(p))
    out(summary_line([*(findings or ()), *problems], note))


SHOWN = 10  # rewritten documents named one by one; beyond, a count


def report(result, folder: str = "", note: str = "") -> None:
    """The one report of every building command (build, ke-hoach-con, xa-phuong, watch), from a
    pipeline.result.Result: the summary line (documents, written, unchanged, total time), which
    documents were rewritten, the hand edits saved, the places left for a person, then every
    problem and warning through report_problems."""
    lists = set(result.lists)
    written = [r for r in result.written if r not in lists]
    click.echo(f"Đã dựng {len(result.documents)} văn bản vào {result.out_dir}/{folder}: {len(written)} đã ghi, "
               f"{len(result.documents) - len(written)} không đổi (tổng {progress.total_time()}).")
    if written and len(written) < len(result.documents):  # which ones, when not all
        more = f" … và {len(written) - SHOWN} văn bản khác" if len(written) > SHOWN else ""
        click.echo(f"  Đã ghi lại: {', '.join(written[:SHOWN])}{more}.")
    echo_backups(result.out_dir, result.backed_up)
    where = ", ".join(str(Path(result.out_dir) / r) for r in result.lists)
    if result.cho_nhap:
        docs = len({c.van_ban for c in result.cho_nhap})
        click.echo(f"Còn {len(result.cho_nhap)} chỗ cần người nhập trong {docs} văn bản; "
                   f"danh sách theo từng văn bản: {where}")
    elif where:
        click.echo(f"Không còn chỗ nào cần nhập ({where}).")
    if result.problems or result.warnings:  # one report, one summary line
        if result.failed and not note:
            note = f" ({len(result.failed)} xã/phường không dựng được; các văn bản khác đã dựng xong)"
        report_problems(result.problems + result.warnings, note)


def build_options(out_help: str = "Thư mục ghi kết quả."):
    """The options every building command shares: --content, --vi-du, --out, --templates,
    --no-check, --force. The command receives `content_dir` already resolved (paths.content_dir):
    never None, and the project found automatically is named on screen.
    """
    options = [
        click.option("--content", "content_dir", type=click.Path(path_type=Path), default=None,
                     metavar="THƯ_MỤC", help=CONTENT_HELP),
        click.option("--vi-du", "example", is_flag=True, help=EXAMPLE_HELP),
        click.option("--out", "out_dir", type=click.Path(path_type=Path), default=None,
                     metavar="THƯ_MỤC", callback=remember_out, help=f"{out_help} {OUT_DEFAULT}"),
        click.option("--templates", "templates_dir", type=click.Path(path_type=Path), default=None,
                     metavar="THƯ_MỤC", help="Thư mục mẫu (mặc định: templates/)."),
        click.option("--no-check", is_flag=True, help="Không kiểm tra thể thức Nghị định 30 sau khi dựng."),
        click.option("--force", is_flag=True,
                     help="Ghi đè cả tệp đã sửa tay (lưu bản sao trong .docgen/sao-luu/)."),
    ]

    def decorate(command):
        @functools.wraps(command)
        def resolved(*args, content_dir, example, out_dir, **kwargs):
            content = resolve_content(content_dir, example)
            return command(*args, content_dir=content, out_dir=default_out(out_dir, content), **kwargs)

        for option in reversed(options):
            resolved = option(resolved)
        return resolved

    return decorate


OUT_DEFAULT = "Mặc định: build/<tên thư mục dự án>/, mỗi dự án một thư mục."


def default_out(out_dir: Path | None, content: Path) -> Path:
    """--out, or the project's own folder build/<project>/ (remembered for the crash log)."""
    return remember_out(None, None, out_dir if out_dir is not None else project_out(content))


CONTENT_HELP = ("Thư mục nội dung (có don-vi.yaml). Mặc định: thư mục đang đứng nếu là thư mục "
                "nội dung, hoặc dự án duy nhất trong content/.")
EXAMPLE_HELP = "Dùng nội dung ví dụ đi kèm (Hoài Nhơn 2021)."


def resolve_content(explicit: Path | None, example: bool) -> Path:
    """--content, --vi-du or the project found here; say which when it was not named."""
    found = find_content(explicit, example)
    if explicit is None:
        click.echo(f"Nội dung: {found.as_posix()}"
                   + (" (ví dụ đi kèm)." if example else " (tự tìm thấy; chọn khác bằng --content)."))
    return found


def echo_backups(out_dir, backed_up) -> None:
    for rel in backed_up:
        click.echo(f"  Đã lưu bản sửa tay của {rel} vào {out_dir}/.docgen/sao-luu/ trước khi ghi đè.")


class _TerminalBar:
    """click's progress bar on stderr: counts, a bar and the time left (progress.set_renderer)."""

    def __init__(self, total: int, label: str):
        self._bar = click.progressbar(length=total, label=label, file=sys.stderr,
                                      show_pos=True, show_eta=True, width=30)
        self._bar.__enter__()

    def update(self, n: int = 1) -> None:
        self._bar.update(n)

    def close(self) -> None:
        self._bar.__exit__(None, None, None)


def terminal_bar(total: int, label: str) -> _TerminalBar:
    return _TerminalBar(total, label)
