"""Render the templates with sample contexts from the Hoài Nhơn 2021 plan and convert to PDF/PNG.

Run: python templates/preview_sample.py [--templates DIR] [--out DIR] [--no-pdf]

A developer aid for looking at the templates the way a văn thư officer would (LibreOffice
rendering). Not used by the build.
"""
from __future__ import annotations

import argparse
import subprocess
from pathlib import Path

import jinja2
from docxtpl import DocxTemplate

from docgen.render.context import ke_co_quan, ke_trich_yeu

HERE = Path(__file__).resolve().parent

COMMON = {
    "co_quan_chu_quan": [],
    "co_quan_ten": ["ỦY BAN NHÂN DÂN", "THỊ XÃ HOÀI NHƠN"],
    "so": "Số:        /QĐ-UBND",
    "dia_danh_ngay": "Hoài Nhơn, ngày      tháng 12 năm 2020",
    "kem_theo": "",
    "noi_nhan": [
        "- Như Điều 3;", "- Sở Nội vụ;", "- TT Thị ủy (báo cáo);", "- TT HĐND thị xã (báo cáo);",
        "- Ban Tổ chức Thị ủy;", "- Các cơ quan, đơn vị thuộc thị xã;", "- UBND các xã, phường;",
        "- Lưu: VT, PNV, PTT (04b).",
    ],
    "nguoi_ky": {"dong": ["CHỦ TỊCH"], "ho_ten": "Phạm Trương"},
}

COMMON["ke_co_quan"] = ke_co_quan(COMMON["co_quan_ten"])

QUYET_DINH = {
    **COMMON,
    "ten_loai": "QUYẾT ĐỊNH",
    "trich_yeu": "Về việc ban hành Kế hoạch cải cách hành chính\nthị xã Hoài Nhơn năm 2021",
    "tham_quyen": "CHỦ TỊCH ỦY BAN NHÂN DÂN THỊ XÃ",
    "can_cu": [
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung"
        " một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22"
        " tháng 11 năm 2019;",
        "Căn cứ Văn bản số 6459/BNV-CCHC ngày 07 tháng 12 năm 2020 của Bộ trưởng Bộ Nội vụ về việc"
        " hướng dẫn xây dựng kế hoạch và báo cáo cải cách hành chính định kỳ năm 2021; Văn bản số"
        " 8192/UBND-KSTT ngày 09 tháng 12 năm 2020 của UBND tỉnh Bình Định về việc tham mưu kế"
        " hoạch và báo cáo cải cách hành chính định kỳ năm 2021;",
        "Căn cứ Chương trình hành động số 10-CTr/TU ngày 14/12/2020 của Đại hội đại biểu Đảng bộ thị"
        " xã Hoài Nhơn lần thứ XX về \"Đẩy mạnh cải cách hành chính, nâng cao hiệu lực, hiệu quả"
        " quản lý của bộ máy nhà nước gắn với xây dựng chính quyền đô thị Hoài Nhơn giai đoạn"
        " 2020-2025\";",
        "Theo đề nghị của Trưởng phòng Nội vụ thị xã.",
    ],
    "dieu": [
        {"so": "Điều 1.", "noi_dung": "Ban hành kèm theo Quyết định này Kế hoạch cải cách hành"
         " chính thị xã Hoài Nhơn năm 2021.", "khoan": []},
        {"so": "Điều 2.", "noi_dung": "Giao Trưởng phòng Nội vụ thị xã chịu trách nhiệm theo dõi,"
         " đôn đốc, tổng hợp báo cáo UBND thị xã kết quả thực hiện các nhiệm vụ cải cách hành"
         " chính của thị xã theo Quyết định này.", "khoan": []},
        {"so": "Điều 3.", "noi_dung": "Chánh Văn phòng HĐND và UBND thị xã, Trưởng phòng Nội vụ,"
         " Trưởng phòng Tài chính - Kế hoạch, Thủ trưởng các cơ quan, đơn vị liên quan và Chủ tịch"
         " UBND các xã, phường chịu trách nhiệm thi hành Quyết định này kể từ ngày ký./.", "khoan": []},
    ],
}

