"""The shipped skeletons reproduce, word for word, the documents docgen made when the sentences
were Python (tests/khung/data, written by tests/khung/golden.py from main before the change).

The one deliberate difference: a blank commune signer reads "[Cần nhập: họ và tên Chủ tịch UBND
…]" (docgen's one placeholder form) instead of "[Họ và tên Chủ tịch UBND …]".
"""

from __future__ import annotations

import pytest

from tests.khung.golden import DATA, DOCUMENTS, name, text

DELIBERATE = ("[Họ và tên Chủ tịch UBND ", "[Cần nhập: họ và tên Chủ tịch UBND ")


@pytest.fixture(scope="module")
def built(full_build):
    """The session's `docgen build` of the bundled content (what `--vi-du` builds)."""
    return full_build


@pytest.mark.parametrize("rel", DOCUMENTS)
def test_skeletons_reproduce_the_python_wording(built, rel):
    expected = (DATA / name(rel)).read_text("utf-8").replace(*DELIBERATE)
    assert text((built / rel).read_bytes()) == expected
