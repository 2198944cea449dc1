"""Commune plans: the town's CCHC plan cascaded to one xã/phường (derived-plans.md §2–4).

Pure: `ke_hoach_xa_phuong(project, xa_phuong, rieng, trich_dan=…)` takes the validated town project, one
commune of the registry and its optional per-commune data, and returns the two documents
(the plan and its task appendix) plus the visible placeholders they contain.

What cascades (§2.3): the areas of the town appendix in order; the targets ("Chỉ tiêu"
bullets of the town plan) that apply to a commune; every appendix task where a group that
includes the communes (`gom_xa_phuong`) leads (kept as is) or partners (rewritten
"Phối hợp với <Phòng> …"); and the standard commune duties below. Town-only targets and
tasks are dropped. Nothing here names any commune but the one being built.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass

from ..model import (
    DongNhiemVu,
    KeHoachVB,
    Khoi,
    NguoiKy,
    NhomVB,
    PhuLucVB,
    Project,
    VanBan,
    XaPhuong,
)
from ..model.commune import XaPhuongRieng
from ..model.content import CoQuanBanHanh
from ..vn import Ngay, ngay_thang_nam, roman, so_ky_hieu, strip_end
from .names import RESERVED

FOLDER = "xa-phuong"
MAX_SLUG = 60

# --- names and paths ----------------------------------------------------------------------


def slug(text: str) -> str:
    """ASCII folder name: "Tam Quan Bắc" -> "tam-quan-bac"; "" when nothing ASCII is left."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.encode("ascii", "ignore").decode("ascii").lower()
    name = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return name + "-1" if name in RESERVED else name  # "Côn" -> "con-1": CON is a Windows device


_NAME_OK = re.compile(r"^[^\W_](?:[\w' -]*[^\W_])?$")


def loi_ten(ten: str) -> str | None:
    """Why a commune name cannot name a folder (Vietnamese), or None when it is safe."""
    if not _NAME_OK.match(ten) or "_" in ten:
        return (f'tên xã/phường "{ten}" có ký tự không dùng được trong tên (chỉ dùng chữ, số, '
                'dấu cách, dấu gạch nối); không dựng xã/phường này')
    s = slug(ten)
    if not s:
        return (f'tên xã/phường "{ten}" không đổi được thành tên thư mục (không có chữ cái Latinh); '
                'không dựng xã/phường này')
    if len(s) > MAX_SLUG:
        return (f"tên xã/phường dài quá {MAX_SLUG} ký tự ({len(s)}); không dựng xã/phường này")
    return None


def duong_dan(xa_phuong: XaPhuong, file: str) -> str:
    return f"{FOLDER}/{slug(xa_phuong.ten)}/{file}"


# --- officers, areas, standard duties -------------------------------------------------------

VP, TP, TC, DC, VH = "van_phong", "tu_phap", "tai_chinh", "dia_chinh", "van_hoa"


def cong_chuc(role: str, xa_phuong: XaPhuong) -> str:
    """The commune's công chức chuyên môn (Luật CB, CC 2008; NĐ 34/2019)."""
    dia_chinh = ("Địa chính - Nông nghiệp - Xây dựng và Môi trường" if xa_phuong.loai == "xa"
                 else "Địa chính - Xây dựng - Đô thị và Môi trường")
    return "Công chức " + {VP: "Văn phòng - Thống kê", TP: "Tư pháp - Hộ tịch",
                            TC: "Tài chính - Kế toán", DC: dia_chinh, VH: "Văn hóa - Xã hội"}[role]


# Area kinds, recognised from the (parent's) area name; the order does not matter.
_AREA_KEYS = (("chi_dao", "chỉ đạo"), ("the_che", "thể chế"), ("tthc", "thủ tục"),
              ("bo_may", "bộ máy"), ("can_bo", "công chức"), ("tai_chinh", "tài chính"),
              ("hien_dai", "hiện đại"), ("hien_dai", "điện tử"))

_LEAD = {"the_che": TP, "tai_chinh": TC}          # every other area: Văn phòng - Thống kê


def area_kind(name: str) -> str:
    low = name.lower()
    return next((kind for kind, word in _AREA_KEYS if word in low), "")


