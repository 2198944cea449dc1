"""The command line: click commands only. Each parses options, calls one function, prints.

Every message is Vietnamese. Problems print as `path:line: lỗi: … [code]`, then a summary.
Exit status: 0 success, 1 content/build/check failure, 2 usage error or unreadable input.
An unexpected exception is a bug: its traceback goes to a log file and the user is told where.
"""

from __future__ import annotations

import sys
import tempfile
import traceback
from pathlib import Path

import click

from .. import progress
from ..errors import DocgenError
from . import i18n
from .common import _out_dir, echo_err, report_problems, terminal_bar


def _log_bug(exc: BaseException) -> Path:
    """Write the traceback beside the output this run used; the first place that can be written."""
    text = "".join(traceback.format_exception(exc))
    out = _out_dir.get("out")
    places = [out / ".docgen" / "loi.log"] if out is not None else []
    places += [Path.cwd() / "docgen-loi.log", Path(tempfile.gettempdir()) / "docgen-loi.log"]
    for path in places:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, "utf-8")
            return path
        except OSError:
            continue
    return places[-1]


def make_group() -> click.Group:
    """The `docgen` command group, with every command added here, in help order."""
    from .build import build_command
    from .check import check_command
    from .diff import diff_command, watch_command
    from .excel import excel_command
    from .ke_hoach_con import ke_hoach_con_command
    from .moi import moi_command
    from .nhap import nhap_command
    from .preview import pdf_command, preview_command
    from .sua import sua_command
    from .xa_phuong import xa_phuong_command

    @click.group(cls=i18n.Group, context_settings={"help_option_names": ["-h", "--help"]},
                 help="docgen: dựng văn bản hành chính theo Nghị định 30/2020/NĐ-CP từ nội dung có cấu trúc.")
    @click.version_option(package_name="docgen", message="docgen %(version)s")
    def group() -> None:
        """The command group."""

    for command in (build_command, check_command, ke_hoach_con_command, xa_phuong_command,
                    diff_command, watch_command, pdf_command, preview_command, sua_command,
                    excel_command, moi_command, nhap_command):
        group.add_command(command)
    return group


main_group = make_group()


def _help_hint(ctx: click.Context | None) -> str:
    """ (xem: docgen build --help), for the command the mistake is in."""
    if ctx is None:
        return ""
    return f" (xem: {ctx.command_path} --help)"


def run(args: list[str] | None = None, *, started: float | None = None) -> int:
    """Run the CLI and return the exit status (used by `main` and by tests)."""
    progress.start(started)
    progress.set_renderer(terminal_bar)
    _out_dir.clear()
    try:
        result = main_group.main(args=args, prog_name="docgen", standalone_mode=False)
        return result if isinstance(result, int) else 0
    except DocgenError as exc:
        report_problems(exc.problems)
        return exc.exit_code
    except click.exceptions.NoArgsIsHelpError as exc:
        click.echo(exc.ctx.get_help() if exc.ctx else "")
        return 0
    except click.UsageError as exc:
        echo_err(f"lỗi: {i18n.usage_message(exc)}{_help_hint(exc.ctx)}")
        return 2
    except click.exceptions.Abort:
        echo_err("Đã dừng.")
        return 1
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except KeyboardInterrupt:
        echo_err("Đã dừng (Ctrl+C); các tệp đã dựng vẫn nguyên vẹn.")
        return 1
    except OSError as exc:  # a filesystem fault, not a bug: path, [io.*] code (docgen/oserrors.py)
        from ..oserrors import fs_problem

        report_problems([fs_problem(exc)])
        return 1
    except Exception as exc:  # noqa: BLE001 - a bug: log it, never show a traceback
        path = _log_bug(exc)
        echo_err(f"lỗi: docgen gặp lỗi nội bộ ({type(exc).__name__}). "
                 f"Chi tiết đã ghi vào {path}; xin gửi tệp này cho người phát triển.")
        return 1


def utf8_output(streams=None) -> None:
    """Vietnamese never crashes the output: a stream redirected to a file or a pipe on Windows
    has the ANSI code page (cp1252, cp1258), which cannot encode "ệ"; write UTF-8 there.
    A console is left alone (Python writes Unicode to the Windows console itself)."""
    for stream in streams if streams is not None else (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if encoding != "utf8" and hasattr(stream, "reconfigure") and not stream.isatty():
            stream.reconfigure(encoding="utf-8", errors="replace")


def main() -> None:
    """The console-script entry point."""
    from .. import STARTED

    utf8_output()
    sys.exit(run(started=STARTED))
