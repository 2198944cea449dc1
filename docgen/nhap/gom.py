"""Put the parts of the imported files together into one project's files."""
from __future__ import annotations

from docgen.check.locate import KH, PHU_LUC, QD
from docgen.errors import DocgenError
from docgen.nhap import vai_tro, van_ban
from docgen.nhap.bang import nhap_phu_luc
from docgen.nhap.co_quan import CoQuanMatcher
from docgen.nhap.kieu import NhapResult, Source, error, warn

TEN_LOAI_KHAC = "import.unsupported-part"


def gom(sources: list[Source], don_vi: dict | None) -> NhapResult:
    result = NhapResult()
    decisions, plans, appendices = [], [], []
    for src in sources:
        if not any(p.ten_loai is not None or p.kind == PHU_LUC for p in src.parts):
            raise DocgenError(error(src.name, "import.not-nd30",
                                    "không phải văn bản theo Nghị định 30/2020/NĐ-CP: không tìm "
                                    "thấy tên loại văn bản (QUYẾT ĐỊNH, KẾ HOẠCH, …) dưới phần "
                                    "đầu văn bản; không nhập gì"))
        for part in src.parts:
            if part.kind == QD:
                decisions.append((src, part))
            elif part.kind == KH:
                plans.append((src, part))
            elif part.kind == PHU_LUC:
                appendices.append((src, part))
            else:
                what = f'văn bản "{part.ten_loai.norm}"' if part.ten_loai is not None else "phần này"
                result.problems.append(warn(src.name, part.ten_loai or part.first_para, TEN_LOAI_KHAC,
                                            f"{what} không nhập được (chỉ nhập Quyết định, Kế hoạch "
                                            "và Phụ lục); bỏ qua"))
    if len(decisions) > 1:
        raise DocgenError([error(s.name, "import.two-decisions",
                                 f"đây là Quyết định thứ hai (đã có Quyết định trong {decisions[0][0].name}); "
                                 "mỗi lần chỉ nhập một Quyết định cùng Kế hoạch, Phụ lục của nó; "
                                 "không nhập gì") for s, _ in decisions[1:]])
    if len(plans) > 1:
        raise DocgenError([error(s.name, "import.two-plans",
                                 f"đây là Kế hoạch thứ hai (đã có Kế hoạch trong {plans[0][0].name}); "
                                 "mỗi lần chỉ nhập một Kế hoạch; không nhập gì") for s, _ in plans[1:]])
    if not decisions and not plans:
        src = sources[0]
        raise DocgenError(error(src.name, "import.no-decision-or-plan",
                                "không có Quyết định hay Kế hoạch nào để nhập (chỉ nhập Quyết "
                                "định, Kế hoạch và Phụ lục của chúng); không nhập gì"))
    first_src, first = (decisions or plans)[0]
    result.files["don-vi.yaml"] = van_ban.don_vi(first_src, first, don_vi, result.problems)
    if decisions:
        src, part = decisions[0]
        result.files["quyet-dinh.yaml"] = van_ban.quyet_dinh(src, part, result.problems)
    if plans:
        src, part = plans[0]
        # a plan issued with a decision has no Số, date or signer of its own (nd30 §5.12),
        # also when its decision is not among the files (a built ke-hoach.docx alone)
        issued_with = bool(decisions) or part.attached
        result.files["ke-hoach.yaml"] = van_ban.ke_hoach(src, part, issued_with, result.problems)
    if appendices:
        _phu_luc(result, appendices, don_vi)
    dv = result.files["don-vi.yaml"]
    if not dv.get("co_quan"):        # the registry needs one agency: the issuing body itself
        cq = dv["co_quan_ban_hanh"]
        dv["co_quan"] = {cq["ky_hieu"]: {"ten": cq["ten"], "ten_ngan": cq["ten_ngan"]}}
    if _has_tasks(result.files.get("phu-luc.yaml")):   # derived and commune plans name role holders
        result.them_co_quan += vai_tro.assign(dv, first_src.name, result.problems)
    return result


def _has_tasks(phu_luc) -> bool:
    """Some appendix is a task table (the one kind derived and commune plans are made from)."""
    entries = (phu_luc or {}).get("phu_luc", [phu_luc] if phu_luc else [])
    return any("nhom" in e for e in entries)


def _phu_luc(result: NhapResult, appendices, don_vi: dict | None) -> None:
    """Every appendix part, file by file, through docgen.nhap.bang; agencies named there are
    matched to the registry or added to it (each addition listed)."""
    matcher = CoQuanMatcher((don_vi or {}).get("co_quan"))
    entries: list[dict] = []
    by_src: dict[str, list] = {}
    for src, part in appendices:
        by_src.setdefault(src.name, [src, []])[1].append(part)
    for src, parts in by_src.values():
        got, problems = nhap_phu_luc(parts, src.model, matcher, source=src.name, labels=src.labels)
        entries += got
        result.problems += problems
    if entries:
        result.files["phu-luc.yaml"] = entries[0] if len(entries) == 1 else {"phu_luc": entries}
    co_quan = result.files["don-vi.yaml"].setdefault("co_quan", {})
    for key, value in matcher.added().items():
        co_quan.setdefault(key, value)
    result.them_co_quan += matcher.listed()
