"""Fixtures for the checker: the documents docgen builds (in memory) and helpers to break
exactly one rule by editing their XML (see xmledit.py)."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def built(core_build) -> dict[str, bytes]:
    """quyet-dinh / ke-hoach / phu-luc / tron-bo.docx as built by docgen (checker off), shared
    with every test of the session (tests/conftest.py)."""
    return core_build


def unzip(data: bytes) -> dict[str, bytes]:
    """The parts of a DOCX, as the batch hands them to check_parts."""
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {i.filename: zf.read(i) for i in zf.infolist()}


def both_paths(data: bytes, name: str):
    """The full check (check_docx_bytes); the fast path of the batch (check_parts, with the
    per-template caches warmed by every document checked before in this process) must give
    exactly the same findings, in the same order."""
    from docgen.check import check_docx_bytes, check_parts

    full = check_docx_bytes(data, name)
    fast = check_parts(unzip(data), name)
    assert fast == full, (name, [f.message for f in fast], [f.message for f in full])
    return full


@pytest.fixture(autouse=True)
def _fast_path_too(request, monkeypatch):
    """Every document a checker test checks (built, mutated to break one rule, hand-made,
    real) also goes through the batch's fast path, which must agree with the full check."""
    module = request.module
    if getattr(module, "check_docx_bytes", None) is not None and module.__name__ != __name__:
        monkeypatch.setattr(module, "check_docx_bytes", both_paths)
