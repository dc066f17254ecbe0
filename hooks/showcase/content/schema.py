"""The record schema: one pydantic model per collection, the single source of truth.

``scripts/export-schemas`` writes these models as JSON Schema into
``schemas/`` for editors (yaml-language-server) and CI; a test fails when the
committed files are stale.  Keys are English snake_case; titles and
descriptions are Japanese, because that is what contributors read in their
editor.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal, Optional

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, model_validator

from showcase.content.vocab import ACTIVITY_FIELDS, LEGAL_FORMS, PREFECTURES, RMO_CATEGORIES, is_valid_municipality_code

YEAR_MONTH_RE = re.compile(r"^(19|20)\d\d-(0[1-9]|1[0-2])$")
SAFE_URL_RE = re.compile(r"^(https://[^\s<>\"']+|mailto:[^\s<>\"'@]+@[^\s<>\"'@]+)$", re.IGNORECASE)
HTTPS_URL_RE = re.compile(r"^https://[^\s<>\"']+$", re.IGNORECASE)
EMAIL_RE = re.compile(r"^[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}$")
PHONE_RE = re.compile(r"^0\d{1,4}-\d{1,4}-\d{3,4}$")

Line = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=4000)]


def _year_month(value: str) -> str:
    if not YEAR_MONTH_RE.match(value):
        raise ValueError("year_month")
    return value


def _safe_url(value: str) -> str:
    if not SAFE_URL_RE.match(value):
        raise ValueError("safe_url")
    return value


def _https_url(value: str) -> str:
    if not HTTPS_URL_RE.match(value):
        raise ValueError("https_url")
    return value


def _municipality_code(value: str) -> str:
    if not is_valid_municipality_code(value):
        raise ValueError("municipality_code")
    return value


def _email(value: str) -> str:
    if not EMAIL_RE.match(value):
        raise ValueError("email")
    return value


def _phone(value: str) -> str:
    if not PHONE_RE.match(value):
        raise ValueError("phone")
    return value


YearMonth = Annotated[str, AfterValidator(_year_month), Field(pattern=YEAR_MONTH_RE.pattern, examples=["2022-06"])]
HttpsUrl = Annotated[str, AfterValidator(_https_url), Field(pattern=HTTPS_URL_RE.pattern, examples=["https://www.soumu.go.jp/"])]
SafeUrl = Annotated[str, AfterValidator(_safe_url), Field(pattern=SAFE_URL_RE.pattern, examples=["https://example.jp/"])]
MunicipalityCode = Annotated[str, AfterValidator(_municipality_code), Field(pattern=r"^\d{6}$", examples=["192040"])]
Email = Annotated[str, AfterValidator(_email), Field(examples=["info@example.jp"])]
Phone = Annotated[str, AfterValidator(_phone), Field(examples=["0742-93-0001"])]
Slug = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]

PrefectureName = Literal[tuple(p.name for p in PREFECTURES)]  # type: ignore[valid-type]
ActivityField = Literal[tuple(ACTIVITY_FIELDS)]  # type: ignore[valid-type]
LegalForm = Literal[LEGAL_FORMS]  # type: ignore[valid-type]
RmoCategory = Literal[tuple(RMO_CATEGORIES)]  # type: ignore[valid-type]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Link(Strict):
    label: Line = Field(title="表示名", description="リンクの名前（例: Instagram、活動ブログ）")
    url: SafeUrl = Field(title="URL", description="https:// または mailto: で始まる URL")


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
    url: Optional[HttpsUrl] = Field(None, title="URL", description="資料を公開しているページの https URL。分からなければ省略し、推測で書かないこと")
    note: Optional[Text] = Field(None, title="出典についての注記", description="出典から読み取れない点など。ページでは出典の下に短い注記として表示されます")

    @property
    def citation(self) -> str:
        """Plain text: ``総務省「地域運営組織（RMO）の概要」（地域運営組織の活動事例）``."""
        where = "、".join(part for part in (self.section, self.date) if part)
        return f"{self.publisher or ''}「{self.title}」" + (f"（{where}）" if where else "")


class Activity(Strict):
    title: Line = Field(title="活動の見出し")
    body: Text = Field(title="活動の説明", description="Markdown（太字・箇条書き・https リンク）が使えます")


class Term(Strict):
    start: YearMonth = Field(title="着任", description="着任した年月（YYYY-MM）")
    end: Optional[YearMonth] = Field(None, title="任期終了", description="任期の終了（予定）年月（YYYY-MM）。未定なら省略")

    @model_validator(mode="after")
    def _ordered(self) -> "Term":
        if self.end is not None and self.end < self.start:
            raise ValueError("term_order")
        return self


class Age(Strict):
    years: int = Field(ge=15, le=100, title="年齢")
    as_of: YearMonth = Field(title="時点", description="その年齢だった年月（YYYY-MM）")


class Contact(Strict):
    organisation: Optional[Line] = Field(None, title="窓口", description="問い合わせ先の名前（例: 奈良市東部出張所）")
    email: Optional[Email] = Field(None, title="メールアドレス")
    phone: Optional[Phone] = Field(None, title="電話番号", description="ハイフン区切り（例: 0742-93-0001）")


class Consent(Strict):
    date: YearMonth = Field(title="同意の年月", description="掲載に同意した（または公表された）年月（YYYY-MM）")
    basis: Literal["本人の同意", "公的機関の公表資料"] = Field(
        title="根拠", description="本人から同意を得たか、公的機関が本人の同意を得て公表した資料に基づくか。同意書そのものはリポジトリに置かないこと")


class _Record(Strict):
    name: Line = Field(title="名前")
    prefecture: PrefectureName = Field(title="都道府県")
    municipality: Line = Field(title="市区町村", description="例: 都留市")
    municipality_code: MunicipalityCode = Field(title="全国地方公共団体コード", description="6桁（検査数字を含む）。例: 都留市は 192040")
    links: list[Link] = Field(default_factory=list, title="リンク", max_length=10)
    photos: list[Photo] = Field(default_factory=list, title="写真", max_length=12)
    sources: list[Source] = Field(default_factory=list, title="出典")
    published: YearMonth = Field(title="掲載年月", description="このサイトに掲載した年月（YYYY-MM）。新着フィードに使われます")
    updated: Optional[YearMonth] = Field(None, title="最終確認年月", description="内容を出典や本人と最後に確認した年月（YYYY-MM）。ページの「最終確認日」に表示されます")

    @property
    def checked(self) -> str:
        """The month shown as 最終確認日: the last check, or the month the record was published."""
        return max(self.updated or self.published, self.published)


class ProfileRecord(_Record):
    """地域おこし協力隊の隊員・OB・OG のプロフィール"""

    model_config = ConfigDict(title="地域おこし協力隊 プロフィール")

    fields: list[ActivityField] = Field(min_length=1, max_length=3, title="活動分野")
    term: Term = Field(title="活動時期")
    age: Optional[Age] = Field(None, title="年齢（任意）")
    hometown: Optional[Line] = Field(None, title="出身地")
    moved_from: Optional[Line] = Field(None, title="転出元")
    previous_job: Optional[Line] = Field(None, title="前職")
    motivation: Text = Field(title="協力隊に応募したきっかけ")
    activities: list[Activity] = Field(min_length=1, max_length=10, title="活動内容")
    goals: Text = Field(title="今後の抱負・任期後の目標")
    contact: Optional[Contact] = Field(None, title="連絡先（任意）")
    consent: Consent = Field(title="掲載への同意")
    related_cases: list[Slug] = Field(default_factory=list, title="関連する地域運営組織", description="cases/ のフォルダ名")


class CaseActivity(Activity):
    category: RmoCategory = Field(title="活動分類", description="全国調査の活動内容に対応する分類")


class CaseRecord(_Record):
    """地域運営組織（RMO）の事例"""

    model_config = ConfigDict(title="地域運営組織 事例")

    legal_form: Optional[LegalForm] = Field(None, title="組織形態", description="出典に記載がなければ省略")
    area: Optional[Line] = Field(None, title="活動区域", description="例: ○○小学校区")
    summary: Text = Field(title="概要")
    activities: list[CaseActivity] = Field(min_length=1, max_length=12, title="活動内容")
    related_profiles: list[Slug] = Field(default_factory=list, title="関連する協力隊プロフィール", description="profiles/ のフォルダ名")
