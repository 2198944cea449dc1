"""The word-sequence fidelity measure, in one place (tests/test_fidelity.py, tests/nhap/).

- `words(text)`: runs of letters and digits (punctuation is not a word);
- `words_in_order(original, built)`: how many of the original's words the built text holds in
  the same order (the matching blocks of difflib's SequenceMatcher);
- `word_share(original_text, built_text)`: that count over the original's words;
- `extract(path)`: the text of a DOCX as a reader sees it (scripts/extract_docx_text.py: one
  line per paragraph with Word's list labels, table rows tab-separated).
"""
from __future__ import annotations

import difflib
import functools
import importlib.util
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def words(text: str) -> list[str]:
    """The words of a text: runs of letters and digits (punctuation and "*" marks are not words)."""
    return re.findall(r"\w+", text)


def words_in_order(original: list[str], built: list[str]) -> int:
    """How many of the original's words the built text holds in the same order."""
    matcher = difflib.SequenceMatcher(None, original, built, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks())


def word_share(original_text: str, built_text: str) -> float:
    original = words(original_text)
    return words_in_order(original, words(built_text)) / max(len(original), 1)


@functools.cache
def extractor():
    """scripts/extract_docx_text.py as a module."""
    spec = importlib.util.spec_from_file_location("extract_docx_text", REPO / "scripts" / "extract_docx_text.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def extract(path: Path) -> str:
    return extractor().extract(Path(path))
