"""Where the templates and the bundled content are.

Search order: the working folder (a checkout or a user's project folder), then the source
tree next to the installed package (editable install), then the copies packed into the
wheel (`docgen/_data`).
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
DEFAULT_CONTENT = Path("content") / "hoai-nhon-2021"
DEFAULT_OUT = Path("build")


def _first_existing(relative: Path) -> Path:
    for base in (Path.cwd(), _PACKAGE.parent, _PACKAGE / "_data"):
        candidate = base / relative
        if candidate.exists():
            return candidate
    return Path.cwd() / relative


def templates_dir() -> Path:
    return _first_existing(Path("templates"))


def default_content_dir() -> Path:
    return _first_existing(DEFAULT_CONTENT)
