"""The document-type registry (docgen/doctypes.py) describes what docgen really makes."""

from __future__ import annotations

import importlib
import zipfile

from docgen.doctypes import (
    COMMUNE,
    CORE,
    DERIVED,
    DOCTYPES,
    content_files,
    khung_names,
    kind_of,
    of_target,
    template_names,
)
from docgen.paths import templates_dir
from tests.conftest import BUNDLED


def _bundled_outputs() -> dict[str, object]:
    """Every output path of the bundled project (core, derived, communes) -> its VanBan."""
    from docgen.content import load_project
    from docgen.derive.commune import ke_hoach_xa_phuong
    from docgen.model.trich_dan import trich_dan_quyet_dinh
    from docgen.pipeline.derived import derive_project
    from docgen.pipeline.documents import core_documents

    project = load_project(BUNDLED)
    docs = core_documents(project) + derive_project(BUNDLED)[1].van_ban
    for xp in project.don_vi.xa_phuong:
        kq = ke_hoach_xa_phuong(project, xp, None, trich_dan=trich_dan_quyet_dinh(project))
        docs += [kq.ke_hoach, kq.phu_luc]
    return {d.duong_dan: d for d in docs}


def test_every_bundled_output_is_one_declared_kind_with_its_templates():
    outputs = _bundled_outputs()
    assert len(outputs) == 4 + 21 + 34  # the bundled package: core, derived drafts, communes
    seen = set()
    for rel, doc in outputs.items():
        kind = kind_of(rel)
        assert kind is not None, rel
        mau = tuple(p.mau for p in (doc.phan or (doc,)))
        assert set(mau) <= set(kind.mau), rel
        assert kind.mau[:len(mau)] == mau, rel   # Hoài Nhơn: every part, none with declared columns
        seen.add(kind.ma)
    # every entry is used by the bundled package except the generic derived plan
    assert {d.ma for d in DOCTYPES} - seen <= {"ke-hoach-chung"}


def test_named_kinds_are_matched_before_the_generic_one():
    assert kind_of("ke-hoach-con/phong-noi-vu/kiem-tra.docx").ma == "kiem-tra"
    assert kind_of("ke-hoach-con/phong-noi-vu/i-3-ke-hoach-abc.docx").ma == "ke-hoach-chung"
    assert kind_of("xa-phuong/tam-quan/phu-luc.docx").ma == "phu-luc-xa-phuong"
    assert kind_of("khac.docx") is None


def test_entries_name_real_templates_content_and_functions():
    for d in DOCTYPES:
        assert d.muc_tieu in (CORE, DERIVED, COMMUNE), d.ma
        for name in d.mau:
            assert zipfile.is_zipfile(templates_dir() / f"{name}.docx"), (d.ma, name)
        for item in d.doc:
            # phu-luc.xlsx stands in place of phu-luc.yaml (issue #13); the bundled project has the YAML
            assert (BUNDLED / item).exists() or item.endswith("/") or item == "phu-luc.xlsx", (d.ma, item)
        module, _, function = d.lam.partition(":")
        assert callable(getattr(importlib.import_module(module), function)), d.lam


def test_change_tracking_of_communes_comes_from_the_registry():
    from docgen.pipeline import batch

    assert batch.TOWN_FILES == content_files(of_target(COMMUNE)) == (
        "don-vi.yaml", "quyet-dinh.yaml", "ke-hoach.yaml", "phu-luc.yaml", "phu-luc.xlsx")
    assert batch.TEMPLATES == template_names(of_target(COMMUNE)) == ("ke-hoach", "phu-luc")
    assert khung_names(of_target(COMMUNE)) == ("xa-phuong",)


def test_every_shipped_skeleton_words_a_declared_kind():
    from docgen.content.khung import SHIPPED
    from docgen.model.khung import KHUNG

    assert set(khung_names()) == set(KHUNG) == {p.name.split(".")[0] for p in SHIPPED.glob("*.yaml")}


def test_template_generator_makes_every_declared_template():
    import sys

    sys.path.insert(0, str(templates_dir()))
    try:
        import make_templates
    finally:
        sys.path.pop(0)
    assert make_templates.KINDS == template_names() == ("quyet-dinh", "ke-hoach", "phu-luc", "phu-luc-cot", "phu-luc-nd")
    assert set(make_templates.BODIES) == set(template_names())


def test_commune_change_tracking_digests_the_sources_found_by_imports(tmp_path):
    """No hand-kept list: the modules the batch reaches by imports, not the CLI, diff or preview."""
    from docgen.pipeline.sources import reachable, source_files

    found = reachable(("docgen.pipeline.batch",))
    for needed in ("docgen.derive.commune", "docgen.render.engine", "docgen.model.trich_dan",
                   "docgen.vn.dates", "docgen.content.yaml_loader", "docgen.pipeline.documents"):
        assert needed in found, needed
    assert not [m for m in found if m.startswith(("docgen.cli", "docgen.diff", "docgen.preview"))]
    cache = tmp_path / "nguon.json"
    first = source_files(("docgen.pipeline.batch",), cache)
    assert cache.is_file() and source_files(("docgen.pipeline.batch",), cache) == first
    assert {p.name for p in first} >= {"commune.py", "batch.py", "engine.py"}


def test_every_content_file_is_declared_once_with_its_model():
    """The content files are registry data (doctypes.CONTENT): what load_project reads, in order,
    each validated by its declared model; a document reading phu-luc.yaml also reads phu-luc.xlsx."""
    from pydantic import BaseModel

    from docgen.content import load_project, model_of
    from docgen.doctypes import CONTENT, TOWN, content_file, reads

    assert [(c.ma, c.tep, c.vai, c.thay_the, c.chinh) for c in CONTENT] == [
        ("don_vi", "don-vi.yaml", "bat-buoc", "", False), ("quyet_dinh", "quyet-dinh.yaml", "hinh", "", True),
        ("ke_hoach", "ke-hoach.yaml", "hinh", "", True), ("phu_luc", "phu-luc.yaml", "hinh", "phu-luc.xlsx", False)]
    assert all(issubclass(model_of(c), BaseModel) for c in CONTENT)
    assert content_file("phu-luc.xlsx") is content_file("phu_luc") is content_file("phu-luc.yaml")
    assert reads("ke-hoach.yaml", "phu-luc.yaml", "xa-phuong/") == (
        "ke-hoach.yaml", "phu-luc.yaml", "phu-luc.xlsx", "xa-phuong/")
    assert TOWN == ("don-vi.yaml", "quyet-dinh.yaml", "ke-hoach.yaml", "phu-luc.yaml", "phu-luc.xlsx")
    assert set(content_files()) <= set(TOWN)   # every file a kind reads is a declared content file
    project = load_project(BUNDLED)
    assert sorted(project.noi_dung) == ["don_vi", "ke_hoach", "quyet_dinh"]   # the appendix: phu_luc_ds
    assert project.ke_hoach is project.noi_dung["ke_hoach"] and project.co_ke_hoach
    assert not hasattr(project, "bao_cao")   # an undeclared content file is no attribute