_DOAN = ("Tiếp tục đẩy mạnh công tác cải cách hành chính, nâng cao hiệu lực, hiệu quả quản lý,"
         " trọng tâm là cải cách thủ tục hành chính, góp phần xây dựng một nền hành chính dân chủ,"
         " minh bạch, hiện đại, chuyên nghiệp, phục vụ cho mục tiêu phát triển kinh tế - xã hội"
         " của thị xã.")
_GACH = ("- Xác định rõ trách nhiệm người đứng đầu các cơ quan, đơn vị, địa phương trong việc"
         " triển khai, tổ chức thực hiện các nhiệm vụ về cải cách hành chính.")


def _khoi():
    k = []
    for mi, muc in enumerate(["MỤC TIÊU, YÊU CẦU", "CHỈ TIÊU, NHIỆM VỤ VÀ GIẢI PHÁP",
                              "TỔ CHỨC THỰC HIỆN"]):
        k.append({"kieu": "muc", "so": ["I.", "II.", "III."][mi], "noi_dung": muc})
        for ki, khoan in enumerate(["Mục tiêu", "Yêu cầu", "Công tác chỉ đạo điều hành"]):
            k.append({"kieu": "khoan", "so": f"{ki + 1}.", "noi_dung": khoan})
            if ki == 2:
                k.append({"kieu": "diem", "so": "a)", "noi_dung": "Chỉ tiêu"})
            k.append({"kieu": "doan", "so": "", "noi_dung": _DOAN})
            k.append({"kieu": "gach", "so": "", "noi_dung": _GACH})
    k.append({"kieu": "doan", "so": "", "noi_dung": "Trên đây là Kế hoạch cải cách hành chính thị"
              " xã Hoài Nhơn năm 2021, quá trình thực hiện nếu có khó khăn, vướng mắc, các cơ quan,"
              " đơn vị, địa phương kịp thời báo cáo UBND thị xã (qua Phòng Nội vụ) để xem xét,"
              " giải quyết./."})
    return k


KE_HOACH = {
    **COMMON,
    "so": "",
    "dia_danh_ngay": "",
    "ten_loai": "KẾ HOẠCH",
    "trich_yeu": "Cải cách hành chính thị xã Hoài Nhơn năm 2021",
    "kem_theo": "(Ban hành kèm theo Quyết định số:      /QĐ-UBND\nngày      tháng 12 năm 2020"
                " của UBND thị xã Hoài Nhơn)",
    "can_cu": [],
    "khoi": _khoi(),
    "noi_nhan": [],
    "nguoi_ky": None,
}

_GROUPS = ["CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", "CẢI CÁCH THỂ CHẾ", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH",
           "CẢI CÁCH TỔ CHỨC BỘ MÁY",
           "XÂY DỰNG VÀ NÂNG CAO CHẤT LƯỢNG ĐỘI NGŨ CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC",
           "CẢI CÁCH TÀI CHÍNH CÔNG", "HIỆN ĐẠI HÓA NỀN HÀNH CHÍNH"]
_TASKS = [
    "Ban hành Kế hoạch CCHC năm 2021",
    "Ban hành và triển khai thực hiện Kế hoạch ban hành văn bản quy phạm pháp luật; Kế hoạch rà"
    " soát, hệ thống hóa văn bản QPPL; Kế hoạch kiểm tra việc thực hiện văn bản QPPL; Kế hoạch"
    " theo dõi thi hành pháp luật năm 2021",
    "Ban hành Kế hoạch khảo sát mức độ hài lòng của người dân, doanh nghiệp đối với giải quyết"
    " thủ tục hành chính trên địa bàn thị xã",
    "Công bố Chỉ số CCHC năm 2020 đối với các xã, phường",
]
_ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII"]
_COUNTS = [7, 3, 3, 2, 4, 2, 5]


def _nhom():
    out = []
    for gi, ten in enumerate(_GROUPS):
        tasks = []
        for ti in range(_COUNTS[gi]):
            tasks.append({
                "tt": str(ti + 1),
                "nhiem_vu": _TASKS[(gi + ti) % len(_TASKS)],
                "san_pham": ["1. Kế hoạch của UBND thị xã", "2. Báo cáo của UBND thị xã"]
                if ti % 3 == 1 else ["Kế hoạch của UBND thị xã"],
                "chu_tri": "Văn phòng HĐND và UBND" if ti % 2 else "Phòng Nội vụ",
                "phoi_hop": "Các cơ quan, đơn vị, địa phương",
                "thoi_gian": ["- Ban hành Kế hoạch: Quý I/2021", "- Thực hiện: Cả năm"]
                if ti % 2 == 0 else ["Quý I/2021"],
                "ghi_chu": "",
            })
        out.append({"so": _ROMAN[gi], "ten": ten, "nhiem_vu": tasks})
    return out


