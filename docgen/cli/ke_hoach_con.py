"""`docgen ke-hoach-con`: build the derived plan drafts and agency task sheets; without
--agency/--kind an alias of `docgen build ke-hoach-con` (the runner, pipeline/runner.py).

The run ends with the one report (common.report): documents made, how many places still need
a person, and where the full list is (`<out>/ke-hoach-con/can-nhap.md`, grouped by document,
written through the same writer as the documents, so a hand-edited copy is never overwritten).
"""

from __future__ import annotations

from pathlib import Path

import click

from ..derive.cho_nhap import can_nhap_markdown
from ..derive.chon import KINDS
from .common import build_options, report
from .i18n import Choice

LIST = "ke-hoach-con/can-nhap.md"


def _subset(content_dir, out_dir, agency, kind, templates_dir, check: bool, force: bool):
    """One agency's or one kind's documents: built in full, outside the runner's change tracking."""
    from ..pipeline.derived import build_derived
    from ..pipeline.writer import write_outputs

    result = build_derived(content_dir, out_dir, agency=agency, kind=kind,
                           templates=templates_dir, check=check, force=force)
    existing = {c.tep for c in result.cho_nhap if Path(c.tep).is_file()}
    again = " ".join(["docgen ke-hoach-con", *(["--agency", agency] if agency else []),
                      *(["--kind", kind] if kind else [])])
    listed = write_outputs(Path(out_dir), {LIST: can_nhap_markdown(
        result.cho_nhap, existing, again).encode("utf-8")}, force=force)
    result.lists.append(LIST)
    result.written += listed.written
    result.backed_up += listed.backed_up
    return result


@click.command("ke-hoach-con", help="Dựng dự thảo các kế hoạch con (kiểm tra, tuyên truyền, ứng dụng CNTT, "
                                         "…) và bảng phân công nhiệm vụ của từng cơ quan vào build/<dự án>/ke-hoach-con/.")
@click.option("--agency", "agency", default=None, metavar="MÃ",
              help="Chỉ dựng cho một cơ quan (mã trong don-vi.yaml, ví dụ PNV).")
@click.option("--kind", "kind", type=Choice(KINDS), default=None,
              help="Chỉ dựng một loại kế hoạch: kiem_tra, tuyen_truyen, cntt, chung.")
@build_options("Thư mục ghi kết quả (kế hoạch con nằm trong <out>/ke-hoach-con/).")
def ke_hoach_con_command(agency, kind, content_dir, out_dir, templates_dir, no_check, force) -> None:
    if agency or kind:
        result = _subset(content_dir, out_dir, agency, kind, templates_dir, not no_check, force)
    else:
        from ..pipeline.runner import run

        result = run(content_dir, out_dir, targets=("ke-hoach-con",), templates=templates_dir,
                     check=not no_check, force=force)
    report(result, "ke-hoach-con/")
