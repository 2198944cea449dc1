"""YAML syntax errors in Vietnamese, at the line where the mistake is, with that line shown.

libyaml reports where it gave up, which is often lines after the mistake: an unclosed quote
is noticed at the end of the file, a missing colon on the next line. Its `context_mark` says
where the construct it was reading began ("while scanning a quoted scalar" at the opening
quote), so the opening line is used for constructs that were left open; otherwise the
problem line. The line itself then tells which typo it is (a "-" without a space, a ":"
without a space, a tab, text after a closing quote…).
"""

from __future__ import annotations

import re

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_OPENED = ("while scanning a quoted scalar", "while parsing a flow sequence",
           "while parsing a flow mapping", "while scanning a simple key")


def _mark_line(exc: yaml.MarkedYAMLError) -> tuple[int, int]:
    """(0-based line, column) where the mistake is."""
    ctx, problem = exc.context_mark, exc.problem_mark
    if ctx is not None and (exc.context or "") in _OPENED:
        if (exc.context == "while scanning a simple key" and problem is not None
                and problem.line == ctx.line):
            return problem.line, problem.column
        return ctx.line, ctx.column
    mark = problem or ctx
    return (mark.line, mark.column) if mark else (0, 0)


def _quote_ending_at(source: str, line: int) -> int | None:
    """Start line of a quoted text that runs over several lines and ends on `line`.

    An unclosed quote on line 24 swallows the following lines up to the next quote of the
    same kind (line 30, say), where libyaml then fails: the mistake is on line 24.
    """
    try:
        for token in yaml.scan(source, Loader=_LOADER):
            if (isinstance(token, yaml.ScalarToken) and token.style in ('"', "'")
                    and token.start_mark.line < token.end_mark.line == line):
                return token.start_mark.line
            if token.start_mark.line > line:
                break
    except yaml.YAMLError:
        pass
    return None


def _open_bracket(source: str) -> tuple[int, str] | None:
    """(line, "[" or "{") of the innermost bracket still open where scanning stops."""
    stack: list[tuple[int, str]] = []
    try:
        for token in yaml.scan(source, Loader=_LOADER):
            if isinstance(token, (yaml.FlowSequenceStartToken, yaml.FlowMappingStartToken)):
                kind = "[" if isinstance(token, yaml.FlowSequenceStartToken) else "{"
                stack.append((token.start_mark.line, kind))
            elif isinstance(token, (yaml.FlowSequenceEndToken, yaml.FlowMappingEndToken)) and stack:
                stack.pop()
    except yaml.YAMLError:
        pass
    return stack[-1] if stack else None


def _char_at(lines: list[str], line: int, column: int) -> str:
    text = lines[line] if line < len(lines) else ""
    return text[column] if column < len(text) else ""


def _missing_colon(text: str) -> str:
    body = text.strip()
    if re.match(r"-[^\s-]", body):
        return 'sau dấu gạch đầu dòng "-" phải có một dấu cách'
    if re.search(r":[^\s/]", body) and not re.search(r": ", body):
        return 'sau dấu hai chấm ":" phải có một dấu cách'
    return 'thiếu dấu hai chấm ":" sau khóa'


def _unexpected(text: str) -> str:
    """libyaml expected a key or the end of a block: what is wrong with this line."""
    body = text.strip()
    if re.match(r"-[^\s-]", body):
        return 'sau dấu gạch đầu dòng "-" phải có một dấu cách'
    if body.startswith("-"):
        return ('dấu gạch đầu dòng "-" không đúng chỗ: các mục của một danh sách phải thẳng '
                'hàng nhau, ngay dưới khóa của danh sách')
    if re.search(r"""["'].*["']\s*\S""", body):
        return ('có chữ sau dấu nháy đóng; văn bản có dấu nháy kép bên trong thì đặt cả '
                "văn bản trong dấu nháy đơn ('…')")
    return "thụt lề không đúng (dòng này phải thẳng hàng với các khóa cùng cấp)"


def _colon_here(text: str) -> str:
    body = text.strip()
    if body.count(": ") >= 2 or (": " in body and body.count(":") >= 2):
        return ('có dấu hai chấm trong văn bản; văn bản có ": " phải đặt trong dấu nháy '
                '("…")')
    return "thụt lề không đúng (dòng này thụt vào sâu hơn dòng trên)"


def _message(exc: yaml.MarkedYAMLError, lines: list[str], line: int, column: int) -> str:
    problem, context = exc.problem or "", exc.context or ""
    text = lines[line] if line < len(lines) else ""
    if context == "while scanning a quoted scalar":
        quote = _char_at(lines, line, column) or '"'
        return f"dấu nháy {quote} mở ở dòng này chưa được đóng"
    if context == "while parsing a flow sequence":
        return 'dấu "[" mở ở dòng này chưa được đóng bằng "]" (hoặc thiếu dấu phẩy giữa các mục)'
    if context == "while parsing a flow mapping":
        return 'dấu "{" mở ở dòng này chưa được đóng bằng "}" (hoặc thiếu dấu phẩy)'
    if "could not find expected ':'" in problem:
        return _missing_colon(text)
    if "tab" in problem or _char_at(lines, line, column) == "\t":
        return "có ký tự tab; YAML chỉ dùng dấu cách để thụt lề"
    if "cannot start any token" in problem:
        char = _char_at(lines, line, column)
        return (f'ký tự "{char}" không được đứng đầu một giá trị; đặt văn bản trong dấu nháy '
                '("…")')
    if "undefined alias" in problem:
        return ('văn bản bắt đầu bằng "*" phải đặt trong dấu nháy ("…"); YAML hiểu nó là '
                "bí danh (alias) chưa định nghĩa")
    if problem.startswith("mapping values are not allowed"):
        return _colon_here(text)
    if "did not find expected key" in problem or problem.startswith("expected <block end>"):
        return _unexpected(text)
    if "did not find expected '-' indicator" in problem:
        return 'dấu gạch đầu dòng "-" không thẳng hàng với các mục khác của danh sách'
    if "did not find expected node content" in problem:
        return "thiếu giá trị"
    return "cú pháp YAML không hợp lệ ở dòng này"


def _shown(text: str) -> str:
    text = text.rstrip("\r\n").replace("\t", "[tab]").strip()
    return text if len(text) <= 70 else text[:69] + "…"


def describe(exc: yaml.MarkedYAMLError, source: str) -> tuple[int, str]:
    """(1-based line, Vietnamese message with the offending line shown)."""
    lines = source.splitlines()
    line, column = _mark_line(exc)
    if exc.context == "while parsing a flow node" and _open_bracket(source):
        line, kind = _open_bracket(source)
        close = "]" if kind == "[" else "}"
        return line + 1, (f'dấu "{kind}" mở ở dòng này chưa được đóng bằng "{close}": '
                          f"“{_shown(lines[line])}”")
    if (exc.context or "") not in _OPENED:
        start = _quote_ending_at(source, line)
        if start is not None:
            return start + 1, (f"dấu nháy mở ở dòng này chưa được đóng (YAML đọc liền đến "
                               f"dòng {line + 1}): “{_shown(lines[start])}”")
    if line >= len(lines) and lines:  # the end of the file: point at the last line
        line = len(lines) - 1
    message = _message(exc, lines, line, column)
    shown = _shown(lines[line]) if line < len(lines) else ""
    return line + 1, f"{message}: “{shown}”" if shown else message
