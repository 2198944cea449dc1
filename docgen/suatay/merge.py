"""Write what changed into a content file, and nothing else (issue #13 item 2).

`merge_text(rel, text, new, base)`: `new` is the plain data an import of the edited document
gave for this file, `base` what the same import gives for the document as docgen built it (the
document rendered again from the content; see suatay/__init__.py). What differs between the two
is what the person changed in Word, and only that is written into the file's text:

- the text is never re-emitted: ruamel.yaml's composer gives the exact character range of every
  node, and each change replaces the characters of one scalar, inserts the lines of one list
  item or key, or removes those of one; comments, key order, quotes, flow/block style and the
  line layout of everything else stay byte for byte;
- lists are aligned (difflib on each item's text), so one edited item of `noi_nhan` or
  `noi_dung` changes that item only; an added or removed item adds or removes its lines;
- a change is written only where the file still holds what the document was built from; else
  it is reported (`[nhap.cannot-place]`, a warning) and the file is left as it is there;
- text is compared and written in Unicode NFC (Word may give decomposed letters).
"""

from __future__ import annotations

import difflib
import unicodedata
from dataclasses import dataclass

from ruamel.yaml import YAML
from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode

from ..errors import CANH_BAO, Problem
from . import yaml_text as yt


@dataclass
class Change:
    tep: str
    line: int
    cu: str | None     # None: an added item or key
    moi: str | None    # None: a removed one

    def __str__(self) -> str:
        if self.cu is None:
            return f"{self.tep}:{self.line}: thêm «{self.moi}»"
        if self.moi is None:
            return f"{self.tep}:{self.line}: bỏ «{self.cu}»"
        return f"{self.tep}:{self.line}: «{self.cu}» → «{self.moi}»"


def nfc(value):
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, dict):
        return {nfc(k): nfc(v) for k, v in value.items()}
    if isinstance(value, list):
        return [nfc(v) for v in value]
    return value


def _text(value) -> str:
    return "" if value is None else str(value)


def same(a, b) -> bool:
    if isinstance(a, dict) or isinstance(b, dict):
        return (isinstance(a, dict) and isinstance(b, dict) and list(a) == list(b)
                and all(same(a[k], b[k]) for k in a))
    if isinstance(a, list) or isinstance(b, list):
        return isinstance(a, list) and isinstance(b, list) and len(a) == len(b) and all(map(same, a, b))
    return _text(a) == _text(b)


def flat(value) -> str:
    """An item's text, for aligning lists and for the diff."""
    if isinstance(value, dict):
        return " ".join(flat(v) for v in value.values())
    if isinstance(value, list):
        return " ".join(flat(v) for v in value)
    return _text(value)


def plain(node):
    """The value of a composed node (scalars as their text; null as None)."""
    if isinstance(node, MappingNode):
        return {_text(plain(k)): plain(v) for k, v in node.value}
    if isinstance(node, SequenceNode):
        return [plain(v) for v in node.value]
    return None if node.tag.endswith(":null") else nfc(node.value)


def short(old: str, new: str, context: int = 20, most: int = 70) -> tuple[str, str]:
    """The two texts cut to the part that changed, with some context ("…" where cut)."""
    if len(old) <= most and len(new) <= most:
        return old, new
    p = 0
    while p < min(len(old), len(new)) and old[p] == new[p]:
        p += 1
    s = 0
    while s < min(len(old), len(new)) - p and old[-1 - s] == new[-1 - s]:
        s += 1
    start = max(0, p - context)
    if start and old[start - 1] != " " and " " in old[start:p]:
        start = old.index(" ", start, p) + 1          # whole words of context

    def cut(t: str) -> str:
        end = min(len(t), len(t) - s + context)
        if end < len(t) and t[end] != " " and " " in t[len(t) - s:end]:
            end = t.rindex(" ", len(t) - s, end)
        part = t[start:end]
        if len(part) > most:
            part = part[:most - 1] + "…"
        return ("…" if start else "") + part + ("…" if end < len(t) else "")

    return cut(old), cut(new)


def _short1(text: str, most: int = 70) -> str:
    return text if len(text) <= most else text[:most - 1] + "…"


