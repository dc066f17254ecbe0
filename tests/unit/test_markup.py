from html.parser import HTMLParser

import pytest

from showcase.render.markup import obfuscate_email, render_markdown


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


# The plain-prose fast path in render_markdown must give exactly what markdown-it + nh3 give.

from showcase.render import markup  # noqa: E402
from showcase.render.markup import _render_markdown_full  # noqa: E402

_PROSE = "小学校に通う全てのこどもが、様々な体験を通じて多様な人や価値観と出会い、自分で考えて行動ができるように。"


@pytest.mark.parametrize("text", [
    "", "\n", "\n\n\n", "あ", _PROSE, _PROSE + "\n",
    f"{_PROSE}\n{_PROSE}\n\n{_PROSE}\n",
    f"\n\n{_PROSE}\n\n\n\n{_PROSE}\n\n",
    "一行目\n二行目\n三行目",
    "段落一\n\n\n段落二",
    '彼は"こんにちは"と言った。\'引用\'も。',
    "「鍵括弧」、読点。感嘆！疑問？（丸括弧）【隅付き】・中黒…",
    "ASCII letters abc と digits 123 が行の途中に。",
    "2024年に開始。\n3年目です。",
    "1.5倍になった。\n2) 番号\n3. 番号\n10.一覧",
    "１．全角数字は一覧にならない",
    "詳しくは https://example.jp/path?a=1 を参照。",
    "詳しくは https://example.jp/a_b-c#x&y=1 を参照。",
    "メールは a@example.jp まで。",
    "絵文字 😀👍🏽👨‍👩‍👧 も使えます🎉",
    "全角\u3000スペース", "\u3000字下げした段落", "行末の全角スペース\u3000", "あ\n\u3000い",
    "行末の空白  \n次の行", "行末 \n次", "  先頭の空白", "あ\n  い", "あ\n    い",
    "あ\n   \nい", "あ\n\u3000\nい", " ", "\u3000",
    "no\u00a0break", "タブ\tあり", "改行\r\nCRLF", "NUL\x00", "制御\x1fあ",
    "*強調*", "_下線_", "`コード`", "[リンク](https://example.jp/)", "<b>タグ</b>", "&amp; &copy;",
    "\\エスケープ", "# 見出し", "> 引用", "- 項目", "+ 項目", "見出し\n===", "見出し\n---", "~~~",
    "a|b", "a!b", "a~b", "a=b", "{: .x}", "$x^2$",
    "あ\u2028い", "\u2028あ", "あ\u2029", "\ufeffあ", "あ\u200bい", "\u200bあ",
    # "- " lists: the fast path takes tight lists after a blank line, of one-line items.
    "- 項目", "- 一つ目\n- 二つ目\n", f"{_PROSE}\n\n- 一つ目\n- 二つ目\n\n{_PROSE}\n",
    "- 一つ目\n\n- 二つ目", "- 一つ目\n\n\n- 二つ目", f"{_PROSE}\n- 項目", "- 項目\n続き", "- 項目\n  続き",
    "- 項目\n\n  続き", "- 項目\n  - 入れ子", "- 1. 番号", "- 1) 番号", "- 2024年度", "-  二つの空白", "- ", "-",
    "- 項目 ", "- 項目\u3000", "- \u3000項目", "-\t項目", "- - 項目", "- a-b", "-- 項目", "+ 項目\n- 項目",
    "- 一つ目\n\n段落\n\n- 二つ目", "段落\n\n- 項目\n\n\n", "\n\n- 項目", "- 項目\r\n- 項目",
    # "**" pairs: <strong> where CommonMark's flanking rules pair them whatever stands around.
    "**太字**", "。**宮内市**では", "**「引用」**は", "「**引用**」", "**a**b**c**", "**a\nb**", "a **b** c", "**b **",
    "** b**", "****", "***", "**a***", "*a*", "**a", "a**", "- **星空**の調査", "**１**", "**$**", "**a$**", "**😀**",
    "**a**\u3000", "\u3000**a**", "**\u3000a**", "1. **a**", "**1.** a", "**a** **b**", "**a**\n**b**",
])
def test_fast_path_matches_full_render(text):
    assert render_markdown(text) == _render_markdown_full(text)
    assert type(render_markdown(text)) is type(_render_markdown_full(text))


