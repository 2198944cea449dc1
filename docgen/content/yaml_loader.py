"""The only place that reads YAML: PyYAML's C parser, with line marks on every key and item.

We compose the node graph (PyYAML, libyaml) and build the values ourselves, so that:
- every mapping and sequence remembers the line of each key and item, for messages;
- scalars follow YAML 1.2's core schema: "no", "on", "yes", "1:20" stay text (Vietnamese
  text must never turn into a boolean or a number by accident); only true/false, null/~
  and plain decimal integers are not text;
- a duplicated key is an error, not a silent overwrite.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import ScalarNode, SequenceNode

from ..errors import Problem

try:
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - libyaml missing: the pure-Python parser, same result
    _Loader = yaml.SafeLoader

_INT = re.compile(r"^[-+]?[0-9]+$")
_NULL = {"", "~", "null", "Null", "NULL"}
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}

_PROBLEMS_VI = {
    "mapping values are not allowed here": "có dấu hai chấm không đúng chỗ (văn bản có \": \" phải đặt trong dấu nháy)",
    "could not find expected ':'": "thiếu dấu hai chấm sau khóa",
    "found character '\\t' that cannot start any token": "có ký tự tab; YAML chỉ dùng dấu cách để thụt lề",
    "found character that cannot start any token": "có ký tự không được đứng đầu (đặt văn bản trong dấu nháy)",
    "did not find expected key": "thụt lề không đúng",
    "did not find expected '-' indicator": "thụt lề danh sách không đúng",
    "expected <block end>, but found": "thụt lề không đúng",
    "found unexpected end of stream": "thiếu dấu nháy đóng",
    "found undefined alias": "bí danh (alias) không được định nghĩa",
    "did not find expected node content": "thiếu giá trị",
    "found unexpected ':'": "có dấu hai chấm không đúng chỗ",
}


class MarkedDict(dict):
    """A mapping that remembers the 1-based line of each key."""

    key_lines: dict


class MarkedList(list):
    """A sequence that remembers the 1-based line of each item."""

    item_lines: list


class DuplicateKey(Exception):
    def __init__(self, key: str, line: int):
        super().__init__(key)
        self.key, self.line = key, line


def _scalar(node: ScalarNode) -> Any:
    value = node.value
    if node.style:  # quoted or block scalars are always text
        return value
    if value in _NULL:
        return None
    if value in _BOOL:
        return _BOOL[value]
    if _INT.match(value):
        return int(value)
    return value


def _build(node) -> Any:
    if isinstance(node, ScalarNode):
        return _scalar(node)
    if isinstance(node, SequenceNode):
        out = MarkedList(_build(item) for item in node.value)
        out.item_lines = [item.start_mark.line + 1 for item in node.value]
        return out
    out, lines = MarkedDict(), {}
    for key_node, value_node in node.value:
        key = _build(key_node)
        key = str(key) if not isinstance(key, str) else key
        if key in out:
            raise DuplicateKey(key, key_node.start_mark.line + 1)
        out[key] = _build(value_node)
        lines[key] = key_node.start_mark.line + 1
    out.key_lines = lines
    return out


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

        `loc` is a path of keys and indices (as pydantic reports it); parts that are not in
        the data (keys that are missing, validator tags) are skipped.
        """
        node, line = self.data, 1
        for part in loc:
            if isinstance(node, MarkedDict) and part in node:
                line, node = node.key_lines[part], node[part]
            elif isinstance(node, MarkedList) and isinstance(part, int) and 0 <= part < len(node):
                line, node = node.item_lines[part], node[part]
        return line


def load_yaml(path: Path, display: str) -> tuple[Document | None, list[Problem]]:
    """Read one YAML file. Returns the document, or None and the problems found."""
    if path.exists() and not path.is_file() and not path.is_dir():  # a FIFO would block forever
        return None, [Problem(display, None, "content.not-a-file",
                              "không phải tệp thông thường (FIFO, thiết bị…); docgen chỉ đọc tệp thật")]
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None, [Problem(display, None, "content.missing-file", "không tìm thấy tệp")]
    except IsADirectoryError:
        return None, [Problem(display, None, "content.missing-file", "đây là thư mục, không phải tệp")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, [Problem(display, line, "content.encoding", "tệp không phải UTF-8; hãy lưu lại với mã UTF-8")]
    try:
        node = yaml.compose(text, Loader=_Loader)
        data = None if node is None else _build(node)
    except DuplicateKey as exc:
        return None, [Problem(display, exc.line, "content.duplicate-key", f'khóa "{exc.key}" bị lặp lại')]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        return None, [Problem(display, mark.line + 1 if mark else None, "content.yaml-syntax", _vi(exc.problem))]
    except yaml.YAMLError as exc:
        return None, [Problem(display, None, "content.yaml-syntax", _vi(str(exc)))]
    if data is None:
        return None, [Problem(display, 1, "content.empty-file", "tệp trống")]
    if not isinstance(data, MarkedDict):
        return None, [Problem(display, 1, "content.type", "tệp phải là một bảng khóa–giá trị (key: value)")]
    return Document(path, display, data), []
