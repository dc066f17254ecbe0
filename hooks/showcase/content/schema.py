"""The record schema: one pydantic model per collection, the single source of truth.

``scripts/export-schemas`` writes these models as JSON Schema into
``schemas/`` for editors (yaml-language-server) and CI; a test fails when the
committed files are stale.  Keys are English snake_case; titles and
descriptions are Japanese, because that is what contributors read in their
editor.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal, Optional

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, model_validator

from showcase.content.vocab import ACTIVITY_FIELDS, AFTER_TERM_PATHS, LEGAL_FORMS, SETTLEMENT, PREFECTURES, RMO_CATEGORIES, is_valid_municipality_code

# Each format is written once, as a pattern: the validators below compile it, and the JSON Schema
# carries it (json_schema_extra) so an editor flags the same values while the contributor types.
# [0-9], never \d: Python's \d also matches full-width digits, an editor's (ECMAScript) does not.
YEAR_MONTH_PATTERN = r"^(19|20)[0-9][0-9]-(0[1-9]|1[0-2])$"
YEAR_OR_MONTH_PATTERN = r"^(19|20)[0-9][0-9](-(0[1-9]|1[0-2]))?$"
HTTPS_URL_PATTERN = r"^https://[^\s<>\"']+$"
SAFE_URL_PATTERN = r"^(https://[^\s<>\"']+|mailto:[^\s<>\"'@]+@[^\s<>\"'@]+)$"
EMAIL_PATTERN = r"^[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}$"
PHONE_PATTERN = r"^0[0-9]{1,4}-[0-9]{1,4}-[0-9]{3,4}$"
MUNICIPALITY_CODE_PATTERN = r"^[0-9]{6}$"  # the check digit and the official list are checked by the validator only
SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
MAX_SLUG_LENGTH = 64  # a folder name, a URL segment and part of temp and cache file names (255 bytes at most)
NOT_BLANK_PATTERN = r"\S"  # a line or text is stripped, then must not be empty
# よみがな (name_kana): hiragana (with ー and ゝゞ) and single spaces, e.g. "やまだ たろう" (issue 16)
NAME_KANA_PATTERN = r"^[\u3041-\u3096\u309d\u309e\u30fc]+([ \u3000][\u3041-\u3096\u309d\u309e\u30fc]+)*$"

YEAR_MONTH_RE = re.compile(YEAR_MONTH_PATTERN)
YEAR_OR_MONTH_RE = re.compile(YEAR_OR_MONTH_PATTERN)
SAFE_URL_RE = re.compile(SAFE_URL_PATTERN)  # case-sensitive, as JSON Schema patterns are
HTTPS_URL_RE = re.compile(HTTPS_URL_PATTERN)
EMAIL_RE = re.compile(EMAIL_PATTERN)
PHONE_RE = re.compile(PHONE_PATTERN)
NAME_KANA_RE = re.compile(NAME_KANA_PATTERN)


def _pattern(pattern: str, *examples: str) -> Any:
    """The JSON Schema side of a format: its pattern (and examples) for editors."""
    extra: dict[str, Any] = {"pattern": pattern}
    return Field(json_schema_extra=extra, examples=list(examples)) if examples else Field(json_schema_extra=extra)


Line = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120), _pattern(NOT_BLANK_PATTERN)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=4000), _pattern(NOT_BLANK_PATTERN)]

# Dates that must come in order, beyond what JSON Schema can say: group → (earlier key, later key, message code).
# The model below and the contribute form (showcase.render.contribute) both read this table.
DATE_ORDER: dict[str, tuple[str, str, str]] = {"term": ("start", "end", "term_order")}


def _year_month(value: str) -> str:
    if not YEAR_MONTH_RE.fullmatch(value):
        raise ValueError("year_month")
    return value


def _safe_url(value: str) -> str:
    if not SAFE_URL_RE.fullmatch(value):
        raise ValueError("safe_url")
    return value


def _https_url(value: str) -> str:
    if not HTTPS_URL_RE.fullmatch(value):
        raise ValueError("https_url")
    return value


def _municipality_code(value: str) -> str:
    if not is_valid_municipality_code(value):
        raise ValueError("municipality_code")
    return value


def _email(value: str) -> str:
    if not EMAIL_RE.fullmatch(value):
        raise ValueError("email")
    return value


def _phone(value: str) -> str:
    if not PHONE_RE.fullmatch(value):
        raise ValueError("phone")
    return value


def _year_or_month(value: str) -> str:
    if not YEAR_OR_MONTH_RE.fullmatch(value):
        raise ValueError("year_or_month")
    return value


def _name_kana(value: str) -> str:
    if not NAME_KANA_RE.fullmatch(value):
        raise ValueError("name_kana")
    return value


YearMonth = Annotated[str, AfterValidator(_year_month), _pattern(YEAR_MONTH_PATTERN, "2022-06")]
YearOrMonth = Annotated[str, AfterValidator(_year_or_month), _pattern(YEAR_OR_MONTH_PATTERN, "2015", "2015-04")]
HttpsUrl = Annotated[str, AfterValidator(_https_url), _pattern(HTTPS_URL_PATTERN, "https://www.soumu.go.jp/")]
SafeUrl = Annotated[str, AfterValidator(_safe_url), _pattern(SAFE_URL_PATTERN, "https://example.jp/")]
MunicipalityCode = Annotated[str, AfterValidator(_municipality_code), _pattern(MUNICIPALITY_CODE_PATTERN, "192040")]
Email = Annotated[str, AfterValidator(_email), _pattern(EMAIL_PATTERN, "info@example.jp")]
Phone = Annotated[str, AfterValidator(_phone), _pattern(PHONE_PATTERN, "0742-93-0001")]
NameKana = Annotated[str, StringConstraints(max_length=120), AfterValidator(_name_kana),
                     _pattern(NAME_KANA_PATTERN, "やまだ たろう")]
Slug = Annotated[str, Field(pattern=SLUG_PATTERN, max_length=MAX_SLUG_LENGTH)]

PrefectureName = Literal[tuple(p.name for p in PREFECTURES)]  # type: ignore[valid-type]
ActivityField = Literal[tuple(ACTIVITY_FIELDS)]  # type: ignore[valid-type]
LegalForm = Literal[LEGAL_FORMS]  # type: ignore[valid-type]
RmoCategory = Literal[tuple(RMO_CATEGORIES)]  # type: ignore[valid-type]
Settlement = Literal[tuple(SETTLEMENT)]  # type: ignore[valid-type]
AfterTermPath = Literal[tuple(AFTER_TERM_PATHS)]  # type: ignore[valid-type]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Link(Strict):
    label: Line = Field(title="表示名", description="リンクの名前（例: Instagram、活動ブログ）")
    url: SafeUrl = Field(title="リンク先", description="https:// または mailto: で始まる URL（mailto: はその人のページにだけ表示されます）")

    @property
    def is_contact(self) -> bool:
        """A ``mailto:`` link is contact data, like ``contact.email``: see :attr:`_Record.public_links`."""
        return self.url[:7].lower() == "mailto:"


class Photo(Strict):
    file: Line = Field(title="ファイル名", description="このフォルダ内の写真ファイル名（JPEG・PNG・WebP）")
    alt: Line = Field(title="代替テキスト", description="写真の内容を説明する文（音声読み上げで使われます）")
    caption: Optional[Line] = Field(None, title="キャプション", description="写真の下に表示する説明（任意）")


class Source(Strict):
    """A citation a reader can follow: who published what, when, and where (only an address that is known)."""

    publisher: Optional[Line] = Field(None, title="発行者", description="資料を公表した機関（例: 総務省）")
    title: Text = Field(title="資料名", description="資料に印刷されている題名のまま")
    section: Optional[Line] = Field(None, title="該当箇所", description="資料の中の見出しやページ（例: 地域運営組織の活動事例）")
    date: Optional[Line] = Field(None, title="日付・時点", description="資料に記載された日付や時点（記載のとおり）。分からなければ省略")
    url: Optional[HttpsUrl] = Field(None, title="資料のアドレス", description="資料を公開しているページの https URL。分からなければ省略し、推測で書かないこと")
    note: Optional[Text] = Field(None, title="出典についての注記", description="出典から読み取れない点など。ページでは出典の下に短い注記として表示されます")

    @property
    def citation(self) -> str:
        """Plain text: ``総務省「地域運営組織（RMO）の概要」（地域運営組織の活動事例）``."""
        where = "、".join(part for part in (self.section, self.date) if part)
        return f"{self.publisher or ''}「{self.title}」" + (f"（{where}）" if where else "")


class Activity(Strict):
    title: Line = Field(title="活動の見出し", description="活動を短く表す見出し（1行）")
    body: Text = Field(title="活動の説明", description="Markdown（太字・箇条書き・https リンク）が使えます")


class Term(Strict):
    start: YearMonth = Field(title="着任", description="着任した年月（YYYY-MM）")
    end: Optional[YearMonth] = Field(None, title="任期終了", description="任期の終了（予定）年月（YYYY-MM）。未定なら省略")
    end_planned: bool = Field(False, title="任期終了は予定か", description="end がまだ予定なら true（引用符なし）。書かなければ任期は終わったものとして OB・OG と表示します")

    @model_validator(mode="after")
    def _ordered(self) -> "Term":
        first, then, code = DATE_ORDER["term"]
        if getattr(self, then) is not None and getattr(self, then) < getattr(self, first):
            raise ValueError(code)
        return self


class AfterTerm(Strict):
    """任期後の定住と進路（OB・OG だけ。任意）"""

    settled: Optional[Settlement] = Field(None, title="任期後の居住地", description="任期後に住んでいる所。選択肢から")
    path: list[AfterTermPath] = Field(default_factory=list, max_length=7, title="任期後の進路",
                                      description="任期後の仕事・進路。選択肢から1つ以上（起業、就職 など）")
    since: Optional[YearMonth] = Field(None, title="その時点", description="定住・進路を始めた年月（YYYY-MM）")
    note: Optional[Text] = Field(None, title="任期後について", description="任意。任期後の暮らしや仕事の説明（Markdown が使えます）")


class Age(Strict):
    years: int = Field(ge=15, le=100, title="年齢", description="15〜100 の整数（引用符なし）")
    as_of: YearMonth = Field(title="時点", description="その年齢だった年月（YYYY-MM）")


class Contact(Strict):
    organisation: Optional[Line] = Field(None, title="窓口", description="問い合わせ先の名前（例: 奈良市東部出張所）")
    email: Optional[Email] = Field(None, title="メールアドレス", description="本人のページにだけ表示（データ出力には含めません）")
    phone: Optional[Phone] = Field(None, title="電話番号", description="ハイフン区切り（例: 0742-93-0001）")


class Consent(Strict):
    date: YearMonth = Field(title="同意の年月", description="掲載に同意した（または公表された）年月（YYYY-MM）")
    basis: Literal["本人の同意", "公的機関の公表資料"] = Field(
        title="根拠", description="本人から同意を得たか、公的機関が本人の同意を得て公表した資料に基づくか。同意書そのものはリポジトリに置かないこと")


class _Record(Strict):
    name: Line = Field(title="名前", description="プロフィールは本人の名前、事例は組織の名前（1行）")
    name_kana: Optional[NameKana] = Field(None, title="よみがな",
                                          description="名前の読み（ひらがなと空白）。五十音順の並べ替えと検索に使われます（任意）")
    prefecture: PrefectureName = Field(title="都道府県", description="正式名（例: 山梨県、北海道、東京都）")
    municipality: Line = Field(title="市区町村", description="例: 都留市")
    municipality_code: MunicipalityCode = Field(title="全国地方公共団体コード", description="6桁（検査数字を含む）。例: 都留市は 192040")
    links: list[Link] = Field(default_factory=list, title="リンク", description="10件まで", max_length=10)
    photos: list[Photo] = Field(default_factory=list, title="写真", description="12枚まで。写っている人全員の同意が必要", max_length=12)
    sources: list[Source] = Field(default_factory=list, title="出典", description="内容の根拠になった資料")
    published: YearMonth = Field(title="掲載年月", description="このサイトに掲載した年月（YYYY-MM）。新着フィードに使われます")
    updated: Optional[YearMonth] = Field(None, title="最終確認年月", description="内容を出典や本人と最後に確認した年月（YYYY-MM）。ページの「最終確認日」に表示されます")

    @property
    def checked(self) -> str:
        """The month shown as 最終確認日: the last check, or the month the record was published."""
        return max(self.updated or self.published, self.published)

    @property
    def public_links(self) -> list[Link]:
        """The links every output may carry. A ``mailto:`` link is contact data: only the record's own page shows
        it (like ``contact.email``); bulk exports, search, the feed and embeds ask for these instead of ``links``."""
        return [link for link in self.links if not link.is_contact]


class ProfileRecord(_Record):
    """地域おこし協力隊の隊員・OB・OG のプロフィール"""

    model_config = ConfigDict(title="地域おこし協力隊 プロフィール")

    fields: list[ActivityField] = Field(min_length=1, max_length=3, title="活動分野", description="1〜3個、選択肢から")
    term: Term = Field(title="活動時期", description="start（着任年月）と end（任期終了年月、任意）")
    age: Optional[Age] = Field(None, title="年齢", description="任意。years（年齢）と as_of（その時点の年月）の両方を書きます")
    hometown: Optional[Line] = Field(None, title="出身地", description="任意（1行）")
    moved_from: Optional[Line] = Field(None, title="転出元", description="任意。移住前に住んでいた所（1行）")
    previous_job: Optional[Line] = Field(None, title="前職", description="任意（1行）")
    motivation: Text = Field(title="協力隊に応募したきっかけ", description="文章（Markdown が使えます）")
    activities: list[Activity] = Field(min_length=1, max_length=10, title="活動内容", description="1〜10件。各件に title と body")
    goals: Text = Field(title="今後の抱負・任期後の目標", description="文章（Markdown が使えます）")
    after_term: Optional[AfterTerm] = Field(None, title="任期後", description="任意。任期を終えた隊員の定住（settled）・進路（path）・時点（since）・説明（note）")
    contact: Optional[Contact] = Field(None, title="連絡先", description="任意。書いた項目だけ本人のページに表示")
    consent: Consent = Field(title="掲載への同意", description="date（年月）と basis（根拠）。証拠そのものはリポジトリに置かないこと")
    related_cases: list[Slug] = Field(default_factory=list, title="関連する地域運営組織", description="cases/ のフォルダ名")


class AreaSize(Strict):
    """活動区域の世帯数・人口（少なくとも一方）と、その時点。"""

    model_config = ConfigDict(json_schema_extra={"anyOf": [{"required": ["households"]}, {"required": ["population"]}]})

    households: Optional[int] = Field(None, ge=1, le=10_000_000, title="世帯数", description="活動区域の世帯数（整数、引用符なし）")
    population: Optional[int] = Field(None, ge=1, le=100_000_000, title="人口", description="活動区域の人口（整数、引用符なし）")
    as_of: YearMonth = Field(title="時点", description="世帯数・人口の時点の年月（YYYY-MM）。出典の記載どおり")

    @model_validator(mode="after")
    def _counted(self) -> "AreaSize":
        if self.households is None and self.population is None:
            raise ValueError("area_size_empty")
        return self


class CaseActivity(Activity):
    category: RmoCategory = Field(title="活動分類", description="全国調査の活動内容に対応する分類")


class CaseRecord(_Record):
    """地域運営組織（RMO）の事例"""

    model_config = ConfigDict(title="地域運営組織 事例")

    legal_form: Optional[LegalForm] = Field(None, title="組織形態", description="出典に記載がなければ省略")
    founded: Optional[YearOrMonth] = Field(None, title="設立", description="組織の設立年（\"YYYY\"）または年月（\"YYYY-MM\"）。出典に記載がなければ省略")
    area: Optional[Line] = Field(None, title="活動区域", description="例: ○○小学校区（複数なら「、」で区切る）")
    area_size: Optional[AreaSize] = Field(None, title="区域の規模", description="活動区域の世帯数・人口と、その時点。出典に記載がなければ省略")
    summary: Text = Field(title="概要", description="文章（Markdown が使えます）")
    activities: list[CaseActivity] = Field(min_length=1, max_length=12, title="活動内容", description="1〜12件。各件に category・title・body")
    related_profiles: list[Slug] = Field(default_factory=list, title="関連する協力隊プロフィール", description="profiles/ のフォルダ名")