@dataclass(frozen=True)
class Duty:
    text: str                   # {dv} = "phường"/"xã", {con} = "khu phố"/"thôn"
    san_pham: tuple[str, ...]
    chu_tri: str
    phoi_hop: tuple[str, ...]
    thoi_gian: str


# Standard commune duties per area (derived-plans.md §2.3, [K]).
DUTIES: dict[str, tuple[Duty, ...]] = {
    "chi_dao": (
        Duty("Tổ chức quán triệt, tuyên truyền Kế hoạch cải cách hành chính năm {nam} của {dv} đến "
             "cán bộ, công chức và Nhân dân; tuyên truyền trên hệ thống truyền thanh của {dv}",
             ("Hội nghị triển khai", "Tin, bài tuyên truyền"), VP, (VH,), "Quý I/{nam}"),
        Duty("Tự kiểm tra công tác cải cách hành chính tại UBND {dv}, nhất là tại Bộ phận tiếp nhận "
             "và trả kết quả", ("Báo cáo kết quả tự kiểm tra",), VP, (TP,), "Quý III/{nam}"),
        Duty("Tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm {nam} của {dv} theo hướng dẫn "
             "của UBND thị xã", ("Báo cáo tự đánh giá, chấm điểm",), VP, (), "Quý IV/{nam}"),
        Duty("Báo cáo định kỳ (quý, 6 tháng, năm) kết quả thực hiện công tác cải cách hành chính về "
             "UBND thị xã (qua Phòng Nội vụ)", ("Báo cáo quý, 6 tháng, năm",), VP, (), "Theo định kỳ"),
    ),
    "the_che": (
        Duty("Rà soát các văn bản do HĐND, UBND {dv} ban hành; đề xuất sửa đổi, bổ sung, bãi bỏ "
             "những quy định không còn phù hợp", ("Báo cáo kết quả rà soát",), TP, (VP,), "Quý IV/{nam}"),
        Duty("Tuyên truyền, phổ biến, giáo dục pháp luật cho cán bộ, công chức và Nhân dân trên địa "
             "bàn {dv}", ("Kế hoạch và báo cáo kết quả",), TP, (VH,), "Cả năm"),
    ),
    "tthc": (
        Duty("Niêm yết công khai đầy đủ, kịp thời các thủ tục hành chính, số điện thoại đường dây "
             "nóng tại Bộ phận tiếp nhận và trả kết quả của {dv}",
             ("Bảng niêm yết thủ tục hành chính",), VP, (TP, TC, DC, VH), "Thường xuyên"),
        Duty("Tiếp nhận, giải quyết hồ sơ thủ tục hành chính đúng hạn; gửi thư xin lỗi tổ chức, cá "
             "nhân đối với hồ sơ trễ hạn", ("Sổ theo dõi hồ sơ", "Thư xin lỗi (nếu có)"), VP,
             (TP, TC, DC, VH), "Thường xuyên"),
        Duty("Cập nhật đầy đủ, kịp thời quá trình tiếp nhận, giải quyết hồ sơ trên phần mềm Một cửa "
             "điện tử", ("Dữ liệu trên phần mềm Một cửa điện tử",), VP, (TP, TC, DC, VH), "Thường xuyên"),
        Duty("Hướng dẫn, khuyến khích người dân sử dụng dịch vụ công trực tuyến mức độ 3, mức độ 4 và "
             "dịch vụ bưu chính công ích", ("Báo cáo kết quả thực hiện",), VP, (VH,), "Cả năm"),
    ),
    "bo_may": (
        Duty("Kiện toàn Bộ phận tiếp nhận và trả kết quả của {dv}; phân công nhiệm vụ cán bộ, công "
             "chức rõ người, rõ việc", ("Quyết định của UBND {dv}",), VP, (), "Quý I/{nam}"),
    ),
    "can_bo": (
        Duty("Chấp hành nghiêm kỷ luật, kỷ cương hành chính; đánh giá, xếp loại cán bộ, công chức "
             "gắn với kết quả thực hiện nhiệm vụ cải cách hành chính", ("Kết quả đánh giá, xếp loại",),
             VP, (), "Quý IV/{nam}"),
        Duty("Cử cán bộ, công chức tham gia các lớp đào tạo, bồi dưỡng, tập huấn về cải cách hành "
             "chính do thị xã tổ chức", ("Danh sách cử tham gia",), VP, (), "Theo kế hoạch của thị xã"),
    ),
    "tai_chinh": (
        Duty("Bố trí kinh phí thực hiện công tác cải cách hành chính của {dv}; công khai ngân sách "
             "{dv} theo quy định", ("Dự toán kinh phí", "Báo cáo công khai ngân sách"), TC, (VP,), "Cả năm"),
        Duty("Thực hành tiết kiệm, chống lãng phí trong quản lý, sử dụng ngân sách và tài sản công",
             ("Báo cáo kết quả thực hiện",), TC, (), "Cả năm"),
    ),
    "hien_dai": (
        Duty("Sử dụng phần mềm quản lý văn bản và điều hành, chữ ký số trong gửi, nhận văn bản điện tử",
             ("Văn bản điện tử trên phần mềm",), VP, (), "Thường xuyên"),
        Duty("Cập nhật thông tin hoạt động, thủ tục hành chính trên Trang thông tin điện tử của {dv}",
             ("Tin, bài trên Trang thông tin điện tử",), VH, (VP,), "Thường xuyên"),
        Duty("Duy trì, áp dụng Hệ thống quản lý chất lượng theo tiêu chuẩn TCVN ISO 9001:2015 tại UBND {dv}",
             ("Hệ thống quản lý chất lượng được duy trì",), VP, (), "Cả năm"),
    ),
}


