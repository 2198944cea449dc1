"""XML editing helpers for the checker tests: break exactly one rule in a good document."""
from __future__ import annotations

import io
import zipfile

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def mutate(data: bytes, part: str = "word/document.xml", fn=None, extra: dict | None = None,
           drop=()) -> bytes:
    """A copy of a DOCX with `fn(root)` applied to the XML of `part`; `extra` adds or replaces
    members (name -> bytes), `drop` removes members."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename in drop or (extra and info.filename in extra):
                continue
            raw = src.read(info)
            if info.filename == part and fn is not None:
                root = etree.fromstring(raw)
                fn(root)
                raw = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            dst.writestr(info.filename, raw)
        for name, raw in (extra or {}).items():
            dst.writestr(name, raw)
    return out.getvalue()


def body_paras(root) -> list:
    return root.findall(f"{w('body')}/{w('p')}")


def para_text(p) -> str:
    return "".join(t.text or "" for t in p.iter(w("t")))


def find_para(root, startswith: str):
    """The first paragraph anywhere in the document whose text starts with `startswith`."""
    for p in root.iter(w("p")):
        if para_text(p).startswith(startswith):
            return p
    raise AssertionError(f"no paragraph starts with {startswith!r}")


def set_rpr(p, xml: str) -> None:
    """Add direct run properties (e.g. '<w:b w:val="0"/>') to every run of paragraph p."""
    for r in p.iter(w("r")):
        rpr = r.find(w("rPr"))
        if rpr is None:
            rpr = etree.SubElement(r, w("rPr"))
            r.remove(rpr)
            r.insert(0, rpr)
        el = etree.fromstring(f'<x xmlns:w="{W}">{xml}</x>')[0]
        old = rpr.find(el.tag)
        if old is not None:
            rpr.remove(old)
        rpr.append(el)


def set_ppr(p, xml: str) -> None:
    ppr = p.find(w("pPr"))
    if ppr is None:
        ppr = etree.Element(w("pPr"))
        p.insert(0, ppr)
    el = etree.fromstring(f'<x xmlns:w="{W}">{xml}</x>')[0]
    old = ppr.find(el.tag)
    if old is not None:
        ppr.remove(old)
    ppr.append(el)


def set_text(p, text: str) -> None:
    ts = list(p.iter(w("t")))
    ts[0].text = text
    for t in ts[1:]:
        t.text = ""
