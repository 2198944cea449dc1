"""Safe loading of a DOCX package: the only place in docgen.check that opens a DOCX.

Hostile files are refused before anything is decompressed: the zip's declared sizes, the
number of members and the compression ratio are checked first, and each member is read with a
hard limit (a zip header can lie). XML is parsed without entity expansion, network access or
huge-tree support. Every refusal is a `UsageError` (exit 2) with a Vietnamese message.

Bounded reading (issue #12): each part is parsed once, however many relationships point at it
(sixteen header links to one part share one tree), and parts are parsed while they stream out
of the zip, 1 MB at a time, against one `Budget` per package: at most `MAX_XML_BYTES` of
uncompressed XML and `MAX_ELEMENTS` elements in all parts together, counted before each chunk
is given to the parser, so a bomb stops at the limit instead of being built. After parsing,
the work the checker would do is bounded too: at most `MAX_PARAGRAPHS` paragraphs and
`MAX_SECTION_WORK` header/footer elements summed over the sections that show them. Beyond any
limit: `[check.too-large]`. The limits are 20× the largest real document measured
(shared/real-docx: 48,000 elements, 1.9 MB of XML, 981 paragraphs) and keep `docgen check`
under 512 MB and 20 s for any input under 10 MB (scripts/stress.py measures it).
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
MAX_XML_BYTES = 64 * 1024 * 1024         # all parsed XML parts together, uncompressed
MAX_ELEMENTS = 1_000_000                 # elements + attributes in all parsed parts together
MAX_PARAGRAPHS = 50_000                  # w:p in the document, headers and footers
MAX_SECTION_WORK = 1_000_000             # header/footer elements x the sections that use them
CHUNK = 1024 * 1024

R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
REL_OFFICE_DOC = R_NS + "/officeDocument"
_REL_KINDS = {
    R_NS + "/styles": "styles",
    R_NS + "/numbering": "numbering",
    R_NS + "/settings": "settings",
    R_NS + "/theme": "theme",
}

_PARSER_OPTIONS = dict(
    resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False,
    dtd_validation=False, remove_comments=True, remove_pis=True,
)
_PARSER = etree.XMLParser(**_PARSER_OPTIONS)  # for parts docgen rendered itself (check/inmemory.py)


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


def _n(value: int) -> str:
    return f"{value:,}".replace(",", ".")


class Budget:
    """What may still be parsed from one package (see the module doc)."""

    def __init__(self, name: str):
        self.name = name
        self.xml_bytes = 0
        self.elements = 0
        self.by_part: dict[str, int] = {}   # part -> elements (an upper bound)

    def take(self, member: str, chunk: bytes) -> None:
        self.xml_bytes += len(chunk)
        if self.xml_bytes > MAX_XML_BYTES:
            raise _fail(self.name, "check.too-large",
                        f"tổng XML giải nén vượt {MAX_XML_BYTES // 1048576} MB (đến phần {member}); "
                        "từ chối đọc tiếp")
        # nodes, an upper bound: start tags (every "<" that opens neither an end tag, a PI nor
        # a comment) and attributes (every `="` or `='`)
        n = (chunk.count(b"<") - chunk.count(b"</") - chunk.count(b"<?") - chunk.count(b"<!")
             + chunk.count(b'="') + chunk.count(b"='"))
        self.elements += n
        self.by_part[member] = self.by_part.get(member, 0) + n
        if self.elements > MAX_ELEMENTS:
            raise _fail(self.name, "check.too-large",
                        f"tệp có quá {_n(MAX_ELEMENTS)} phần tử và thuộc tính XML (đến phần {member}); "
                        "từ chối đọc tiếp")


def read_docx_bytes(data: bytes, name: str) -> DocxPackage:
    """Open a DOCX held in memory; raise `UsageError` (exit 2) when it cannot be read safely."""
    zf = open_zip(data, name)
    with zf:
        pkg, sizes = _load(_Parts(zf, name))
    _check_work(pkg, sizes)
    return pkg


def open_zip(data: bytes, name: str) -> zipfile.ZipFile:
    """The zip of a DOCX after the checks that need no decompression (sizes, members, ratio)."""
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
    return zf


def read_part(data: bytes, name: str, member: str) -> etree._Element | None:
    """One XML part of a DOCX held in memory, read with the same limits (used by `diff`)."""
    with open_zip(data, name) as zf:
        return _Parts(zf, name).parse(member)


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


class _Parts:
    """The parts of one open zip, each parsed at most once, against one Budget."""

    def __init__(self, zf: zipfile.ZipFile, name: str):
        self.zf, self.name = zf, name
        self.budget = Budget(name)
        self._trees: dict[str, etree._Element | None] = {}

    def parse(self, member: str) -> etree._Element | None:
        if member not in self._trees:
            self._trees[member] = self._parse(member)
        return self._trees[member]

    def _parse(self, member: str) -> etree._Element | None:
        name = self.name
        try:
            info = self.zf.getinfo(member)
        except KeyError:
            return None
        if info.file_size > MAX_PART_BYTES:
            raise _fail(name, "check.too-large",
                        f"thành phần {member} quá lớn ({info.file_size / 1048576:.0f} MB)")
        parser = etree.XMLParser(**_PARSER_OPTIONS)
        size = 0
        try:
            with self.zf.open(info) as fh:
                while chunk := fh.read(CHUNK):
                    size += len(chunk)
                    if size > MAX_PART_BYTES:
                        raise _fail(name, "check.too-large",
                                    f"thành phần {member} lớn hơn kích thước khai báo")
                    self.budget.take(member, chunk)
                    parser.feed(chunk)
            return parser.close()
        except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, EOFError):
            raise _fail(name, "check.corrupt", f"tệp DOCX bị hỏng: không giải nén được {member}") from None
        except etree.XMLSyntaxError as exc:
            raise _fail(name, "check.corrupt", f"tệp DOCX bị hỏng: {member} không phải XML hợp lệ "
                        f"({exc.msg})") from None


def rels_member(part: str) -> str:
    """The zip member holding the relationships of `part` ("word/_rels/document.xml.rels")."""
    folder, base = posixpath.split(part)
    return posixpath.join(folder, "_rels", base + ".rels")


def internal_rels(root: etree._Element | None, part: str) -> list[tuple[str, str, str]]:
    """(id, type, target part path) of the internal relationships in `root`, the parsed
    relationships of `part` (targets resolved against the part's folder)."""
    if root is None:
        return []
    folder = posixpath.dirname(part)
    out = []
    for rel in root.iter(f"{{{PKG_REL_NS}}}Relationship"):
        if rel.get("TargetMode") == "External":
            continue
        target = rel.get("Target", "")
        path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
            posixpath.join(folder, target))
        out.append((rel.get("Id", ""), rel.get("Type", ""), path))
    return out


