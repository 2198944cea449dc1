"""Documents ready to render: what a Decision, a Plan or an Appendix shows, as plain data.

These are built by `docgen.pipeline` from the content (and by `docgen.derive` for derived and
commune plans); `docgen.render.context` turns them into template contexts.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..vn.dates import Ngay
from .content import CoQuanBanHanh, Khoi, NguoiKy, QuyetDinh


@dataclass(frozen=True)
class QuyetDinhVB:
    co_quan: CoQuanBanHanh
    quyet_dinh: QuyetDinh


@dataclass(frozen=True)
class KeHoachVB:
    """A Kế hoạch. `so` None: no Số/date line (a plan issued with a Decision, §5.12);
    "" : a blank number (draft). `nguoi_ky` None: no signature block."""

    co_quan: CoQuanBanHanh
    trich_yeu: str
    noi_dung: tuple[Khoi, ...]
    so: str | None = None
    ngay: Ngay | None = None
    dia_danh: str = ""
    kem_theo: str = ""
    ket_thuc: str = ""
    noi_nhan: tuple[str, ...] = ()
    luu: str = ""
    nguoi_ky: NguoiKy | None = None
    can_cu: tuple[str, ...] = ()        # italic căn cứ lines before the body (a plan issued directly)
    mo_dau: tuple[str, ...] = ()        # intro paragraphs before the body
    danh_so: str = "la-ma"              # numbering style of the body (docgen.model.danh_so)


@dataclass(frozen=True)
class DongNhiemVu:
    """One row of an appendix task table, as displayed. `ma` is the parent id ("I.2").
    `gop`: "" a one-row task; "dau" the first row of a task printed over several rows, "tiep"
    each further row (its TT and Nhiệm vụ cells merge into the first's: `w:vMerge`)."""

    tt: str
    nhiem_vu: str
    san_pham: tuple[str, ...]
    chu_tri: str
    phoi_hop: str
    thoi_gian: tuple[str, ...]
    ghi_chu: str = ""
    ma: str = ""
    kinh_phi: str = ""
    ket_qua: str = ""
    theo_doi: str = ""
    gop: str = ""


@dataclass(frozen=True)
class NhomVB:
    so: str
    ten: str
    nhiem_vu: tuple[DongNhiemVu, ...]
    cap: int = 0                        # 0 = a group (I, II), 1 = a sub-group (1, 2), …
    nhom: tuple[NhomVB, ...] = ()       # its sub-groups (a group holds tasks or sub-groups)


@dataclass(frozen=True)
class PhuLucVB:
    tieu_de: str
    kem_theo: str
    nhom: tuple[NhomVB, ...]
    phu_luc_so: str = "Phụ lục"
    cot: tuple[str, ...] = (
        "TT", "Nhiệm vụ", "Sản phẩm", "Cơ quan chủ trì", "Cơ quan phối hợp",
        "Thời gian hoàn thành", "Ghi chú",
    )
    cot_ma: tuple[str, ...] | None = None   # declared column keys (template phu-luc-cot); None = the seven


@dataclass(frozen=True)
class VanBan:
    """One output file: which template, where (relative, ASCII), what, and its metadata."""

    mau: str                    # "quyet-dinh" | "ke-hoach" | "phu-luc"
    duong_dan: str              # "quyet-dinh.docx", "xa-phuong/tam-quan-bac/ke-hoach.docx"
    noi_dung: QuyetDinhVB | KeHoachVB | PhuLucVB
    tieu_de: str                # core property title
    tac_gia: str                # core property creator
    ngay: Ngay | None = None
    phan: tuple[VanBan, ...] = field(default=())  # parts of a combined file
