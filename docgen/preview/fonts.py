"""Which font LibreOffice will use for "Times New Roman", said in Vietnamese.

Times New Roman cannot be installed on most Linux servers; fontconfig substitutes Liberation
Serif, which has the same advance widths (the layout does not move). The older
fonts-liberation package lacks most Vietnamese letters: LibreOffice then mixes in DejaVu Serif
glyphs and the Quốc hiệu wraps, so fonts-liberation2 is checked for "ệ" and "ậ".
Windows has no fontconfig but ships Times New Roman: there the font file itself is looked for.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from docgen.preview import procs

TIMES = "Times New Roman"
LIBERATION = "Liberation Serif"
VIETNAMESE = "1ec7 1ead"  # ệ ậ: missing from the old fonts-liberation


@dataclass(frozen=True)
class FontStatus:
    family: str | None   # what "Times New Roman" resolves to; None if fc-match is missing
    ok: bool             # Times New Roman itself, or Liberation Serif with Vietnamese letters
    message: str         # Vietnamese, one line; "" when Times New Roman itself is present


def _fc(*args: str) -> str:
    try:
        return subprocess.run(args, capture_output=True, text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


def check_fonts(win: bool | None = None, env: Mapping[str, str] | None = None) -> FontStatus:
    """Ask fontconfig (fc-match, fc-list) what "Times New Roman" becomes; on Windows, look for
    times.ttf in %WINDIR%\\Fonts."""
    if procs.windows() if win is None else win:
        return _windows_fonts(os.environ if env is None else env)
    if not shutil.which("fc-match"):
        return FontStatus(None, False, "không kiểm tra được phông chữ (thiếu lệnh fc-match)")
    family = _fc("fc-match", "-f", "%{family[0]}", TIMES) or None
    if family == TIMES:
        return FontStatus(family, True, "")
    if family == LIBERATION:
        if _fc("fc-list", f"{LIBERATION}:charset={VIETNAMESE}", "family"):
            return FontStatus(family, True,
                              "máy này không có phông Times New Roman; dùng Liberation Serif "
                              "thay thế (cùng kích thước chữ, bố cục trang không đổi)")
        return FontStatus(family, False,
                          "Liberation Serif trên máy này thiếu chữ tiếng Việt (gói fonts-liberation "
                          "cũ); cài fonts-liberation2, nếu không dấu tiếng Việt sẽ lẫn phông khác")
    return FontStatus(family, False,
                      f"không có Times New Roman hay Liberation Serif; LibreOffice dùng "
                      f"{family or 'một phông khác'} nên bố cục trang có thể sai; "
                      "cài fonts-liberation2")


def _windows_fonts(env: Mapping[str, str]) -> FontStatus:
    fonts = Path(env.get("WINDIR") or env.get("SystemRoot") or r"C:\Windows", "Fonts")
    if (fonts / "times.ttf").is_file():
        return FontStatus(TIMES, True, "")
    return FontStatus(None, False, f"không thấy phông Times New Roman ({fonts / 'times.ttf'}); "
                                   "LibreOffice dùng phông khác nên bố cục trang có thể sai")
