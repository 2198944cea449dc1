"""The rendering engine: the only module that imports docxtpl.

A template is loaded once: docxtpl's `patch_xml` turns the Word XML of each part that holds
tags into jinja source, compiled in a strict, autoescaping, sandboxed environment with no
loader and bounded loops and output (`render/sandbox.py`): a template is untrusted code. Rendering a document
is then one jinja render per such part and a deterministic zip. Content values are data:
they are escaped for XML, a line break becomes <w:br/>, and nothing is evaluated.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

import jinja2
from docxtpl import DocxTemplate
from lxml import etree
from markupsafe import Markup, escape

from ..errors import DocgenError, Problem
from ..oserrors import display, read_input_bytes
from .package import core_properties, write_zip
from .sandbox import DocgenSandbox, TemplateLimit, TemplateNone, TemplateNotAllowed, render_bounded

_BR = '</w:t><w:br/><w:t xml:space="preserve">'
_TAGGED = re.compile(rb"\{\{|\{%|\{#")
CORE_PART = "docProps/core.xml"
MAX_TEMPLATE_BYTES = 50 * 1024 * 1024       # the .docx
MAX_TEMPLATE_UNPACKED = 256 * 1024 * 1024   # all its members, as declared


def _finalize(value):
    """Every {{ value }}: escaped XML text; "\\n" -> a line break. None is a bug, not text."""
    if value is None:
        raise TemplateNone("mẫu in ra giá trị rỗng (None)")
    if isinstance(value, Markup):
        return value
    text = escape(value if type(value) is str else str(value))   # a Markup
    return Markup(str.replace(text, "\n", _BR)) if "\n" in text else text


def _escape_output(value, _markup=Markup, _escape=escape):
    """The escape jinja applies to every {{ }} output after `_finalize` (autoescape): that
    value is already a Markup, which markupsafe's escape would copy into a new Markup of the
    same text; it is returned as it is (the same text, ~0.15 ms less per document)."""
    return value if type(value) is _markup else _escape(value)


def _fast_output(template: jinja2.Template) -> jinja2.Template:
    """The compiled template's module namespace (its render functions' globals) uses
    `_escape_output` for the `escape` its generated code calls."""
    template.root_render_func.__globals__["escape"] = _escape_output
    return template


def make_environment() -> DocgenSandbox:
    return DocgenSandbox(
        autoescape=True, undefined=jinja2.StrictUndefined, finalize=_finalize,
        keep_trailing_newline=True,
    )


def _patch(xml: str) -> str:
    # patch_xml is a pure string transform; it does not use the instance's document.
    return DocxTemplate.patch_xml(None, xml)  # type: ignore[arg-type]


@dataclass
class Template:
    """A loaded template: its zip entries in order and the compiled jinja parts."""

    name: str
    path: Path
    entries: list[tuple[str, bytes]]
    compiled: dict[str, jinja2.Template]

    def render(self, context: dict, *, title: str, creator: str, stamp: str) -> dict[str, bytes]:
        """Render every tagged part; return all parts (name -> bytes) in template order."""
        parts = {}
        for name, data in self.entries:
            if name in self.compiled:
                data = self._render_part(name, context)
            elif name == CORE_PART:
                data = core_properties(title, creator, stamp)
            parts[name] = data
        return parts

    def _render_part(self, name: str, context: dict) -> bytes:
        try:
            xml = render_bounded(self.compiled[name], context)
        except Exception as exc:  # noqa: BLE001 - a template is user code: every failure is its error
            raise DocgenError(template_problem(self.path, name, exc)) from None
        data = RenderedPart(xml.encode("utf-8"))
        try:
            data.tree = etree.fromstring(data, etree.XMLParser(**CHECK_PARSER_OPTIONS))
        except etree.XMLSyntaxError:
            try:      # not for the checker (a huge text node, say), but maybe well-formed
                etree.fromstring(data, etree.XMLParser(resolve_entities=False, huge_tree=True))
            except etree.XMLSyntaxError as exc:
                raise DocgenError(Problem(display(self.path), None, "template.broken-xml",
                                          f"mẫu sinh ra XML hỏng ở phần {name}: {exc}")) from None
        return data


# The options of docgen.check.reader's parser (tests/render/test_engine_parts.py compares
# them): a part parsed with them is the tree the checker would parse from the same bytes.
CHECK_PARSER_OPTIONS = dict(
    resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False,
    dtd_validation=False, remove_comments=True, remove_pis=True,
)


class RenderedPart(bytes):
    """A rendered XML part: its bytes, and `tree`, the part parsed while validating it (with
    the checker's parser options; None when that parser refused it), which the check of the
    just-rendered document reads instead of parsing the bytes again
    (docgen.check.inmemory). Pickled, copied or written, it is plain bytes; never mutate the
    tree except as the checker does (it drops unused namespace declarations)."""

    tree = None

    def __reduce__(self):
        return (bytes, (bytes(self),))


def template_problem(path: Path, part: str, exc: BaseException) -> Problem:
    """The Problem for an exception raised while a template part renders."""
    if isinstance(exc, jinja2.UndefinedError):
        return Problem(display(path), None, "template.undefined", f"mẫu dùng dữ liệu không có: {exc.message}")
    if isinstance(exc, jinja2.exceptions.SecurityError):
        return Problem(display(path), None, "template.unsafe",
                       f"mẫu dùng thao tác không được phép ({exc}); mẫu chỉ được đọc dữ liệu của văn bản")
    if isinstance(exc, TemplateLimit):
        return Problem(display(path), None, "template.too-large", f"{exc.message} (phần {part})")
    if isinstance(exc, TemplateNone):
        return Problem(display(path), None, "template.none",
                       f"{exc.message} ở phần {part}: dữ liệu này không có; sửa thẻ trong mẫu")
    if isinstance(exc, (MemoryError, RecursionError)):
        return Problem(display(path), None, "template.too-large",
                       f"mẫu đệ quy hoặc dùng quá nhiều bộ nhớ ({type(exc).__name__}, phần {part})")
    if isinstance(exc, jinja2.TemplateError):
        return Problem(display(path), None, "template.render", f"không dựng được phần {part} của mẫu: {exc}")
    return Problem(display(path), None, "template.runtime",
                   f"thẻ mẫu gây lỗi khi dựng phần {part}: {type(exc).__name__}: {exc}")


def load_template(path: Path, env: DocgenSandbox | None = None) -> Template:
    """Read a .docx template and compile its tagged parts. Raises DocgenError if unusable."""
    env = env or make_environment()
    if not path.exists():
        raise DocgenError(Problem(display(path), None, "template.missing", "không tìm thấy tệp mẫu"))
    try:
        data = read_input_bytes(path, MAX_TEMPLATE_BYTES, "template.unreadable", "tệp mẫu")
    except DocgenError as exc:  # a FIFO, a folder, too large, unreadable: never waited on
        raise DocgenError(exc.problems) from None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            if sum(i.file_size for i in zf.infolist()) > MAX_TEMPLATE_UNPACKED:  # a zip bomb
                raise DocgenError(Problem(display(path), None, "template.too-large",
                                          f"tệp mẫu giải nén ra quá {MAX_TEMPLATE_UNPACKED // 1048576} MB"))
            entries = [(i.filename, zf.read(i)) for i in zf.infolist()]
    except (zipfile.BadZipFile, OSError) as exc:
        raise DocgenError(Problem(display(path), None, "template.unreadable",
                                  f"tệp mẫu không phải DOCX hợp lệ ({exc})")) from None
    compiled = {}
    for name, data in entries:
        if name.endswith(".xml") and name.startswith("word/") and _TAGGED.search(data):
            source = _patch(data.decode("utf-8"))
            try:
                compiled[name] = _fast_output(env.compile_source(source, name))
            except TemplateNotAllowed as exc:
                raise DocgenError(Problem(display(path), None, "template.include",
                                          f"{exc.message} (phần {name})")) from None
            except jinja2.TemplateSyntaxError as exc:
                raise DocgenError(Problem(display(path), None, "template.syntax",
                                          f"thẻ mẫu sai cú pháp trong {name}: {exc.message}")) from None
    if "word/document.xml" not in compiled:
        raise DocgenError(Problem(display(path), None, "template.no-tags", "mẫu không có thẻ dữ liệu nào"))
    return Template(path.stem, path, entries, compiled)


class Engine:
    """All templates of a folder, each loaded once, rendered many times."""

    def __init__(self, templates_dir: Path):
        self.templates_dir = Path(templates_dir)
        self.env = make_environment()
        self._cache: dict[str, Template] = {}

    def template(self, name: str) -> Template:
        if name not in self._cache:
            self._cache[name] = load_template(self.templates_dir / f"{name}.docx", self.env)
        return self._cache[name]

    def render_parts(self, name: str, context: dict, **meta) -> dict[str, bytes]:
        return self.template(name).render(context, **meta)

    def render(self, name: str, context: dict, **meta) -> bytes:
        return write_zip(list(self.render_parts(name, context, **meta).items()))
