"""Fixtures of the commune tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

TINH = Path(__file__).parent / "data" / "tinh-2026"


@pytest.fixture
def tinh(tmp_path) -> Path:
    """A copy of the post-2025 province test project (tests/commune/data/tinh-2026)."""
    dst = tmp_path / "tinh"
    shutil.copytree(TINH, dst)
    return dst
