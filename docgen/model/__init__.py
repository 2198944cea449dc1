"""Plain typed objects: the validated content and the documents built from it."""

from .content import (
    CoQuan,
    CoQuanBanHanh,
    DonVi,
    KeHoach,
    Khoi,
    NguoiKy,
    NhiemVu,
    NhomNhiemVu,
    PhuLuc,
    PhuLucTep,
    QuyetDinh,
    ThoiGian,
    XaPhuong,
)
from .project import Project
from .vanban import DongNhiemVu, KeHoachVB, NhomVB, PhuLucVB, QuyetDinhVB, VanBan

__all__ = [
    "CoQuan", "CoQuanBanHanh", "DonVi", "DongNhiemVu", "KeHoach", "KeHoachVB", "Khoi",
    "NguoiKy", "NhiemVu", "NhomNhiemVu", "NhomVB", "PhuLuc", "PhuLucTep", "PhuLucVB", "Project",
    "QuyetDinh", "QuyetDinhVB", "ThoiGian", "VanBan", "XaPhuong",
]
