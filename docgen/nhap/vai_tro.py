"""Who holds each role of an imported project (don-vi.yaml `vai_tro`).

The derived and commune plans name the agency that plays a role (home affairs, justice, culture
and information, finance, office: docgen.model.khung.VAI_TRO); a project without them builds its
core documents but not those plans (`[content.missing-role]`). An imported document seldom says
who holds a role, so each role goes to the agency of the registry that bears the conventional
name of its holder at the body's tier (docs/chinh-quyen-2-cap: Sở Nội vụ in a province, Phòng
Văn hóa - Xã hội in a commune after 2025, Phòng Nội vụ in a district before); when the document
names no such agency, that agency is added and the addition is a warning to look at.
"""
from __future__ import annotations

from docgen.model.cap import NHOM
from docgen.model.khung import VAI_TRO
from docgen.nhap.co_quan import fold, key_for
from docgen.nhap.kieu import warn

HOLDERS: dict[str, dict[str, str]] = {
    "tinh": {"noi_vu": "Sở Nội vụ", "tu_phap": "Sở Tư pháp",
             "van_hoa_thong_tin": "Sở Văn hóa, Thể thao và Du lịch", "tai_chinh": "Sở Tài chính",
             "van_phong": "Văn phòng UBND tỉnh"},
    "huyen": {"noi_vu": "Phòng Nội vụ", "tu_phap": "Phòng Tư pháp",
              "van_hoa_thong_tin": "Phòng Văn hóa và Thông tin", "tai_chinh": "Phòng Tài chính - Kế hoạch",
              "van_phong": "Văn phòng HĐND và UBND"},
    "xa": {"noi_vu": "Phòng Văn hóa - Xã hội", "tu_phap": "Văn phòng HĐND và UBND",
           "van_hoa_thong_tin": "Phòng Văn hóa - Xã hội", "tai_chinh": "Phòng Kinh tế",
           "van_phong": "Văn phòng HĐND và UBND"},
}
"""The conventional holder of each role by tier."""

ROLE_WORDS = {"noi_vu": "nội vụ", "tu_phap": "tư pháp", "van_hoa_thong_tin": "văn hóa, thông tin",
              "tai_chinh": "tài chính", "van_phong": "văn phòng"}


def assign(dv: dict, source: str, problems: list) -> list[str]:
    """Fill `vai_tro` of the imported `dv` (don-vi.yaml data) in place; every role whose holder
    had to be added is one `[import.role-added]` warning; returns the agencies added, listed as
    the importer lists its additions ("SVHTTDL: Sở Văn hóa, Thể thao và Du lịch")."""
    cap = dv.get("co_quan_ban_hanh", {}).get("cap", "")
    holders = HOLDERS.get(NHOM.get(cap, ""))
    if holders is None:
        return []
    co_quan = dv.setdefault("co_quan", {})
    vai_tro = dv.setdefault("vai_tro", {})
    added: list[str] = []
    for role in VAI_TRO:
        if role in vai_tro:
            continue
        # a city of the centre: "Văn phòng UBND thành phố" (either spelling is matched)
        holder = holders[role].replace(" tỉnh", " thành phố") if cap == "thanh_pho_tw" else holders[role]
        names = {fold(holders[role]), fold(holder)}
        key = next((k for k, v in co_quan.items() if not v.get("nhom") and fold(v.get("ten", "")) in names), None)
        if key is None:
            key = _new_key(key_for(holder), co_quan)
            co_quan[key] = {"ten": holder}
            added.append(f"{key}: {holder}")
            problems.append(warn(source, None, "import.role-added",
                                 f'văn bản không nêu cơ quan giữ vai trò {ROLE_WORDS[role]}; đã thêm '
                                 f'"{holder}" ({key}) vào don-vi.yaml, hãy xem lại'))
        vai_tro[role] = key
    if not vai_tro:
        dv.pop("vai_tro")
    return added


def _new_key(base: str, taken: dict) -> str:
    key, n = base, 2
    while key in taken:
        key, n = f"{base}{n}", n + 1
    return key
