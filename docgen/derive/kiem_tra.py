"""The inspection plan (Kế hoạch kiểm tra công tác CCHC): derived-plans.md §1.1.

Đối tượng: the parent plan's own target ("kiểm tra công tác CCHC đối với 70% UBND cấp xã")
gives the number of communes: ceil(70% × 17) = 12. Which ones: an explicit list in the override
(`doi_tuong.xa_phuong`), else the rule "communes not inspected last year first
(`doi_tuong.da_kiem_tra_nam_truoc`), then the registry's GSO order". The proposed schedule puts
one unit per working day from `doi_tuong.bat_dau` (default: the first Monday of September of
the plan year); any row can be set in `lich`. Every date must fall on or before the deadline of
the parent row (its "Thực hiện" time, e.g. "Cả năm" -> 31/12/2021).
"""

from __future__ import annotations

import datetime as _dt
import difflib
import re

from ..model import DongNhiemVu, NhomVB, PhuLucVB, XaPhuong
from ..model.derived import LichKiemTra
from ..vn.han import han_cuoi
from ..vn.numbers import phan_tram_cua
from .chon import lower_first
from .khung import Ban, G, K, M, P, sentence_case

TARGET = re.compile(r"kiểm tra công tác (?:CCHC|cải cách hành chính) đối với (\d+(?:[.,]\d+)?)\s*%\s*UBND cấp xã",
                    re.IGNORECASE)
THU = ("thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật")
LICH_COT = ("TT", "Đơn vị được kiểm tra", "Thời gian", "Địa điểm", "Thành phần làm việc của đơn vị",
            "Nội dung kiểm tra", "Ghi chú")


def walk(blocks):
    for b in blocks:
        yield b
        yield from walk(b.noi_dung)


def parent_target(project) -> float | None:
    """The percentage of UBND cấp xã the parent plan says are inspected (None if it says none)."""
    for block in walk(project.ke_hoach.noi_dung):
        m = TARGET.search(block.text)
        if m:
            return float(m.group(1).replace(",", "."))
    return None


def find_xa(project, ref: str) -> XaPhuong | None:
    key = " ".join(ref.split()).lower()
    for xa in project.don_vi.xa_phuong:
        if key in (xa.ma.lower(), xa.ten.lower(), xa.ten_day_du.lower(), f"ubnd {xa.ten_day_du}".lower()):
            return xa
    return None


def _hint(project, ref: str) -> str:
    names = [x.ten for x in project.don_vi.xa_phuong]
    close = difflib.get_close_matches(ref, names, n=1, cutoff=0.6)
    return f'; có phải "{close[0]}"?' if close else ""


def first_monday_of_september(year: int) -> _dt.date:
    d = _dt.date(year, 9, 1)
    return d + _dt.timedelta(days=(7 - d.weekday()) % 7)


def working_days(start: _dt.date, count: int) -> list[_dt.date]:
    out, d = [], start
    while len(out) < count:
        if d.weekday() < 5:
            out.append(d)
        d += _dt.timedelta(days=1)
    return out


def ddmmyyyy(d: _dt.date) -> str:
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


def deadline(ban: Ban) -> _dt.date | None:
    tg = ban.spec.task.thoi_gian
    return han_cuoi(tg.thuc_hien or tg.han or tg.ban_hanh or "", ban.nam)


