"""showcase.catalog.urls, the one URL scheme: every address the site has, and nothing else spells one."""

from __future__ import annotations

import re
from pathlib import Path

from showcase.catalog import urls

CORE = Path(__file__).resolve().parents[2] / "hooks" / "showcase"


def test_every_kind_of_address():
    assert urls.record("profile", "yamada-taro") == "profiles/yamada-taro/"
    assert urls.record("case", "uda-kyogikai") == "cases/uda-kyogikai/"
    assert urls.collection("profile") == "profiles/" and urls.collection("case") == "cases/"
    assert urls.prefecture("nara") == "prefectures/nara/" and urls.PREFECTURES == "prefectures/"
    assert urls.municipality("292010") == "municipalities/292010/"
    assert urls.field("agriculture") == "fields/agriculture/"
    assert urls.status("active") == "profiles/status/active/"
    assert urls.category("welfare") == "cases/category/welfare/"
    assert urls.listing_page("profiles/", 1) == "profiles/" and urls.listing_page("profiles/", 3) == "profiles/page/3/"
    assert urls.statistics_chart("rmo-growth") == "statistics/#rmo-growth"
    assert urls.og_card("profile", "a") == "assets/og/profile-a.png"
    assert urls.embed("municipality", "292010") == "embed/municipalities/292010/"
    assert urls.embed("chart", "records-map") == "embed/charts/records-map/"
    assert urls.oembed("case", "b") == "oembed/cases/b.json"
    assert urls.data_file("profiles.csv") == "data/profiles.csv"
    assert urls.prefecture_data("nara") == "data/prefectures/nara.json"
    assert urls.municipality_data("292010") == "data/municipalities/292010.json"
    assert urls.statistics_data("budgets.csv") == "data/statistics/budgets.csv"


def test_pages_are_folders_and_files_are_not():
    folders = [urls.record("profile", "a"), urls.prefecture("a"), urls.municipality("1"), urls.field("a"),
               urls.status("a"), urls.category("a"), urls.embed("case", "a"), urls.listing_page("cases/", 2)]
    assert all(url.endswith("/") and not url.startswith("/") for url in folders)
    files = [urls.og_card("case", "a"), urls.oembed("case", "a"), urls.data_file("x.json"), urls.FEED]
    assert not any(url.endswith("/") or url.startswith("/") for url in files)


# Site sections spelled as a path with a variable part: only urls.py may build them (a template's name may).
SPELLED = re.compile(r"""f["'](?:prefectures|municipalities|fields|profiles|cases|embed|oembed|assets/og|data)/\{[^}]*\}(?!\.html)""")


def test_no_core_module_spells_an_address_itself():
    offenders = [str(path.relative_to(CORE)) for path in CORE.rglob("*.py")
                 if path.name != "urls.py" and SPELLED.search(path.read_text(encoding="utf-8"))]
    assert offenders == []
    assert SPELLED.search('return f"prefectures/{slug}/"'), "the check finds a planted one"


def test_no_template_builds_an_address_from_a_literal_section():
    templates = CORE / "render" / "templates"
    planted = re.compile(r"""['"][a-z/]+/['"] ~|['"](?:profiles|cases|prefectures|fields|data|statistics)/['"]""")
    assert planted.search("url('prefectures/' ~ pref.slug ~ '/')") and planted.search('("協力隊プロフィール", "profiles/")')
    for path in templates.rglob("*.html"):
        assert not planted.search(path.read_text(encoding="utf-8")), path
