"""The page shell: a template rendered once with sentinels, then filled, gives what rendering each page gives."""

from __future__ import annotations

from jinja2 import Environment

from showcase.render.compact_html import compact_html
from showcase.render.page_shell import Shell, plain_value

PAGE = """<!doctype html>
<html><head>
  <title>{{ title }} - サイト</title>
  <meta property="og:title" content="{{ title }}">
  <meta name="description" content="{{ raw | e }}">
  <link rel="canonical" href="{{ url }}">
</head><body>
  {% if "<h1" not in body %}<h1>{{ title }}</h1>{% endif %}
  <div id="content">
    {{ body }}
  </div>
  <p>{{ raw | e }}</p>
</body></html>
"""


def _render(template: str, values: dict[str, str], *, compact: bool = True) -> str:
    page = Environment(autoescape=False).from_string(template).render(values)
    return compact_html(page) if compact else page


def _shell(template: str = PAGE, **options) -> Shell | None:
    compact = options.pop("compact", True)
    return Shell.build(lambda sentinels: _render(template, dict(sentinels), compact=compact),
                       ["title", "raw", "url", "body"], html_fields={"body"}, html_suffix="<h1",
                       compact=compact_html if compact else None)


VALUES = [
    {"title": "山田 太郎", "raw": "地域の \"足\" & <暮らし>", "url": "https://example.jp/profiles/yamada/",
     "body": "\n    <article>\n      <h1>山田 太郎</h1>\n\n      <p>本文</p>\n    </article>\n  "},
    {"title": "A&amp;B &quot;協議会&quot;", "raw": "'quote' & more", "url": "https://example.jp/cases/ab/",
     "body": "<h1>A&amp;B</h1><pre>  kept\n\n  as is </pre>"},
    {"title": "x", "raw": "", "url": "u", "body": "  <h1>x</h1>  "},
]


def test_filled_pages_equal_rendered_pages():
    shell = _shell()
    assert shell is not None
    for values in VALUES:
        assert shell.fill(values) == _render(PAGE, values)


def test_without_compaction_the_values_go_in_as_they_are():
    shell = _shell(compact=False)
    assert shell is not None
    for values in VALUES:
        assert shell.fill(values) == _render(PAGE, values, compact=False)


def test_a_value_changed_other_than_by_escaping_refuses_the_shell():
    for changed in ("{{ title | striptags }}", "{{ title[:5] }}", "{{ title | urlencode }}",
                    "{{ title | upper }}", "{{ title | tojson }}"):
        assert _shell(PAGE.replace("<p>{{ raw | e }}</p>", f"<p>{changed}</p>")) is None, changed


def test_an_escaped_body_refuses_the_shell():
    assert _shell(PAGE.replace("    {{ body }}", "    {{ body | e }}")) is None


def test_a_body_next_to_spaces_without_a_line_break_refuses_a_compacting_shell():
    assert _shell(PAGE.replace("    {{ body }}\n  </div>", "    {{ body }} </div>")) is None


def test_values_with_line_breaks_are_not_plain():
    assert plain_value("山田 太郎") and not plain_value("二行\nの名前") and not plain_value("a\rb")
