"""The body of an imported plan: paragraphs -> the ke-hoach.yaml block tree.

Each paragraph's number is Word's automatic label (`w:numPr`, docgen.check.numbering) or the
number typed at its start ("II. ", "1. ", "1.2. ", "a) ", "- "). Typed numbers are stripped
(docgen numbers). A number decides the level: Roman -> muc, "1." -> khoan, "a)" -> diem
(`la-ma`), or by its depth in `thap-phan` ("1.", "1.1.", "1.1.1."). A numbered paragraph
that holds nothing below it and is not bold is a numbered body paragraph (`dang: doan`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from docgen.check.docmodel import Para

ROMAN = re.compile(r"^(?P<n>[IVXLC]+)\.\s*(?=\S)")
DECIMAL = re.compile(r"^(?P<n>\d+(?:\.\d+)*)\.(?!\d)\s*(?=\S)")
LETTER = re.compile(r"^(?P<n>[a-zđ])\)\s*(?=\S)")
GACH = re.compile(r"^[-–+•]\s*(?=\S)")
KINDS = ("muc", "khoan", "diem")


@dataclass
class Item:
    """One body paragraph, read: its kind and level ("doan" / "gach" are leaves)."""

    kind: str
    text: str
    bold: bool
    para: Para
    level: int = 0
    children: list = field(default_factory=list)


def paragraph_text(paras: list[Para]) -> str:
    """One w:p's text from its lines (soft breaks kept as "\\n")."""
    return "\n".join(p.norm for p in paras if p.norm)


def group_lines(paras: list[Para]) -> list[list[Para]]:
    """Lines of one w:p together, in order."""
    out: list[list[Para]] = []
    for p in paras:
        if out and out[-1][0].el is p.el:
            out[-1].append(p)
        else:
            out.append([p])
    return out


def _bold(paras: list[Para]) -> bool:
    runs = [r for p in paras for r in p.text_runs]
    return bool(runs) and all(r.props.b for r in runs)


def classify(text: str, label: str, decimal_depth: bool) -> tuple[str, int, str]:
    """(kind, level, text without its typed number) of one paragraph."""
    if label:                 # Word's label is not part of the text
        kind, level, _ = classify(label + " x", "", decimal_depth)
        if kind != "doan":
            return kind, level, text
    for rx, kind, level in ((ROMAN, "muc", 1), (LETTER, "diem", 3)):
        m = rx.match(text)
        if m:
            return kind, level, text[m.end():]
    m = DECIMAL.match(text)
    if m:
        depth = m.group("n").count(".") + 1
        if decimal_depth:
            return KINDS[min(depth, 3) - 1], min(depth, 3), text[m.end():]
        return ("khoan", 2, text[m.end():]) if depth == 1 else ("diem", 3, text[m.end():])
    m = GACH.match(text)
    if m:
        return "gach", 9, text[m.end():]
    return "doan", 9, text


def uses_thap_phan(texts: list[tuple[str, str]]) -> bool:
    """A body numbered 1. / 1.1. (no Roman heading, some dotted number)."""
    heads = [label or text for text, label in texts]
    return (not any(ROMAN.match(t) for t in heads)
            and any(DECIMAL.match(t) and "." in DECIMAL.match(t).group("n") for t in heads))


def read_items(paras: list[Para], labels: dict[int, str]) -> tuple[list[Item], str]:
    """The body's paragraphs as Items and the numbering style (la-ma | thap-phan)."""
    groups = group_lines(paras)
    texts = [(paragraph_text(g), labels.get(id(g[0].el), "")) for g in groups]
    thap_phan = uses_thap_phan(texts)
    items = []
    for g, (text, label) in zip(groups, texts):
        if not text:
            continue
        kind, level, rest = classify(text, label, thap_phan)
        if not rest.strip():
            kind, level, rest = "doan", 9, text
        items.append(Item(kind, rest.strip(), _bold(g), g[0], level))
    return items, "thap-phan" if thap_phan else "la-ma"


def tree(items: list[Item]) -> list[Item]:
    """Nest the items: a heading holds what follows it down to the next heading of its level
    or above; leaves go under the nearest heading."""
    root: list[Item] = []
    stack: list[Item] = []
    for it in items:
        if it.kind in KINDS:
            while stack and stack[-1].level >= it.level:
                stack.pop()
            (stack[-1].children if stack else root).append(it)
            stack.append(it)
        else:
            while stack and (_paragraph_like(stack[-1]) or (_aside(it) and stack[-1].level > 1)):
                stack.pop()
            (stack[-1].children if stack else root).append(it)
    return root


def _aside(it: Item) -> bool:
    """A paragraph wholly in brackets ("(Chi tiết … theo Phụ lục đính kèm)."): a note on the
    whole section (mục), not on the last point above it."""
    text = it.text.rstrip(".")
    return it.kind == "doan" and text.startswith("(") and text.endswith(")")


def _paragraph_like(it: Item) -> bool:
    """A numbered item that reads as a paragraph (not bold, ending as a sentence or long): a
    plain paragraph after it belongs to the heading above, not under it."""
    text = it.text.rstrip()
    return not it.bold and (text.endswith((".", ";")) or len(text) > 150)


def to_blocks(items: list[Item]) -> list:
    """Items -> ke-hoach.yaml blocks (plain data)."""
    out = []
    for it in items:
        if it.kind == "doan":
            out.append(it.text)
        elif it.kind == "gach":
            out.append({"gach": it.text})
        else:
            block: dict = {it.kind: it.text}
            if it.children:
                block["noi_dung"] = to_blocks(it.children)
            elif not it.bold and it.kind != "muc":
                block["dang"] = "doan"
            out.append(block)
    return out
