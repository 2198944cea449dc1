"""`--theo-doi`: every fix is a Word tracked change. Accepting them all gives the repaired
document; rejecting them all gives back the document as it came (same findings, same text)."""
from __future__ import annotations

import io
import zipfile

from lxml import etree

from docgen.check import check_docx_bytes
from docgen.repair.engine import repair_bytes
from tests.check.xmledit import find_para, mutate, para_text, set_rpr, set_text, w
from tests.repair.words import document_text

KEEP = {"rPr": (), "pPr": ("rPr", "sectPr"), "sectPr": ("headerReference", "footerReference")}


def _broken(built) -> bytes:
    def fn(root):
        root.find(f"{w('body')}/{w('sectPr')}/{w('pgMar')}").set(w("left"), "1418")
        set_rpr(find_para(root, "Điều 2."), '<w:sz w:val="24"/>')
        p = find_para(root, "Điều 3.")
        set_text(p, para_text(p).replace("./.", "."))
        sig = next(p for p in root.iter(w("p")) if para_text(p) == "CHỦ TỊCH")
        set_text(sig, "KT.CHỦ TỊCH")
        set_text(find_para(root, "Độc lập"), "Độc lập – Tự do – Hạnh phúc")
    return mutate(built["quyet-dinh"], fn=fn)


def _resolve(data: bytes, accept: bool) -> bytes:
    """What Word's Accept All / Reject All does to the main document."""
    z = zipfile.ZipFile(io.BytesIO(data))
    root = etree.fromstring(z.read("word/document.xml"))
    for kind, keep in KEEP.items():
        for change in list(root.iter(w(kind + "Change"))):
            owner = change.getparent()
            owner.remove(change)
            if accept:
                continue
            for ch in list(owner):
                if etree.QName(ch).localname not in keep:
                    owner.remove(ch)
            for ch in change.find(w(kind)) if change.find(w(kind)) is not None else []:
                owner.insert(0, ch) if kind == "sectPr" else owner.append(ch)
    drop, keep = ("del", "ins") if accept else ("ins", "del")
    for el in list(root.iter(w(drop))):
        el.getparent().remove(el)
    for el in list(root.iter(w(keep))):
        for t in el.iter(w("delText")):
            t.tag = w("t")
        for ch in list(el):
            el.addprevious(ch)
        el.getparent().remove(el)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for info in z.infolist():
            raw = z.read(info)
            if info.filename == "word/document.xml":
                raw = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            dst.writestr(info, raw)
    return out.getvalue()


def _codes(data: bytes) -> list[tuple[str, str]]:
    return sorted((f.code, f.where) for f in check_docx_bytes(data, "t.docx"))


def test_tracked_fixes_are_the_same_fixes(built):
    data = _broken(built)
    plain = repair_bytes(data, "t.docx")
    tracked = repair_bytes(data, "t.docx", track=True, date="2026-01-02T03:04:05Z")
    assert [str(f) for f in tracked.fixes] == [str(f) for f in plain.fixes]
    assert len(plain.fixes) == 5 and tracked.remaining == []
    xml = zipfile.ZipFile(io.BytesIO(tracked.data)).read("word/document.xml")
    for tag in (b"<w:sectPrChange", b"<w:rPrChange", b"<w:del ", b"<w:ins ", b"<w:delText"):
        assert tag in xml
    assert b'w:author="docgen sua"' in xml and b'w:date="2026-01-02T03:04:05Z"' in xml


def test_accept_all_is_the_repair_and_reject_all_the_original(built):
    data = _broken(built)
    tracked = repair_bytes(data, "t.docx", track=True).data
    accepted, rejected = _resolve(tracked, accept=True), _resolve(tracked, accept=False)
    assert check_docx_bytes(accepted, "t.docx") == []
    assert document_text(accepted) == document_text(repair_bytes(data, "t.docx").data)
    assert _codes(rejected) == _codes(data)
    assert document_text(rejected) == document_text(data)


def test_tracked_repair_is_reproducible_with_source_date_epoch(built, monkeypatch):
    data = _broken(built)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")      # 2026-01-01T00:00:00Z
    first = repair_bytes(data, "t.docx", track=True).data
    second = repair_bytes(data, "t.docx", track=True).data
    assert first == second
    xml = zipfile.ZipFile(io.BytesIO(first)).read("word/document.xml")
    assert b'w:date="2026-01-01T00:00:00Z"' in xml
