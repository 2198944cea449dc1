"""Filesystem failures as problems people can act on, and safe reading of input files.

`fs_problem(exc)` is the one errno -> Vietnamese message mapping: the writer raises
`fs_error(exc)` for every OSError it meets, and the CLI's top level uses the same mapping for
any OSError that escapes a command, so a read-only disk, a full disk or a file that Word holds
open is never reported as an internal error.

`read_input_bytes(path, limit, code)` reads an input file (template, content, DOCX) refusing
what is not a regular file (a FIFO would block forever, a device never ends) and anything
larger than `limit`, without blocking on the open.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from .errors import DocgenError, Problem

# errno -> (code, message); the message is completed with the path by fs_problem
_BY_ERRNO: dict[int, tuple[str, str]] = {
    errno.EROFS: ("io.read-only", "ổ đĩa chỉ cho đọc, không ghi được"),
    errno.ENOSPC: ("io.disk-full", "ổ đĩa đầy, không ghi được; hãy giải phóng chỗ trống rồi chạy lại"),
    errno.EDQUOT: ("io.disk-full", "đã hết hạn mức dung lượng đĩa, không ghi được"),
    errno.EACCES: ("io.permission", "không có quyền đọc/ghi"),
    errno.EPERM: ("io.permission", "không được phép thực hiện thao tác này"),
    errno.ENOTDIR: ("io.not-a-folder", "một phần của đường dẫn là tệp, không phải thư mục"),
    errno.EISDIR: ("io.is-a-folder", "là thư mục, không phải tệp"),
    errno.ENOENT: ("io.not-found", "không tìm thấy tệp hoặc thư mục"),
    errno.EBUSY: ("io.locked", "tệp đang bị chương trình khác giữ; đóng chương trình đó rồi chạy lại"),
    errno.ETXTBSY: ("io.locked", "tệp đang bị chương trình khác giữ; đóng chương trình đó rồi chạy lại"),
    errno.ENAMETOOLONG: ("io.name-too-long", "tên tệp hoặc đường dẫn quá dài"),
    errno.EMFILE: ("io.too-many-files", "mở quá nhiều tệp cùng lúc"),
    errno.ENFILE: ("io.too-many-files", "hệ thống mở quá nhiều tệp cùng lúc"),
    errno.EIO: ("io.device", "lỗi đọc/ghi của thiết bị lưu trữ"),
    errno.ELOOP: ("io.symlink", "liên kết tượng trưng (symlink) vòng quanh"),
}
# Windows: the file is open in another program (Word keeps a .docx open locked)
_WINDOWS_LOCKED = {32, 33}  # ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION
_LOCKED = ("io.locked", "tệp đang được mở trong chương trình khác (ví dụ Word); đóng tệp rồi chạy lại")


def display(path: str | os.PathLike) -> str:
    """`path` relative to the working folder when it is inside it."""
    p = Path(path)
    try:
        return str(p.absolute().relative_to(Path.cwd()))
    except ValueError:
        return str(p)


def fs_problem(exc: OSError, path: str | os.PathLike | None = None) -> Problem:
    """The Problem for `exc`, at `path` (default: the path the exception names)."""
    where = path if path is not None else (exc.filename or exc.filename2 or "docgen")
    if getattr(exc, "winerror", None) in _WINDOWS_LOCKED:
        code, message = _LOCKED
    elif exc.errno == errno.EEXIST and where and Path(where).exists() and not Path(where).is_dir():
        code, message = "io.not-a-folder", "là một tệp, không phải thư mục"
    elif exc.errno in _BY_ERRNO:
        code, message = _BY_ERRNO[exc.errno]
    else:
        name = errno.errorcode.get(exc.errno or 0, "?")
        code, message = "io.error", f"lỗi hệ thống tệp: {exc.strerror or exc} ({name})"
    return Problem(display(where), None, code, message)


def fs_error(exc: OSError, path: str | os.PathLike | None = None) -> DocgenError:
    return DocgenError(fs_problem(exc, path))


def read_input_bytes(path: str | os.PathLike, limit: int, code: str, what: str = "tệp") -> bytes:
    """The bytes of the regular file `path` (at most `limit`), else DocgenError with `code`.

    A FIFO, socket or device is refused before it is opened for reading (O_NONBLOCK makes the
    open itself return at once even if the path is swapped for a FIFO in between).
    """
    shown = display(path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise fs_error(exc, path) from None
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise DocgenError(Problem(shown, None, code, f"là thư mục, không phải {what}"))
        if not stat.S_ISREG(st.st_mode):
            raise DocgenError(Problem(shown, None, code, f"không phải {what} thông thường (FIFO, "
                                      "thiết bị hoặc socket); docgen chỉ đọc tệp thật"))
        if st.st_size > limit:
            raise DocgenError(Problem(shown, None, "check.too-large",
                                      f"{what} quá lớn ({st.st_size / 1048576:.1f} MB), giới hạn "
                                      f"{limit / 1048576:g} MB".replace(".", ",")))
        with os.fdopen(fd, "rb", closefd=False) as fh:
            data = fh.read(limit + 1)
    except OSError as exc:
        raise fs_error(exc, path) from None
    finally:
        os.close(fd)
    if len(data) > limit:
        raise DocgenError(Problem(shown, None, "check.too-large", f"{what} lớn hơn giới hạn "
                                  f"{limit / 1048576:g} MB".replace(".", ",")))
    return data
