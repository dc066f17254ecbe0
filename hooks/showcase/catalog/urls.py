"""The one URL scheme: every site-relative address the build writes to or links to is made here.

Pages, cards, embeds, oEmbed documents, open data, charts, Open Graph cards, the templates (as the Jinja global
``urls``) and the tests all ask this module, so moving a section of the site is a change in one place.
Addresses are site-relative (no leading ``/``); a folder ends in ``/`` (``profiles/a/`` is
``profiles/a/index.html``).  This module imports nothing: any stage may use it.
"""

from __future__ import annotations

# Record pages: a record's URL is its content folder (profiles/<slug>/profile.yml → profiles/<slug>/).
RECORD_FOLDERS = {"profile": "profiles", "case": "cases"}
PREFECTURES = "prefectures/"
STATISTICS = "statistics/"
SEARCH = "search/"
PAGEFIND = "pagefind/"
DATA = "data/"
STATISTICS_DATA = "data/statistics/"
PHOTOS = "assets/photos/"
OG_CARDS = "assets/og/"
FEED = "feed.xml"
CONTRIBUTE = "contribute/"
EMBED_LOADER = "embed.js"
# The folder of each kind of embed view under embed/ and oembed/.
EMBED_FOLDERS = {"profile": "profiles", "case": "cases", "municipality": "municipalities",
                 "prefecture": "prefectures", "chart": "charts"}


def collection(kind: str) -> str:
    """The listing of one collection: ``profiles/`` or ``cases/``."""
    return f"{RECORD_FOLDERS[kind]}/"


def contribute_form(kind: str) -> str:
    """The 掲載フォーム for one kind of record (``?from=<slug>`` loads a published record into it)."""
    return f"{CONTRIBUTE}{kind}/"


def record(kind: str, slug: str) -> str:
    return f"{RECORD_FOLDERS[kind]}/{slug}/"


def prefecture(slug: str) -> str:
    return f"{PREFECTURES}{slug}/"


def municipality(code: str) -> str:
    return f"municipalities/{code}/"


def field(slug: str) -> str:
    """A 協力隊 activity field's listing."""
    return f"fields/{slug}/"


def status(status: str) -> str:
    """The profiles of one status (active, OB/OG, ...)."""
    return f"profiles/status/{status}/"


def category(slug: str) -> str:
    """An RMO activity category's listing."""
    return f"cases/category/{slug}/"


def statistics_chart(chart_id: str) -> str:
    """A chart on the statistics page."""
    return f"{STATISTICS}#{chart_id}"


def og_card(kind: str, slug: str) -> str:
    """A record's Open Graph card."""
    return f"{OG_CARDS}{kind}-{slug}.png"


def embed(kind: str, key: str) -> str:
    """The embed view of a record, place or chart (``key``: slug, municipality code, prefecture slug, chart id)."""
    return f"embed/{EMBED_FOLDERS[kind]}/{key}/"


def oembed(kind: str, key: str) -> str:
    return f"oembed/{EMBED_FOLDERS[kind]}/{key}.json"


def data_file(name: str) -> str:
    """An open-data file: ``profiles.csv``, ``cases.json``, ``prefectures.json`` ..."""
    return f"{DATA}{name}"


def record_data(kind: str, slug: str) -> str:
    """One record's open data (``data/profiles/<slug>.json``): what the 掲載フォーム's ``?from=`` loads."""
    return f"{DATA}{RECORD_FOLDERS[kind]}/{slug}.json"


def record_data_pattern(kind: str) -> str:
    """:func:`record_data` with ``{slug}`` left to fill (listed once in ``data/index.json``, not per record)."""
    return record_data(kind, "{slug}")


def prefecture_data(slug: str) -> str:
    return f"{DATA}prefectures/{slug}.json"


def municipality_data(code: str) -> str:
    return f"{DATA}municipalities/{code}.json"


def statistics_data(name: str) -> str:
    """A statistics table's download (``<table>.csv`` or ``.json``)."""
    return f"{STATISTICS_DATA}{name}"


def listing_page(listing: str, number: int) -> str:
    """Page ``number`` of a paginated listing whose first page is ``listing``."""
    return listing if number == 1 else f"{listing}page/{number}/"
