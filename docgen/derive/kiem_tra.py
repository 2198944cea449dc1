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
from ..model.phu_luc import nhiem_vu_goc, nhom_goc
from ..vn import roman
from ..vn.numbers import phan_tram_cua
from .chon import lower_first
from .khung import Ban, G, K, P, han_thuc_hien, sentence_case
from .slots import fill

TARGET = re.compile(r"kiểm tra công tác (?:CCHC|cải cách hành chính) đối với (\d+(?:[.,]\d+)?)\s*%\s*UBND cấp xã",
                    re.IGNORECASE)
THU = ("thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật")


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
    return han_thuc_hien(tg.thuc_hien or tg.han or tg.ban_hanh or "", ban.nam)


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


def _unit_of(ban: Ban, units, i: int, row: LichKiemTra):
    """The inspected unit a schedule row names, or None (the problem reported)."""
    xa = find_xa(ban.project, row.don_vi)
    if xa is None and row.don_vi not in ban.project.agency_keys:
        ban.error(("lich", i, "don_vi"), "content.unknown-commune",
                  f'đơn vị "{row.don_vi}" không có trong danh mục xã, phường và cơ quan (don-vi.yaml)'
                  f'{_hint(ban.project, row.don_vi)}')
        return None
    want = ("xa", xa) if xa is not None else ("cq", ban.project.key(row.don_vi))
    unit = next((u for u in units if u == want), None)
    if unit is None:
        ban.error(("lich", i, "don_vi"), "derive.not-inspected",
                  f'"{row.don_vi}" không thuộc danh sách được kiểm tra (doi_tuong)')
    return unit


def _given(ban: Ban, units, han: _dt.date | None) -> dict[int, LichKiemTra]:
    """The schedule rows a person entered, by unit; a day, or only a month when the skeleton words it."""
    given: dict[int, LichKiemTra] = {}
    for i, row in enumerate(ban.ov.lich):
        unit = _unit_of(ban, units, i, row)
        if unit is None:
            continue
        if id(unit) in given:
            ban.error(("lich", i, "don_vi"), "content.duplicate", f'"{row.don_vi}" có hai dòng lịch')
            continue
        by_month = row.ngay.thang is not None and row.ngay.ngay is None and "lich_thang" in ban.khung.cau
        if not (row.ngay.is_complete or by_month):
            ban.error(("lich", i, "ngay"), "content.invalid-date", "ngày kiểm tra phải ghi đủ ngày/tháng/năm"
                      + ("" if "lich_thang" in ban.khung.cau else
                         ' (khung kiểm tra không có câu "lich_thang" cho lịch theo tháng)'))
            continue
        if han and row.ngay.latest() > han:
            shown = ddmmyyyy(row.ngay.as_date()) if row.ngay.is_complete else f"tháng {row.ngay.thang}/{row.ngay.nam}"
            ban.error(("lich", i, "ngay"), "derive.after-deadline",
                      f"ngày kiểm tra {shown} sau thời hạn {ddmmyyyy(han)} của nhiệm vụ {ban.spec.ma}")
            continue
        given[id(unit)] = row
    return given


def lich(ban: Ban, xas: list[XaPhuong], agencies: list[str], han: _dt.date | None):
    """Schedule rows (date, unit label, place, attendees, note) and whether any date is proposed."""
    units = [("xa", x) for x in xas] + [("cq", k) for k in agencies]
    label = {id(u): (ban.cau("don_vi_xa", ten_xa=u[1].ten_day_du) if u[0] == "xa" else ban.ten(u[1]))
             for u in units}
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
    given = _given(ban, units, han)
    rows = []
    for n, u in enumerate(units):
        row = given.get(id(u))
        month = row is not None and not row.ngay.is_complete          # a schedule by month (ld08)
        day = (_dt.date(row.ngay.nam, row.ngay.thang, 1) if month else row.ngay.as_date()) if row else proposed[id(u)]
        default_place = (ban.cau("dia_diem_xa", ten_xa=u[1].ten_day_du) if u[0] == "xa"
                         else ban.cau("dia_diem_co_quan", ten_co_quan=ban.ten(u[1])))
        gio = row.gio if row else LichKiemTra.model_fields["gio"].default
        rows.append((day, n, u[0], label[id(u)],
                     (ban.cau("lich_thang", thang=f"{day.month}/{day.year}") if month else
                      ban.cau("lich_thoi_gian", gio=gio, thu=THU[day.weekday()], ngay=ddmmyyyy(day))),
                     (row.dia_diem if row and row.dia_diem else default_place),
                     (row.thanh_phan if row and row.thanh_phan else ban.cau("thanh_phan")),
                     (row.ghi_chu if row else ban.cau("ghi_chu"))))
    rows.sort()
    return rows, len(given) < len(units), any(not r.ngay.is_complete for r in given.values())


