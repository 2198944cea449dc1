"""What a document built from a project must contain, read back from its bytes.

Tests that build, derive or read back a document call these so that an empty or truncated
document fails them (see tests/sabotage.py). The expectations come from the content (through
docgen's own loader) and from Decree 30's fixed lines, never from the document itself.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable
from functools import cache
from io import BytesIO
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = ROOT / "content" / "hoai-nhon-2021"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
QUOC_HIEU, TIEU_NGU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"


def _body(data: bytes):
    xml = zipfile.ZipFile(BytesIO(data)).read("word/document.xml")
    return etree.fromstring(xml, etree.XMLParser(resolve_entities=False)).find(f"{W}body")


def _text(p) -> str:
    out = []
    for el in p.iter(f"{W}t", f"{W}br", f"{W}tab"):
        out.append(el.text or "" if el.tag == f"{W}t" else "\n" if el.tag == f"{W}br" else "\t")
    return "".join(out)


def paragraphs(data: bytes) -> list[str]:
    """The text of every paragraph of the body, tables included, in document order."""
    return [_text(p) for p in _body(data).iter(f"{W}p")]


def table_rows(data: bytes) -> list[list[str]]:
    """Every table row of the body as the texts of its cells."""
    return [["\n".join(_text(p) for p in tc.iter(f"{W}p")) for tc in tr.iter(f"{W}tc")]
            for tr in _body(data).iter(f"{W}tr")]


def section_count(data: bytes) -> int:
    return sum(1 for _ in _body(data).iter(f"{W}sectPr"))


def assert_in_order(data: bytes, expected: Iterable[str], what: str = "document") -> None:
    """Every expected text occurs in the document's text, in this order."""
    text, at = "\n".join(paragraphs(data)), 0
    for item in expected:
        found = text.find(item, at)
        assert found >= 0, f"{what}: {item!r} missing (or out of order) after position {at}"
        at = found + len(item)


@cache
def project(content: Path = BUNDLED):
    from docgen.content import load_project

    return load_project(content)


def _khoi_texts(blocks) -> list[str]:
    out = []
    for b in blocks:
        out += [t for t in (b.muc, b.khoan, b.diem, b.gach, b.doan) if t]
        out += _khoi_texts(b.noi_dung)
    return out


def tasks(content: Path = BUNDLED) -> list:
    return [t for g in project(content).phu_luc.nhom for t in g.nhiem_vu]


def expected_core(name: str, content: Path = BUNDLED) -> list[str]:
    """The texts, in order, that the core document `name` (quyet-dinh, …) must hold."""
    p = project(content)
    qd, kh, pl = p.quyet_dinh, p.ke_hoach, p.phu_luc
    header = [*p.don_vi.co_quan_ban_hanh.dong_tieu_de, QUOC_HIEU, TIEU_NGU]
    if name == "quyet-dinh":
        return [*header, "QUYẾT ĐỊNH", qd.trich_yeu, qd.tham_quyen, *qd.can_cu,
                *[f"Điều {i}. {d}" for i, d in enumerate(qd.dieu, 1)], "Nơi nhận:",
                *[f"- {n}" for n in qd.noi_nhan], f"- Lưu: {qd.luu}", qd.nguoi_ky.ho_ten]
    if name == "ke-hoach":
        return [*header, "KẾ HOẠCH", kh.trich_yeu, *_khoi_texts(kh.noi_dung), kh.ket_thuc]
    if name == "phu-luc":
        return ["Phụ lục", pl.tieu_de, *[x for g in pl.nhom for x in (g.ten, *[t.nhiem_vu for t in g.nhiem_vu])]]
    if name == "tron-bo":
        return [*expected_core("quyet-dinh", content), *expected_core("ke-hoach", content),
                *expected_core("phu-luc", content)]
    raise KeyError(name)


def assert_core_document(name: str, data: bytes, content: Path = BUNDLED) -> None:
    """A core document holds its content in order, with its sections and its task table."""
    stem = Path(name).stem
    assert_in_order(data, expected_core(stem, content), stem)
    assert section_count(data) == {"tron-bo": 3}.get(stem, 1), stem
    if stem in ("phu-luc", "tron-bo"):
        p = project(content)
        rows = table_rows(data)
        task_rows = [r for r in rows if len(r) == 7 and r[0].isdigit()]
        assert len(task_rows) == len(tasks(content)), (stem, len(task_rows))
        assert [r[1] for r in task_rows] == [t.nhiem_vu for t in tasks(content)]
        assert sum(1 for r in rows if len(r) == 2 and r[1] in {g.ten for g in p.phu_luc.nhom}) == \
            len(p.phu_luc.nhom)


