"""One file from several rendered documents (decision + plan + appendix).

Each part keeps its own section (page size, orientation, margins) and restarts its page
numbers, as Decree 30 asks for a phụ lục. The first part's package is the base: the other
parts' sections point at the base's header parts, and styles missing from the base are
copied over from the part that defines them.
"""

from __future__ import annotations

from lxml import etree

from ..errors import DocgenError, Problem

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PARSER = etree.XMLParser(resolve_entities=False, huge_tree=True, remove_blank_text=False)


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _header_ids(sect: etree._Element) -> dict[str, str]:
    return {ref.get(_w("type")): ref.get(f"{{{R}}}id") for ref in sect.findall(_w("headerReference"))}


def _prepare_section(sect: etree._Element, base_ids: dict[str, str]) -> None:
    """Point header references at the base's parts; restart page numbers at 1."""
    for ref in sect.findall(_w("headerReference")):
        kind = ref.get(_w("type"))
        if kind not in base_ids:
            raise DocgenError(Problem("tron-bo.docx", None, "template.compose",
                                      f"mẫu đầu tiên không có đầu trang loại {kind}"))
        ref.set(f"{{{R}}}id", base_ids[kind])
    for ref in sect.findall(_w("footerReference")):
        sect.remove(ref)
    pg = sect.find(_w("pgNumType"))
    if pg is None:
        pg = etree.SubElement(sect, _w("pgNumType"))
        # schema order: pgNumType comes after pgMar/pgSz; move it after pgMar when present
        mar = sect.find(_w("pgMar"))
        if mar is not None:
            mar.addnext(pg)
    pg.set(_w("start"), "1")


def _check_no_relationships(body: etree._Element, name: str) -> None:
    for el in body.iter():
        for attr in el.attrib:
            if attr.startswith(f"{{{R}}}"):
                raise DocgenError(Problem(name, None, "template.compose",
                                          "mẫu có hình ảnh hoặc liên kết; chưa ghép được vào tệp trọn bộ"))


def merge_styles(base: bytes, others: list[bytes]) -> bytes:
    root = etree.fromstring(base, _PARSER)
    known = {s.get(_w("styleId")) for s in root.findall(_w("style"))}
    for other in others:
        for style in etree.fromstring(other, _PARSER).findall(_w("style")):
            sid = style.get(_w("styleId"))
            if sid not in known:
                root.append(style)
                known.add(sid)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def compose(parts: list[dict[str, bytes]], names: list[str]) -> dict[str, bytes]:
    """Join rendered packages (part name -> bytes) into one; returns the joined package."""
    base = dict(parts[0])
    root = etree.fromstring(base["word/document.xml"], _PARSER)
    body = root.find(_w("body"))
    base_ids = _header_ids(body.find(_w("sectPr")))
    _prepare_section(body.find(_w("sectPr")), base_ids)
    for part, name in zip(parts[1:], names[1:]):
        other = etree.fromstring(part["word/document.xml"], _PARSER).find(_w("body"))
        sect = other.find(_w("sectPr"))
        other.remove(sect)
        _check_no_relationships(other, name)
        _prepare_section(sect, base_ids)
        last = body.find(_w("sectPr"))
        # the section so far ends with a paragraph that carries its properties
        br = etree.Element(_w("p"))
        etree.SubElement(br, _w("pPr")).append(last)
        body.append(br)
        for child in list(other):
            body.append(child)
        body.append(sect)
    base["word/document.xml"] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    base["word/styles.xml"] = merge_styles(base["word/styles.xml"], [p["word/styles.xml"] for p in parts[1:]])
    return base
