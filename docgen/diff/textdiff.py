"""Paragraph and table-row diff of two item lists, for the terminal and as an HTML page.

A `DocDiff` holds the opcodes of difflib's SequenceMatcher over the items' display text and,
for an appendix, the task summary. `terminal_lines` gives "- old" / "+ new" lines (a row is
marked "[hàng]"); `html_page` gives a self-contained, escaped page for one or more documents.
"""

from __future__ import annotations

import difflib
import html
from dataclasses import dataclass, field

from docgen.diff import tasks as tasks_mod
from docgen.diff.extract import Item


@dataclass
class Change:
    """One block of difference: `old` items replaced by `new` items (either may be empty)."""

    old: list[Item]
    new: list[Item]


@dataclass
class DocDiff:
    name: str                      # the document's relative path, for headings
    status: str                    # "sửa" | "thêm" | "bỏ" | "giống"
    changes: list[Change] = field(default_factory=list)
    task_summary: list[str] | None = None

    @property
    def changed(self) -> bool:
        return self.status != "giống"


def diff_items(name: str, old: list[Item], new: list[Item]) -> DocDiff:
    """The difference between two versions of one document."""
    sm = difflib.SequenceMatcher(None, [i.display() for i in old], [i.display() for i in new],
                                 autojunk=False)
    changes = [Change(old[i1:i2], new[j1:j2])
               for op, i1, i2, j1, j2 in sm.get_opcodes() if op != "equal"]
    summary = tasks_mod.summarize(old, new)
    return DocDiff(name, "sửa" if changes else "giống", changes, summary)


def _label(item: Item) -> str:
    return ("[hàng] " if item.kind == "row" else "") + item.display()


def terminal_lines(d: DocDiff, summary_only: bool = False) -> list[str]:
    """Lines for the terminal (no colour: the CLI adds it). The heading comes first."""
    counts = f"{sum(len(c.old) for c in d.changes)} bỏ, {sum(len(c.new) for c in d.changes)} thêm"
    head = {"thêm": f"{d.name}: tệp mới", "bỏ": f"{d.name}: tệp bị bỏ",
            "giống": f"{d.name}: không thay đổi"}.get(d.status, f"{d.name}: thay đổi ({counts})")
    lines = [head]
    if d.task_summary:
        lines += [f"  * {s}" for s in d.task_summary]
    if not summary_only:
        for c in d.changes:
            lines += [f"  - {_label(i)}" for i in c.old]
            lines += [f"  + {_label(i)}" for i in c.new]
            lines.append("")
        if lines[-1] == "":
            lines.pop()
    return lines


def _inline(a: str, b: str) -> tuple[str, str]:
    """Escaped HTML of a and b with the differing words marked <del>/<ins>."""
    wa, wb = a.split(" "), b.split(" ")
    sm = difflib.SequenceMatcher(None, wa, wb, autojunk=False)
    ha: list[str] = []
    hb: list[str] = []
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        sa, sb = html.escape(" ".join(wa[i1:i2])), html.escape(" ".join(wb[j1:j2]))
        if op == "equal":
            ha.append(sa)
            hb.append(sb)
        else:
            if sa:
                ha.append(f"<del>{sa}</del>")
            if sb:
                hb.append(f"<ins>{sb}</ins>")
    return " ".join(ha), " ".join(hb)


def _change_html(c: Change) -> list[str]:
    rows = []
    n = max(len(c.old), len(c.new))
    for k in range(n):
        a = c.old[k] if k < len(c.old) else None
        b = c.new[k] if k < len(c.new) else None
        if a and b:
            ha, hb = _inline(_label(a), _label(b))
        else:
            ha = html.escape(_label(a)) if a else ""
            hb = html.escape(_label(b)) if b else ""
        rows.append(f'<tr><td class="old">{ha}</td><td class="new">{hb}</td></tr>')
    return rows


_CSS = """body{font-family:"Times New Roman","Liberation Serif",serif;margin:2em;max-width:80em}
table{border-collapse:collapse;width:100%;margin-bottom:1.5em}
td,th{border:1px solid #ccc;padding:.3em .5em;vertical-align:top;width:50%}
td.old{background:#fff0f0}td.new{background:#f0fff0}
del{background:#f8b4b4;text-decoration:line-through}ins{background:#b4f0b4;text-decoration:none}
ul.tasks{background:#f6f6ff;padding:.6em 2em}.same{color:#777}"""


def html_page(diffs: list[DocDiff], title: str) -> str:
    """A self-contained HTML page for the given documents; every text is escaped."""
    out = ["<!DOCTYPE html>", '<html lang="vi"><head><meta charset="utf-8">',
           f"<title>{html.escape(title)}</title><style>{_CSS}</style></head><body>",
           f"<h1>{html.escape(title)}</h1>"]
    for d in diffs:
        out.append(f"<h2>{html.escape(terminal_lines(d, summary_only=True)[0])}</h2>")
        if d.task_summary:
            out.append('<ul class="tasks">' + "".join(
                f"<li>{html.escape(s)}</li>" for s in d.task_summary) + "</ul>")
        if d.changes:
            out.append("<table><tr><th>Trước</th><th>Sau</th></tr>")
            for c in d.changes:
                out += _change_html(c)
            out.append("</table>")
        elif not d.changed:
            out.append('<p class="same">Không thay đổi.</p>')
    out.append("</body></html>")
    return "\n".join(out) + "\n"