def chon_xa(ban: Ban) -> tuple[list[XaPhuong], float, int]:
    """The communes inspected, the percentage used and the required count."""
    project, ov = ban.project, ban.ov.doi_tuong
    all_xa = list(project.don_vi.xa_phuong)
    pct = ov.ty_le if ov and ov.ty_le is not None else parent_target(project)
    if ov and ov.ty_le is not None and not 0 < ov.ty_le <= 100:
        ban.error(("doi_tuong", "ty_le"), "content.percent",
                  f"tỷ lệ {ov.ty_le:g}% không hợp lệ: phải lớn hơn 0 và không quá 100%")
        pct = parent_target(project)
    if pct is None:
        ban.error(("doi_tuong", "ty_le"), "derive.no-target",
                  "Kế hoạch (ke-hoach.yaml) không có chỉ tiêu \"kiểm tra công tác CCHC đối với …% UBND cấp xã\"; "
                  "hãy nhập doi_tuong.ty_le")
        pct = 100.0
    need = phan_tram_cua(pct, len(all_xa))
    if ov and ov.xa_phuong:
        chosen = []
        for i, ref in enumerate(ov.xa_phuong):
            xa = find_xa(project, ref)
            if xa is None:
                ban.error(("doi_tuong", "xa_phuong", i), "content.unknown-commune",
                          f'xã, phường "{ref}" không có trong danh mục (don-vi.yaml){_hint(project, ref)}')
            elif xa in chosen:
                ban.error(("doi_tuong", "xa_phuong", i), "content.duplicate", f'xã, phường "{ref}" bị lặp lại')
            else:
                chosen.append(xa)
        if len(chosen) < need and len(chosen) == len(ov.xa_phuong):
            ban.error(("doi_tuong", "xa_phuong"), "derive.too-few",
                      f"chọn {len(chosen)} xã, phường, ít hơn chỉ tiêu {need} ({pct:g}% của {len(all_xa)})")
        return chosen, pct, need
    last_year = []
    for i, ref in enumerate(ov.da_kiem_tra_nam_truoc if ov else ()):
        xa = find_xa(project, ref)
        if xa is None:
            ban.error(("doi_tuong", "da_kiem_tra_nam_truoc", i), "content.unknown-commune",
                      f'xã, phường "{ref}" không có trong danh mục (don-vi.yaml){_hint(project, ref)}')
        else:
            last_year.append(xa)
    ordered = [x for x in all_xa if x not in last_year] + [x for x in all_xa if x in last_year]
    return ordered[:need], pct, need


def chon_co_quan(ban: Ban) -> list[str]:
    keys = []
    for i, ref in enumerate(ban.ov.doi_tuong.co_quan if ban.ov.doi_tuong else ()):
        if ref not in ban.project.agency_keys:
            ban.error(("doi_tuong", "co_quan", i), "content.unknown-agency",
                      f'cơ quan "{ref}" không có trong danh mục (don-vi.yaml)')
        else:
            keys.append(ban.project.key(ref))
    return keys


def lich(ban: Ban, xas: list[XaPhuong], agencies: list[str], han: _dt.date | None):
    """Schedule rows (date, unit label, place, attendees, note) and whether any date is proposed."""
    units = [("xa", x) for x in xas] + [("cq", k) for k in agencies]
    label = {id(u): (f"UBND {u[1].ten_day_du}" if u[0] == "xa" else ban.ten(u[1])) for u in units}
    ov = ban.ov.doi_tuong
    start = ov.bat_dau if ov and ov.bat_dau else None
    if start is not None and not start.is_complete:
        ban.error(("doi_tuong", "bat_dau"), "content.invalid-date", "ngày bắt đầu phải ghi đủ ngày/tháng/năm")
        start = None
    start_day = start.as_date() if start else first_monday_of_september(ban.nam)
    proposed = dict(zip(map(id, units), working_days(start_day, len(units))))
    if han and units and max(proposed.values()) > han:
        ban.error(("doi_tuong", "bat_dau"), "derive.after-deadline",
                  f"lịch dự kiến bắt đầu {ddmmyyyy(start_day)} kết thúc ngày {ddmmyyyy(max(proposed.values()))}, "
                  f"sau thời hạn {ddmmyyyy(han)} của nhiệm vụ {ban.spec.ma}")
    given: dict[int, LichKiemTra] = {}
    for i, row in enumerate(ban.ov.lich):
        unit = None
        xa = find_xa(ban.project, row.don_vi)
        if xa is not None:
            unit = next((u for u in units if u[0] == "xa" and u[1] == xa), None)
            if unit is None:
                ban.error(("lich", i, "don_vi"), "derive.not-inspected",
                          f'"{row.don_vi}" không thuộc danh sách được kiểm tra (doi_tuong)')
                continue
        elif row.don_vi in ban.project.agency_keys:
            key = ban.project.key(row.don_vi)
            unit = next((u for u in units if u[0] == "cq" and u[1] == key), None)
            if unit is None:
                ban.error(("lich", i, "don_vi"), "derive.not-inspected",
                          f'"{row.don_vi}" không thuộc danh sách được kiểm tra (doi_tuong)')
                continue
        else:
            ban.error(("lich", i, "don_vi"), "content.unknown-commune",
                      f'đơn vị "{row.don_vi}" không có trong danh mục xã, phường và cơ quan (don-vi.yaml)'
                      f'{_hint(ban.project, row.don_vi)}')
            continue
        if id(unit) in given:
            ban.error(("lich", i, "don_vi"), "content.duplicate", f'"{row.don_vi}" có hai dòng lịch')
            continue
        if not row.ngay.is_complete:
            ban.error(("lich", i, "ngay"), "content.invalid-date", "ngày kiểm tra phải ghi đủ ngày/tháng/năm")
            continue
        if han and row.ngay.as_date() > han:
            ban.error(("lich", i, "ngay"), "derive.after-deadline",
                      f"ngày kiểm tra {ddmmyyyy(row.ngay.as_date())} sau thời hạn {ddmmyyyy(han)} "
                      f"của nhiệm vụ {ban.spec.ma}")
            continue
        given[id(unit)] = row
    rows = []
    for n, u in enumerate(units):
        row = given.get(id(u))
        day = row.ngay.as_date() if row else proposed[id(u)]
        default_place = (f"Trụ sở UBND {u[1].ten_day_du}" if u[0] == "xa" else f"Trụ sở {ban.ten(u[1])}")
        rows.append((day, n, u[0], label[id(u)],
                     f"{row.gio if row else '08 giờ 00'}, {THU[day.weekday()]}, ngày {ddmmyyyy(day)}",
                     (row.dia_diem if row and row.dia_diem else default_place),
                     (row.thanh_phan if row and row.thanh_phan else
                      "Lãnh đạo, công chức phụ trách CCHC và công chức chuyên môn liên quan"),
                     (row.ghi_chu if row else "Dự kiến")))
    rows.sort()
    return rows, len(given) < len(units)