# --- targets from the town plan ---------------------------------------------------------------

_KEEP = ("hồ sơ", "thủ tục hành chính", "TTHC", "văn bản đi, đến", "hài lòng", "cán bộ, công chức")
_DROP = ("thị xã", "cơ quan, đơn vị, địa phương", "đơn vị sự nghiệp", "UBND cấp xã", "quy phạm pháp luật")


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


def _khoan_for(blocks: tuple[Khoi, ...], area: str) -> Khoi | None:
    """The town plan's khoan for an area: same words (punctuation aside), else the closest."""
    found: list[Khoi] = []

    def walk(bs):
        for b in bs:
            if b.kieu == "khoan" and any(c.kieu == "diem" for c in b.noi_dung):
                found.append(b)
            walk(b.noi_dung)
    walk(blocks)
    target = _norm(area)
    exact = [k for k in found if _norm(k.text) == target]
    if exact:
        return exact[0]
    scored = sorted(((difflib.SequenceMatcher(None, _norm(k.text), target).ratio(), i) for i, k in enumerate(found)),
                    reverse=True)
    return found[scored[0][1]] if scored and scored[0][0] >= 0.75 else None


def chi_tieu_cap_xa(project: Project, area: str, dv: str) -> list[str]:
    """The targets of `area` in the town plan that apply to a commune, worded for it.

    A bullet counts when it states a figure (%); inside it, clauses (";") about dossiers,
    TTHC, electronic documents, satisfaction or officials are kept, clauses about the town,
    public service units, inspecting communes or legal normative documents are dropped.
    """
    khoan = _khoan_for(project.ke_hoach.noi_dung, area)
    if khoan is None:
        return []
    out = []
    for diem in khoan.noi_dung:
        if diem.kieu != "diem" or not diem.text.lower().startswith("chỉ tiêu"):
            continue
        for bullet in diem.noi_dung:
            if "%" not in bullet.text:
                continue
            text = (bullet.text.replace("của thị xã, xã, phường", f"của {dv}")
                    .replace("của các cơ quan, đơn vị", f"của UBND {dv}")
                    .replace("của cơ quan, đơn vị", f"của UBND {dv}"))
            kept = [c.strip() for c in strip_end(text).split(";")
                    if any(k in c for k in _KEEP) and not any(d in c for d in _DROP)]
            if kept:
                out.append("; ".join(kept) + ".")
    return out


# --- the documents ------------------------------------------------------------------------------


def _lower_first(text: str) -> str:
    """"Ban hành Kế hoạch" -> "ban hành Kế hoạch"; an acronym ("CCHC …") is kept."""
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text


def _sentence_case(title: str) -> str:
    """An appendix group name in capitals -> a khoản title: "CẢI CÁCH THỂ CHẾ" -> "Cải cách thể chế"."""
    if title.upper() != title:
        return title
    low = title.lower()
    return low[:1].upper() + low[1:]


