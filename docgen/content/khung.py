"""Loading the skeleton files: docgen/khung/<name>.yaml, or content/<project>/khung/<name>.yaml.

A project file of the same name replaces the shipped one as a whole. Every skeleton is read
with the content loader (line marks), validated with its model (extra="forbid"), and every
`{…}` in its texts is checked against the slots its model declares: an unknown slot, a
malformed brace or an unknown `chen` point is a problem at its file and line.
"""

from __future__ import annotations

import difflib
from pathlib import Path
from string import Formatter

from ..errors import Problem
from ..model.khung import KHUNG, Khung
from .yaml_loader import Document, MarkedDict, MarkedList

SHIPPED = Path(__file__).resolve().parents[1] / "khung"
FOLDER = "khung"


def bien_the(name: str, nhom: str = "huyen", mo_hinh: str = "ba_cap") -> tuple[str, ...]:
    """The shipped files that may word skeleton `name` for an issuing body of tier `nhom`
    (model.cap.NHOM: tinh, huyen, xa) in period `mo_hinh` (ba_cap, hai_cap), most specific
    first: `<name>.<nhom>-<mo_hinh>.yaml`, `<name>.<nhom>.yaml`, `<name>.yaml`."""
    ky = mo_hinh.replace("_", "-")
    return (f"{name}.{nhom}-{ky}.yaml", f"{name}.{nhom}.yaml", f"{name}.yaml")


def khung_path(root: Path, name: str, nhom: str = "huyen", mo_hinh: str = "ba_cap") -> Path:
    """The skeleton a project uses: its own `khung/<name>.yaml` when present, else the shipped
    variant for its level and period (`bien_the`), else the shipped `<name>.yaml`."""
    own = Path(root) / FOLDER / f"{name}.yaml"
    if own.is_file():
        return own
    return next(p for p in (SHIPPED / f for f in bien_the(name, nhom, mo_hinh)) if p.is_file())


def khung_files(root: Path, name: str) -> list[Path]:
    """Every file that can word skeleton `name` for this project (its own, every shipped variant):
    what a change digest must cover when the level and period are not known yet."""
    own = Path(root) / FOLDER / f"{name}.yaml"
    return [own] if own.is_file() else sorted(SHIPPED.glob(f"{name}.*yaml"))


def load_khung(root: Path, timings: dict | None = None, nhom: str = "huyen", mo_hinh: str = "ba_cap"):
    """Every skeleton of the project, chosen for its level and period: ({name: model}, {name: path}, problems)."""
    from .files import display_path, load_model

    values, paths, problems = {}, {}, []
    folder = Path(root) / FOLDER
    if folder.is_dir():
        for path in sorted(folder.glob("*.yaml")):
            if path.stem not in KHUNG:
                problems.append(Problem(display_path(path), None, "khung.unknown-file",
                                        f'tệp khung "{path.name}" không có trong docgen; các tệp khung: '
                                        + ", ".join(f"{n}.yaml" for n in KHUNG)))
    for name, model in KHUNG.items():
        path = khung_path(root, name, nhom, mo_hinh)
        value, doc, found = load_model(path, model, timings)
        if value is not None:
            found = check_slots(doc, model)
        problems += found
        if not found:
            values[name], paths[name] = value, path
    return values, paths, problems


def slot_names(text: str) -> list[str]:
    """The slots of a text, in order; ValueError on a lone "{" or "}" (write "{{" / "}}")."""
    names = []
    for _, field, spec, conv in Formatter().parse(text):
        if field is not None:
            names.append(field + (f"!{conv}" if conv else "") + (f":{spec}" if spec else ""))
    return names


def check_slots(doc: Document, model: type[Khung]) -> list[Problem]:
    problems: list[Problem] = []
    for key, value in doc.data.items():
        allowed = model.SLOTS.get(key, frozenset())
        if isinstance(value, MarkedDict) and any(k.startswith(f"{key}.") for k in model.SLOTS):
            for sub, v in value.items():         # per-sentence slots: SLOTS["cau.doi_tuong_xa"]
                _walk(doc, (key, sub), v, model.SLOTS.get(f"{key}.{sub}", allowed), model, problems)
        else:
            _walk(doc, (key,), value, allowed, model, problems)
    return problems


def _walk(doc: Document, loc: tuple, value, allowed, model, problems: list[Problem]) -> None:
    if isinstance(value, MarkedDict):
        for k, v in value.items():
            if k == "chen" and isinstance(v, str):
                _check_chen(doc, loc + (k,), v, model, problems)
            else:
                _walk(doc, loc + (k,), v, allowed, model, problems)
    elif isinstance(value, MarkedList):
        for i, v in enumerate(value):
            _walk(doc, loc + (i,), v, allowed, model, problems)
    elif isinstance(value, str):
        _check_text(doc, loc, value, allowed, problems)


def _check_text(doc: Document, loc: tuple, text: str, allowed, problems: list[Problem]) -> None:
    try:
        names = slot_names(text)
    except ValueError:
        problems.append(Problem(doc.display, doc.line(loc), "khung.brace",
                                'dấu ngoặc nhọn không khớp; chỗ trống viết "{ten}", dấu ngoặc thật viết "{{" và "}}"'))
        return
    for name in names:
        if name in allowed:
            continue
        close = difflib.get_close_matches(name, sorted(allowed), n=1, cutoff=0.5)
        hint = (f'; có phải "{{{close[0]}}}"?' if close else
                "; ở đây dùng được: " + ", ".join(f"{{{n}}}" for n in sorted(allowed)) if allowed else
                "; ở đây không dùng chỗ trống")
        problems.append(Problem(doc.display, doc.line(loc), "khung.unknown-slot",
                                f'chỗ trống "{{{name}}}" không có{hint}'))


def _check_chen(doc: Document, loc: tuple, name: str, model, problems: list[Problem]) -> None:
    if name not in model.CHEN:
        choices = ", ".join(f'"{c}"' for c in sorted(model.CHEN)) or "(không có)"
        problems.append(Problem(doc.display, doc.line(loc), "khung.unknown-insert",
                                f'chỗ chèn "{name}" không có; các chỗ chèn: {choices}'))
