"""Visible placeholders: what a person must still enter, and where (one concept, docgen.model.cho_nhap)."""

from __future__ import annotations

from ..model.cho_nhap import ChoNhap, cho_nhap_text


class SoCho:
    """Collects the placeholders of one document while it is being drafted."""

    def __init__(self, van_ban: str, tep: str):
        self.van_ban, self.tep = van_ban, tep
        self.items: list[ChoNhap] = []

    def text(self, value: str, truong: str, khoa: str) -> str:
        """`value` when given, else a visible placeholder (recorded)."""
        if value and value.strip():
            return value
        self.items.append(ChoNhap(self.van_ban, truong, khoa, self.tep))
        return cho_nhap_text(truong)

    def note(self, truong: str, khoa: str) -> None:
        """Record an open decision that shows no placeholder text (e.g. a proposed schedule)."""
        self.items.append(ChoNhap(self.van_ban, truong, khoa, self.tep))


TIEU_DE = "Chỗ cần nhập trong các kế hoạch con"


def can_nhap_markdown(items: list[ChoNhap], existing: set[str], command: str, tieu_de: str = TIEU_DE,
                      tao_tep: str = "khóa `nhiem_vu` là mã nhiệm vụ trong Phụ lục") -> str:
    """The full list of open placeholders, grouped by document (`can-nhap.md`, `can-nhap-xa-phuong.md`).

    `existing` holds the files named by the entries that exist; for the others the list says to
    create the file (docgen never writes there; `tao_tep` says what the new file needs).
    `command` is the command to run afterwards.
    """
    lines = [f"# {tieu_de}", ""]
    if not items:
        return "\n".join(lines + ["Không còn chỗ nào cần nhập.", ""])
    by_doc: dict[str, list[ChoNhap]] = {}
    for item in items:
        by_doc.setdefault(item.van_ban, []).append(item)
    lines += [f"Còn {len(items)} chỗ cần nhập trong {len(by_doc)} văn bản. Điền giá trị vào tệp "
              "ghi đè của từng kế hoạch (nêu dưới mỗi văn bản), rồi chạy lại "
              f"`{command}`.", ""]
    for van_ban, group in sorted(by_doc.items()):
        lines.append(f"## {van_ban}")
        lines.append("")
        for tep in sorted({c.tep for c in group}):
            state = "đã có" if tep in existing else f"chưa có: tạo tệp này, {tao_tep}"
            lines.append(f"Tệp ghi đè: `{tep}` ({state})")
        lines.append("")
        lines += [f"- {c.truong}: khóa `{c.khoa}`" for c in group]
        lines.append("")
    return "\n".join(lines)


__all__ = ["ChoNhap", "SoCho", "can_nhap_markdown", "cho_nhap_text"]