def test_fast_path_matches_full_render_on_random_text():
    import random

    specials = "\\`*_[]<>&!#~|=+-.)(:;?/'\"%@$^{}0123456789\t\r\x00\u00a0\u3000\u2028\u200b"
    alphabet = ["あ", "漢", "。", "、", "「", "」", "！", "a", "Z", " ", " ", "\n", "\n", "\n", "😀", *specials]
    rng = random.Random(20240611)
    fast = 0
    for _ in range(3000):
        # Mostly plain characters, so that many strings reach the fast path.
        text = "".join(rng.choice(alphabet[:16] if rng.random() < 0.9 else alphabet) for _ in range(rng.randint(0, 30)))
        fast += markup._render_plain(text) is not None
        assert render_markdown(text) == _render_markdown_full(text), repr(text)
    assert fast > 300  # both paths are exercised


def test_fast_path_matches_full_render_on_random_lists():
    import random

    lines = ["", "", "- 項目", "- 町の**体験**プログラム", "- abc 12", "段落の文。", "二行目", "-  二つの空白", "- ", "-",
             "  字下げ", "- 1. 番号", "1. 番号", "- 項目 ", "- a*b", "\u3000全角", "- **太字**"]
    rng = random.Random(20261127)
    fast = lists = 0
    for _ in range(4000):
        text = "\n".join(rng.choice(lines[:8] if rng.random() < 0.85 else lines) for _ in range(rng.randint(0, 8)))
        plain = markup._render_plain(text)
        fast += plain is not None
        lists += plain is not None and "<ul>" in plain
        assert render_markdown(text) == _render_markdown_full(text), repr(text)
    assert fast > 400 and lists > 200  # both paths are exercised, and lists do reach the fast path


def test_fast_path_matches_full_render_on_random_bold():
    import random

    pieces = ["**あ漢**", "**a1**", "**「a」**", "**", "あ", "漢", "「", "」", "。", " ", "\u3000", "a", "1", "$", "😀",
              "\n", "- ", "*", "-"]
    rng = random.Random(20261127)
    strong = 0
    for _ in range(6000):
        text = "".join(rng.choice(pieces[:16] if rng.random() < 0.9 else pieces) for _ in range(rng.randint(0, 12)))
        plain = markup._render_plain(text)
        strong += plain is not None and "<strong>" in plain
        assert render_markdown(text) == _render_markdown_full(text), repr(text)
    assert strong > 300  # pairs do reach the fast path


def test_plain_prose_skips_markdown_it_and_nh3(monkeypatch):
    def refuse(text):
        raise AssertionError("the full path was used")

    monkeypatch.setattr(markup, "_render_markdown_full", refuse)
    html = render_markdown(f"{_PROSE}\n二行目\n\n二段落目\n")
    assert html == f"<p>{_PROSE}<br>\n二行目</p>\n<p>二段落目</p>\n"
    assert render_markdown("段落\n\n- 一つ目\n- 二つ目\n") == "<p>段落</p>\n<ul>\n<li>一つ目</li>\n<li>二つ目</li>\n</ul>\n"
    assert render_markdown("- 一つ目\n\n段落\n\n- 二つ目") == "<ul>\n<li>一つ目</li>\n</ul>\n<p>段落</p>\n<ul>\n<li>二つ目</li>\n</ul>\n"
    assert render_markdown("- **星空**の調査") == "<ul>\n<li><strong>星空</strong>の調査</li>\n</ul>\n"
    with pytest.raises(AssertionError):
        render_markdown("**「引用」**は")
