"""The renderer's fast output paths (issue #14) give what jinja + markupsafe give."""

from __future__ import annotations

import jinja2
import pytest
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup, escape

from docgen.render import engine
from docgen.render.engine import _BR, _Escaped, _fast_output, _finalize, make_environment
from docgen.render.sandbox import DocgenSandbox, render_bounded

SOURCE = ("<a>{{ x }}|{{ 'a&b<c>\"d\\'' }}|{{ m }}|{{ n }}|{{ x ~ n }}|{{ d.k }}|"
          "{{ d.keys()|list|length }}|{{ d.get('k') }}|{% for r in d.rows %}{{ r.t }};{% endfor %}</a>")
CONTEXT = {"x": "A<b>&'\"\nc", "m": Markup("<i/>"), "n": 5,
           "d": {"k": "v&", "rows": [{"t": "1<"}, {"t": "2>"}]}}


def _reference_finalize(value):
    """The finalize before issue #14's fast path: markupsafe's escape, then Markup."""
    if value is None:
        raise engine.TemplateNone("mẫu in ra giá trị rỗng (None)")
    if isinstance(value, Markup):
        return value
    text = escape(value if type(value) is str else str(value))
    return Markup(str.replace(text, "\n", _BR)) if "\n" in text else text


def _reference():
    env = ImmutableSandboxedEnvironment(autoescape=True, undefined=jinja2.StrictUndefined,
                                        finalize=_reference_finalize, keep_trailing_newline=True)
    return env.from_string(SOURCE)


def test_output_is_what_markupsafe_gives():
    fast = _fast_output(make_environment().compile_source(SOURCE, "t"))
    out = render_bounded(fast, CONTEXT)
    assert out == _reference().render(CONTEXT)
    assert out == ("<a>A&lt;b&gt;&amp;&#39;&#34;" + _BR + "c|a&amp;b&lt;c&gt;&#34;d&#39;|<i/>|5|"
                   "A&lt;b&gt;&amp;&#39;&#34;" + _BR + "c5|v&amp;|2|v&amp;|1&lt;;2&gt;;</a>")


@pytest.mark.parametrize("value", ["plain", "a&b", "<w:t>", "l1\nl2", 7, 2.5, "ấ'\""])
def test_finalize_escapes_into_a_plain_str_subclass(value):
    got = _finalize(value)
    assert type(got) is _Escaped
    assert str(got) == str(_reference_finalize(value))
    assert escape(got) == got                  # read through __html__: not escaped twice


def test_markup_passes_through_and_none_is_refused():
    m = Markup("<w:br/>")
    assert _finalize(m) is m
    with pytest.raises(engine.TemplateNone):
        _finalize(None)


def test_dict_getattr_reads_the_item_or_the_dict_attribute():
    env = DocgenSandbox(autoescape=True, undefined=jinja2.StrictUndefined)
    d = {"k": "v", "items": "an item named like a method"}
    assert env.getattr(d, "k") == "v"
    assert env.getattr(d, "items") == d.items             # the attribute first, as jinja does
    missing = env.getattr(d, "nope")
    assert isinstance(missing, jinja2.Undefined)
    with pytest.raises(jinja2.UndefinedError) as err:
        str(missing)
    assert err.value.message == "'dict object' has no attribute 'nope'"
    unsafe = env.getattr(d, "__class__")
    assert isinstance(unsafe, jinja2.Undefined)
    with pytest.raises(jinja2.exceptions.SecurityError):
        str(unsafe)
