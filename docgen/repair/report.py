"""The text report of `docgen sua`: fixes grouped, what is left for a person, one summary."""
from __future__ import annotations

from docgen.check.finding import Finding
from docgen.check.report import format_finding
from docgen.errors import LOI
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


def summary(n_files: int, before: list[Finding], remaining: list[Finding], n_fixes: int) -> str:
    b = sum(f.severity == LOI for f in before)
    a = sum(f.severity == LOI for f in remaining)
    warn = len(remaining) - a
    return (f"Đã sửa {n_files} tệp: {n_fixes} chỗ đã sửa; lỗi trước khi sửa {b}, sau khi sửa "
            f"{a} lỗi, {warn} cảnh báo cần người xem lại")
