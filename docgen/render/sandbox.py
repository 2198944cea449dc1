"""The jinja environment templates run in: sandboxed, immutable, bounded, no loader.

A template is a file people edit and share, so it is treated as untrusted code:

- jinja's `ImmutableSandboxedEnvironment`: no access to `__globals__`, `__class__`, … and no
  mutation of lists or dicts (docgen's templates only read their context);
- no loader: `{% include %}`, `{% import %}`, `{% from %}` and `{% extends %}` are refused when
  the template is compiled (`TemplateNotAllowed`), so a template cannot read other files;
- budgets per render (`Budget`): every loop iteration and every call counts one step (at most
  `MAX_STEPS`); a number argument of a call or filter above `MAX_NUMBER`, a string or list
  made longer than `MAX_VALUE` characters/items by `*`, `+`, `~` or a filter, and an output
  part longer than `MAX_OUTPUT` characters are errors (`TemplateLimit`), checked before the
  big value is built or right after one bounded step;
- a value printed with `{{ }}` (or joined with `~`) that is None is an error (`TemplateNone`):
  docgen's contexts never hold None for text, so a None there is a template bug, never "None".

The limits are far above what any document needs: the 1,000-commune province and the
Hoài Nhơn plan take under 1 % of each (see tests/render/test_sandbox.py).
"""

from __future__ import annotations

import contextvars
import functools
import operator
import re
from collections.abc import Iterable, Iterator

import jinja2
from jinja2 import nodes
from jinja2.runtime import LoopContext
from jinja2.sandbox import ImmutableSandboxedEnvironment

MAX_STEPS = 1_000_000          # loop iterations + calls per rendered part
MAX_NUMBER = 1_000_000         # |number| argument of a call or filter
MAX_EXPONENT = 1024            # right side of **
MAX_VALUE = 8 * 1024 * 1024    # length of one computed string or list
MAX_OUTPUT = 32 * 1024 * 1024  # characters of one rendered part (the checker's part limit)
LOOP_FILTER = "_docgen_loop"
VALUE_FILTER = "_docgen_value"
SIZE_FILTER = "_docgen_size"


class TemplateLimit(jinja2.TemplateRuntimeError):
    """A budget of the sandbox was exceeded; the message is Vietnamese."""


class TemplateNone(jinja2.TemplateRuntimeError):
    """None printed by a template."""


class TemplateNotAllowed(jinja2.TemplateSyntaxError):
    """An include/import/extends tag: templates cannot read other files."""


class Budget:
    """Steps spent by one render; `MAX_STEPS` at most."""

    def __init__(self) -> None:
        self.steps = 0

    def spend(self, n: int = 1) -> None:
        self.steps += n
        if self.steps > MAX_STEPS:
            raise TemplateLimit(f"mẫu chạy quá {MAX_STEPS:,} bước (vòng lặp hoặc lời gọi); "
                                "có vòng lặp quá lớn hoặc vô hạn".replace(",", "."))


_BUDGET: contextvars.ContextVar[Budget] = contextvars.ContextVar("docgen_budget")


def _budget() -> Budget:
    try:
        return _BUDGET.get()
    except LookupError:  # a render outside render_bounded (a test); give it its own budget
        budget = Budget()
        _BUDGET.set(budget)
        return budget


def _check_size(value):
    if isinstance(value, (str, list, tuple)) and len(value) > MAX_VALUE:
        raise TemplateLimit(f"mẫu tạo ra một giá trị dài quá {MAX_VALUE:,} ký tự/phần tử"
                            .replace(",", "."))
    return value


# a width or precision of a million or more in a %-format or {}-format string
_WIDE_FORMAT = re.compile(r"%[-#0 +]*(?:\d{7,}|\d*\.\d{7,})|\{[^{}]*:[^{}]*\d{7,}")


def _check_format(fmt) -> None:
    if isinstance(fmt, str) and _WIDE_FORMAT.search(fmt):
        raise TemplateLimit("mẫu dùng độ rộng định dạng quá lớn (từ 1.000.000 ký tự)")


def _check_numbers(args: Iterable, kwargs: dict) -> None:
    for value in (*args, *kwargs.values()):
        if isinstance(value, (int, float)) and not isinstance(value, bool) and abs(value) > MAX_NUMBER:
            shown = f"{value:g}" if isinstance(value, float) or value.bit_length() < 64 else \
                f"{value.bit_length()} bit"
            raise TemplateLimit(f"mẫu dùng số quá lớn ({shown}) làm tham số; giới hạn "
                                f"{MAX_NUMBER:,}".replace(",", "."))


def _guarded(seq) -> Iterator:
    budget = _budget()
    for item in seq:
        budget.spend()
        yield item


def _loop_filter(seq):
    return _guarded(seq)


@jinja2.pass_context  # never evaluated at compile time, so `{{ none }}` reaches the check
def _value_filter(_context, value):
    if value is None:
        raise TemplateNone("mẫu in ra giá trị rỗng (None)")
    return value


@jinja2.pass_context
def _size_filter(_context, value):
    return _check_size(value)


