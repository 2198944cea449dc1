"""Write an import's files into a content folder: YAML in the forms people write by hand, a
comment line on top ("# Nhập từ X.docx bằng docgen nhap"), nothing written when the folder
holds another project. Every file is written to a temporary name first, then renamed."""
from __future__ import annotations

import os
from pathlib import Path

import yaml

from docgen.errors import DocgenError, Problem

FILES = ("don-vi.yaml", "quyet-dinh.yaml", "ke-hoach.yaml", "phu-luc.yaml")
MARK = "bằng docgen nhap"


class _Dumper(yaml.SafeDumper):
    """Block style, keys in the given order, a string with a line break double-quoted so that
    its "\\n" reads as in the hand-written projects; list items indented under their key."""

    def increase_indent(self, flow=False, indentless=False):
        return super().increase_indent(flow, False)


def _str(dumper: yaml.SafeDumper, value: str):
    style = '"' if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def dump(data, sources: list[str]) -> str:
    head = f"# Nhập từ {', '.join(sources)} {MARK}\n"
    return head + yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                            width=100000, default_flow_style=False, indent=2)


def is_import_target(folder: Path, sources: list[str]) -> bool:
    """A folder that can be written: absent, empty of project files, or made by importing the
    same files (its files' first line names them)."""
    if not folder.exists():
        return True
    present = [folder / f for f in (*FILES, "phu-luc.xlsx") if (folder / f).exists()]
    head = f"# Nhập từ {', '.join(sources)} {MARK}"
    for f in present:
        try:
            first = f.read_text("utf-8").split("\n", 1)[0] if f.suffix == ".yaml" else ""
        except (OSError, UnicodeDecodeError):
            return False
        if first != head:
            return False
    return True


def write(folder: Path, files: dict[str, object], sources: list[str]) -> list[Path]:
    """Write the project; refuse a folder holding another project (nothing written)."""
    if folder.exists() and not folder.is_dir():
        raise DocgenError(Problem(str(folder), None, "import.target-exists",
                                  "đã có một tệp cùng tên, không phải thư mục; chọn thư mục "
                                  "khác bằng --content"))
    if not is_import_target(folder, sources):
        raise DocgenError(Problem(folder.as_posix(), None, "import.target-exists",
                                  "thư mục đã có một dự án nội dung khác (không phải do docgen "
                                  "nhap nhập từ các tệp này); không ghi gì; chọn thư mục khác "
                                  "bằng --content"))
    texts = {name: dump(data, sources) for name, data in files.items()}
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in texts.items():
        target = folder / name
        tmp = folder / f".{name}.docgen-tmp"
        tmp.write_text(text, "utf-8")
        os.replace(tmp, target)
        written.append(target)
    for name in FILES:                      # a file of an earlier import no longer made
        if name not in texts and (folder / name).exists():
            (folder / name).unlink()
    return written
