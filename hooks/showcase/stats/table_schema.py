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


class Source(_Strict):
    """Where the figures come from."""

    document: Text = Field(description="出典資料名")
    survey: Text | None = Field(None, description="調査名（調査の場合）")
    as_of: str | None = Field(None, pattern=AS_OF_PATTERN, description="時点（YYYY-MM、資料に記載がある場合のみ）")


class _Table(_Strict):
    title: Text = Field(description="表の題名")
    description: Text | None = Field(None, description="補足説明")
    source: Source
    unit: Unit | None = Field(None, description="既定の単位（系列・行で上書きできる）")
    multiple_answer: bool | None = Field(None, description="複数回答の設問なら true")
    decimals: int | None = Field(None, ge=0, le=3, description="小数点以下の表示桁数")
    notes: list[Text] = Field(default_factory=list, description="注記（※）")


class Series(_Strict):
    key: str = Field(pattern=KEY_PATTERN, description="行で使う列名（英小文字）")
    label: Text = Field(description="系列名")
    unit: Unit | None = None


class YearRow(BaseModel):
    """One fiscal year; every other key is a declared series with its value."""

    model_config = ConfigDict(strict=True, extra="allow", frozen=True)
    __pydantic_extra__: dict[str, Number]

    fiscal_year: int = Field(description="西暦の年度（例: 2016）")
    era: Text = Field(description="和暦の年度（例: 平成28年度、令和元年度）")

    def value(self, key: str) -> float:
        return (self.model_extra or {})[key]


class Target(_Strict):
    series: str = Field(pattern=KEY_PATTERN)
    fiscal_year: int
    era: Text
    value: Number
    label: Text | None = Field(None, description="目標の説明（省略時は値と年度から作る）")


class TimeSeriesTable(_Table):
    kind: Literal["time_series"]
    series: Annotated[list[Series], Field(min_length=1)]
    rows: Annotated[list[YearRow], Field(min_length=1)]
    target: Target | None = None


class SurveyRow(_Strict):
    label: Text = Field(description="回答の項目")
    value: Number = Field(description="割合（%）")
    multiple_answer: bool | None = Field(None, description="この行だけ複数回答の設問なら true")
    base: Text | None = Field(None, description="割合の母数が回答団体全体でない場合の母数")
    note: Text | None = None


class SurveyTable(_Table):
    kind: Literal["survey"]
    unit: Literal["%"]
    multiple_answer: bool
    rows: Annotated[list[SurveyRow], Field(min_length=1)]


class Breakdown(_Strict):
    label: Text
    value: Number


class Item(_Strict):
    label: Text
    value: Number
    unit: Unit | None = None
    group: Text | None = Field(None, description="区分（同じ区分の行をまとめて表示）")
    qualifier: Literal["約", "以上", "上限"] | None = None
    per: Literal["団体", "人"] | None = Field(None, description="「1団体あたり」「1人あたり」")
    recipient: Text | None = Field(None, description="対象（例: 道府県）")
    fiscal_year: int | None = None
    era: Text | None = None
    as_of: str | None = Field(None, pattern=AS_OF_PATTERN)
    breakdown: list[Breakdown] | None = Field(None, description="内訳（合計が value と一致すること）")
    note: Text | None = None


class ItemsTable(_Table):
    kind: Literal["items"]
    fiscal_year: int | None = None
    era: Text | None = None
    rows: Annotated[list[Item], Field(min_length=1)]


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
