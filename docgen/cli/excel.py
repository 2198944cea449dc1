"""`docgen excel [--content DIR] [--out FILE]`: the appendix as an Excel workbook (issue #13).

Writes `phu-luc.xlsx` (docgen/content/xlsx_write.py) from the project's phu-luc.yaml, after
checking that the workbook reads back to the same documents. Written into the project (the
default), it replaces the YAML file: phu-luc.yaml is renamed phu-luc.yaml.bak, since docgen
reads one appendix file and refuses both side by side.
"""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import click

from ..doctypes import CONTENT
from ..errors import DocgenError, Problem, UsageError
from .common import CONTENT_HELP, resolve_content

APPENDIX = next(c for c in CONTENT if c.thay_the.endswith(".xlsx"))   # the file a workbook stands in for
BACKUP = f"{APPENDIX.tep}.bak"


def _refuse(path: Path, code: str, message: str) -> UsageError:
    from ..oserrors import display

    return UsageError(Problem(display(path), None, code, message))


def _check_round_trip(project, data: bytes, shown: str) -> None:
    """The workbook must give the same documents as the YAML it was made from."""
    from ..content.xlsx_read import load_xlsx
    from ..model.phu_luc import PhuLucTep
    from ..pipeline.documents import core_documents

    value, book, problems = load_xlsx(Path(shown), shown, PhuLucTep, data=data)
    problems = problems + (book.check_agencies(project.agency_keys) if book is not None else [])
    if problems or value is None:
        raise DocgenError(problems)
    again = dataclasses.replace(project, phu_luc=value.phu_luc[0], phu_luc_ds=value.phu_luc)
    if [d.noi_dung for d in core_documents(again)] != [d.noi_dung for d in core_documents(project)]:
        raise DocgenError(Problem(shown, None, "excel.round-trip",
                                  "tệp Excel đọc lại không ra đúng Phụ lục (lỗi của docgen; xin báo người phát triển)"))


def _write(path: Path, data: bytes) -> None:
    from ..oserrors import fs_error

    tmp = path.with_name(f".{path.name}.docgen-tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(data)
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise fs_error(exc, path) from None


@click.command("excel", help="Ghi Phụ lục thành tệp Excel để sửa bằng Excel. Ghi vào thư mục nội dung (mặc "
               "định) thì từ đó docgen đọc Phụ lục từ tệp Excel; tệp YAML được đổi tên, thêm đuôi .bak.")
@click.option("--content", "content_dir", type=click.Path(path_type=Path), default=None,
              metavar="THƯ_MỤC", help=CONTENT_HELP)
@click.option("--out", "out_file", type=click.Path(path_type=Path, dir_okay=False), default=None, metavar="TỆP",
              help="Tệp Excel sẽ ghi (mặc định: phu-luc.xlsx trong thư mục nội dung).")
def excel_command(content_dir: Path | None, out_file: Path | None) -> int:
    from ..content import load_project
    from ..content.xlsx_write import workbook_bytes
    from ..oserrors import display

    content = resolve_content(content_dir, False)
    yaml_file, into_project = content / APPENDIX.tep, out_file is None
    out = content / APPENDIX.thay_the if into_project else out_file
    if not yaml_file.is_file():
        raise _refuse(yaml_file, "excel.no-yaml", "không có tệp Phụ lục YAML để chuyển sang Excel"
                      + (f" (dự án đã dùng {APPENDIX.thay_the})" if (content / APPENDIX.thay_the).exists() else ""))
    if out.exists():
        raise _refuse(out, "excel.exists", "tệp đã có; docgen không ghi đè (xóa hoặc đổi tên nó, hoặc chọn --out khác)")
    if into_project and (content / BACKUP).exists():
        raise _refuse(content / BACKUP, "excel.exists",
                      "tệp đã có; docgen cần tên này để giữ lại phu-luc.yaml (xóa hoặc đổi tên nó)")
    project = load_project(content)
    if len(project.phu_luc_ds) != len(project.phu_luc_nhiem_vu):   # free content (schema-13 §C)
        raise _refuse(yaml_file, "excel.free-appendix", "có phụ lục không phải bảng nhiệm vụ (khóa \"noi_dung\"); "
                      "docgen excel chỉ chuyển được Phụ lục là bảng nhiệm vụ (nhom, nhiem_vu), hãy sửa tệp YAML")
    data = workbook_bytes(project.phu_luc_ds, project.don_vi, project.agency_keys)
    _check_round_trip(project, data, display(out))
    _write(out, data)
    appendices = project.phu_luc_ds
    tasks = sum(1 for pl in appendices for _ in pl.tasks())
    what = f"{len(appendices)} phụ lục, " if len(appendices) > 1 else ""
    click.echo(f"Đã ghi {display(out)}: {what}{sum(len(pl.nhom) for pl in appendices)} nhóm, {tasks} nhiệm vụ, "
               f"{len(project.don_vi.co_quan)} cơ quan (trang \"Cơ quan\").")
    if into_project:
        try:
            yaml_file.rename(content / BACKUP)
        except OSError as exc:
            out.unlink(missing_ok=True)
            from ..oserrors import fs_error

            raise fs_error(exc, yaml_file) from None
        click.echo(f"Từ nay docgen đọc Phụ lục từ {display(out)}; phu-luc.yaml đã đổi tên thành {BACKUP} "
                   "(muốn quay lại YAML: xóa phu-luc.xlsx và đổi tên tệp đó lại).")
    else:
        click.echo("Để dựng từ tệp này: đặt nó vào thư mục nội dung với tên phu-luc.xlsx, thay cho phu-luc.yaml.")
    return 0
