"""Schema validation with Vietnamese messages, and the cross-reference checks."""

from __future__ import annotations

import difflib
import typing
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from ..errors import Problem
from .yaml_loader import Document

M = TypeVar("M", bound=BaseModel)

_TYPE_NAMES = {
    "string_type": "văn bản", "int_type": "số nguyên", "int_parsing": "số nguyên",
    "bool_type": "đúng/sai (true/false)", "bool_parsing": "đúng/sai (true/false)",
    "list_type": "danh sách (các dòng bắt đầu bằng \"- \")", "tuple_type": "danh sách (các dòng bắt đầu bằng \"- \")",
    "dict_type": "bảng khóa–giá trị", "model_type": "bảng khóa–giá trị", "model_attributes_type": "bảng khóa–giá trị",
}


def _key_name(loc: tuple) -> str:
    names = [str(p) for p in loc if isinstance(p, str)]
    return names[-1] if names else "(gốc)"


def _suggest(word: str, choices) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f'; có phải "{close[0]}"?' if close else ""


def plain_loc(loc) -> tuple:
    """An error path without pydantic's validator tags ("<noi-dung>", "<dieu>": which kind of
    appendix or article a union chose), which are not keys of the file."""
    return tuple(p for p in loc if not (isinstance(p, str) and p.startswith("<")))


def _models_in(ann) -> list[type[BaseModel]]:
    """The models an annotation holds, at any depth (tuple[...], unions, Annotated)."""
    if isinstance(ann, type) and issubclass(ann, BaseModel):
        return [ann]
    return [m for arg in typing.get_args(ann) for m in _models_in(arg)]


def _fields_at(model: type[BaseModel], loc: tuple) -> list[str]:
    """The keys a model accepts at `loc` (for "did you mean" suggestions)."""
    current = model
    keys = [p for p in loc[:-1] if isinstance(p, str)]
    for i, part in enumerate(keys):
        field = current.model_fields.get(part)
        if field is None:
            return []
        inner = _models_in(field.annotation)
        if inner:   # a union of models: the one that has the next key of the path
            after = keys[i + 1] if i + 1 < len(keys) else None
            current = next((m for m in inner if after in m.model_fields), inner[0])
    return list(current.model_fields)


def _problem(doc: Document, model: type[BaseModel], err: dict) -> Problem:
    loc, kind = plain_loc(err["loc"]), err["type"]
    key = _key_name(loc)
    line = doc.line(loc)
    if kind == "missing":
        return Problem(doc.display, line, "content.missing", f'thiếu khóa bắt buộc "{key}"')
    if kind == "extra_forbidden":
        hint = _suggest(key, _fields_at(model, loc))
        return Problem(doc.display, line, "content.unknown-key", f'khóa "{key}" không hợp lệ ở đây{hint}')
    if kind == "too_short":
        return Problem(doc.display, line, "content.empty-list", f'danh sách "{key}" không được để trống')
    if kind in _TYPE_NAMES:
        return Problem(doc.display, line, "content.type", f'"{key}" phải là {_TYPE_NAMES[kind]}')
    if kind == "literal_error":
        allowed = _or(err.get("ctx", {}).get("expected", ""))
        return Problem(doc.display, line, "content.invalid-value", f'"{key}" chỉ nhận một trong các giá trị: {allowed}')
    if kind.startswith("content."):
        return Problem(doc.display, line, kind, f'"{key}" {err["msg"]}' if loc else err["msg"])
    # pydantic's own message is English: say what was found instead
    found = err.get("input")
    shown = f" (đang là: {found!r})" if isinstance(found, (str, int, float, bool)) else ""
    return Problem(doc.display, line, "content.invalid", f'"{key}" không hợp lệ{shown}')


def _or(expected: str) -> str:
    """pydantic's "'a', 'b' or 'c'" written the Vietnamese way: "'a', 'b' hoặc 'c'"."""
    head, sep, last = expected.rpartition(" or ")
    return f"{head} hoặc {last}" if sep else expected


def validate(doc: Document, model: type[M]) -> tuple[M | None, list[Problem]]:
    """Validate a loaded YAML document against a content model, collecting every problem."""
    try:
        return model.model_validate(doc.data), []
    except ValidationError as exc:
        seen, problems = set(), []
        for err in exc.errors():
            if _cascade(err):
                continue
            p = _problem(doc, model, err)
            if (p.line, p.code, p.message) not in seen:
                seen.add((p.line, p.code, p.message))
                problems.append(p)
        return None, problems


def _cascade(err: dict) -> bool:
    """pydantic also reports a list as too short when its items failed: not a problem of its own."""
    ctx, found = err.get("ctx") or {}, err.get("input")
    return (err["type"] == "too_short" and isinstance(found, (list, tuple))
            and len(found) >= ctx.get("min_length", 1))


def suggest_agency(ref: str, names) -> str:
    return _suggest(ref, names)
