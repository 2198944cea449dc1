"""The command line: click commands only. Each parses options, calls one function, prints.

Every message is Vietnamese. Problems print as `path:line: lỗi: … [code]`, then a summary.
Exit status: 0 success, 1 content/build/check failure, 2 usage error or unreadable input.
An unexpected exception is a bug: its traceback goes to a log file and the user is told where.
"""

from __future__ import annotations

import sys
import traceback
from pathlib import Path

import click

from .errors import DocgenError, Problem

LOG_FILE = Path("build") / ".docgen" / "loi.log"

_USAGE_VI = [
    ("No such option", "không có tùy chọn"),
    ("No such command", "không có lệnh"),
    ("Missing argument", "thiếu tham số"),
    ("Missing option", "thiếu tùy chọn"),
    ("Invalid value", "giá trị không hợp lệ"),
    ("does not exist", "không tồn tại"),
    ("Got unexpected extra argument", "thừa tham số"),
    ("requires an argument", "cần một giá trị"),
    ("Did you mean", "Có phải"),
]


def echo_err(text: str) -> None:
    click.echo(text, err=True)


def report_problems(problems: list[Problem], what: str = "vấn đề") -> None:
    for p in problems:
        echo_err(str(p))
    errors = sum(p.is_error for p in problems)
    echo_err(f"Có {errors} lỗi, {len(problems) - errors} cảnh báo.")


def _usage_vi(message: str) -> str:
    for en, vi in _USAGE_VI:
        message = message.replace(en, vi)
    return message


def _log_bug(exc: BaseException) -> Path:
    path = LOG_FILE if LOG_FILE.parent.parent.exists() else Path.cwd() / "docgen-loi.log"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("".join(traceback.format_exception(exc)), "utf-8")
    except OSError:
        path = Path("/tmp/docgen-loi.log")
        path.write_text("".join(traceback.format_exception(exc)), "utf-8")
    return path


@click.group(help="docgen: dựng văn bản hành chính theo Nghị định 30/2020/NĐ-CP từ nội dung có cấu trúc.")
@click.version_option(package_name="docgen", message="docgen %(version)s")
def main_group() -> None:
    """The command group; commands register below and in their own modules."""


def run(args: list[str] | None = None) -> int:
    """Run the CLI and return the exit status (used by `main` and by tests)."""
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
        hint = f" (xem: docgen {exc.ctx.command.name} --help)" if exc.ctx else ""
        echo_err(f"lỗi: {_usage_vi(exc.format_message())}{hint}")
        return 2
    except click.exceptions.Abort:
        echo_err("Đã dừng.")
        return 1
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except KeyboardInterrupt:
        echo_err("Đã dừng (Ctrl+C); các tệp trong build/ vẫn nguyên vẹn.")
        return 1
    except Exception as exc:  # noqa: BLE001 - a bug: log it, never show a traceback
        path = _log_bug(exc)
        echo_err(f"lỗi: docgen gặp lỗi nội bộ ({type(exc).__name__}). "
                 f"Chi tiết đã ghi vào {path}; xin gửi tệp này cho người phát triển.")
        return 1


def main() -> None:
    """The console-script entry point."""
    sys.exit(run())


from . import commands as _commands  # noqa: E402,F401  (registers the commands on main_group)
from .diff.command import diff_command, watch_command  # noqa: E402
from .preview.command import pdf_command, preview_command  # noqa: E402

for _command in (diff_command, watch_command, pdf_command, preview_command):
    main_group.add_command(_command)
from .check import command as _check_command  # noqa: E402,F401  (registers `docgen check`)
from .repair.command import sua_command  # noqa: E402  (`docgen sua`, issue 16)

main_group.add_command(sua_command)
