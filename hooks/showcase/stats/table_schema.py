"""The shape of a statistics file in ``data/*.yml`` (single source of truth).

One file holds one table.  ``kind`` says which of three shapes it has:

* ``time_series``: one row per fiscal year, with a value for each declared
  ``series`` (``{fiscal_year: 2016, era: 平成28年度, organisations: 3071}``);
* ``survey``: percentages of respondents, one row per answer;
* ``items``: separate figures with their own unit (caps, budgets, facts).

The models are strict (no string-to-number coercion, no unknown keys).  The
rules that look across values (consecutive years, era labels, percentage
ranges) live in :mod:`showcase.stats.checks`, and :func:`stats_json_schema`
exports these models for editors and CI.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, RootModel

from showcase.content.schema import Source as RecordSource

Unit = Literal["団体", "市区町村", "人", "%", "万円", "百万円", "億円", "措置率"]
COUNT_UNITS = frozenset({"団体", "市区町村", "人"})
MONEY_UNITS = frozenset({"万円", "百万円", "億円"})
Number = float  # strict mode: accepts YAML integers and decimals, never "3,071" or true
Text = Annotated[str, Field(min_length=1, max_length=400)]
AS_OF_PATTERN = r"^[0-9]{4}-(0[1-9]|1[0-2])$"
KEY_PATTERN = r"^[a-z][a-z0-9_]*$"
RESERVED_ROW_KEYS = frozenset({"fiscal_year", "era"})


class _Strict(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


class Source(RecordSource):
    """Where the figures come from: the records' citation (publisher, title as printed, date, url, note) plus the survey."""

    survey: Text | None = Field(None, title="調査名", description="調査名（調査の場合）")
    as_of: str | None = Field(None, pattern=AS_OF_PATTERN, title="時点", description="時点（YYYY-MM、資料に記載がある場合のみ）")


class _Table(_Strict):
    title: Text = Field(title="表の題名")
    description: Text | None = Field(None, title="補足説明")
    sources: Annotated[list[Source], Field(min_length=1, title="出典", description="出典（発行者・資料名・日付・URL・注記）")]
    unit: Unit | None = Field(None, title="単位", description="既定の単位（系列・行で上書きできる）")
    multiple_answer: bool | None = Field(None, title="複数回答", description="複数回答の設問なら true")
    decimals: int | None = Field(None, ge=0, le=3, title="小数点以下の桁数", description="小数点以下の表示桁数")
    notes: list[Text] = Field(default_factory=list, title="注記", description="注記（※）")
    checked: str | None = Field(None, pattern=AS_OF_PATTERN, title="最終確認日",
                                description="出典と照合した年月（YYYY-MM）。ページの「最終確認日」に表示されます")


class Series(_Strict):
    key: str = Field(pattern=KEY_PATTERN, title="列名", description="行で使う列名（英小文字）")
    label: Text = Field(title="系列名")
    unit: Unit | None = Field(None, title="単位")


class YearRow(BaseModel):
    """One fiscal year; every other key is a declared series with its value."""

    model_config = ConfigDict(strict=True, extra="allow", frozen=True)
    __pydantic_extra__: dict[str, Number]

    fiscal_year: int = Field(title="年度", description="西暦の年度（例: 2016）")
    era: Text = Field(title="和暦の年度", description="和暦の年度（例: 平成28年度、令和元年度）")

    def value(self, key: str) -> float:
        return (self.model_extra or {})[key]


class Target(_Strict):
    series: str = Field(pattern=KEY_PATTERN, title="系列の列名")
    fiscal_year: int = Field(title="年度")
    era: Text = Field(title="和暦の年度")
    value: Number = Field(title="目標値")
    label: Text | None = Field(None, title="目標の説明", description="目標の説明（省略時は値と年度から作る）")


class TimeSeriesTable(_Table):
    kind: Literal["time_series"] = Field(title="表の種類")
    series: Annotated[list[Series], Field(min_length=1, title="系列")]
    rows: Annotated[list[YearRow], Field(min_length=1, title="行")]
    target: Target | None = Field(None, title="目標")


class SurveyRow(_Strict):
    label: Text = Field(title="回答の項目")
    value: Number = Field(title="割合", description="割合（%）")
    multiple_answer: bool | None = Field(None, title="複数回答", description="この行だけ複数回答の設問なら true")
    base: Text | None = Field(None, title="母数", description="割合の母数が回答団体全体でない場合の母数")
    note: Text | None = Field(None, title="注記")


class SurveyTable(_Table):
    kind: Literal["survey"] = Field(title="表の種類")
    unit: Literal["%"] = Field(title="単位")
    multiple_answer: bool = Field(title="複数回答")
    rows: Annotated[list[SurveyRow], Field(min_length=1, title="行")]


class Breakdown(_Strict):
    label: Text = Field(title="内訳の項目")
    value: Number = Field(title="値")


class Item(_Strict):
    label: Text = Field(title="項目名")
    value: Number = Field(title="値")
    unit: Unit | None = Field(None, title="単位")
    group: Text | None = Field(None, title="区分", description="区分（同じ区分の行をまとめて表示）")
    qualifier: Literal["約", "以上", "上限"] | None = Field(None, title="修飾語")
    per: Literal["団体", "人"] | None = Field(None, title="あたりの単位", description="「1団体あたり」「1人あたり」")
    recipient: Text | None = Field(None, title="対象", description="対象（例: 道府県）")
    fiscal_year: int | None = Field(None, title="年度")
    era: Text | None = Field(None, title="和暦の年度")
    as_of: str | None = Field(None, pattern=AS_OF_PATTERN, title="時点")
    breakdown: list[Breakdown] | None = Field(None, title="内訳", description="内訳（合計が value と一致すること）")
    note: Text | None = Field(None, title="注記")


class ItemsTable(_Table):
    kind: Literal["items"] = Field(title="表の種類")
    fiscal_year: int | None = Field(None, title="年度")
    era: Text | None = Field(None, title="和暦の年度")
    rows: Annotated[list[Item], Field(min_length=1, title="行")]


# What the pydantic-error translator (showcase.check.fields) says when a pattern= fails: a message code per pattern,
# "year_month" being the translator's own (it names the exact "YYYY-MM" meant).
PATTERNS = {AS_OF_PATTERN: "year_month", KEY_PATTERN: "series_key"}
MESSAGES = {"series_key": ("英小文字・数字・「_」で書いてください", "must use lowercase letters, digits and '_'",
                           "例: organisations", "e.g. organisations")}

TableSpec = Union[TimeSeriesTable, SurveyTable, ItemsTable]
MODELS: dict[str, type[BaseModel]] = {
    "time_series": TimeSeriesTable,
    "survey": SurveyTable,
    "items": ItemsTable,
}


class StatFile(RootModel[Annotated[TableSpec, Field(discriminator="kind")]]):
    """Any statistics file (used for the JSON Schema)."""


@dataclass(frozen=True)
class StatTable:
    """A validated table: its id (the file name without ``.yml``), its file and its contents."""

    id: str
    path: str
    spec: TableSpec

    @property
    def title(self) -> str:
        return self.spec.title

    @property
    def kind(self) -> str:
        return self.spec.kind

    def series_unit(self, series: Series) -> str:
        return series.unit or self.spec.unit or ""

    def item_unit(self, item: Item) -> str:
        return item.unit or self.spec.unit or ""


def stats_json_schema() -> dict:
    """JSON Schema for ``data/*.yml`` (write it to ``schemas/stats.schema.json``)."""
    schema = StatFile.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "chiiki-showcase statistics table (data/*.yml)"
    return schema
