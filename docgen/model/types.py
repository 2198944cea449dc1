"""Field types shared by the content models: NFC text, dates, agency references.

Validation errors are raised as PydanticCustomError whose type is the docgen problem code
(e.g. "content.invalid-date") and whose message is Vietnamese, so that the content loader
can report them unchanged.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Annotated, Any

from pydantic import BeforeValidator, PlainSerializer
from pydantic_core import PydanticCustomError

from ..vn.dates import Ngay, from_date, parse_ngay
from ..vn.text import nfc

# C0/C1 control characters other than the line break cannot be written to a DOCX.
_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\ufffe\uffff]")


def _text(value: Any) -> str:
    if isinstance(value, bool) or value is None:
        raise PydanticCustomError("content.type", "phải là văn bản (đặt trong dấu nháy nếu cần)")
    if isinstance(value, int):
        value = str(value)
    if not isinstance(value, str):
        raise PydanticCustomError("content.type", "phải là văn bản (đặt trong dấu nháy nếu cần)")
    bad = _CONTROL.search(value)
    if bad:
        raise PydanticCustomError(
            "content.control-char",
            "có ký tự điều khiển U+{code} không in được; hãy xóa nó",
            {"code": f"{ord(bad.group()):04X}"},
        )
    return nfc(value)


def _nonblank(value: Any) -> str:
    text = _text(value)
    if not text.strip():
        raise PydanticCustomError("content.empty", "không được để trống")
    return text


def _ngay(value: Any) -> Ngay:
    if isinstance(value, Ngay):
        return value
    if isinstance(value, _dt.datetime):
        value = value.date()
    if isinstance(value, _dt.date):
        return from_date(value)
    if not isinstance(value, str):
        raise PydanticCustomError("content.type", "phải là ngày dạng ngày/tháng/năm, ví dụ 07/12/2020")
    try:
        return parse_ngay(value)
    except ValueError as exc:
        raise PydanticCustomError("content.invalid-date", str(exc)) from None


def _so(value: Any) -> str:
    text = _text("" if value is None else value).strip()
    if text and not text.isdigit():
        raise PydanticCustomError(
            "content.invalid-number", 'số văn bản "{so}" phải là số (hoặc để trống khi chưa cấp số)', {"so": text}
        )
    return text


Text = Annotated[str, BeforeValidator(_text)]
"""Any text: NFC-normalised; integers are accepted as text; control characters refused."""

NonBlank = Annotated[str, BeforeValidator(_nonblank)]
"""Text that must not be empty."""

NgayField = Annotated[Ngay, BeforeValidator(_ngay), PlainSerializer(lambda n: n.dd_mm_yyyy())]
"""A date "dd/mm/yyyy"; ".." stands for a blank day or month in a draft."""

SoVanBan = Annotated[str, BeforeValidator(_so)]
"""A document number: digits, or "" while the văn thư has not registered it."""
