"""Index pages filter and sort exactly (issue 16), on a generated corpus of 2,000 records, in real Chromium.

The corpus is generated and built once per session.  What each view must show is worked out here from the
records' YAML, not from the build's slices: the cards on screen, page after page, must be exactly those records.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import pytest
import yaml

from tests.browser.conftest import StaticServer
from tests.gates.axe import run_axe
from tests.integration.sitebuild import mkdocs_build

pytestmark = pytest.mark.browser

EPOCH = "1764633600"  # 2025-12-02: a term that ended before 2025-12 is OB・OG
TODAY = "2025-12"
PER_PAGE = 60


class Corpus:
    """The generated records as their YAML says, in the listing order (prefecture code, municipality code, folder)."""

    def __init__(self, content: Path):
        self.profiles = self._read(content, "profiles", "profile.yml")
        self.cases = self._read(content, "cases", "case.yml")

    @staticmethod
    def _read(content: Path, folder: str, name: str) -> list[dict]:
        records = []
        for path in sorted((content / folder).glob(f"*/{name}")):
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            data["slug"] = path.parent.name
            data["url"] = f"{folder}/{path.parent.name}/"
            if folder == "profiles":
                end = data["term"].get("end")
                data["status"] = "OB・OG" if end is not None and end < TODAY else "現役"
            records.append(data)
        return sorted(records, key=lambda r: (r["municipality_code"][:2], r["municipality_code"], r["slug"]))


@pytest.fixture(scope="session")
def corpus_site(tmp_path_factory):
    """2,000 generated records (1,600 profiles, 400 cases), built once with the real configuration."""
    from showcase_devtools.corpus import generate_corpus

    content = tmp_path_factory.mktemp("browse-corpus") / "content"
    generate_corpus(content, profiles=1600, cases=400, seed=16)
    site = tmp_path_factory.mktemp("browse-site") / "site"
    result = mkdocs_build(content, site, extra_env={"SOURCE_DATE_EPOCH": EPOCH})
    assert result.returncode == 0, result.stderr[-3000:]
    server = StaticServer(site)
    yield server.url, Corpus(content), site
    server.close()


@pytest.fixture
def site(corpus_site):
    return corpus_site[0]


@pytest.fixture
def corpus(corpus_site):
    return corpus_site[1]


def _select(page, label: str, value: str) -> None:
    page.locator("form.cs-browse__form").get_by_label(label, exact=True).select_option(value)


def _apply(page) -> None:
    page.locator("form.cs-browse__form").get_by_role("button", name="表示する").click()
    _settled(page)


def _settled(page) -> None:
    page.wait_for_function("() => { const s = document.querySelector('.cs-browse__status'); "
                           "return s && /件/.test(s.textContent); }")


def _visible_urls(page, site: str) -> list[str]:
    links = page.locator("[data-cs-browse-results] .cs-card__title a")
    return [href[len(site):] for href in links.evaluate_all("links => links.map(a => a.href)")]


def _all_pages(page, site: str) -> list[str]:
    """Every card of the filtered view, following 次のページ to the end."""
    urls = _visible_urls(page, site)
    while page.locator("[data-cs-pages]:not([hidden]) a[rel=next]").count():
        shown = page.locator("[data-cs-count]").inner_text()
        page.locator("[data-cs-pages] a[rel=next]").click()
        page.wait_for_function("(before) => document.querySelector('[data-cs-count]').textContent !== before",
                               arg=shown)
        urls += _visible_urls(page, site)
    return urls


def _count(page) -> str:
    return page.locator("[data-cs-count]").inner_text()


def _biggest_prefecture(records: list[dict]) -> str:
    counts: dict[str, int] = {}
    for record in records:
        counts[record["prefecture"]] = counts.get(record["prefecture"], 0) + 1
    return max(counts, key=lambda name: (counts[name], name))


def test_filter_by_prefecture_shows_exactly_its_records_on_every_page(page, site, corpus):
    prefecture = _biggest_prefecture(corpus.profiles)
    expected = [r["url"] for r in corpus.profiles if r["prefecture"] == prefecture]
    assert len(expected) > PER_PAGE, "the test needs more than one page of results"
    page.goto(site + "profiles/")
    _select(page, "都道府県", prefecture)
    _apply(page)
    assert page.locator("[data-cs-browse-list]").is_hidden()  # the unfiltered list is replaced, not left below
    assert _count(page).startswith(f"{len(expected):,}件")
    assert _all_pages(page, site) == expected
    assert page.console_errors == []


def test_filter_by_municipality(page, site, corpus):
    prefecture = _biggest_prefecture(corpus.profiles)
    towns: dict[str, list[str]] = {}
    for record in corpus.profiles:
        if record["prefecture"] == prefecture:
            towns.setdefault(record["municipality_code"], []).append(record["url"])
    code = max(towns, key=lambda c: (len(towns[c]), c))
    page.goto(site + "profiles/")
    municipality = page.locator("form.cs-browse__form").get_by_label("市区町村", exact=True)
    assert municipality.is_disabled()  # narrowed to the chosen prefecture: nothing to choose before it
    _select(page, "都道府県", prefecture)
    page.wait_for_function("() => !document.querySelector('select[name=市区町村]').disabled")
    offered = municipality.locator("option").evaluate_all("options => options.map(o => o.value)")
    assert sorted(v for v in offered if v) == sorted(towns)  # only that prefecture's municipalities
    _select(page, "市区町村", code)
    _apply(page)
    assert _count(page).startswith(f"{len(towns[code]):,}件")
    assert _all_pages(page, site) == towns[code]


def test_two_filters_together_and_the_address(page, browser, site, corpus):
    field = "観光"
    expected = [r["url"] for r in corpus.profiles if field in r["fields"] and r["status"] == "現役"]
    page.goto(site + "profiles/")
    _select(page, "活動分野", field)
    _select(page, "状態", "現役")
    _apply(page)
    assert page.url == site + "profiles/?" + f"{quote('活動分野')}={quote(field)}&{quote('状態')}={quote('現役')}"
    assert _all_pages(page, site) == expected
    # Reload, a fresh tab and a shared link show the same view, down to the page number.
    address = page.url
    assert quote("ページ") in address or len(expected) <= PER_PAGE
    shown = _visible_urls(page, site)
    page.reload()
    _settled(page)
    assert _visible_urls(page, site) == shown
    other = browser.new_context(locale="ja-JP")
    try:
        fresh = other.new_page()
        fresh.goto(address)
        _settled(fresh)
        assert _visible_urls(fresh, site) == shown
        assert fresh.locator("select[name=活動分野]").input_value() == field
    finally:
        other.close()
    # Back through the pages, then to the unfiltered list.
    page.go_back()
    page.wait_for_url(lambda url: url != address)
    page.goto(site + "profiles/")
    assert page.locator("[data-cs-browse-list]").is_visible()
    assert page.locator("[data-cs-browse-results]").is_hidden()


@pytest.mark.parametrize("sort", ["新着", "五十音", "着任が新しい", "着任が古い"])
def test_sorts_order_a_filtered_view(page, site, corpus, sort):
    prefecture = _biggest_prefecture(corpus.profiles)
    records = {r["url"]: r for r in corpus.profiles}
    expected = [r["url"] for r in corpus.profiles if r["prefecture"] == prefecture]
    page.goto(site + "profiles/?" + f"{quote('都道府県')}={quote(prefecture)}&{quote('並び順')}={quote(sort)}")
    _settled(page)
    urls = _all_pages(page, site)
    assert sorted(urls) == sorted(expected)
    position = {url: i for i, url in enumerate(expected)}  # ties keep the listing order

    def key(url):
        record = records[url]
        if sort == "新着":
            return (-int(record["published"].replace("-", "")), position[url])
        if sort == "五十音":
            kana = record.get("name_kana")
            return (0, kana, position[url]) if kana else (1, record["name"], position[url])
        start = int(record["term"]["start"].replace("-", ""))
        return (-start if sort == "着任が新しい" else start, position[url])

    assert urls == sorted(urls, key=key)


def test_a_sort_of_the_whole_list_without_a_filter(page, site, corpus):
    expected = sorted(corpus.profiles, key=lambda r: -int(r["published"].replace("-", "")))  # stable: listing order
    page.goto(site + "profiles/")
    _select(page, "並び順", "新着")
    _apply(page)
    assert _count(page).startswith(f"{len(corpus.profiles):,}件")
    assert _visible_urls(page, site) == [r["url"] for r in expected[:PER_PAGE]]


def test_a_prefecture_page_filters_its_profiles_and_cases(page, site, corpus):
    prefecture = _biggest_prefecture(corpus.profiles)
    slug = next(r for r in corpus.profiles if r["prefecture"] == prefecture)["slug"].rsplit("-", 1)[0]
    page.goto(site + f"prefectures/{slug}/")
    assert page.locator("form.cs-browse__form").get_by_label("都道府県", exact=True).count() == 0  # fixed by the page
    _select(page, "状態", "OB・OG")
    _apply(page)
    expected = [r["url"] for r in corpus.profiles if r["prefecture"] == prefecture and r["status"] == "OB・OG"]
    assert _all_pages(page, site) == expected  # cases have no status: none of them match
    _select(page, "状態", "")
    _select(page, "種別", "地域運営組織")
    _apply(page)
    assert _all_pages(page, site) == [r["url"] for r in corpus.cases if r["prefecture"] == prefecture]


def test_filtered_cards_are_the_server_cards(page, site, corpus):
    """The same markup as the unfiltered list: photo, badge, field and dates come from one partial."""
    first = corpus.profiles[0]
    card_html = "card => { const copy = card.cloneNode(true); " \
                "copy.querySelectorAll('[href]').forEach(a => a.setAttribute('href', a.href)); return copy.outerHTML; }"
    page.goto(site + "profiles/")
    server = page.locator("[data-cs-browse-list] .cs-card").first.evaluate(card_html)
    _select(page, "都道府県", first["prefecture"])
    _apply(page)
    assert page.locator("[data-cs-browse-results] .cs-card").first.evaluate(card_html) == server


def test_keyboard_only(page, site, corpus):
    prefecture = _biggest_prefecture(corpus.profiles)
    page.goto(site + "profiles/")
    select = page.locator("select[name=都道府県]")
    select.focus()
    index = select.locator("option").evaluate_all(
        "(options, name) => options.findIndex(o => o.value === name)", prefecture)
    for _ in range(index):
        page.keyboard.press("ArrowDown")
    assert select.input_value() == prefecture
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent") == "表示する":
            break
    page.keyboard.press("Enter")
    _settled(page)
    assert page.locator(".cs-browse__status").get_attribute("aria-live") == "polite"
    first_page = _visible_urls(page, site)
    page.locator("[data-cs-pages] a[rel=next]").focus()
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement && document.activeElement.matches('[data-cs-heading]')")
    assert _visible_urls(page, site) != first_page
    assert "2/" in _count(page)


def test_filtered_views_pass_axe(page, site, corpus):
    prefecture = _biggest_prefecture(corpus.profiles)
    for address in ("profiles/?" + f"{quote('都道府県')}={quote(prefecture)}&{quote('並び順')}={quote('五十音')}",
                    "cases/?" + f"{quote('活動分類')}={quote(corpus.cases[0]['activities'][0]['category'])}"):
        for scheme in ("light", "dark"):
            page.emulate_media(color_scheme=scheme)
            page.goto(site + address)
            _settled(page)
            report = run_axe(page)
            assert report.violations == (), f"{address} ({scheme}):\n{report.describe()}"


def test_first_load_downloads_no_filter_data_and_no_sitemap(page, site, corpus):
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(site + "profiles/")
    page.wait_for_load_state("networkidle")
    page.goto(site + corpus.profiles[0]["url"])
    page.wait_for_load_state("networkidle")
    assert [url for url in requested if "/browse/" in url or url.endswith("card.json")] == []
    assert [url for url in requested if "sitemap" in url] == []
