"""A DOCX package opened for editing: every zip member kept as bytes, XML parts parsed on
demand with lxml (comments, processing instructions and whitespace kept), and written back so
that a part nobody touched is copied unchanged: same bytes, same order, same zip metadata.

Parts are parsed with python-docx's element classes (``docx.oxml``), so the fixes use its
ordered child insertion (``get_or_add_sz()`` and the like) instead of hand-kept schema orders,
but with our own parser: python-docx's parser drops blank text, which would change untouched
bytes.
"""
from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field

import docx.oxml  # noqa: F401  (registers python-docx's element classes)
from docx.oxml.parser import element_class_lookup
from lxml import etree

from docgen.check.reader import (
    PKG_REL_NS,
    R_NS,
    REL_OFFICE_DOC,
    DocxPackage,
    internal_rels,
    read_docx_bytes,
    rels_member,
)

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
HEADER_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False,
                          load_dtd=False, remove_blank_text=False)
_PARSER.set_element_class_lookup(element_class_lookup)


def parse_part(raw: bytes) -> etree._Element:
    return etree.fromstring(raw, _PARSER)


def new_el(tag: str, attrib: dict | None = None) -> etree._Element:
    """A new w: element with python-docx's element class (so `get_or_add_*` work on it)."""
    return _PARSER.makeelement(f"{{{W_NS}}}{tag}", attrib or {})


@dataclass
class Package:
    """One DOCX being repaired. `trees` holds the parsed parts; a part is written anew only
    when its tree no longer serialises as it did when parsed (or it was added)."""

    name: str
    infos: list[zipfile.ZipInfo]
    raw: dict[str, bytes]
    trees: dict[str, etree._Element] = field(default_factory=dict)
    dirty: set[str] = field(default_factory=set)
    main: str = "word/document.xml"
    added: list[str] = field(default_factory=list)
    _orig: dict[str, bytes] = field(default_factory=dict)
    _attrib: dict[str, dict] = field(default_factory=dict)

    @classmethod
    def open(cls, data: bytes, name: str) -> Package:
        """Open `data`; the checker's safe reader validates it first (sizes, ratio, XML)."""
        read_docx_bytes(data, name)            # raises UsageError on a hostile/corrupt file
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
            raw = {i.filename: zf.read(i) for i in infos}
        pkg = cls(name, infos, raw)
        for _rid, rtype, path in pkg.rels(""):
            if rtype == REL_OFFICE_DOC:
                pkg.main = path
        return pkg

    def tree(self, part: str) -> etree._Element | None:
        if part not in self.trees:
            if part not in self.raw:
                return None
            self.trees[part] = parse_part(self.raw[part])
            self._orig[part] = _bytes(self.trees[part])
            self._attrib[part] = dict(self.trees[part].attrib)
        return self.trees[part]

    def touch(self, part: str) -> None:
        """Mark a part to be written even if it serialises as it was parsed."""
        self.dirty.add(part)

    def _serialise(self, part: str) -> bytes:
        """The tree as lxml writes it, with the root's start tag as it was parsed: the
        checker's document model drops unused namespace declarations from the root
        (docgen.check.docmodel.build_model), which would otherwise change a part no fix
        touched. The root's attributes are never changed by a fix; the prefixes left are a
        subset of the original ones, so the original declarations cover them."""
        cur = _bytes(self.trees[part])
        orig = self._orig.get(part)
        if orig is None or dict(self.trees[part].attrib) != self._attrib[part]:
            return cur
        return orig[: orig.index(b">") + 1] + cur[cur.index(b">") + 1:] \
            if not cur.startswith(orig[: orig.index(b">") + 1]) else cur

    def changed(self, part: str) -> bool:
        if part in self.dirty:
            return True
        return part in self.trees and self._serialise(part) != self._orig[part]

    def rels_part(self, part: str) -> str:
        return rels_member(part)

    def rels(self, part: str) -> list[tuple[str, str, str]]:
        """(id, type, target part) of the internal relationships of `part`."""
        return internal_rels(self.tree(self.rels_part(part)), part)

    def part_of(self, kind: str) -> str | None:
        """The part the main document relates to with type R_NS/kind (styles, theme, …)."""
        return next((p for _, t, p in self.rels(self.main) if t == f"{R_NS}/{kind}"), None)

    def checker_view(self) -> DocxPackage:
        """The same trees seen as the checker's package, so that the checker's document
        model points at the elements the fixes edit."""
        view = DocxPackage(self.name, self.tree(self.main))
        for kind in ("styles", "numbering", "settings", "theme"):
            path = self.part_of(kind)
            if path:
                setattr(view, kind, self.tree(path))
        for rid, rtype, path in self.rels(self.main):
            if rtype in (f"{R_NS}/header", f"{R_NS}/footer") and self.tree(path) is not None:
                (view.headers if rtype.endswith("header") else view.footers)[rid] = self.tree(path)
        return view

    def add_header(self, root: etree._Element) -> str:
        """Add a new header part related to the main document; returns its relationship id."""
        k = 1
        while f"word/header{k}.xml" in self.raw:
            k += 1
        path = f"word/header{k}.xml"
        self.raw[path] = b""
        self.trees[path] = root
        self.added.append(path)
        self.touch(path)
        rels = self.tree(self.rels_part(self.main))
        ids = {r.get("Id") for r in rels}
        n = 1
        while f"rId{n}" in ids:
            n += 1
        etree.SubElement(rels, f"{{{PKG_REL_NS}}}Relationship", Id=f"rId{n}",
                         Type=f"{R_NS}/header", Target=f"header{k}.xml")
        ct = self.tree("[Content_Types].xml")
        etree.SubElement(ct, f"{{{CT_NS}}}Override", PartName=f"/{path}", ContentType=HEADER_CT)
        return f"rId{n}"

    def finish(self) -> None:
        """Kept for the engine's call order; namespace declarations are restored when a part
        is serialised (see `_serialise`)."""

    def any_changed(self) -> bool:
        return bool(self.added) or any(self.changed(p) for p in self.trees)

    def to_bytes(self) -> bytes:
        """The package with dirty parts serialised; every other member copied as it was."""
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as out:
            for info in self.infos:
                data = self._member(info.filename)
                out.writestr(_copy_info(info), data)
            for path in self.added:
                info = zipfile.ZipInfo(path, date_time=(1980, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                out.writestr(info, self._member(path))
        return buf.getvalue()

    def _member(self, path: str) -> bytes:
        if self.changed(path):
            if path in self._orig:
                return b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n" + \
                    self._serialise(path)
            return etree.tostring(self.trees[path], xml_declaration=True, encoding="UTF-8",
                                  standalone=True)
        return self.raw[path]


def _bytes(root: etree._Element) -> bytes:
    return etree.tostring(root, encoding="UTF-8", xml_declaration=False)


def _copy_info(info: zipfile.ZipInfo) -> zipfile.ZipInfo:
    new = zipfile.ZipInfo(info.filename, date_time=info.date_time)
    new.compress_type = info.compress_type
    new.external_attr = info.external_attr
    new.create_system = info.create_system
    new.comment = info.comment
    new.extra = info.extra
    return new
