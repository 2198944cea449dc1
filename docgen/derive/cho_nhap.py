"""Visible placeholders: what a person must still enter, and where."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ChoNhap:
    """One open placeholder: the document, what is missing, and the override key that fills it."""

    van_ban: str          # output path relative to the build folder
    truong: str           # what is missing, in Vietnamese
    khoa: str             # override key, e.g. "doan_kiem_tra.thanh_vien"
    tep: str              # override file (relative to the content folder)

    def __str__(self) -> str:
        return f"{self.van_ban}: {self.truong} (tệp {self.tep}, khóa {self.khoa})"


def cho_nhap_text(truong: str) -> str:
    """The text shown in the draft: "[Cần nhập: thành viên Đoàn kiểm tra]"."""
    return f"[Cần nhập: {truong}]"


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


def can_nhap_markdown(items: list[ChoNhap], existing: set[str], command: str) -> str:
    """The full list of open placeholders, grouped by document (`can-nhap.md`).

    `existing` holds the override files that exist; for the others the list says to create
    the file (it is never written by docgen). `command` is the command to run afterwards.
    """
    lines = ["# Chỗ cần nhập trong các kế hoạch con", ""]
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
            state = ("đã có" if tep in existing else
                     "chưa có: tạo tệp này, khóa `nhiem_vu` là mã nhiệm vụ trong Phụ lục")
            lines.append(f"Tệp ghi đè: `{tep}` ({state})")
        lines.append("")
        lines += [f"- {c.truong}: khóa `{c.khoa}`" for c in group]
        lines.append("")
    return "\n".join(lines)
