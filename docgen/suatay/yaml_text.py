"""YAML text for values written into an existing content file (suatay/merge.py).

A changed scalar keeps the style the person gave it (plain, "double" or 'single' quotes) when the
new text can be written that way; text that PyYAML (the loader of every build) would read as
something else than the same string — `{{ }}`, ": ", " #", a leading `&`, `*`, `"`, a number — is
double-quoted (JSON's string syntax is valid YAML). New list items and keys are written in block
style at the indentation of their siblings. A note: ruamel.yaml's own dump would do this too, but
it re-indents and re-wraps what it dumps; only these small pieces are made here, the rest of the
file is never re-emitted.
"""

from __future__ import annotations

import json

import yaml

try:
    _Loader = yaml.CSafeLoader
except AttributeError:  # PyYAML without libyaml
    _Loader = yaml.SafeLoader


def _reads_as(text: str):
    try:
        return yaml.load(text, Loader=_Loader)
    except yaml.YAMLError:
        return None


def plain_ok(s: str, flow: bool = False) -> bool:
    """`s` written unquoted is read back as the same string (in a block, or inside [ ])."""
    if not s or s != s.strip() or "\n" in s or "\t" in s:
        return False
    if _reads_as(f"k: {s}\n") != {"k": s}:
        return False
    return not flow or _reads_as(f"[{s}]\n") == [s]


def scalar(value, style: str | None = None, flow: bool = False, tag: str = "") -> str:
    """The YAML text of one scalar value, in `style` (None, '"' or "'") when it fits."""
    if value is None:
        return '""'
    if not isinstance(value, str):
        value = str(value)
    if tag.endswith((":int", ":float")) and style is None and _reads_as(f"k: {value}\n") == {"k": _num(value)}:
        return value   # a number stays a number
    if style == "'" and "\n" not in value and value == value.strip() and value:
        return "'" + value.replace("'", "''") + "'"
    if style is None and plain_ok(value, flow):
        return value
    return json.dumps(value, ensure_ascii=False)


def _num(text: str):
    try:
        return int(text)
    except ValueError:
        try:
            return float(text)
        except ValueError:
            return None


def is_scalar(value) -> bool:
    return not isinstance(value, (dict, list))


def block_item(value, col: int) -> str:
    """One block-sequence item ("- …" and its lines) with its dash at column `col`."""
    pad = " " * col
    if is_scalar(value):
        return f"{pad}- {scalar(value)}\n"
    if isinstance(value, dict) and value:
        body = block_map(value, col + 2)
        return pad + "- " + body[col + 2:]
    if isinstance(value, list) and value:
        body = block_seq(value, col + 2)
        return pad + "- " + body[col + 2:]
    return f"{pad}- {'{}' if isinstance(value, dict) else '[]'}\n"


def block_seq(items: list, col: int) -> str:
    return "".join(block_item(v, col) for v in items)


def block_entry(key: str, value, col: int) -> str:
    """One `key: value` of a block mapping at column `col` (nested values indented by 2)."""
    pad = " " * col
    k = scalar(key)
    if is_scalar(value):
        return f"{pad}{k}: {scalar(value)}\n"
    if not value:
        return f"{pad}{k}: {'{}' if isinstance(value, dict) else '[]'}\n"
    if isinstance(value, dict):
        return f"{pad}{k}:\n" + block_map(value, col + 2)
    return f"{pad}{k}:\n" + block_seq(value, col + 2)


def block_map(mapping: dict, col: int) -> str:
    return "".join(block_entry(str(k), v, col) for k, v in mapping.items())


def flow_seq(items: list) -> str:
    return "[" + ", ".join(scalar(v, flow=True) for v in items) + "]"
