"""showcase.render.compact_html: indentation and blank lines go; what a page shows, its tags and kept elements stay."""

import random
import re

from showcase.render import compact_html as compacting
from showcase.render.compact_html import compact_html


def test_indentation_and_blank_lines_between_tags_become_one_line_break():
    html = "<ul>\n\n    <li>\n      一つ目\n    </li>\n  \n\t<li>二つ目</li>\n</ul>\n"
    assert compact_html(html) == "<ul>\n<li>\n一つ目\n</li>\n<li>二つ目</li>\n</ul>\n"


def test_whitespace_without_a_line_break_stays():
    html = '<p><a href="a">岡山県</a> <a href="b">上尾市</a>  と\tその周辺</p>'
    assert compact_html(html) == html


def test_japanese_and_non_breaking_spaces_are_text_not_indentation():
    html = "<p>\n\u3000全角の字下げ\n\u00a0</p>"
    assert compact_html(html) == "<p>\n\u3000全角の字下げ\n\u00a0</p>"


def test_elements_whose_whitespace_shows_are_kept_byte_for_byte():
    kept = [
        "<pre><code>def f():\n    return 1\n\n</code></pre>",
        '<textarea id="x" rows="4">&lt;div&gt;\n  &lt;script src=&#34;embed.js&#34;&gt;\n</textarea>',
        "<code class=\"x\">a\n    b</code>",
        "<script>\n  var a = `\n    b`;\n</script>",
        "<STYLE>\n  p { color: red }\n</STYLE>",
    ]
    for element in kept:
        assert compact_html("<div>\n    " + element + "\n    </div>") == "<div>\n" + element + "\n</div>"


def test_attribute_values_and_comments_are_untouched():
    tags = ('<img alt="一行目\n    二行目" title=\'a > b\n  c\'>', "<!-- a\n     comment -->", '<p data-x=">\n  ">')
    html = tags[0] + "\n   " + tags[1] + "\n  " + tags[2]
    assert compact_html(html) == "\n".join(tags)


def test_compacting_twice_changes_nothing_more():
    html = "<div>\n   <p>\n  text  \n\n </p>\n<pre>\n  x\n</pre>\n</div>\n"
    once = compact_html(html)
    assert compact_html(once) == once


# The plain statement of what compacting skips (a lazy scan that looks for a line break at every character of a
# tag); showcase.render.compact_html reads the same tags without backtracking.
_REFERENCE = re.compile(
    r"<(?P<kept>pre|textarea|code|script|style)\b[^>]*>.*?</(?P=kept)\s*>"
    r"|<!--.*?-->"
    r"""|<(?:[^>"']|"[^"]*"|'[^']*')*?(?:\n|"[^"]*\n[^"]*"|'[^']*\n[^']*')(?:[^>"']|"[^"]*"|'[^']*')*>""",
    re.S | re.I,
)


def test_skipped_parts_are_the_reference_scans_on_random_markup():
    pieces = ["<", ">", '"', "'", "\n", "\n", " ", "  ", "\t", "a", "=", "/", "<p>", "</p>", "<a href=\"x\">", "<pre>",
              "</pre>", "<CODE class='c'>", "</code >", "<!--", "-->", "<script>", "</script>", "あ", "<br\n>"]
    rng = random.Random(20261127)
    found = 0
    for _ in range(20000):
        html = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 24)))
        expected = [match.span() for match in _REFERENCE.finditer(html)]
        assert [match.span() for match in compacting._SKIPPED.finditer(html)] == expected, repr(html)
        found += bool(expected)
    assert found > 5000  # most strings have something to skip


def test_whitespace_before_a_line_break_goes_with_it():
    for before in (" ", "\t", "\r", "\f", " \t "):
        assert compact_html(f"<p>a</p>{before}\n  <p>b</p>") == "<p>a</p>\n<p>b</p>"
    assert compact_html("<p>a</p>\n  <p>b</p> \n<p>c</p>") == "<p>a</p>\n<p>b</p>\n<p>c</p>"  # either kind in one text


def test_compacting_is_the_reference_on_random_markup():
    pieces = ["<p>", "</p>", "<pre>", "</pre>", "<!-- x -->", '<a\n href="b">', "あ", "\u3000", " ", "\t", "\r", "\f",
              "\n", "\n", "\n"]
    rng = random.Random(20261128)
    for _ in range(20000):
        html = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 20)))
        expected, end = [], 0
        for match in _REFERENCE.finditer(html):
            expected += [re.sub(r"[ \t\r\f]*\n[ \t\n\r\f]*", "\n", html[end:match.start()]), match.group(0)]
            end = match.end()
        expected.append(re.sub(r"[ \t\r\f]*\n[ \t\n\r\f]*", "\n", html[end:]))
        assert compact_html(html) == "".join(expected), repr(html)
