"""Where the templates and the content are.

Templates: the working folder (a checkout or a user's project folder), then the source tree next
to the installed package (editable install), then the copies packed into the wheel
(`docgen/_data`).

Content, when `--content` is not given (no silent default): the working folder when it is a
project (it holds `don-vi.yaml`), else the one project under `./content/`. Anything else is a
usage error that says what was looked for and how to choose: `--content DIR`, or `--vi-du` for
the bundled Hoài Nhơn example (the only way to build it from outside a checkout).
"""

from __future__ import annotations

from pathlib import Path

from .errors import Problem, UsageError

_PACKAGE = Path(__file__).resolve().parent
EXAMPLE = Path("content") / "hoai-nhon-2021"
DEFAULT_OUT = Path("build")
REGISTRY = "don-vi.yaml"


def _first_existing(relative: Path) -> Path:
    for base in (Path.cwd(), _PACKAGE.parent, _PACKAGE / "_data"):
        candidate = base / relative
        if candidate.exists():
            return candidate
    return Path.cwd() / relative


def templates_dir() -> Path:
    return _first_existing(Path("templates"))


def example_content_dir() -> Path:
    """The bundled Hoài Nhơn 2021 project (source tree or wheel copy)."""
    for base in (_PACKAGE.parent, _PACKAGE / "_data"):
        if (base / EXAMPLE / REGISTRY).is_file():
            return base / EXAMPLE
    return _PACKAGE / "_data" / EXAMPLE


def _projects_here() -> list[Path]:
    if Path(REGISTRY).is_file():
        return [Path(".")]
    folder = Path("content")
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if (p / REGISTRY).is_file())


def content_dir(explicit: Path | None, example: bool = False) -> Path:
    """The content folder of this run: --content, --vi-du, or the one project found here."""
    if explicit is not None and example:
        raise UsageError(Problem("--content", None, "usage.content-choice",
                                 "chỉ chọn một: --content THƯ_MỤC hoặc --vi-du"))
    if explicit is not None:
        return explicit
    if example:
        return example_content_dir()
    found = _projects_here()
    if len(found) == 1:
        return found[0]
    here = Path.cwd()
    if not found:
        raise UsageError(Problem(str(here), None, "usage.no-content",
                                 f"thư mục này không có nội dung để dựng (không thấy {REGISTRY}, "
                                 f"cũng không thấy content/<dự án>/{REGISTRY}); chỉ thư mục nội "
                                 "dung bằng --content THƯ_MỤC, hoặc dựng ví dụ Hoài Nhơn đi kèm "
                                 "bằng --vi-du"))
    names = ", ".join(p.as_posix() for p in found)
    raise UsageError(Problem(str(here), None, "usage.many-contents",
                             f"có {len(found)} dự án nội dung ({names}); chọn một bằng "
                             "--content THƯ_MỤC"))


def project_out(content: Path) -> Path:
    """Where a project builds by default: its own folder, build/<project>/ (issue #13), so that
    a new year's project (`docgen moi`) never writes over last year's documents."""
    return DEFAULT_OUT / (content.resolve().name or "du-an")


def default_build_dir(content: Path | None = None, example: bool = False) -> Path:
    """What diff, pdf and preview read by default: build/<project>/ of the project named
    (--content, --vi-du) or found here; build/ when no project is found (they read DOCX files,
    not content). Several projects and none named: the `[usage.many-contents]` error of build."""
    try:
        return project_out(content_dir(content, example))
    except UsageError as err:
        if content is not None or example or any(p.code != "usage.no-content" for p in err.problems):
            raise
        return DEFAULT_OUT


def default_content_dir() -> Path:
    """Kept for scripts and benchmarks: the bundled example."""
    return example_content_dir()
