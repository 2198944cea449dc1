"""Text and JSON reports of findings (Vietnamese)."""
from __future__ import annotations

import json

from docgen.check.finding import Finding
from docgen.errors import LOI, summary_line


def format_finding(f: Finding) -> str:
    """`build/ke-hoach.docx: lỗi: đoạn 12 «Căn cứ …»: lề trái …, … [nd30.margin] (Phụ lục I, …)`:
    the line of the Problem it becomes (docgen.errors), like every other message."""
    return str(f.to_problem())


def summary_note(n_files: int, unreadable: int = 0, time: str = "") -> str:
    """What `docgen check` adds to the one summary line (errors.summary_line):
    "Có 0 lỗi, 0 cảnh báo (đã kiểm tra 59 tệp, 12,3 s)."."""
    return (f" (đã kiểm tra {n_files} tệp" + (f"; {unreadable} tệp hoặc thư mục không đọc được" if unreadable else "")
            + (f", {time}" if time else "") + ")")


def summary(findings: list[Finding], n_files: int, problems=()) -> str:
    return summary_line([f.to_problem() for f in findings] + list(problems), summary_note(n_files, len(problems)))


def text_report(findings: list[Finding], n_files: int) -> str:
    return "\n".join([format_finding(f) for f in findings] + [summary(findings, n_files)])


def json_report(findings: list[Finding], n_files: int, problems=()) -> str:
    errors = sum(1 for f in findings if f.severity == LOI)
    data = {
        "tep": n_files,
        "loi": errors,
        "canh_bao": len(findings) - errors,
        "ket_qua": [f.as_dict() for f in findings],
        "khong_doc_duoc": [{"path": p.path, "code": p.code, "message": p.message} for p in problems],
        "tom_tat": summary(findings, n_files, problems),
    }
    return json.dumps(data, ensure_ascii=False, indent=2)
