import shutil
from pathlib import Path

import pytest

CONTENT = Path(__file__).resolve().parents[2] / "content" / "hoai-nhon-2021"


@pytest.fixture
def content(tmp_path) -> Path:
    """A private copy of the bundled content, with an empty override folder."""
    dst = tmp_path / "content"
    shutil.copytree(CONTENT, dst)
    shutil.rmtree(dst / "ke-hoach-con", ignore_errors=True)
    (dst / "ke-hoach-con").mkdir()
    return dst
