"""Controlled vocabularies: prefectures, activity fields, RMO legal forms and activity categories.

Values are the Japanese labels contributors write in YAML (editors offer
them as completions from the JSON Schema); each has a stable ASCII slug used in
URLs and data exports.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Prefecture:
    code: str  # JIS X 0401, two digits
    name: str  # 北海道, 青森県, ...
    slug: str  # hokkaido, aomori, ...

    @property
    def short(self) -> str:
        return self.name if self.name == "北海道" else self.name[:-1]


_PREFECTURES = [
    ("01", "北海道", "hokkaido"), ("02", "青森県", "aomori"), ("03", "岩手県", "iwate"), ("04", "宮城県", "miyagi"),
    ("05", "秋田県", "akita"), ("06", "山形県", "yamagata"), ("07", "福島県", "fukushima"), ("08", "茨城県", "ibaraki"),
    ("09", "栃木県", "tochigi"), ("10", "群馬県", "gunma"), ("11", "埼玉県", "saitama"), ("12", "千葉県", "chiba"),
    ("13", "東京都", "tokyo"), ("14", "神奈川県", "kanagawa"), ("15", "新潟県", "niigata"), ("16", "富山県", "toyama"),
    ("17", "石川県", "ishikawa"), ("18", "福井県", "fukui"), ("19", "山梨県", "yamanashi"), ("20", "長野県", "nagano"),
    ("21", "岐阜県", "gifu"), ("22", "静岡県", "shizuoka"), ("23", "愛知県", "aichi"), ("24", "三重県", "mie"),
    ("25", "滋賀県", "shiga"), ("26", "京都府", "kyoto"), ("27", "大阪府", "osaka"), ("28", "兵庫県", "hyogo"),
    ("29", "奈良県", "nara"), ("30", "和歌山県", "wakayama"), ("31", "鳥取県", "tottori"), ("32", "島根県", "shimane"),
    ("33", "岡山県", "okayama"), ("34", "広島県", "hiroshima"), ("35", "山口県", "yamaguchi"), ("36", "徳島県", "tokushima"),
    ("37", "香川県", "kagawa"), ("38", "愛媛県", "ehime"), ("39", "高知県", "kochi"), ("40", "福岡県", "fukuoka"),
    ("41", "佐賀県", "saga"), ("42", "長崎県", "nagasaki"), ("43", "熊本県", "kumamoto"), ("44", "大分県", "oita"),
    ("45", "宮崎県", "miyazaki"), ("46", "鹿児島県", "kagoshima"), ("47", "沖縄県", "okinawa"),
]
PREFECTURES: tuple[Prefecture, ...] = tuple(Prefecture(*row) for row in _PREFECTURES)
PREFECTURE_BY_NAME = {p.name: p for p in PREFECTURES}
PREFECTURE_BY_CODE = {p.code: p for p in PREFECTURES}

# 地域おこし協力隊の活動分野 (label -> slug).
ACTIVITY_FIELDS: dict[str, str] = {
    "地域コミュニティ活動": "community",
    "観光": "tourism",
    "農林水産業": "agriculture",
    "地場産品・特産品": "local-products",
    "移住・定住促進": "migration",
    "教育・子育て": "education",
    "医療・福祉": "welfare",
    "環境保全": "environment",
    "文化・芸術・スポーツ": "culture",
    "情報発信・デジタル": "digital",
    "起業・事業承継": "business",
    "空き家・まちづくり": "town-planning",
}

# 地域運営組織の組織形態 (the FY2023 survey's categories first).
LEGAL_FORMS: tuple[str, ...] = (
    "任意団体", "NPO法人", "認可地縁団体", "一般社団法人", "一般財団法人", "株式会社・合同会社", "協同組合", "その他",
)

# Entries of the glossary (docs/glossary.md) that record pages link their terms to.
GLOSSARY_ANCHORS: dict[str, str] = {
    "地域おこし協力隊": "chiiki-okoshi-kyoryokutai", "地域運営組織": "chiiki-unei-soshiki",
    "NPO法人": "npo-hojin", "認可地縁団体": "ninka-chien-dantai", "任意団体": "nin-i-dantai",
}

# Legal forms as organisations write them before or after their own name (longest first, so 「特定非営利活動法人」
# wins over 「法人」-like fragments).  ``own_name`` drops them: a placeholder tile shows 「き」, not 「特」.
_LEGAL_FORM_WORDS: tuple[str, ...] = (
    "特定非営利活動法人", "一般社団法人", "一般財団法人", "公益社団法人", "公益財団法人", "社会福祉法人", "認可地縁団体",
    "株式会社", "合同会社", "有限会社", "NPO法人", "（特非）", "(特非)", "（一社）", "(一社)", "（株）", "(株)",
)


def own_name(name: str) -> str:
    """An organisation's name without its legal form: ``特定非営利活動法人 きらりよしじまネットワーク`` → ``きらりよしじまネットワーク``."""
    trimmed = name.strip()
    changed = True
    while changed:
        changed = False
        for word in _LEGAL_FORM_WORDS:
            if trimmed.startswith(word) and len(trimmed) > len(word):
                trimmed, changed = trimmed[len(word):].strip(" \u3000"), True
            elif trimmed.endswith(word) and len(trimmed) > len(word):
                trimmed, changed = trimmed[:-len(word)].strip(" \u3000"), True
    return trimmed or name