def _rels(parts: _Parts, part: str) -> list[tuple[str, str, str]]:
    """(id, type, target part path) of the relationships of `part`."""
    return internal_rels(parts.parse(rels_member(part)), part)


def _load(parts: _Parts) -> tuple[DocxPackage, dict[str, int]]:
    """The package, and the element count of each header/footer by relationship id."""
    name = parts.name
    main = next((p for _, t, p in _rels(parts, "") if t == REL_OFFICE_DOC), "word/document.xml")
    document = parts.parse(main)
    if document is None:
        raise _fail(name, "check.not-docx",
                    "không phải tệp DOCX của Word (thiếu phần word/document.xml)")
    pkg = DocxPackage(name=name, document=document)
    sizes: dict[str, int] = {}
    for rid, rtype, path in _rels(parts, main):
        kind = _REL_KINDS.get(rtype)
        if kind:
            setattr(pkg, kind, parts.parse(path))
        elif rtype in (R_NS + "/header", R_NS + "/footer"):
            root = parts.parse(path)   # parsed once, however many links point at it
            if root is not None:
                (pkg.headers if rtype.endswith("header") else pkg.footers)[rid] = root
                sizes[rid] = parts.budget.by_part.get(path, 0)
    return pkg, sizes


W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _check_work(pkg: DocxPackage, sizes: dict[str, int]) -> None:
    """Bound what the checker does with a parsed package (paragraphs, per-section headers)."""
    roots = [pkg.document, *dict.fromkeys(list(pkg.headers.values()) + list(pkg.footers.values()))]
    paragraphs = sum(int(r.xpath("count(//w:p)", namespaces={"w": W_NS})) for r in roots)
    if paragraphs > MAX_PARAGRAPHS:
        raise _fail(pkg.name, "check.too-large",
                    f"tệp có {_n(paragraphs)} đoạn văn, quá giới hạn {_n(MAX_PARAGRAPHS)} đoạn")
    work = 0
    for tag in ("headerReference", "footerReference"):
        for ref in pkg.document.iter(f"{{{W_NS}}}{tag}"):
            work += sizes.get(ref.get(f"{{{R_NS}}}id"), 0)
    if work > MAX_SECTION_WORK:
        raise _fail(pkg.name, "check.too-large",
                    f"đầu trang/chân trang được dùng lại quá nhiều lần ({_n(work)} phần tử phải "
                    f"kiểm tra, giới hạn {_n(MAX_SECTION_WORK)})")