PHU_LUC = {
    **COMMON,
    "phu_luc_so": "Phụ lục",
    "tieu_de": "NHIỆM VỤ TRỌNG TÂM CÔNG TÁC CẢI CÁCH HÀNH CHÍNH THỊ XÃ HOÀI NHƠN NĂM 2021",
    "kem_theo": "(Kèm theo Quyết định số:      /QĐ-UBND ngày      tháng 12 năm 2020 của UBND thị xã"
                " Hoài Nhơn)",
    "cot": ["TT", "Nhiệm vụ", "Sản phẩm", "Cơ quan chủ trì", "Cơ quan phối hợp",
            "Thời gian hoàn thành", "Ghi chú"],
    "nhom": _nhom(),
}

# A commune document: parent-body line, long body name, long place-and-date line.
QUYET_DINH_XA = {
    **QUYET_DINH,
    "co_quan_chu_quan": ["UBND THỊ XÃ HOÀI NHƠN"],
    "co_quan_ten": ["PHƯỜNG HOÀI THANH TÂY"],
    "so": "Số: 125/QĐ-UBND",
    "dia_danh_ngay": "Tam Quan Bắc, ngày 29 tháng 12 năm 2021",
    "noi_nhan": [],
    "nguoi_ky": {"dong": ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
                 "ho_ten": "Nguyễn Văn A"},
}
for _ctx in (QUYET_DINH, KE_HOACH, QUYET_DINH_XA):
    _ctx["ke_trich_yeu"] = ke_trich_yeu(_ctx["trich_yeu"])
QUYET_DINH_XA["ke_co_quan"] = ke_co_quan(QUYET_DINH_XA["co_quan_ten"])
KE_HOACH_KY = {**KE_HOACH, "khoi": KE_HOACH["khoi"][:6], "noi_nhan": COMMON["noi_nhan"],
               "nguoi_ky": COMMON["nguoi_ky"], "kem_theo": "", "so": "Số: 05/KH-UBND",
               "dia_danh_ngay": "Hoài Nhơn, ngày 05 tháng 01 năm 2021"}

SAMPLES = {"quyet-dinh": QUYET_DINH, "ke-hoach": KE_HOACH, "phu-luc": PHU_LUC,
           "quyet-dinh-xa": QUYET_DINH_XA, "ke-hoach-ky": KE_HOACH_KY}
TEMPLATE_OF = {"quyet-dinh-xa": "quyet-dinh", "ke-hoach-ky": "ke-hoach"}


def render(template: Path, ctx: dict, out: Path) -> None:
    from markupsafe import Markup, escape

    def finalize(v):
        if isinstance(v, str) and not isinstance(v, Markup):
            return Markup(str(escape(v)).replace(
                "\n", '</w:t><w:br/><w:t xml:space="preserve">'))
        return v

    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined, finalize=finalize)
    tpl = DocxTemplate(str(template))
    tpl.render(ctx, jinja_env=env)
    tpl.save(str(out))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--templates", type=Path, default=HERE)
    ap.add_argument("--out", type=Path, default=Path("/tmp/docgen-preview"))
    ap.add_argument("--no-pdf", action="store_true")
    a = ap.parse_args()
    a.out.mkdir(parents=True, exist_ok=True)
    files = []
    for kind, ctx in SAMPLES.items():
        out = a.out / f"{kind}.docx"
        render(a.templates / f"{TEMPLATE_OF.get(kind, kind)}.docx", ctx, out)
        files.append(str(out))
        print(f"rendered {out}")
    if a.no_pdf:
        return
    subprocess.run(["soffice", "--headless", "-env:UserInstallation=file:///tmp/lo-tpl",
                    "--convert-to", "pdf", "--outdir", str(a.out), *files], check=True,
                   capture_output=True)
    for f in files:
        pdf = Path(f).with_suffix(".pdf")
        subprocess.run(["pdftoppm", "-r", "70", "-png", str(pdf), str(pdf.with_suffix(""))],
                       check=True)
        print(f"converted {pdf}")


if __name__ == "__main__":
    main()