class _Merge:
    def __init__(self, rel: str, text: str, remove_keys: bool):
        self.rel, self.text, self.remove_keys = rel, text, remove_keys
        self.edits: list[tuple[int, int, str, str | None, str | None]] = []   # start, end, text, old, new
        self.problems: list[Problem] = []

    # ---- positions ----
    def line_start(self, index: int) -> int:
        return self.text.rfind("\n", 0, index) + 1

    def line_end(self, index: int) -> int:
        """Just after the newline that ends the line of `index` (the text's end if none)."""
        found = self.text.find("\n", index)
        return len(self.text) if found < 0 else found + 1

    def last_end(self, node) -> int:
        if isinstance(node, (MappingNode, SequenceNode)) and not node.flow_style and node.value:
            last = node.value[-1]
            return self.last_end(last[1] if isinstance(last, tuple) else last)
        return node.end_mark.index

    def lines_of(self, first, last_node) -> tuple[int, int]:
        """The whole lines from the one where `first` starts to the end of `last_node`."""
        return self.line_start(first.start_mark.index), self.line_end(max(self.last_end(last_node) - 1, 0))

    def edit(self, start: int, end: int, text: str, old: str | None, new: str | None) -> None:
        if start == len(self.text) and text and self.text and not self.text.endswith("\n"):
            text = "\n" + text
        self.edits.append((start, end, text, old, new))

    def cannot(self, node, new) -> None:
        self.problems.append(Problem(
            self.rel, node.start_mark.line + 1, "nhap.cannot-place",
            f"không đưa được sửa đổi «{_short1(flat(new))}» vào nội dung: chỗ này của tệp không còn "
            "giống văn bản đã dựng; sửa tay trong tệp này", severity=CANH_BAO))

    # ---- the walk ----
    def merge(self, node, base, new) -> None:
        if same(base, new):
            return
        if isinstance(node, MappingNode) and isinstance(base, dict) and isinstance(new, dict):
            self.mapping(node, base, new)
        elif isinstance(node, SequenceNode) and isinstance(base, list) and isinstance(new, list):
            self.sequence(node, base, new)
        elif isinstance(node, ScalarNode) and yt.is_scalar(base) and yt.is_scalar(new):
            self.scalar(node, base, new)
        else:
            self.cannot(node, new)

    def scalar(self, node: ScalarNode, base, new, key=None, flow: bool = False) -> None:
        if not same(plain(node), base):
            self.cannot(node, new)
            return
        text = yt.scalar(new, node.style, flow, node.tag)
        start, end = node.start_mark.index, node.end_mark.index
        if key is not None and start == end:   # an empty value: written after "key:"
            start = end = self.text.index(":", key.end_mark.index) + 1
            text = " " + text
        self.edit(start, end, text, *short(_text(plain(node)), _text(new)))

    def mapping(self, node: MappingNode, base: dict, new: dict) -> None:
        entries = {_text(plain(k)): (k, v) for k, v in node.value}
        for key in new:
            if key in base and key in entries:
                k, v = entries[key]
                if isinstance(v, ScalarNode) and yt.is_scalar(base[key]) and yt.is_scalar(new[key]):
                    if not same(base[key], new[key]):
                        self.scalar(v, base[key], new[key], key=k, flow=bool(node.flow_style))
                else:
                    self.merge(v, base[key], new[key])
            elif key not in base and key not in entries:
                self.add_key(node, key, new[key])
            elif not same(base.get(key), new[key]):
                self.cannot(node, {key: new[key]})
        for key in base:
            if key not in new and key in entries and self.remove_keys:
                k, v = entries[key]
                if not same(plain(v), base[key]) or node.flow_style or len(node.value) < 2:
                    self.cannot(k, {key: None})
                    continue
                start, end = self.lines_of(k, v)
                self.edit(start, end, "", _short1(f"{key}: {flat(base[key])}"), None)

    def add_key(self, node: MappingNode, key: str, value) -> None:
        if node.flow_style or not node.value:
            self.cannot(node, {key: value})
            return
        col = node.value[0][0].start_mark.column
        at = self.line_end(max(self.last_end(node) - 1, 0))
        self.edit(at, at, yt.block_entry(key, value, col), None, _short1(f"{key}: {flat(value)}"))

    def sequence(self, node: SequenceNode, base: list, new: list) -> None:
        if node.flow_style:
            if len(node.value) == len(base) and same(plain(node), base) and all(map(yt.is_scalar, new)):
                self.edit(node.start_mark.index, node.end_mark.index, yt.flow_seq(new),
                          *short(", ".join(map(flat, base)), ", ".join(map(flat, new))))
            else:
                self.cannot(node, new)
            return
        if not new:   # every item gone: "key:" alone would read as null, not an empty list
            self.cannot(node, {"bỏ hết": flat(base)})
            return
        at = self.align(base, [plain(v) for v in node.value])
        matcher = difflib.SequenceMatcher(None, [flat(v) for v in base], [flat(v) for v in new], autojunk=False)
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op == "equal":
                continue
            pairs = min(i2 - i1, j2 - j1)
            for k in range(pairs):
                self.item(node, at.get(i1 + k), base[i1 + k], new[j1 + k])
            for k in range(i1 + pairs, i2):
                self.remove_item(node, at.get(k), base[k])
            if j1 + pairs < j2:
                self.insert_items(node, self.insert_at(node, at, i1 + pairs, len(base)), new[j1 + pairs:j2])

    @staticmethod
    def align(base: list, current: list) -> dict[int, int]:
        """Which item of the file is which item of `base`: equal items, and in a run of items
        that differ, those alike by position (the import may read an item a little differently
        from the file, e.g. without a line it does not take; what is written into it is still
        checked value by value)."""
        texts = [flat(v) for v in base], [flat(v) for v in current]
        matcher = difflib.SequenceMatcher(None, *texts, autojunk=False)
        at = {}
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            for k in range(min(i2 - i1, j2 - j1)):
                alike = op == "equal" or difflib.SequenceMatcher(
                    None, texts[0][i1 + k], texts[1][j1 + k], autojunk=False).ratio() > 0.6
                if alike:
                    at[i1 + k] = j1 + k
        return at

    def insert_at(self, node: SequenceNode, at: dict[int, int], i: int, size: int) -> int | None:
        """Where items new before base item `i` go: the text index, or None if unknown."""
        if i - 1 in at:
            return self.line_end(max(self.last_end(node.value[at[i - 1]]) - 1, 0))
        if i in at:
            return self.line_start(node.value[at[i]].start_mark.index)
        if not node.value:
            return None
        if i == 0:
            return self.line_start(node.value[0].start_mark.index)
        if i == size:
            return self.line_end(max(self.last_end(node.value[-1]) - 1, 0))
        return None

    def item(self, node: SequenceNode, j: int | None, base, new) -> None:
        if j is None:
            self.cannot(node, new)
            return
        child = node.value[j]
        kinds = {type(base) if not yt.is_scalar(base) else str, type(new) if not yt.is_scalar(new) else str}
        if len(kinds) == 1:
            self.merge(child, base, new)
            return
        if not same(plain(child), base):
            self.cannot(child, new)
            return
        start, end = self.lines_of(child, child)   # an item of another kind: its lines replaced
        self.edit(start, end, yt.block_item(new, self.dash_column(child)), *short(flat(base), flat(new)))

    def dash_column(self, child) -> int:
        start = self.line_start(child.start_mark.index)
        before = self.text[start:child.start_mark.index].rstrip()
        return len(before) - 1 if before.endswith("-") else child.start_mark.column

    def remove_item(self, node: SequenceNode, j: int | None, base) -> None:
        if j is None:
            self.cannot(node, {"bỏ": flat(base)})
            return
        child = node.value[j]
        if not same(plain(child), base):
            self.cannot(child, {"bỏ": flat(base)})
            return
        start, end = self.lines_of(child, child)
        self.edit(start, end, "", _short1(flat(base)), None)

    def insert_items(self, node: SequenceNode, at: int | None, items: list) -> None:
        if at is None:
            self.cannot(node, items)
            return
        col = self.dash_column(node.value[0])
        for value in items:
            self.edit(at, at, yt.block_item(value, col), None, _short1(flat(value)))

    # ---- the result ----
    def result(self) -> tuple[str, list[Change]]:
        out, changes, pos, size = [], [], 0, 0
        for start, end, text, old, new in sorted(self.edits, key=lambda e: (e[0], e[1])):
            out += [self.text[pos:start], text]
            size += start - pos
            changes.append((size + (1 if text.startswith("\n") else 0), old, new))
            size += len(text)
            pos = end
        out.append(self.text[pos:])
        new_text = "".join(out)
        return new_text, [Change(self.rel, new_text.count("\n", 0, at) + 1, old, new) for at, old, new in changes]


def merge_text(rel: str, text: str, new, base=None) -> tuple[str, list[Change], list[Problem]]:
    """The file's text with the changes from `base` to `new` written in; the changes (lines of
    the new text); the changes that could not be placed. `base` None: the file's own data (then
    no key is ever removed: an import that does not read a key is no reason to drop it)."""
    node = YAML().compose(text)
    m = _Merge(rel, text, remove_keys=base is not None)
    new = nfc(new)
    if node is None:
        m.problems.append(Problem(rel, None, "nhap.cannot-place", "tệp trống; không có gì để cập nhật",
                                  severity=CANH_BAO))
        return text, [], m.problems
    m.merge(node, plain(node) if base is None else nfc(base), new)
    new_text, changes = m.result()
    return new_text, changes, m.problems
