"""What differs between Windows and POSIX for the LibreOffice pool, behind one switch.

Every function takes `win` (default: `windows()`, i.e. os.name == "nt"), so that the Windows
branches can be tested on Linux: the options soffice is started with (a new session on POSIX,
so that the whole soffice -> oosplash -> soffice.bin tree is one process group; a new process
group on Windows), how that tree is killed (`killpg` on POSIX; `taskkill /F /T /PID`, which
ships with every Windows, on Windows: no psutil dependency for one call), where soffice is
looked for, the per-user name of the profiles folder, and the install hints.

Windows' own calls are only reached when `win` is true; POSIX-only ones only when it is false.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
from collections.abc import Callable, Mapping

# subprocess.CREATE_NEW_PROCESS_GROUP exists on Windows only; its value is fixed by Win32.
CREATE_NEW_PROCESS_GROUP = getattr(subprocess, "CREATE_NEW_PROCESS_GROUP", 0x00000200)

LINUX_HINT = ("cài đặt: sudo apt-get install --no-install-recommends libreoffice-writer-nogui "
              "poppler-utils fonts-liberation2 (xem README)")
WINDOWS_HINT = (r"cài LibreOffice cho Windows (libreoffice.org) vào C:\Program Files\LibreOffice, "
                r"hoặc đặt DOCGEN_SOFFICE=đường dẫn tới soffice.exe (xem README)")
WINDOWS_POPPLER_HINT = ("ảnh PNG cần pdftoppm của Poppler cho Windows: giải nén bản Poppler cho "
                        "Windows và thêm thư mục Library\\bin của nó vào PATH (xem README); "
                        "docgen pdf vẫn chạy chỉ với LibreOffice")


def windows() -> bool:
    return os.name == "nt"


def install_hint(win: bool | None = None) -> str:
    return WINDOWS_HINT if (windows() if win is None else win) else LINUX_HINT


def poppler_hint(win: bool | None = None) -> str:
    return WINDOWS_POPPLER_HINT if (windows() if win is None else win) else LINUX_HINT


def popen_options(win: bool | None = None) -> dict:
    """Keyword arguments for Popen that put soffice's tree apart, to be killed as a whole."""
    if windows() if win is None else win:
        return {"creationflags": CREATE_NEW_PROCESS_GROUP}
    return {"start_new_session": True}


def taskkill_argv(pid: int) -> list[str]:
    return ["taskkill", "/F", "/T", "/PID", str(pid)]


def kill_tree(pid: int, win: bool | None = None,
              run: Callable[..., object] = subprocess.run) -> None:
    """Kill process `pid` and everything it started (on POSIX: its process group)."""
    if windows() if win is None else win:
        run(taskkill_argv(pid), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL, check=False)
        return
    try:
        os.killpg(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def soffice_candidates(env: Mapping[str, str] | None = None, win: bool | None = None,
                       join: Callable[..., str] = os.path.join) -> list[str]:
    """Where soffice is looked for, in order, after an explicit path and $DOCGEN_SOFFICE."""
    if not (windows() if win is None else win):
        return ["soffice", "libreoffice"]
    env = os.environ if env is None else env
    names = ["soffice.exe", "soffice"]
    for var in ("ProgramFiles", "ProgramW6432", "ProgramFiles(x86)"):
        if root := env.get(var):
            names.append(join(root, "LibreOffice", "program", "soffice.exe"))
    names += [r"C:\Program Files\LibreOffice\program\soffice.exe",
              r"C:\Program Files (x86)\LibreOffice\program\soffice.exe"]
    return list(dict.fromkeys(names))


def find_executable(names: list[str | None], which: Callable[[str], str | None] = shutil.which,
                    ) -> str | None:
    """The first of `names` that is an executable (a full path, or a name on PATH)."""
    for name in names:
        if name and (found := which(name)):
            return found
    return None


def user_tag(win: bool | None = None, env: Mapping[str, str] | None = None) -> str:
    """Who runs docgen, for the name of the profiles folder in the (shared, on POSIX) temp dir."""
    if windows() if win is None else win:  # %TEMP% is per user already; the name keeps it apart
        env = os.environ if env is None else env
        return re.sub(r"[^A-Za-z0-9_.-]", "_", env.get("USERNAME", "")) or "user"
    return str(os.getuid())
