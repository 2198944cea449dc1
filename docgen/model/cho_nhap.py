"""Visible placeholders: the one concept of "a person must still enter this".

Every derivation (derived plans, commune plans) and the renderer (a signer without a name)
records a `ChoNhap` and prints its text the same way, `cho_nhap_text`: "[Cần nhập: …]".
The lists beside the outputs (`can-nhap.md`, `can-nhap-xa-phuong.md`) are made from these
entries by one function (`docgen.derive.cho_nhap.can_nhap_markdown`).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class ChoNhap:
    """One open placeholder: the document, what is missing, and the key that fills it."""

    van_ban: str          # output path relative to the build folder
    truong: str           # what is missing, in Vietnamese
    khoa: str             # key that fills it, e.g. "doan_kiem_tra.thanh_vien", "chu_tich"
    tep: str              # file that holds the key (relative to the content folder)

    def __str__(self) -> str:
        return f"{self.van_ban}: {self.truong} (tệp {self.tep}, khóa {self.khoa})"

    def as_dict(self) -> dict:
        return asdict(self)


def cho_nhap_text(truong: str) -> str:
    """The text shown in a document: "[Cần nhập: thành viên Đoàn kiểm tra]"."""
    return f"[Cần nhập: {truong}]"


HO_TEN_NGUOI_KY = "họ và tên người ký"
"""What a signer block without a name asks for (rendered `cho_nhap_text(HO_TEN_NGUOI_KY)`)."""
