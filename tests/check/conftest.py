"""Fixtures for the checker: the documents docgen builds (in memory) and helpers to break
exactly one rule by editing their XML (see xmledit.py)."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> dict[str, bytes]:
    """quyet-dinh / ke-hoach / phu-luc / tron-bo.docx as built by docgen (checker off)."""
    from docgen.pipeline import build

    out = tmp_path_factory.mktemp("build")
    result = build(ROOT / "content" / "hoai-nhon-2021", out, check=False)
    return {Path(k).stem: v for k, v in result.outputs.items() if "/" not in k}