def nam_ke_hoach(project: Project) -> int:
    m = re.search(r"năm (\d{4})", project.ke_hoach.trich_yeu)
    return int(m.group(1)) if m else project.quyet_dinh.ngay_ban_hanh.nam + 1


@dataclass(frozen=True)
class KetQua:
    """The two documents of one commune and the placeholders they show."""

    ke_hoach: VanBan
    phu_luc: VanBan
    cho_trong: tuple[str, ...]          # visible placeholders, as printed


def placeholder_chu_tich(xa_phuong: XaPhuong) -> str:
    return f"[Họ và tên Chủ tịch UBND {xa_phuong.ten_day_du}]"


def ke_hoach_xa_phuong(project: Project, xa_phuong: XaPhuong, rieng: XaPhuongRieng | None = None, *,
                       trich_dan: str) -> KetQua:
    """`trich_dan` is how the town decision is cited: `docgen.model.trich_dan.trich_dan_quyet_dinh`
    (the one source; passed in so that derive imports nothing from build)."""
    rieng = rieng or XaPhuongRieng()
    town = project.don_vi.co_quan_ban_hanh
    dv = xa_phuong.loai_ten                              # "phường" / "xã"
    ten = xa_phuong.ten_day_du                           # "phường Tam Quan Bắc"
    con = xa_phuong.don_vi_con                           # "khu phố" / "thôn"
    nam = nam_ke_hoach(project)
    # Default: a blank day in January of the plan year (communes issue their plan in the first
    # weeks after the town's, derived-plans.md §2.1); a per-commune file can set the date.
    ngay = rieng.ngay_ban_hanh or Ngay(nam=nam, thang=1)
    fmt = {"dv": dv, "con": con, "nam": nam}

    co_quan = CoQuanBanHanh(
        ten=f"Ủy ban nhân dân {ten}", ten_ngan=f"UBND {ten}",
        dong_tieu_de=("ỦY BAN NHÂN DÂN", ten.upper()),
        chu_quan=(town.ten_ngan.upper(),) if town.chu_quan_xa_phuong else (),
        ky_hieu="UBND", dia_danh=xa_phuong.ten, cap=xa_phuong.loai)

    chi_tieu_rieng = {c.linh_vuc: c.noi_dung for c in rieng.chi_tieu}
    them = {}
    for t in rieng.nhiem_vu_them:
        them.setdefault(t.linh_vuc, []).append(t)

    areas, groups = [], []
    for gi, group in enumerate(project.phu_luc.nhom, 1):
        kind = area_kind(group.ten)
        lead = _LEAD.get(kind, VP)
        rows: list[tuple[str, str, tuple[str, ...], str, str, tuple[str, ...], str]] = []
        for ti, task in enumerate(group.nhiem_vu, 1):
            ma = f"{roman(gi)}.{ti}"
            chu_tri = project.co_quan(task.chu_tri)
            phoi_hop = [project.co_quan(r) for r in task.phoi_hop]
            if chu_tri.gom_xa_phuong:
                others = "; ".join(c.ten for c in phoi_hop if not c.gom_xa_phuong)
                rows.append((ma, task.nhiem_vu, task.san_pham, cong_chuc(lead, xa_phuong), others,
                             tuple(task.thoi_gian.dong()), task.ghi_chu))
            elif any(c.gom_xa_phuong for c in phoi_hop):
                rows.append((ma, f"Phối hợp với {chu_tri.ten} {_lower_first(task.nhiem_vu)}", task.san_pham,
                             cong_chuc(lead, xa_phuong), chu_tri.ten, tuple(task.thoi_gian.dong()), task.ghi_chu))
        for duty in DUTIES.get(kind, ()):
            rows.append(("", duty.text.format(**fmt), tuple(s.format(**fmt) for s in duty.san_pham),
                         cong_chuc(duty.chu_tri, xa_phuong), "; ".join(cong_chuc(r, xa_phuong) for r in duty.phoi_hop),
                         (duty.thoi_gian.format(**fmt),), ""))
        for t in them.get(gi, ()):
            rows.append(("", t.nhiem_vu, t.san_pham, t.chu_tri, "; ".join(t.phoi_hop),
                         tuple(t.thoi_gian.dong()), t.ghi_chu))

        targets = list(chi_tieu_rieng[gi]) if gi in chi_tieu_rieng else chi_tieu_cap_xa(project, group.ten, dv)
        children = []
        if targets:
            children.append(Khoi(diem="Chỉ tiêu", noi_dung=tuple(Khoi(gach=t) for t in targets)))
        if rows:
            children.append(Khoi(diem="Nhiệm vụ", noi_dung=tuple(
                Khoi(gach=with_stop(r[1])) for r in rows)))
        if children:
            areas.append(Khoi(khoan=_sentence_case(group.ten), noi_dung=tuple(children)))
        if rows:
            groups.append((group.ten, rows))

    so_kh = so_ky_hieu(rieng.so, "Kế hoạch", "UBND")
    trich_yeu = f"Cải cách hành chính {ten} năm {nam}"
    noi_dung = (
        Khoi(doan=f"Thực hiện {trich_dan} {_lower_first(project.quyet_dinh.trich_yeu)}"
                  .replace("\n", " ")
             + f"; Ủy ban nhân dân {dv} ban hành Kế hoạch cải cách hành chính năm {nam} của {dv} như sau:"),
        Khoi(muc="MỤC ĐÍCH, YÊU CẦU", noi_dung=(
            Khoi(khoan="Mục đích", noi_dung=(
                Khoi(gach=f"Triển khai thực hiện có hiệu quả Kế hoạch cải cách hành chính năm {nam} của thị xã "
                          f"trên địa bàn {dv}; nâng cao chất lượng phục vụ người dân, tổ chức trong giải quyết "
                          "thủ tục hành chính."),
                Khoi(gach="Nâng cao ý thức trách nhiệm, kỷ luật, kỷ cương hành chính của cán bộ, công chức; "
                          f"cải thiện Chỉ số cải cách hành chính của {dv} và chỉ số hài lòng của người dân."),
            )),
            Khoi(khoan="Yêu cầu", noi_dung=(
                Khoi(gach=f"Xác định rõ trách nhiệm của Chủ tịch UBND {dv} và từng công chức chuyên môn; "
                          "nhiệm vụ có sản phẩm, thời gian hoàn thành cụ thể."),
                Khoi(gach="Lấy kết quả thực hiện nhiệm vụ cải cách hành chính làm căn cứ đánh giá, xếp loại "
                          "cán bộ, công chức và bình xét thi đua, khen thưởng hàng năm."),
            )),
        )),
        Khoi(muc="NHIỆM VỤ TRỌNG TÂM", noi_dung=tuple(areas) + (
            Khoi(doan=f"(Chi tiết các nhiệm vụ cải cách hành chính năm {nam} của {dv} theo Phụ lục kèm theo)."),)),
        Khoi(muc="TỔ CHỨC THỰC HIỆN", noi_dung=(
            Khoi(khoan=f"Chủ tịch, các Phó Chủ tịch UBND {dv}", noi_dung=(
                Khoi(gach=f"Chủ tịch UBND {dv} chỉ đạo chung việc thực hiện Kế hoạch; các Phó Chủ tịch chỉ đạo "
                          "thực hiện các nhiệm vụ thuộc lĩnh vực được phân công."),)),
            Khoi(khoan=cong_chuc(VP, xa_phuong), noi_dung=(
                Khoi(gach=f"Là đầu mối tham mưu UBND {dv} tổ chức thực hiện Kế hoạch; theo dõi, đôn đốc, tổng "
                          f"hợp, báo cáo định kỳ quý, 6 tháng, năm về UBND thị xã (qua Phòng Nội vụ)."),)),
            Khoi(khoan="Các công chức chuyên môn", noi_dung=(
                Khoi(gach=f"{cong_chuc(TP, xa_phuong)}: tham mưu thực hiện cải cách thể chế, kiểm soát thủ tục "
                          "hành chính thuộc lĩnh vực tư pháp - hộ tịch."),
                Khoi(gach=f"{cong_chuc(TC, xa_phuong)}: tham mưu bố trí kinh phí thực hiện Kế hoạch và cải cách "
                          "tài chính công."),
                Khoi(gach=f"{cong_chuc(DC, xa_phuong)}: giải quyết đúng hạn thủ tục hành chính thuộc lĩnh vực "
                          "được giao."),
                Khoi(gach=f"{cong_chuc(VH, xa_phuong)}: tuyên truyền về cải cách hành chính trên hệ thống truyền "
                          f"thanh và Trang thông tin điện tử của {dv}."),
            )),
            Khoi(khoan=f"Trưởng các {con}", noi_dung=(
                Khoi(gach=f"Tuyên truyền Kế hoạch đến Nhân dân trong {con}; phản ánh kịp thời kiến nghị của người "
                          "dân về thủ tục hành chính."),)),
            Khoi(khoan=f"Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam và các đoàn thể {dv}", noi_dung=(
                Khoi(gach="Phối hợp tuyên truyền, vận động Nhân dân tham gia và giám sát việc thực hiện cải cách "
                          "hành chính."),)),
        )),
    )
    ket_thuc = (f"Trên đây là Kế hoạch cải cách hành chính năm {nam} của UBND {ten}; quá trình thực hiện nếu có "
                f"khó khăn, vướng mắc, các công chức chuyên môn kịp thời báo cáo Chủ tịch UBND {dv} (qua "
                f"{cong_chuc(VP, xa_phuong)[0].lower() + cong_chuc(VP, xa_phuong)[1:]}) để xem xét, giải quyết")

    cho_trong: list[str] = []
    if rieng.nguoi_ky is not None:
        signer = rieng.nguoi_ky
        if not signer.thay_mat:
            signer = signer.model_copy(update={"thay_mat": "ỦY BAN NHÂN DÂN"})
    else:
        signer = NguoiKy(thay_mat="ỦY BAN NHÂN DÂN", chuc_vu="CHỦ TỊCH", ho_ten=rieng.chu_tich)
    if not signer.ho_ten:
        signer = signer.model_copy(update={"ho_ten": placeholder_chu_tich(xa_phuong)})
        cho_trong.append(signer.ho_ten)

    noi_nhan = ("UBND thị xã (b/c)", "Phòng Nội vụ thị xã (b/c)", f"TT Đảng ủy {dv} (b/c)",
                f"TT HĐND {dv}", f"CT, các PCT UBND {dv}", f"UB MTTQVN và các đoàn thể {dv}",
                "Công chức chuyên môn", f"Các {con}")
    vb = KeHoachVB(co_quan=co_quan, trich_yeu=trich_yeu, noi_dung=noi_dung, so=rieng.so, ngay=ngay,
                   dia_danh=xa_phuong.ten, ket_thuc=ket_thuc, noi_nhan=noi_nhan, luu="VT", nguoi_ky=signer)

    nhom = []
    for n, (name, rows) in enumerate(groups, 1):
        nhom.append(NhomVB(so=roman(n), ten=name, nhiem_vu=tuple(
            DongNhiemVu(tt=str(i), nhiem_vu=r[1], san_pham=r[2], chu_tri=r[3], phoi_hop=r[4],
                        thoi_gian=r[5], ghi_chu=r[6], ma=r[0]) for i, r in enumerate(rows, 1))))
    pl = PhuLucVB(
        tieu_de=f"NHIỆM VỤ TRỌNG TÂM CÔNG TÁC CẢI CÁCH HÀNH CHÍNH {ten.upper()} NĂM {nam}",
        kem_theo=f"(Kèm theo Kế hoạch số {so_kh} {ngay_thang_nam(ngay)} của UBND {ten})",
        nhom=tuple(nhom),
        cot=("TT", "Nhiệm vụ", "Sản phẩm", "Người/bộ phận chủ trì", "Phối hợp", "Thời gian hoàn thành", "Ghi chú"))
    meta = {"tac_gia": co_quan.ten, "ngay": ngay}
    return KetQua(
        VanBan("ke-hoach", duong_dan(xa_phuong, "ke-hoach.docx"), vb, tieu_de=f"Kế hoạch {trich_yeu}", **meta),
        VanBan("phu-luc", duong_dan(xa_phuong, "phu-luc.docx"), pl, tieu_de=f"Phụ lục {pl.tieu_de}", **meta),
        tuple(cho_trong))


def with_stop(text: str) -> str:
    """A task as a plan bullet: ends with "."."""
    return strip_end(text) + "."