def derive(ban: Ban):
    project, spec = ban.project, ban.spec
    han = deadline(ban)
    if han is None:
        ban.error(("nhiem_vu",), "derive.deadline",
                  f'không hiểu thời hạn "{spec.task.thoi_gian.text()}" của nhiệm vụ {spec.ma} trong phu-luc.yaml')
    xas, pct, need = chon_xa(ban)
    agencies = chon_co_quan(ban)
    rows, any_proposed = lich(ban, xas, agencies, han)
    if any_proposed:
        ban.cho.note("lịch kiểm tra đang là lịch dự kiến (ghi chú \"Dự kiến\"): nhập ngày, giờ từng đơn vị", "lich")
    total = len(project.don_vi.xa_phuong)
    doan = ban.ov.doan_kiem_tra
    t = ban.cho.text

    noi_dung_kt = []
    for group in project.phu_luc.nhom:
        items = [G(f"Kết quả thực hiện nhiệm vụ {ma}: {lower_first(task.nhiem_vu.rstrip('. '))}")
                 for ma, g, task in project.phu_luc.tasks() if g is group]
        noi_dung_kt.append(K(sentence_case(group.ten), *items))

    doi_tuong = [P(f"UBND {len(xas)} xã, phường (chỉ tiêu {pct:g}% của {total} xã, phường là {need} đơn vị, "
                   f"theo Kế hoạch {lower_first(project.ke_hoach.trich_yeu)}), gồm:")]
    doi_tuong += [G(f"UBND {x.ten_day_du}") for x in xas]
    if agencies:
        doi_tuong.append(P("Các cơ quan chuyên môn thuộc " + ban.ubnd_ngan + ":"))
        doi_tuong += [G(ban.ten(k)) for k in agencies]
    days = [r[0] for r in rows]
    thoi_gian = (f"Từ ngày {ddmmyyyy(min(days))} đến ngày {ddmmyyyy(max(days))} (lịch cụ thể tại Phụ lục kèm theo)"
                 if days else "Theo lịch tại Phụ lục kèm theo")
    if han:
        thoi_gian += f"; hoàn thành trước ngày {ddmmyyyy(han)} theo thời hạn của nhiệm vụ {spec.ma}"

    lead = ban.lead.ten
    body = [
        M("MỤC ĐÍCH, YÊU CẦU",
          K("Mục đích",
            G(f"Đánh giá thực chất việc triển khai Kế hoạch {lower_first(project.ke_hoach.trich_yeu)}; phát hiện "
              "những hạn chế, nguyên nhân và trách nhiệm; kịp thời chấn chỉnh kỷ luật, kỷ cương hành chính."),
            G("Nhân rộng cách làm hay, mô hình hiệu quả; kết quả kiểm tra là căn cứ đánh giá, xếp hạng Chỉ số "
              "cải cách hành chính và đánh giá người đứng đầu cơ quan, đơn vị, địa phương.")),
          K("Yêu cầu",
            G("Kiểm tra đúng nội dung, khách quan, không gây phiền hà cho đơn vị được kiểm tra."),
            G("Đơn vị được kiểm tra chuẩn bị báo cáo và hồ sơ minh chứng; kết luận kiểm tra rõ ràng, có kiến nghị "
              "cụ thể."))),
        M("NỘI DUNG KIỂM TRA", *noi_dung_kt),
        M("ĐỐI TƯỢNG, HÌNH THỨC, THỜI GIAN KIỂM TRA",
          K("Đối tượng kiểm tra", *doi_tuong),
          K("Hình thức kiểm tra",
            G("Kiểm tra trực tiếp theo kế hoạch: Đoàn kiểm tra làm việc tại đơn vị, nghe báo cáo, kiểm tra hồ sơ."),
            G("Kiểm tra đột xuất việc thực thi công vụ tại Bộ phận tiếp nhận và trả kết quả khi cần thiết.")),
          K("Thời gian kiểm tra", P(thoi_gian + "."))),
        M("THÀNH PHẦN ĐOÀN KIỂM TRA",
          G("Trưởng đoàn: " + t(doan.truong_doan if doan else "", "Trưởng đoàn kiểm tra",
                                "doan_kiem_tra.truong_doan")),
          G("Phó Trưởng đoàn: " + t(doan.pho_truong_doan if doan else "", "Phó Trưởng đoàn kiểm tra",
                                    "doan_kiem_tra.pho_truong_doan")),
          G("Thành viên: " + t("; ".join(doan.thanh_vien) if doan else "", "thành viên Đoàn kiểm tra",
                               "doan_kiem_tra.thanh_vien")),
          G("Thư ký: " + t(doan.thu_ky if doan else "", "thư ký Đoàn kiểm tra", "doan_kiem_tra.thu_ky"))),
        M("TỔ CHỨC THỰC HIỆN",
          K(lead,
            G(f"Tham mưu {ban.ubnd_ngan} quyết định thành lập Đoàn kiểm tra; xây dựng đề cương báo cáo, thông báo "
              "lịch kiểm tra đến các đơn vị."),
            G(f"Tổng hợp kết quả kiểm tra, báo cáo {ban.ubnd_ngan} trước ngày "
              + t(ban.ov.thoi_han_bao_cao, "thời hạn báo cáo kết quả kiểm tra", "thoi_han_bao_cao") + ".")),
          K("Các cơ quan có thành viên Đoàn kiểm tra",
            G("Cử thành viên tham gia Đoàn kiểm tra và bố trí thời gian thực hiện đúng lịch.")),
          K("Các đơn vị được kiểm tra",
            G("Báo cáo theo đề cương, chuẩn bị hồ sơ, bố trí thành phần làm việc với Đoàn kiểm tra."),
            G("Khắc phục tồn tại, hạn chế sau kiểm tra và báo cáo kết quả khắc phục.")),
          K("Kinh phí", P(t(ban.ov.kinh_phi, "kinh phí thực hiện (nguồn, số tiền)", "kinh_phi")))),
    ]
    schedule = []
    groups = [("xa", "UBND CÁC XÃ, PHƯỜNG"), ("cq", f"CÁC CƠ QUAN CHUYÊN MÔN THUỘC {ban.ubnd_ngan.upper()}")]
    n_group = 0
    for kind, name in groups:
        sel = [r for r in rows if r[2] == kind]
        if not sel:
            continue
        n_group += 1
        schedule.append(NhomVB(so=("I", "II")[n_group - 1], ten=name, nhiem_vu=tuple(
            DongNhiemVu(tt=str(i), nhiem_vu=r[3], san_pham=(r[4],), chu_tri=r[5], phoi_hop=r[6],
                        thoi_gian=("Theo mục II của Kế hoạch",), ghi_chu=r[7])
            for i, r in enumerate(sel, 1))))
    phu_luc = PhuLucVB(tieu_de=f"LỊCH KIỂM TRA CÔNG TÁC CẢI CÁCH HÀNH CHÍNH NĂM {ban.nam}", kem_theo="",
                       nhom=tuple(schedule), cot=LICH_COT)
    cap = ban.ubnd_ngan.split(" ", 1)[-1]
    noi_nhan = ["Sở Nội vụ (b/c)", f"{ban.thi_uy()}, TT HĐND {cap} (b/c)", f"CT, các PCT {ban.ubnd_ngan}",
                "Thành viên Đoàn kiểm tra", "Các cơ quan, đơn vị được kiểm tra", "UBND các xã, phường"]
    return ban.van_ban(body, noi_nhan, [("lich-kiem-tra", phu_luc)]), rows, han, xas
