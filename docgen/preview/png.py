"""PNG pages with pdftoppm, and the HTML contact sheet of a batch.

pdftoppm renders one page in about 0.25 s at 100 dpi. The contact sheet is one static HTML
page beside the images: relative links (it can be copied or zipped with its folder), every
name escaped for HTML and quoted for URLs.
"""

from __future__ import annotations

import html
import os
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from docgen.errors import DocgenError, Problem
from docgen.preview import procs
from docgen.preview.pool import FILE_MODE

DPI = 100


@dataclass(frozen=True)
class Card:
    """One document on the contact sheet: its name and the files, relative to the sheet."""

    name: str
    pages: tuple[str, ...]     # PNG paths
    pdf: str | None = None


def find_pdftoppm() -> str:
    """pdftoppm: $DOCGEN_PDFTOPPM, or on PATH (Windows: Poppler for Windows' Library\\bin)."""
    exe = procs.find_executable([os.environ.get("DOCGEN_PDFTOPPM"), "pdftoppm"])
    if not exe:
        raise DocgenError(Problem("pdftoppm", None, "preview.no-poppler",
                                  f"không tìm thấy pdftoppm (gói poppler-utils); {procs.poppler_hint()}"))
    return exe


def render_pages(pdf: Path, stem: Path, *, all_pages: bool = False, dpi: int = DPI,
                 timeout: float = 60.0) -> list[Path]:
    """Write `stem`.png (first page) or `stem`-1.png, -2.png … (all pages); return the paths.

    Rendered in a temp folder and renamed into place, so a PNG is whole or absent.
    """
    exe = find_pdftoppm()
    stem.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".png-", dir=stem.parent) as tmp:
        args = [exe, "-png", "-r", str(dpi)]
        args += [] if all_pages else ["-f", "1", "-l", "1", "-singlefile"]
        try:
            subprocess.run([*args, str(pdf), str(Path(tmp, "p"))], check=True,
                           capture_output=True, timeout=timeout)
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
            raise DocgenError(Problem(str(pdf), None, "preview.png",
                                      "pdftoppm không tạo được ảnh PNG")) from exc
        made = sorted(Path(tmp).glob("p*.png"), key=lambda p: (len(p.name), p.name))
        out = []
        for i, png in enumerate(made, 1):
            dest = stem.with_name(stem.name + (f"-{i}.png" if all_pages else ".png"))
            os.chmod(png, FILE_MODE)
            os.replace(png, dest)
            out.append(dest)
        return out


def contact_sheet(cards: list[Card], title: str) -> str:
    """The HTML page: a grid of first pages with the file names; links relative to the page."""
    out = ["<!DOCTYPE html>", '<html lang="vi"><head><meta charset="utf-8">',
           f"<title>{html.escape(title)}</title>",
           "<style>body{font-family:sans-serif;margin:1em}"
           ".grid{display:flex;flex-wrap:wrap;gap:1em}"
           "figure{margin:0;width:220px}figure img{width:100%;border:1px solid #999;"
           "box-shadow:2px 2px 4px #aaa}figcaption{font-size:.8em;word-break:break-all}"
           ".more img{width:60px;margin-right:2px}</style></head><body>",
           f"<h1>{html.escape(title)}</h1>", f"<p>{len(cards)} văn bản.</p>",
           '<div class="grid">']
    for c in cards:
        first = quote(c.pages[0]) if c.pages else ""
        target = quote(c.pdf) if c.pdf else first
        name = html.escape(c.name)
        out.append(f'<figure><a href="{html.escape(target)}">'
                   f'<img src="{html.escape(first)}" alt="{name}" loading="lazy"></a>')
        if len(c.pages) > 1:
            out.append('<div class="more">' + "".join(
                f'<a href="{html.escape(quote(p))}"><img src="{html.escape(quote(p))}" '
                f'alt="{name} trang {i}"></a>' for i, p in enumerate(c.pages[1:], 2)) + "</div>")
        out.append(f"<figcaption>{name}</figcaption></figure>")
    out += ["</div>", "</body></html>"]
    return "\n".join(out) + "\n"
