"""`docgen diff` and `docgen watch`."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

import click

from ..diff.compare import compare_build, compare_files
from ..diff.textdiff import DocDiff, html_page, terminal_lines
from ..errors import DocgenError, Problem, UsageError
from ..paths import default_build_dir
from .common import (
    CONTENT_HELP,
    EXAMPLE_HELP,
    OUT_DEFAULT,
    SHOWN,
    default_out,
    remember_out,
    report,
    report_problems,
    resolve_content,
)

BuildFn = Callable[[Path, Path], object]


def fail(err: DocgenError) -> None:
    """Print every problem of `err` and the summary line (the one reporter), exit with its code."""
    report_problems(err.problems)
    click.get_current_context().exit(err.exit_code)


def write_atomic(path: Path, text: str) -> None:
    """Write `text` to `path` through a temp file in the same folder and os.replace."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


def echo_diffs(diffs: list[DocDiff], summary_only: bool) -> None:
    for d in diffs:
        for line in terminal_lines(d, summary_only):
            fg = ("red" if line.startswith("  - ") else "green" if line.startswith("  + ")
                  else "cyan" if line.startswith("  * ") else None)
            click.secho(line, fg=fg, bold=not line.startswith(" ") and bool(line))
    changed = [d for d in diffs if d.changed]
    click.echo(f"{len(changed)} văn bản thay đổi." if changed else "Không có văn bản nào thay đổi.")


@click.command("diff")
@click.argument("files", nargs=-1, type=click.Path(path_type=Path), metavar="[TRƯỚC.docx SAU.docx]")
@click.option("--build-dir", "-b", type=click.Path(path_type=Path), default=None,
              metavar="THƯ_MỤC", help="Thư mục bản dựng (khi không chỉ tệp). Mặc định: build/<dự án>/.")
@click.option("--html", "html_path", type=click.Path(path_type=Path), metavar="TỆP",
              help="Ghi trang HTML vào đây (mặc định khi so bản dựng: "
                   "<bản dựng>/.docgen/khac-biet.html).")
@click.option("--summary-only", is_flag=True, help="Chỉ in tóm tắt, không in từng đoạn.")
@click.option("--content", "content_dir", type=click.Path(path_type=Path), default=None,
              metavar="THƯ_MỤC", help="Dự án có bản dựng cần so (build/<dự án>/). " + CONTENT_HELP)
@click.option("--vi-du", "example", is_flag=True, help=EXAMPLE_HELP)
def diff_command(files: tuple[Path, ...], build_dir: Path, html_path: Path | None,
                 summary_only: bool, content_dir: Path | None, example: bool) -> None:
    """So sánh hai tệp DOCX (TRƯỚC SAU), hoặc bản dựng hiện tại với bản dựng trước."""
    try:
        if len(files) == 2:
            diffs = [compare_files(files[0], files[1], files[1].name)]
            title = f"Khác biệt: {files[0]} → {files[1]}"
        elif not files:
            build_dir = build_dir or default_build_dir(content_dir, example)
            diffs = compare_build(build_dir)
            title = f"Khác biệt so với bản dựng trước: {build_dir}"
            html_path = html_path or build_dir / ".docgen" / "khac-biet.html"
        else:
            raise UsageError(Problem("docgen diff", None, "diff.usage",
                                     "cần đúng hai tệp DOCX (trước, sau), hoặc không tệp nào "
                                     "để so bản dựng với bản dựng trước"))
    except DocgenError as err:
        fail(err)
    echo_diffs(diffs, summary_only)
    if html_path is not None:
        write_atomic(html_path, html_page(diffs, title))
        click.echo(f"Trang HTML: {html_path}")


def _default_build(templates_dir: Path | None) -> BuildFn:
    """The runner (every target: core, derived, communes) with the templates folder bound: its
    change detection rebuilds whatever the saved file affects."""
    from docgen.pipeline.runner import run  # imported late: the build pulls in docxtpl and pydantic

    return lambda content_dir, out_dir: run(content_dir, out_dir, templates=templates_dir)


def _runner_affected(content_dir: Path, out_dir: Path, changed: list[str], templates_dir: Path | None) -> list[str]:
    from docgen.pipeline.runner import affected

    return affected(content_dir, out_dir, changed, templates_dir)


def _echo_affected(docs: list[str]) -> None:
    """Which documents the saved files can change: the ones whose recorded inputs include them."""
    more = f" … và {len(docs) - SHOWN} văn bản khác" if len(docs) > SHOWN else ""
    click.echo(f"Văn bản đọc tệp này: {len(docs)}" + (f" ({', '.join(docs[:SHOWN])}{more})." if docs else "."))


