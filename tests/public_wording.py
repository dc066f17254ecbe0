"""Phrases that talk to maintainers, not readers: no published page, record or data file may contain them.

Shared by the unit test over the committed sources and the integration test over a built site."""

MAINTAINER_PHRASES = (
    "抽出",  # 「抽出テキストでは…」: how the seed's text was extracted is the maintainers' business
    "出典資料の",  # 「出典資料の活動事例の欄に…と記載されています」: describe the activity instead
    "と記載されています",
    "原本で確認",
    "メンテナー",
    "リポジトリの Issue",  # the old removal route: people reach us without GitHub now
    "TODO",
    "FIXME",
)


def maintainer_phrases_in(text: str) -> list[str]:
    return [phrase for phrase in MAINTAINER_PHRASES if phrase in text]
