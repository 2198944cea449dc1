"""Fixtures for `docgen sua`: docgen's own documents (which pass the checker with no finding),
to break one rule at a time, and the real documents of UBND tỉnh Lâm Đồng (used in place)."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
REAL = ROOT.parent / "shared" / "real-docx"


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> dict[str, bytes]:
    from docgen.pipeline import build

    out = tmp_path_factory.mktemp("build")
    result = build(ROOT / "content" / "hoai-nhon-2021", out, check=False)
    return {Path(k).stem: v for k, v in result.outputs.items() if "/" not in k}


@pytest.fixture(scope="session")
def real_files() -> list[Path]:
    files = sorted(REAL.glob("*.docx"))
    if not files:
        pytest.skip("../shared/real-docx/ is not next to the checkout")
    return files
