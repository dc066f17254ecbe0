"""showcase.render.corrections: the contact settings and the prefilled correction link."""

from __future__ import annotations

from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from showcase.render.contact_block import expand_contact_marker
from showcase.render.corrections import Contact, contact_settings, correction_mailto

SITE = "https://example.jp/showcase/"


def _extra(**contact):
    return {"contact": {"operator": "運営チーム", **contact}}


def test_settings_need_an_address_or_a_form():
    with pytest.raises(ValueError, match="extra.contact"):
        contact_settings(_extra(email="", form_url=""), SITE)
    with pytest.raises(ValueError, match="extra.contact"):
        contact_settings({}, SITE)
    assert contact_settings(_extra(form_url="https://forms.example.jp/x"), SITE).email == ""


@pytest.mark.parametrize("contact, message", [
    ({"email": "not-an-address"}, "email"),
    ({"email": "a@example.jp", "form_url": "http://forms.example.jp/"}, "form_url"),
    ({"email": "a@example.jp", "form_url": "javascript:alert(1)"}, "form_url"),
])
def test_settings_refuse_bad_values(contact, message):
    with pytest.raises(ValueError, match=message):
        contact_settings(_extra(**contact), SITE)


def test_settings_need_an_operator():
    with pytest.raises(ValueError, match="operator"):
        contact_settings({"contact": {"email": "a@example.jp"}}, SITE)


def test_the_mailto_carries_the_name_and_the_absolute_address_percent_encoded():
    contact = contact_settings(_extra(email="corrections@example.jp"), SITE)
    name = "山田 太郎 & <b>?#"
    link = correction_mailto(contact, name, "profiles/yamada-taro/")
    parts = urlsplit(link)
    assert parts.scheme == "mailto" and parts.path == "corrections@example.jp"
    assert " " not in link and "<" not in link and "#" not in link.split("?", 1)[1].replace("%23", "")
    query = parse_qs(parts.query)
    assert query["subject"] == [f"掲載内容の訂正・削除の依頼: {name}"]
    assert f"{SITE}profiles/yamada-taro/" in query["body"][0] and name in unquote(query["body"][0])


def test_no_mailto_without_an_address():
    assert correction_mailto(Contact("運営チーム", "", "https://forms.example.jp/", SITE), "x", "profiles/x/") == ""


def test_the_contact_marker_becomes_the_operators_block():
    contact = contact_settings(_extra(email="corrections@example.jp", form_url="https://forms.example.jp/x"), SITE)
    html = expand_contact_marker("<p>a</p><!-- showcase: contact --><p>b</p>", "about/", contact)
    assert "showcase: contact" not in html
    assert "運営チーム" in html and "mailto:corrections@example.jp?subject=" in html and 'href="https://forms.example.jp/x"' in html
    assert expand_contact_marker("<p>no marker</p>", "about/", contact) == "<p>no marker</p>"