# 地域運営組織の活動内容.  The first four carry the national FY2023 survey share
# (複数回答) that the seed document reports, so our cases can be compared with it.
RMO_CATEGORIES: dict[str, str] = {
    "祭り・運動会・音楽会などの運営": "events",
    "交流事業": "exchange",
    "健康づくり・介護予防": "health",
    "防災活動": "disaster-prevention",
    "高齢者の交流・見守り": "elderly-support",
    "子育て支援・子どもの居場所づくり": "children",
    "移動支援・交通": "transport",
    "買い物支援・産直": "shopping",
    "特産品の開発・販売": "local-products",
    "公的施設の維持管理": "facilities",
    "環境美化・清掃": "environment",
    "地域の話し合い・計画づくり": "planning",
    "その他": "other",
}
NATIONAL_SURVEY_SHARE: dict[str, float] = {
    "祭り・運動会・音楽会などの運営": 69.6,
    "交流事業": 68.5,
    "健康づくり・介護予防": 62.0,
    "防災活動": 60.2,
}

STATUS_LABELS = {"active": "現役", "alumni": "OB・OG"}

# 任期後: where an alumnus lives now (label -> slug), and what they went on to do (label -> slug, several allowed).
# The national figure they are compared with (約65 %, 直近5年 約70 %) counts 「同じ地域に定住」: 同じ市町村.
SETTLEMENT: dict[str, str] = {
    "同じ市町村": "same-municipality",
    "同じ都道府県の別の市町村": "same-prefecture",
    "他の都道府県": "other-prefecture",
    "未定": "undecided",
}
AFTER_TERM_PATHS: dict[str, str] = {
    "起業": "start-up",
    "事業承継": "succession",
    "就職": "employment",
    "就農・就林・就漁": "farming-forestry-fishing",
    "行政・団体職員": "public-sector",
    "進学": "study",
    "その他": "other",
}


def municipality_check_digit(code5: str) -> str:
    """Check digit of a 全国地方公共団体コード (weights 6,5,4,3,2; modulus 11)."""
    total = sum(int(digit) * weight for digit, weight in zip(code5, (6, 5, 4, 3, 2)))
    return str((11 - total % 11) % 10)


def is_valid_municipality_code(code: str) -> bool:
    return (len(code) == 6 and code.isascii() and code.isdigit()
            and code[:2] in PREFECTURE_BY_CODE and municipality_check_digit(code[:5]) == code[5])


def hiragana(text: str) -> str:
    """Katakana as hiragana (ヤマダ → やまだ), everything else unchanged: readings are written and sorted in hiragana."""
    return "".join(chr(ord(c) - 0x60) if "\u30a1" <= c <= "\u30f6" else c for c in text)
