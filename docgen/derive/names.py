"""File and folder names that work on Windows as well as Linux and macOS.

Every name docgen generates is a slug of [a-z0-9-] (no ":", "\\", "/", "*", "?", no trailing
dot or space). What is left to guard: Windows' reserved device names, which no file or folder
may be called even with an extension ("con", "con.docx"), and the length of a path (Windows
Explorer and Word still stop at 260 characters): a slug is cut at a word boundary.
"""

from __future__ import annotations

RESERVED = frozenset({"con", "prn", "aux", "nul",
                      *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))})
MAX_NAME = 60


def windows_safe(name: str, limit: int = MAX_NAME) -> str:
    """A slug (already [a-z0-9-]) cut to `limit` at a "-", with "-1" after a reserved name."""
    if len(name) > limit:
        cut = name[:limit + 1].rsplit("-", 1)[0] if "-" in name[:limit + 1] else name[:limit]
        name = cut.strip("-") or name[:limit]
    if name.split(".")[0] in RESERVED:
        name += "-1"
    return name
