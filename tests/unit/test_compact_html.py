"""showcase.compact_html: indentation and blank lines go; what a page shows, its tags and kept elements stay."""

from showcase.compact_html import compact_html


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
