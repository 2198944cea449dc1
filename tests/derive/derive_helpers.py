"""Reading rendered DOCX text back for the derived-plan tests (the shared readers of tests/expect.py)."""

from pathlib import Path

from tests.expect import paragraphs, table_rows

ROOT = Path(__file__).resolve().parents[2]
CONTENT = ROOT / "content" / "hoai-nhon-2021"

__all__ = ["CONTENT", "ROOT", "paragraphs", "table_rows"]