def _doi_tuong(ban: Ban, xas, pct: float, need: int, agencies) -> list:
    total = len(ban.project.don_vi.xa_phuong)
    out = [P(ban.cau("doi_tuong_xa", so_xa=str(len(xas)), ty_le=f"{pct:g}", tong=str(total), chi_tieu=str(need)))]
    out += [G(ban.cau("don_vi_xa", ten_xa=x.ten_day_du)) for x in xas]
    if agencies:
        out.append(P(ban.cau("doi_tuong_co_quan")))
        out += [G(ban.ten(k)) for k in agencies]
    return out


def _thoi_gian(ban: Ban, rows, han, by_month: bool = False) -> str:
    days = [r[0] for r in rows]
    if days and by_month:
        month = lambda d: f"{d.month}/{d.year}"  # noqa: E731
        text = ban.cau("thoi_gian_thang", tu=month(min(days)), den=month(max(days)))
    else:
        text = (ban.cau("thoi_gian", tu=ddmmyyyy(min(days)), den=ddmmyyyy(max(days))) if days
                else ban.cau("thoi_gian_khong_lich"))
    return text + (ban.cau("thoi_han", han=ddmmyyyy(han)) if han else "")


def _schedule(ban: Ban, rows) -> PhuLucVB:
    schedule = []
    for kind, name in (("xa", ban.cau("nhom_xa")), ("cq", ban.cau("nhom_co_quan"))):
        sel = [r for r in rows if r[2] == kind]
        if not sel:
            continue
        schedule.append(NhomVB(so=roman(len(schedule) + 1), ten=name, nhiem_vu=tuple(
            DongNhiemVu(tt=str(i), nhiem_vu=r[3], san_pham=(r[4],), chu_tri=r[5], phoi_hop=r[6],
                        thoi_gian=(ban.cau("lich_noi_dung"),), ghi_chu=r[7])
            for i, r in enumerate(sel, 1))))
    pl = ban.khung.phu_luc
    return PhuLucVB(tieu_de=fill(pl.tieu_de, ban.values), kem_theo="", nhom=tuple(schedule),
                    cot=tuple(fill(c, ban.values) for c in pl.cot))


def _noi_dung(ban: Ban) -> list:
    """What is inspected, derived: one khoản per area of the parent appendix, one line per task."""
    project, out = ban.project, []
    tasks = list(nhiem_vu_goc(project.phu_luc_ds))
    for _, group in nhom_goc(project.phu_luc_ds):
        items = [G(ban.cau("noi_dung_muc", ma_nv=ma, nhiem_vu=lower_first(task.nhiem_vu.rstrip(". "))))
                 for ma, g, task in tasks if g is group]
        out.append(K(sentence_case(group.ten), *items))
    return out


def derive(ban: Ban):
    spec = ban.spec
    han = deadline(ban)
    if han is None:
        ban.error(("nhiem_vu",), "derive.deadline",
                  f'không hiểu thời hạn "{spec.task.thoi_gian.text()}" của nhiệm vụ {spec.ma} trong phu-luc.yaml')
    xas, pct, need = chon_xa(ban)
    agencies = chon_co_quan(ban)
    rows, any_proposed, by_month = lich(ban, xas, agencies, han)
    if any_proposed:
        ban.cho.note(fill(ban.khung.cho_nhap["lich"], ban.values), "lich")
    doan, c = ban.ov.doan_kiem_tra, ban.cho_nhap
    noi_dung_kt = list(ban.ov.noi_dung_kiem_tra) or _noi_dung(ban)
    values = ban.values.plus(
        thoi_gian=_thoi_gian(ban, rows, han, by_month),
        truong_doan=c(doan.truong_doan if doan else "", "truong_doan", "doan_kiem_tra.truong_doan"),
        pho_truong_doan=c(doan.pho_truong_doan if doan else "", "pho_truong_doan", "doan_kiem_tra.pho_truong_doan"),
        thanh_vien=c("; ".join(doan.thanh_vien) if doan else "", "thanh_vien", "doan_kiem_tra.thanh_vien"),
        thu_ky=c(doan.thu_ky if doan else "", "thu_ky", "doan_kiem_tra.thu_ky"),
        thoi_han_bao_cao=c(ban.ov.thoi_han_bao_cao, "thoi_han_bao_cao"),
        kinh_phi=c(ban.ov.kinh_phi, "kinh_phi"))
    body = ban.than(values, {"noi_dung_kiem_tra": noi_dung_kt,
                             "doi_tuong": _doi_tuong(ban, xas, pct, need, agencies)})
    return ban.van_ban(body, ban.noi_nhan(values), [("lich-kiem-tra", _schedule(ban, rows))]), rows, han, xas
