"""Checking documents docgen has just rendered, without zipping and re-reading them.

The batch workers render hundreds of documents from a handful of templates. Every part but
`word/document.xml` (styles, numbering, settings, theme, headers, footers, relationships) is
the same bytes for every document of one template, so those parts are parsed once per worker
and reused, with the `Styles` index built on them (its per-format caches then serve every
later document). Only the document part is parsed per document, with the same safe parser
as files read from disk (docgen.check.reader), or not at all when the renderer hands over
the tree it parsed with the same options to validate its output (RenderedPart.tree).
"""
from __future__ import annotations

from collections import OrderedDict

from lxml import etree

from docgen.check.reader import (
    _PARSER,
    _REL_KINDS,
    R_NS,
    REL_OFFICE_DOC,
    DocxPackage,
    internal_rels,
    rels_member,
)
from docgen.errors import Problem, UsageError

_MAX_CACHED = 64
_trees: OrderedDict[bytes, etree._Element] = OrderedDict()


def _tree(raw: bytes, name: str, member: str, shared: bool) -> etree._Element:
    if shared and raw in _trees:
        _trees.move_to_end(raw)
        return _trees[raw]
    parsed = getattr(raw, "tree", None)   # docgen.render.engine.RenderedPart: parsed already
    if parsed is not None and not shared:
        return parsed
    try:
        root = etree.fromstring(raw, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise UsageError(Problem(name, None, "check.corrupt", f"tệp DOCX bị hỏng: {member} không "
                                 f"phải XML hợp lệ ({exc.msg})")) from None
    if shared:
        _trees[raw] = root
        if len(_trees) > _MAX_CACHED:
            _trees.popitem(last=False)
    return root


def _rels(parts: dict[str, bytes], name: str, part: str) -> list[tuple[str, str, str]]:
    member = rels_member(part)
    raw = parts.get(member)
    return internal_rels(_tree(raw, name, member, True) if raw is not None else None, part)


def package_from_parts(parts: dict[str, bytes], name: str) -> DocxPackage:
    """A DocxPackage from the parts of a rendered document (part name -> bytes)."""
    main = next((p for _, t, p in _rels(parts, name, "") if t == REL_OFFICE_DOC),
                "word/document.xml")
    if main not in parts:
        raise UsageError(Problem(name, None, "check.not-docx",
                                 "không phải tệp DOCX của Word (thiếu phần word/document.xml)"))
    pkg = DocxPackage(name=name, document=_tree(parts[main], name, main, False))
    for rid, rtype, path in _rels(parts, name, main):
        raw = parts.get(path)
        if raw is None:
            continue
        kind = _REL_KINDS.get(rtype)
        if kind:
            setattr(pkg, kind, _tree(raw, name, path, True))
        elif rtype == R_NS + "/header":
            pkg.headers[rid] = _tree(raw, name, path, True)
        elif rtype == R_NS + "/footer":
            pkg.footers[rid] = _tree(raw, name, path, True)
    return pkg


_styles: OrderedDict[tuple[int, int], tuple] = OrderedDict()


def shared_styles(pkg: DocxPackage):
    """The Styles index of a package made by package_from_parts, built once per styles/theme
    pair (the trees are kept alive with it, so their ids stay unique)."""
    from docgen.check.effective import Styles

    key = (id(pkg.styles), id(pkg.theme))
    hit = _styles.get(key)
    if hit is None:
        hit = _styles[key] = (pkg.styles, pkg.theme, Styles(pkg.styles, pkg.theme))
        if len(_styles) > _MAX_CACHED:
            _styles.popitem(last=False)
    return hit[2]