def assert_core_outputs(outputs: dict[str, bytes], content: Path = BUNDLED) -> None:
    """All four core documents of a build, each with its content."""
    core = sorted(k for k in outputs if "/" not in k)
    assert core == ["ke-hoach.docx", "phu-luc.docx", "quyet-dinh.docx", "tron-bo.docx"], core
    for name in core:
        assert_core_document(name, outputs[name], content)


def assert_core_files(out: Path, content: Path = BUNDLED) -> None:
    """The same, for the files a build wrote into `out`."""
    assert_core_outputs({p.name: p.read_bytes() for p in Path(out).glob("*.docx")}, content)


def _task_rows(data: bytes) -> list[list[str]]:
    return [r for r in table_rows(data) if len(r) == 7 and r[0].isdigit()]


def _citation(content: Path) -> str:
    from docgen.model.trich_dan import trich_dan_quyet_dinh

    return trich_dan_quyet_dinh(project(content))


def assert_derived_document(rel: str, data: bytes, content: Path = BUNDLED) -> None:
    """A derived plan (plan + appendix, two sections) or an agency's task sheet (one section)."""
    rows = _task_rows(data)
    if rel.endswith("/bang-phan-cong.docx"):
        assert_in_order(data, ["Phụ lục", "BẢNG PHÂN CÔNG NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH"], rel)
        assert section_count(data) == 1, rel
        names = {t.nhiem_vu for t in tasks(content)}
        assert rows and all(r[1] in names for r in rows), (rel, [r[1] for r in rows])
    else:
        assert_in_order(data, [QUOC_HIEU, TIEU_NGU, "KẾ HOẠCH",
                               f"Thực hiện {_citation(content)}", "Nơi nhận:", "Phụ lục"], rel)
        assert section_count(data) == 2, rel
        assert len(paragraphs(data)) >= 50 and rows, (rel, len(paragraphs(data)), len(rows))


def assert_derived_outputs(outputs: dict[str, bytes], content: Path = BUNDLED) -> None:
    derived = [k for k in outputs if k.startswith("ke-hoach-con/")]
    assert derived, sorted(outputs)
    for rel in derived:
        assert_derived_document(rel, outputs[rel], content)


def assert_commune_document(slug: str, name: str, data: bytes, content: Path = BUNDLED) -> None:
    """A commune's plan (ke-hoach.docx) or appendix (phu-luc.docx) names that commune."""
    from docgen.derive.commune import slug as slug_of

    xp = next(x for x in project(content).don_vi.xa_phuong if slug_of(x.ten) == slug)
    if name == "ke-hoach.docx":
        assert_in_order(data, ["ỦY BAN NHÂN DÂN", xp.ten_day_du.upper(), QUOC_HIEU, TIEU_NGU, "KẾ HOẠCH",
                               f"Thực hiện {_citation(content)}", "Nơi nhận:", "TM. ỦY BAN NHÂN DÂN"],
                        f"{slug}/{name}")
        assert len(paragraphs(data)) >= 50, (slug, len(paragraphs(data)))
    else:
        assert_in_order(data, ["Phụ lục", f"của UBND {xp.ten_day_du})", "TT", "Nhiệm vụ"], f"{slug}/{name}")
        assert len(_task_rows(data)) >= 10, (slug, len(_task_rows(data)))
    assert section_count(data) == 1, (slug, name)


def assert_commune_files(out: Path, slugs: Iterable[str] | None = None, content: Path = BUNDLED) -> None:
    """Both documents of each commune (all of them by default) under `out`/xa-phuong/."""
    from docgen.derive.commune import slug as slug_of

    slugs = list(slugs) if slugs is not None else [slug_of(x.ten) for x in project(content).don_vi.xa_phuong]
    assert slugs
    for s in slugs:
        for name in ("ke-hoach.docx", "phu-luc.docx"):
            assert_commune_document(s, name, (Path(out) / "xa-phuong" / s / name).read_bytes(), content)


def render_core(name: str, templates: Path, content: Path = BUNDLED) -> bytes:
    """One core document (quyet-dinh, ke-hoach, phu-luc) rendered through docgen's engine from
    the templates in `templates`: the cheap positive control of a test that breaks a template."""
    from docgen.pipeline.documents import core_documents
    from docgen.pipeline.render_docs import render_all
    from docgen.render.engine import Engine

    doc = next(d for d in core_documents(project(content)) if d.duong_dan == f"{name}.docx")
    return render_all(Engine(templates), [doc])[doc.duong_dan]
