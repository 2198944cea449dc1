"""The optional per-commune file: content/<project>/xa-phuong/<slug>.yaml.

Everything is optional. What is missing is derived from the town's plan (targets, tasks)
or shown as a visible placeholder in the document (the chairman's name) and listed after
the build.

```yaml
chu_tich: Nguyễn Văn A          # họ tên Chủ tịch UBND (người ký)
nguoi_ky:                       # thay cho chu_tich khi Phó Chủ tịch ký (KT. CHỦ TỊCH)
  hinh_thuc: KT
  thu_truong: CHỦ TỊCH
  chuc_vu: PHÓ CHỦ TỊCH
  ho_ten: Trần Văn B
so: ""                          # số kế hoạch; "" = chưa cấp số
ngay_ban_hanh: ../01/2021       # ngày ban hành; ".." = để trống
chi_tieu:                       # chỉ tiêu riêng, thay chỉ tiêu lấy từ kế hoạch thị xã
  - linh_vuc: 3                 # số thứ tự lĩnh vực (nhóm) trong Phụ lục của thị xã
    noi_dung:
      - Phấn đấu 98% hồ sơ thủ tục hành chính được giải quyết đúng hạn.
nhiem_vu_them:                  # nhiệm vụ riêng (thêm vào Kế hoạch và Phụ lục)
  - linh_vuc: 7
    nhiem_vu: Lắp đặt màn hình tra cứu thủ tục hành chính
    san_pham: [Màn hình tra cứu]
    chu_tri: Công chức Văn phòng - Thống kê
    phoi_hop: [Công chức Văn hóa - Xã hội]
    thoi_gian: Quý II/2021
```
"""

from __future__ import annotations

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from .content import Model, NguoiKy, ThoiGian
from .types import NgayField, NonBlank, SoVanBan, Text


class ChiTieuRieng(Model):
    linh_vuc: int = Field(ge=1)                  # area number (1-based, parent appendix order)
    noi_dung: tuple[NonBlank, ...] = ()          # replaces the cascaded targets of that area


class NhiemVuRieng(Model):
    linh_vuc: int = Field(ge=1)
    nhiem_vu: NonBlank
    san_pham: tuple[NonBlank, ...] = Field(min_length=1)
    chu_tri: NonBlank                            # free text: "Công chức Tư pháp - Hộ tịch"
    phoi_hop: tuple[NonBlank, ...] = ()
    thoi_gian: ThoiGian
    ghi_chu: Text = ""


class XaPhuongRieng(Model):
    """What one commune adds to or changes in its derived plan."""

    chu_tich: Text = ""
    nguoi_ky: NguoiKy | None = None
    so: SoVanBan = ""
    ngay_ban_hanh: NgayField | None = None
    chi_tieu: tuple[ChiTieuRieng, ...] = ()
    nhiem_vu_them: tuple[NhiemVuRieng, ...] = ()

    @model_validator(mode="after")
    def _one_signer(self) -> XaPhuongRieng:
        if self.chu_tich and self.nguoi_ky is not None:
            raise PydanticCustomError(
                "content.block-kind", 'ghi "chu_tich" hoặc "nguoi_ky", không ghi cả hai')
        return self