def make_watch_command(build_fn: BuildFn | None = None, affected_fn=None) -> click.Command:
    """The `watch` command; `build_fn(content_dir, out_dir)` defaults to the runner, whose
    result (pipeline.result.Result) is printed by the one reporter, and `affected_fn(content_dir,
    out_dir, changed, templates_dir)` to the runner's `affected`: the documents whose recorded
    inputs (their per-document digests' keys) include a saved file, printed before the rebuild.
    Another `build_fn` (tests) may return anything: then every document is diffed.
    """
    if build_fn is None and affected_fn is None:
        affected_fn = _runner_affected

    @click.command("watch")
    @click.option("--content", "content_dir", type=click.Path(path_type=Path), default=None,
                  metavar="THƯ_MỤC", help=CONTENT_HELP)
    @click.option("--vi-du", "example", is_flag=True, help=EXAMPLE_HELP)
    @click.option("--out", "out_dir", type=click.Path(path_type=Path), default=None,
                  metavar="THƯ_MỤC", callback=remember_out,
                  help=f"Thư mục bản dựng. {OUT_DEFAULT}")
    @click.option("--templates", "templates_dir", type=click.Path(path_type=Path),
                  default=None, metavar="THƯ_MỤC", help="Thư mục mẫu (mặc định: templates/).")
    @click.option("--quiet", type=click.FloatRange(min=0.01), default=0.3, metavar="GIÂY",
                  help="Dựng lại khi đã yên bấy nhiêu giây sau lần lưu cuối (mặc định: 0,3).")
    @click.option("--polling", is_flag=True,
                  help="Quét thư mục định kỳ thay vì nhận tin từ hệ điều hành (dùng cho ổ mạng).")
    @click.option("--max-builds", type=int, default=None, hidden=True)
    def watch_command(content_dir: Path | None, example: bool, out_dir: Path,
                      templates_dir: Path | None, quiet: float, polling: bool,
                      max_builds: int | None) -> None:
        """Theo dõi nội dung và mẫu; dựng lại khi có tệp được lưu và in tóm tắt thay đổi."""
        from docgen.paths import templates_dir as default_templates

        try:
            content_dir = resolve_content(content_dir, example)
            out_dir = default_out(out_dir, content_dir)
            roots = _roots(content_dir, templates_dir, default_templates())
        except DocgenError as err:
            fail(err)
        build = build_fn or _default_build(templates_dir)
        click.echo(f"Đang theo dõi {', '.join(str(r) for r in roots)} (Ctrl+C để dừng).")

        def rebuild(changed: list[str]) -> None:
            click.echo(f"Tệp đã lưu: {', '.join(changed)}")
            if affected_fn is not None:
                _echo_affected(affected_fn(content_dir, out_dir, changed, templates_dir))
            _rebuild_once(build, content_dir, out_dir)

        from docgen.diff.watch import watch as watch_loop  # watchfiles: only when watching

        try:
            watch_loop(roots, rebuild, quiet=quiet, polling=polling, max_builds=max_builds)
        except KeyboardInterrupt:
            click.echo("Đã dừng theo dõi.")

    return watch_command


def _roots(content_dir: Path, templates_dir: Path | None, default_templates: Path) -> list[Path]:
    if not content_dir.is_dir():
        raise UsageError(Problem(str(content_dir), None, "watch.missing-dir",
                                 "thư mục nội dung không tồn tại"))
    if templates_dir is not None and not templates_dir.is_dir():
        raise UsageError(Problem(str(templates_dir), None, "watch.missing-dir",
                                 "thư mục mẫu không tồn tại"))
    templates = templates_dir or (default_templates if default_templates.is_dir() else None)
    return [content_dir] + ([templates] if templates else [])


def _rebuild_once(build: BuildFn, content_dir: Path, out_dir: Path) -> None:
    """One build and its diff summary; problems are printed and watching goes on."""
    from docgen.pipeline.result import Result

    try:
        result = build(content_dir, out_dir)
    except DocgenError as err:
        report_problems(err.problems, " (dựng lại thất bại; đang chờ sửa)")
        return
    written = None
    if isinstance(result, Result):
        report(result)
        written = [r for r in result.written if r not in result.lists]
        if not written:
            return
    else:
        click.echo("Đã dựng lại.")
    try:
        echo_diffs(compare_build(out_dir, written), summary_only=True)
    except DocgenError as err:
        report_problems(err.problems)


watch_command = make_watch_command()
