"""Safe loading of a DOCX package: the only place in docgen.check that opens a DOCX.

Hostile files are refused before anything is decompressed: the zip's declared sizes, the
number of members and the compression ratio are checked first, and each member is read with a
hard limit (a zip header can lie). XML is parsed without entity expansion, network access or
huge-tree support. Every refusal is a `UsageError` (exit 2) with a Vietnamese message.
"""
from __future__ import annotations

import io
import posixpath
import zipfile
from dataclasses import dataclass, field

from lxml import etree

from docgen.errors import Problem, UsageError

MAX_FILE_BYTES = 50 * 1024 * 1024        # the .docx itself
MAX_PART_BYTES = 32 * 1024 * 1024        # one XML part, uncompressed
MAX_TOTAL_BYTES = 256 * 1024 * 1024      # all members, uncompressed, as declared
MAX_MEMBERS = 5000
MAX_RATIO = 200                          # uncompressed / compressed, for parts over 1 MB

R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
REL_OFFICE_DOC = R_NS + "/officeDocument"
_REL_KINDS = {
    R_NS + "/styles": "styles",
    R_NS + "/numbering": "numbering",
    R_NS + "/settings": "settings",
    R_NS + "/theme": "theme",
}

_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False,
    dtd_validation=False, remove_comments=True, remove_pis=True,
)


@dataclass
class DocxPackage:
    """The XML parts of one DOCX. `headers`/`footers` map relationship id -> tree root."""

    name: str
    document: etree._Element
    styles: etree._Element | None = None
    numbering: etree._Element | None = None
    settings: etree._Element | None = None
    theme: etree._Element | None = None
    headers: dict[str, etree._Element] = field(default_factory=dict)
    footers: dict[str, etree._Element] = field(default_factory=dict)


def _fail(name: str, code: str, message: str) -> UsageError:
    return UsageError(Problem(name, None, code, message))


def read_docx_bytes(data: bytes, name: str) -> DocxPackage:
    """Open a DOCX held in memory; raise `UsageError` (exit 2) when it cannot be read safely."""
    if not data:
        raise _fail(name, "check.empty", "tệp rỗng (0 byte), không phải tệp DOCX")
    if len(data) > MAX_FILE_BYTES:
        raise _fail(name, "check.too-large",
                    f"tệp quá lớn ({len(data) / 1048576:.0f} MB), giới hạn "
                    f"{MAX_FILE_BYTES // 1048576} MB")
    if not data.startswith(b"PK"):
        raise _fail(name, "check.not-docx", "không phải tệp DOCX (không có cấu trúc zip của Word)")
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError):
        raise _fail(name, "check.corrupt", "tệp DOCX bị hỏng (không đọc được cấu trúc zip)") from None
    _check_sizes(name, infos)
    with zf:
        return _load(zf, name)


def _check_sizes(name: str, infos: list[zipfile.ZipInfo]) -> None:
    if len(infos) > MAX_MEMBERS:
        raise _fail(name, "check.too-large", f"tệp DOCX có quá nhiều thành phần ({len(infos)})")
    total = sum(i.file_size for i in infos)
    if total > MAX_TOTAL_BYTES:
        raise _fail(name, "check.too-large",
                    f"tổng dung lượng giải nén {total / 1048576:.0f} MB vượt giới hạn "
                    f"{MAX_TOTAL_BYTES // 1048576} MB")
    for info in infos:
        if info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise _fail(name, "check.too-large",
                        f"thành phần {info.filename} có tỉ lệ nén bất thường "
                        f"({info.file_size // max(info.compress_size, 1)}:1), từ chối giải nén")


def _read_member(zf: zipfile.ZipFile, name: str, member: str) -> bytes | None:
    try:
        info = zf.getinfo(member)
    except KeyError:
        return None
    if info.file_size > MAX_PART_BYTES:
        raise _fail(name, "check.too-large",
                    f"thành phần {member} quá lớn ({info.file_size / 1048576:.0f} MB)")
    try:
        with zf.open(info) as fh:
            raw = fh.read(MAX_PART_BYTES + 1)
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, EOFError):
        raise _fail(name, "check.corrupt", f"tệp DOCX bị hỏng: không giải nén được {member}") from None
    if len(raw) > MAX_PART_BYTES:
        raise _fail(name, "check.too-large", f"thành phần {member} lớn hơn kích thước khai báo")
    return raw


def _parse(zf: zipfile.ZipFile, name: str, member: str) -> etree._Element | None:
    raw = _read_member(zf, name, member)
    if raw is None:
        return None
    try:
        return etree.fromstring(raw, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise _fail(name, "check.corrupt", f"tệp DOCX bị hỏng: {member} không phải XML hợp lệ "
                    f"({exc.msg})") from None


def _rels(zf: zipfile.ZipFile, name: str, part: str) -> list[tuple[str, str, str]]:
    """(id, type, target part path) of the relationships of `part`."""
    folder, base = posixpath.split(part)
    root = _parse(zf, name, posixpath.join(folder, "_rels", base + ".rels"))
    if root is None:
        return []
    out = []
    for rel in root.iter(f"{{{PKG_REL_NS}}}Relationship"):
        if rel.get("TargetMode") == "External":
            continue
        target = rel.get("Target", "")
        path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
            posixpath.join(folder, target))
        out.append((rel.get("Id", ""), rel.get("Type", ""), path))
    return out


def _load(zf: zipfile.ZipFile, name: str) -> DocxPackage:
    main = next((p for _, t, p in _rels(zf, name, "") if t == REL_OFFICE_DOC), "word/document.xml")
    document = _parse(zf, name, main)
    if document is None:
        raise _fail(name, "check.not-docx",
                    "không phải tệp DOCX của Word (thiếu phần word/document.xml)")
    pkg = DocxPackage(name=name, document=document)
    for rid, rtype, path in _rels(zf, name, main):
        kind = _REL_KINDS.get(rtype)
        if kind:
            setattr(pkg, kind, _parse(zf, name, path))
        elif rtype == R_NS + "/header":
            pkg.headers[rid] = _parse(zf, name, path)
        elif rtype == R_NS + "/footer":
            pkg.footers[rid] = _parse(zf, name, path)
    pkg.headers = {k: v for k, v in pkg.headers.items() if v is not None}
    pkg.footers = {k: v for k, v in pkg.footers.items() if v is not None}
    return pkg
