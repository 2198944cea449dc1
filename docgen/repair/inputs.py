"""Reading a file to check or repair, with a clear Vietnamese refusal for each bad input:
missing, locked by Word or without read permission, encrypted with a password, a Word 97–2003
`.doc` (converted to DOCX through LibreOffice first), and the output that would overwrite it.

Every refusal is a `UsageError` (exit 2)."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from docgen.errors import Problem, UsageError

OLE2_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
_WORD_STREAM = "WordDocument".encode("utf-16-le")


def _fail(path, code: str, message: str) -> UsageError:
    return UsageError(Problem(str(path), None, code, message))


def lock_file(path: Path) -> Path | None:
    """Word's owner file beside an open document: "~$" + the name, or "~$" replacing the
    first two characters of a long name."""
    for name in (f"~${path.name}", f"~${path.name[2:]}"):
        candidate = path.with_name(name)
        if candidate.exists():
            return candidate
    return None


def read_bytes(path: Path, refuse_locked: bool = True) -> bytes:
    """The file's bytes, refusing a missing, locked (when `refuse_locked`: checking a file
    open in Word is harmless, writing a copy of a file still being edited is not),
    unreadable or oversized file."""
    from docgen.check import read_input

    lock = lock_file(path) if refuse_locked else None
    if lock is not None:
        raise _fail(path, "repair.locked",
                    f"tệp đang được mở trong Word (có tệp khóa {lock.name} bên cạnh); hãy đóng "
                    "tệp trong Word rồi chạy lại")
    try:
        if path.is_file():                     # never open a FIFO or device: it may block
            with open(path, "rb"):
                pass
    except PermissionError:
        raise _fail(path, "repair.permission",
                    "không có quyền đọc tệp (tệp bị khóa hoặc đang mở trong chương trình "
                    "khác); hãy đóng tệp hoặc kiểm tra quyền truy cập rồi chạy lại") from None
    except OSError:
        pass                                   # read_input gives the message
    return read_input(path)


def kind_of(data: bytes) -> str:
    """"docx", "doc" (Word 97–2003), "encrypted" (an OLE2 EncryptedPackage) or "other"."""
    if data.startswith(b"PK"):
        return "docx"
    if data.startswith(OLE2_MAGIC):
        if _ENCRYPTED in data:
            return "encrypted"
        if _WORD_STREAM in data:
            return "doc"
    return "other"


def encrypted_error(path) -> UsageError:
    return _fail(path, "repair.encrypted",
                 "tệp được đặt mật khẩu (mã hóa), docgen không mở được; hãy gỡ mật khẩu trong "
                 "Word (Tệp → Thông tin → Bảo vệ tài liệu → Mã hóa bằng mật khẩu) rồi chạy lại")


def load_docx(path: Path, refuse_locked: bool = True) -> bytes:
    """DOCX bytes of `path`: a DOCX as it is, a `.doc` converted through LibreOffice."""
    data = read_bytes(Path(path), refuse_locked)
    kind = kind_of(data)
    if kind == "encrypted":
        raise encrypted_error(path)
    if kind == "doc":
        return convert_doc(Path(path))
    return data


def convert_doc(path: Path) -> bytes:
    """Word 97–2003 → DOCX in a temporary folder, through docgen's LibreOffice pool."""
    from docgen.errors import DocgenError
    from docgen.preview.pool import Job, convert

    with tempfile.TemporaryDirectory(prefix="docgen-doc-") as tmp:
        dest = Path(tmp) / (path.stem + ".docx")
        try:
            result = convert([Job(path, dest)], workers=1, fmt="docx")
        except DocgenError as exc:
            raise UsageError(exc.problems) from None
        if not result.converted:
            reason = result.failed[0][1] if result.failed else "lỗi không rõ"
            raise _fail(path, "repair.doc-convert",
                        f"không chuyển được tệp Word 97–2003 (.doc) sang DOCX: {reason}")
        return dest.read_bytes()


def output_path(src: Path, out_dir: Path | None) -> Path:
    """Where the repaired copy of `src` goes: `<tên>.da-sua.docx` beside it, or
    `<out_dir>/<tên>.docx`. Refuses a path that is the input itself."""
    dest = (out_dir / (src.stem + ".docx")) if out_dir is not None else \
        src.with_name(src.stem + ".da-sua.docx")
    same = dest.exists() and os.path.samefile(dest, src)
    if same or dest.resolve() == src.resolve():
        raise _fail(src, "repair.overwrite",
                    f"tệp kết quả {dest} sẽ ghi đè lên tệp gốc; docgen không bao giờ sửa tệp "
                    "gốc, hãy chọn thư mục khác bằng --out")
    return dest


def write_atomic(dest: Path, data: bytes) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=dest.parent, prefix=f".{dest.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, dest)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