def _bounded_filter(func):
    @functools.wraps(func)  # keeps jinja's pass_context/pass_environment marks
    def wrapper(*args, **kwargs):
        _check_numbers(args, kwargs)
        if func.__name__ == "do_format" and args:
            _check_format(args[0])
        return _check_size(func(*args, **kwargs))

    return wrapper


_DICT_ATTRS = frozenset(dir(dict))


class DocgenSandbox(ImmutableSandboxedEnvironment):
    """The sandbox with docgen's budgets (see the module doc)."""

    intercepted_binops = frozenset({"*", "**", "+", "%"})

    def __init__(self, **options):
        super().__init__(loader=None, **options)
        self.filters = {name: _bounded_filter(f) for name, f in self.filters.items()}
        self.filters.update({LOOP_FILTER: _loop_filter, VALUE_FILTER: _value_filter,
                             SIZE_FILTER: _size_filter})

    def call_binop(self, context, operator_name, left, right):
        if operator_name == "**":
            if (isinstance(right, (int, float)) and abs(right) > MAX_EXPONENT
                    or isinstance(left, int) and left.bit_length() > 1024):
                raise TemplateLimit("mẫu tính lũy thừa quá lớn")
            return operator.pow(left, right)
        if operator_name == "*":
            for seq, n in ((left, right), (right, left)):
                if isinstance(seq, (str, list, tuple)) and isinstance(n, int) \
                        and len(seq) * max(n, 0) > MAX_VALUE:
                    raise TemplateLimit(f"mẫu tạo ra một giá trị dài quá {MAX_VALUE:,} "
                                        "ký tự/phần tử".replace(",", "."))
            return operator.mul(left, right)
        if operator_name == "%":
            if isinstance(left, str):
                _check_format(left)
                _check_numbers(right if isinstance(right, tuple) else (right,), {})
            return _check_size(operator.mod(left, right))
        return _check_size(operator.add(left, right))

    def getattr(self, obj, attribute):
        """`x.name` on a dict whose class has no attribute `name` (the rendering context is
        dicts): the item, or undefined, as jinja's getattr would give after its AttributeError
        (without raising and catching it, ~0.2 ms per document)."""
        if type(obj) is dict and attribute not in _DICT_ATTRS:
            try:
                return obj[attribute]
            except KeyError:
                return self.undefined(obj=obj, name=attribute)
        return super().getattr(obj, attribute)

    def wrap_str_format(self, value):
        wrapped = super().wrap_str_format(value)
        if wrapped is not None:
            _check_format(value.__self__)
        return wrapped

    def call(__self, __context, __obj, *args, **kwargs):  # noqa: N805 - jinja's signature
        _budget().spend()
        _check_numbers(args, kwargs)
        if isinstance(__obj, LoopContext) and args:  # a recursive loop's next level
            args = (_guarded(args[0]), *args[1:])
        return _check_size(super().call(__context, __obj, *args, **kwargs))

    def compile_source(self, source: str, name: str) -> jinja2.Template:
        """Parse, refuse file access, add the guards, compile."""
        tree = self.parse(source)
        for node in tree.find_all((nodes.Include, nodes.Import, nodes.FromImport, nodes.Extends)):
            tag = {"Include": "include", "Import": "import", "FromImport": "from … import",
                   "Extends": "extends"}[type(node).__name__]
            raise TemplateNotAllowed(f"thẻ {{% {tag} %}} không được dùng: mẫu không được đọc "
                                     "tệp khác", node.lineno, name)
        _add_guards(tree)
        return self.from_string(tree)


def _filter(node: nodes.Expr, name: str) -> nodes.Filter:
    return nodes.Filter(node, name, [], [], None, None, lineno=node.lineno)


def _add_guards(tree: nodes.Template) -> None:
    everything = list(tree.find_all(nodes.Node))
    for node in everything:
        if isinstance(node, nodes.For):
            node.iter = _filter(node.iter, LOOP_FILTER)
        elif isinstance(node, nodes.Concat):
            node.nodes = [_filter(n, VALUE_FILTER) for n in node.nodes]
        elif isinstance(node, nodes.Output):
            node.nodes = [n if isinstance(n, nodes.TemplateData) else _filter(n, VALUE_FILTER)
                          for n in node.nodes]
    # a concatenation is measured right after it is built (one step at most doubles a value)
    for parent in list(tree.find_all(nodes.Node)):
        for name in parent.fields:
            child = getattr(parent, name, None)
            if isinstance(child, nodes.Concat):
                setattr(parent, name, _filter(child, SIZE_FILTER))
            elif isinstance(child, list):
                setattr(parent, name, [_filter(c, SIZE_FILTER) if isinstance(c, nodes.Concat)
                                       else c for c in child])


def render_bounded(template: jinja2.Template, context: dict) -> str:
    """Render with a fresh step budget and the output cap."""
    token = _BUDGET.set(Budget())
    try:
        chunks, size = [], 0
        for chunk in template.generate(context):
            size += len(chunk)
            if size > MAX_OUTPUT:
                raise TemplateLimit(f"mẫu sinh ra quá {MAX_OUTPUT // 1048576} triệu ký tự "
                                    "cho một phần của văn bản")
            chunks.append(chunk)
        return "".join(chunks)
    finally:
        _BUDGET.reset(token)
