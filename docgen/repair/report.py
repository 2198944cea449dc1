"""The text report of `docgen sua`: fixes grouped, what is left for a person, one summary."""
from __future__ import annotations

from docgen.check.finding import Finding
from docgen.check.report import format_finding
from docgen.errors import LOI, summary_line
from docgen.repair.edit import Fix


def grouped(fixes: list[Fix]) -> list[str]:
    """One line per distinct fix; the same fix in many places is one line with a count."""
    order: dict[tuple[str, str], list[Fix]] = {}
    for f in fixes:
        order.setdefault((f.code, f.what), []).append(f)
    out = []
    for (_code, _what), same in order.items():
        more = f" (và {len(same) - 1} chỗ khác)" if len(same) > 1 else ""
        out.append(f"{same[0]}{more}")
    return out


def file_report(src: str, dest: str, fixes: list[Fix], remaining: list[Finding]) -> list[str]:
    lines = [f"{src} → {dest}: đã sửa {len(fixes)} chỗ"]
    lines += [f"  đã sửa: {g}" for g in grouped(fixes)]
    for f in remaining:
        lines.append("  chưa sửa được: " + format_finding(f).split(": ", 1)[1])
    return lines


def summary(n_files: int, before: list[Finding], remaining: list[Finding], n_fixes: int,
            problems: list = ()) -> str:
    """The one summary shape of every command (errors.summary_line) over what is left for a
    person and the inputs that could not be used, with what was repaired in the note."""
    b = sum(f.severity == LOI for f in before)
    unusable = f"; {len(problems)} tệp không sửa được" if problems else ""
    note = f" (đã sửa {n_files} tệp: {n_fixes} chỗ đã sửa, trước khi sửa có {b} lỗi{unusable})"
    return summary_line([*remaining, *problems], note)
