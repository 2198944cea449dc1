"""Fixtures for `docgen sua`: docgen's own documents (which pass the checker with no finding),
to break one rule at a time, and the real documents of UBND tỉnh Lâm Đồng (used in place)."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
REAL = ROOT.parent / "shared" / "real-docx"


@pytest.fixture(scope="session")
def built(core_build) -> dict[str, bytes]:
    """quyet-dinh / ke-hoach / phu-luc / tron-bo.docx as built by docgen (checker off), shared
    with every test of the session (tests/conftest.py)."""
    return core_build


@pytest.fixture(scope="session")
def real_files() -> list[Path]:
    files = sorted(REAL.glob("*.docx"))
    if not files:
        pytest.skip("../shared/real-docx/ is not next to the checkout")
    return files
