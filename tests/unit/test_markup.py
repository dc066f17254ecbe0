from html.parser import HTMLParser

import pytest

from showcase.markup import obfuscate_email, render_markdown


class _Elements(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))


def elements(html):
    parser = _Elements()
    parser.feed(html)
    return parser.found


@pytest.mark.parametrize("text", [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[x](javascript:alert(1))",
    "[x](JAVASCRIPT:alert(1))",
    "[x](data:text/html;base64,PHNjcmlwdD4=)",
    "[x](vbscript:msgbox)",
    "段落 {: onclick=alert(1) }",
    "![x](https://evil.example/x.png)",
    '<a href="javascript:alert(1)">x</a>',
])
def test_unsafe_markup_never_survives(text):
    for tag, attrs in elements(str(render_markdown(text))):
        assert tag in {"p", "a", "br", "strong", "em", "ul", "ol", "li", "blockquote", "code"}
        assert not [name for name in attrs if name.startswith("on")]
        if tag == "a":
            assert attrs["href"].startswith(("https://", "mailto:"))


def test_safe_subset_renders():
    html = str(render_markdown("**太字**\n\n- 一つ目\n- 二つ目\n\n[サイト](https://example.jp/) と [メール](mailto:a@example.jp)"))
    assert "<strong>太字</strong>" in html
    assert "<li>一つ目</li>" in html
    assert '<a href="https://example.jp/" rel="nofollow noopener noreferrer ugc">サイト</a>' in html
    assert 'href="mailto:a@example.jp"' in html


def test_http_and_headings_are_not_markup():
    html = str(render_markdown("# 見出し\n\n[古い](http://example.jp/)"))
    assert "<h1" not in html and "href" not in html


def test_email_obfuscation_hides_the_address_but_decodes_to_it():
    import html as htmllib
    encoded = str(obfuscate_email("a@example.jp"))
    assert "@" not in encoded and "example" not in encoded
    assert htmllib.unescape(encoded) == "a@example.jp"
