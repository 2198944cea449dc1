"""Generated file and folder names work on Windows: slug rules, reserved names, path building."""

from __future__ import annotations

from pathlib import Path, PureWindowsPath

import pytest

from docgen.derive.chon import slug as plan_slug
from docgen.derive.commune import duong_dan, loi_ten
from docgen.derive.commune import slug as commune_slug
from docgen.derive.names import RESERVED, windows_safe

ROOT = Path(__file__).resolve().parents[2]
BAD_WINDOWS = set('<>:"/\\|?*')


def windows_ok(name: str) -> bool:
    stem = name.split(".")[0].lower()
    return (bool(name) and not (set(name) & BAD_WINDOWS) and not name.endswith((".", " "))
            and stem not in RESERVED and all(ord(c) >= 32 for c in name))


@pytest.mark.parametrize("text,expected", [
    ("Tam Quan Bắc", "tam-quan-bac"),
    ("Hoài Đức", "hoai-duc"),
    ("Phường: Bồng Sơn", "phuong-bong-son"),
    ("Xã Ân Hảo Đông.", "xa-an-hao-dong"),
    ("  Hoài Hương  ", "hoai-huong"),
    ("Côn", "con-1"),
    ("Nul", "nul-1"),
    ("Com1", "com1-1"),
    ("Côn Đảo", "con-dao"),
])
def test_commune_slug(text, expected):
    assert commune_slug(text) == expected
    assert windows_ok(commune_slug(text))


@pytest.mark.parametrize("text,words,expected", [
    ("Phòng Văn hóa và Thông tin", None, "phong-van-hoa-va-thong-tin"),
    ("VII.2", None, "vii-2"),
    ("Kiểm tra: công tác CCHC năm 2021", 3, "kiem-tra-cong"),
    ("AUX", None, "aux-1"),
    ("???", None, "x"),
])
def test_plan_slug(text, words, expected):
    assert plan_slug(text, words) == expected
    assert windows_ok(plan_slug(text, words))


def test_long_names_are_cut_at_a_word():
    name = plan_slug("Ủy ban nhân dân " * 10)
    assert len(name) <= 60 and not name.endswith("-") and name.startswith("uy-ban-nhan-dan-uy")
    assert windows_safe("a" * 80) == "a" * 60


def test_unsafe_commune_names_are_refused():
    assert loi_ten("Hoài: Đức") is not None
    assert loi_ten("Hoài Đức.") is not None
    assert loi_ten("Hoài/Đức") is not None
    assert loi_ten("Hoài Đức") is None


def test_generated_paths_on_windows(built_names):
    for rel in built_names:
        parts = PureWindowsPath(rel).parts
        assert PureWindowsPath(rel).as_posix() == rel
        assert all(windows_ok(p) for p in parts), rel
        assert len(str(PureWindowsPath("C:/Users/can-bo/Documents/docgen/build") / rel)) < 200


@pytest.fixture(scope="module")
def built_names():
    """Every relative name the bundled project generates (core, derived plans, communes)."""
    from docgen.content import load_project
    from docgen.derive.commune import FOLDER
    from docgen.pipeline.derived import derive_project

    project = load_project(ROOT / "content" / "hoai-nhon-2021")
    _, result = derive_project(ROOT / "content" / "hoai-nhon-2021")
    names = [d.duong_dan for d in result.van_ban]
    names += [duong_dan(xp, "ke-hoach.docx") for xp in project.don_vi.xa_phuong]
    assert any(n.startswith(f"{FOLDER}/") for n in names) and any("ke-hoach-con/" in n for n in names)
    return names
