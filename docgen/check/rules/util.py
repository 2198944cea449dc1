"""Small formatting predicates shared by the rules (sizes in points)."""
from __future__ import annotations

from docgen.check.docmodel import Para
from docgen.check.vocab import fmt_pt


def sizes(p: Para) -> list[float]:
    return sorted({r.props.size_pt for r in p.text_runs})


def size_problem(p: Para, lo: float, hi: float) -> str | None:
    """None when every text run is within [lo, hi]; else the sizes found, e.g. "12 pt"."""
    found = sizes(p)
    if not found or all(lo <= s <= hi for s in found):
        return None
    return ", ".join(fmt_pt(s) for s in found) + " pt"


def want_size(lo: float, hi: float) -> str:
    return f"{fmt_pt(lo)} pt" if lo == hi else f"{fmt_pt(lo)}–{fmt_pt(hi)} pt"


def all_bold(p: Para) -> bool:
    return all(r.props.b for r in p.text_runs)


def any_bold(p: Para) -> bool:
    return any(r.props.b for r in p.text_runs)


def all_italic(p: Para) -> bool:
    return all(r.props.i for r in p.text_runs)


def any_italic(p: Para) -> bool:
    return any(r.props.i for r in p.text_runs)


def centered(p: Para) -> bool:
    """Centered, or pushed to the middle of its cell with leading spaces (what a reader sees)."""
    from docgen.check.layout import visually_centered
    return p.props.jc == "center" or visually_centered(p)


JC_NAMES = {None: "căn trái", "left": "căn trái", "start": "căn trái", "both": "căn đều hai bên",
            "center": "căn giữa", "right": "căn phải", "end": "căn phải", "distribute": "dàn đều"}


def jc_name(p: Para) -> str:
    return JC_NAMES.get(p.props.jc, p.props.jc or "căn trái")
