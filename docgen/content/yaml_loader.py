"""The only place that reads YAML: PyYAML's C parser, with line marks on every key and item.

We compose the node graph (PyYAML, libyaml) and build the values ourselves, so that:
- every mapping and sequence remembers the line of each key and item, for messages;
- scalars follow YAML 1.2's core schema: "no", "on", "yes", "1:20" stay text (Vietnamese
  text must never turn into a boolean or a number by accident); only true/false, null/~
  and plain decimal integers are not text;
- a duplicated key is an error, not a silent overwrite;
- a syntax error is reported at the line of the mistake (`yaml_errors`).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import ScalarNode, SequenceNode

from ..errors import Problem
from .yaml_errors import describe

try:
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - libyaml missing: the pure-Python parser, same result
    _Loader = yaml.SafeLoader

_INT = re.compile(r"^[-+]?[0-9]+$")
_NULL = {"", "~", "null", "Null", "NULL"}
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}



class MarkedDict(dict):
    """A mapping that remembers the 1-based line of each key."""

    key_lines: dict


class MarkedList(list):
    """A sequence that remembers the 1-based line of each item."""

    item_lines: list


class DuplicateKey(Exception):
    def __init__(self, key: str, line: int, first: int):
        super().__init__(key)
        self.key, self.line, self.first = key, line, first


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
            raise DuplicateKey(key, key_node.start_mark.line + 1, lines[key])
        out[key] = _build(value_node)
        lines[key] = key_node.start_mark.line + 1
    out.key_lines = lines
    return out


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
        return None, [Problem(display, exc.line, "content.duplicate-key", f'khóa "{exc.key}" bị lặp lại (đã có ở dòng {exc.first})')]
    except yaml.MarkedYAMLError as exc:
        line, message = describe(exc, text)
        return None, [Problem(display, line, "content.yaml-syntax", message)]
    except yaml.YAMLError:
        return None, [Problem(display, None, "content.yaml-syntax", "cú pháp YAML không hợp lệ")]
    if data is None:
        return None, [Problem(display, 1, "content.empty-file", "tệp trống")]
    if not isinstance(data, MarkedDict):
        return None, [Problem(display, 1, "content.type", "tệp phải là một bảng khóa–giá trị (mỗi dòng dạng \"khóa: giá trị\")")]
    return Document(path, display, data), []
