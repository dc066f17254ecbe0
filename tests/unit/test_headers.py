"""The deployment headers file: complete for every section, frame-ancestors open only for embeds, never X-Frame-Options."""

from __future__ import annotations

from showcase.outputs.headers import EMBED_POLICY, headers_file
from tests.headers_file import headers_for, parse_headers

SECTIONS = ["assets", "cases", "data", "embed", "municipalities", "oembed", "pagefind", "prefectures", "profiles", "search"]


def test_headers_file_is_complete():
    rules = parse_headers(headers_file(SECTIONS, ["index.html", "404.html"]))
    assert rules["/*"]["x-content-type-options"] == ["nosniff"]
    assert rules["/*"]["referrer-policy"] == ["strict-origin-when-cross-origin"]
    assert rules["/embed/*"]["content-security-policy"] == [EMBED_POLICY]
    assert "frame-ancestors *" in EMBED_POLICY and "default-src 'none'" in EMBED_POLICY
    for path in ["/", "/index.html", "/404.html"] + [f"/{s}/*" for s in SECTIONS if s != "embed"]:
        assert rules[path]["content-security-policy"] == ["frame-ancestors 'self'"], path
    for path in ("/data/*", "/oembed/*", "/feed.xml"):
        assert rules[path]["access-control-allow-origin"] == ["*"]


def test_framing_policy_is_never_set_site_wide():
    # Both hosts join a header set by two matching rules: "/*" with frame-ancestors would also bind /embed/*.
    rules = parse_headers(headers_file(SECTIONS, ["index.html"]))
    assert "content-security-policy" not in rules["/*"]
    for path, headers in rules.items():
        assert len(headers.get("content-security-policy", [])) <= 1, path


def test_never_x_frame_options():
    text = headers_file(SECTIONS, ["index.html"])
    rules = parse_headers(text)
    assert all("x-frame-options" not in headers for headers in rules.values())
    assert "X-Frame-Options: DENY" not in text


def test_embeds_get_one_framing_policy_and_pages_another():
    rules = parse_headers(headers_file(SECTIONS, ["index.html"]))
    embed = headers_for(rules, "/embed/profiles/a/")
    assert embed["content-security-policy"] == EMBED_POLICY and embed["x-content-type-options"] == "nosniff"
    assert headers_for(rules, "/profiles/a/")["content-security-policy"] == "frame-ancestors 'self'"
    assert headers_for(rules, "/")["content-security-policy"] == "frame-ancestors 'self'"
