"""The only place that reads YAML: ruamel.yaml (YAML 1.2) with line marks.

YAML 1.2 matters for Vietnamese text: "no", "on", "yes" stay text. Every mapping and
sequence keeps the line of each key and item, so a problem found later (by the schema or a
cross-reference check) can name its line.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from ..errors import Problem

_PROBLEMS_VI = {
    "mapping values are not allowed here": "có dấu hai chấm không đúng chỗ (văn bản có \": \" phải đặt trong dấu nháy)",
    "could not find expected ':'": "thiếu dấu hai chấm sau khóa",
    "found character '\\t' that cannot start any token": "có ký tự tab; YAML chỉ dùng dấu cách để thụt lề",
    "found duplicate key": "khóa bị lặp lại",
    "expected <block end>, but found": "thụt lề không đúng",
    "found unexpected end of stream": "thiếu dấu nháy đóng",
    "found undefined alias": "bí danh (alias) không được định nghĩa",
}


def _vi(problem: str | None) -> str:
    problem = (problem or "").strip()
    for en, vi in _PROBLEMS_VI.items():
        if problem.startswith(en):
            return vi
    return f"cú pháp YAML không hợp lệ ({problem})" if problem else "cú pháp YAML không hợp lệ"


class Document:
    """A loaded YAML file: its data and a way to find the line of any location in it."""

    def __init__(self, path: Path, display: str, data: Any):
        self.path = path
        self.display = display
        self.data = data

    def line(self, loc: tuple) -> int | None:
        """1-based line of the deepest part of `loc` that exists in the file.

        `loc` is a path of keys and indices (as pydantic reports it); elements that are
        not in the data (union tags, keys that are missing) are skipped.
        """
        node, line = self.data, 1
        for part in loc:
            if isinstance(node, CommentedMap) and part in node:
                line = node.lc.key(part)[0] + 1
                node = node[part]
            elif isinstance(node, CommentedSeq) and isinstance(part, int) and 0 <= part < len(node):
                line = node.lc.item(part)[0] + 1
                node = node[part]
            elif isinstance(node, (CommentedMap, CommentedSeq)) and not isinstance(part, (str, int)):
                continue
        return line


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.allow_duplicate_keys = False
    return yaml


def load_yaml(path: Path, display: str) -> tuple[Document | None, list[Problem]]:
    """Read one YAML file. Returns the document, or None and the problems found."""
    try:
        text = path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        return None, [Problem(display, None, "content.missing-file", "không tìm thấy tệp")]
    except UnicodeDecodeError as exc:
        line = path.read_bytes()[: exc.start].count(b"\n") + 1
        return None, [Problem(display, line, "content.encoding", "tệp không phải UTF-8; hãy lưu lại với mã UTF-8")]
    try:
        data = _yaml().load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        return None, [Problem(display, line, "content.yaml-syntax", _vi(exc.problem))]
    except YAMLError as exc:
        return None, [Problem(display, None, "content.yaml-syntax", _vi(str(exc)))]
    if data is None:
        return None, [Problem(display, 1, "content.empty-file", "tệp trống")]
    if not isinstance(data, CommentedMap):
        return None, [Problem(display, 1, "content.type", "tệp phải là một bảng khóa–giá trị (key: value)")]
    return Document(path, display, data), []
