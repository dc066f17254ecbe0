"""The commented YAML a new record starts from (``scripts/new-profile``, ``scripts/new-case``).

Values the contributor gave are written, correctly quoted; every other required
field is left blank (``""`` or an empty ``|`` block) so that ``scripts/validate``
lists exactly what is still to be written.  The template never contains an
example value that could be published by mistake: optional fields are
commented out with blank values (``# hometown: ""``), and examples appear only
in comments.

Line conventions, so the file can be edited without knowing YAML well:

* ``# …`` above a field explains it;
* ``# key: …`` in the optional part is a ready-made line: delete the leading
  ``# `` (VS Code: Ctrl+/) to use it;
* ``## …`` explains an optional field and stays a comment even then.
"""

from __future__ import annotations

import json
import re
from typing import Mapping, Sequence

from showcase.check.photos import MAX_BYTES, MIN_SIDE
from showcase.content.vocab import ACTIVITY_FIELDS, AFTER_TERM_PATHS, LEGAL_FORMS, RMO_CATEGORIES, SETTLEMENT

OPTIONAL_MARKER = "# ---- ここから任意の項目 / optional fields ----"
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


def quoted(value: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML) that stays text whatever it contains."""
    return json.dumps(value, ensure_ascii=False)


def text_block(key: str, value: str, indent: int) -> list[str]:
    """``key: |`` with the text indented below it (empty: a blank line to write on), or a quoted scalar."""
    pad = " " * indent
    inner = pad + "  "
    if not value:
        return [f"{pad}{key}: |", inner]  # an indented line to write on
    lines = value.split("\n")
    if value[0] in " \t" or _CONTROL.search(value) or any(line != line.rstrip() for line in lines):
        return [f"{pad}{key}: {quoted(value)}"]
    return [f"{pad}{key}: |"] + [inner + line if line else "" for line in lines]


def _common_head(kind: str, slug: str, facts: Mapping[str, str]) -> list[str]:
    folder = "profiles" if kind == "profile" else "cases"
    title = "地域おこし協力隊 プロフィール" if kind == "profile" else "地域運営組織（RMO）の事例"
    return [
        f"# yaml-language-server: $schema=../../schemas/{kind}.schema.json",
        f"# {title}: {folder}/{slug}/{kind}.yml",
        "# 書き方は CONTRIBUTING.md を見てください。\"\" や空の「|」の項目は必須なので書き込んでください。",
        f"# 書いたら確認 / check with:  scripts/validate {folder}/{slug}",
        "# 「#」で始まる行はコメントで、サイトには表示されません。",
        "",
        "# 名前（必須）" if kind == "profile" else "# 組織の名前（必須）",
        f"name: {quoted(facts.get('name', ''))}",
        "# よみがな（任意）。ひらがなと空白で書きます。五十音順の並べ替えと検索に使われます。例: やまだ たろう",
        f"name_kana: {quoted(facts['name_kana'])}" if facts.get("name_kana") else "# name_kana: \"\"",
        "# 都道府県（必須）。例: 山梨県",
        f"prefecture: {quoted(facts.get('prefecture', ''))}",
        "# 市区町村（必須）。例: 都留市",
        f"municipality: {quoted(facts.get('municipality', ''))}",
        "# 全国地方公共団体コード（必須）。検査数字を含む6桁を引用符で囲みます。例: 都留市は \"192040\"",
        "# 調べ方: 総務省「全国地方公共団体コード」 https://www.soumu.go.jp/denshijiti/code.html",
        f"municipality_code: {quoted(facts.get('municipality_code', ''))}",
    ]


def _optional_common(kind: str) -> list[str]:
    related = ("related_cases", "cases/") if kind == "profile" else ("related_profiles", "profiles/")
    return [
        "## リンク（任意、10件まで）。URL は https:// で始まるもの（メールは mailto:）",
        "# links:",
        "#   - label: \"\"",
        "#     url: \"\"",
        f"## 写真（任意、12枚まで）。写真はこのフォルダに置きます（JPEG・PNG・WebP、{MAX_BYTES // 1_000_000} MB まで、短い辺 {MIN_SIDE} ピクセル以上）。",
        "## 写っている人全員の同意が必要です。alt（写真の内容を説明する文）は必須、caption は任意です。",
        "# photos:",
        "#   - file: \"\"",
        "#     alt: \"\"",
        "#     caption: \"\"",
        "## 出典（任意）。公表資料に基づく場合は資料名を書きます",
        "# sources:",
        "#   - publisher: \"\"",
        "#     title: \"\"",
        "#     section: \"\"",
        "#     date: \"\"",
        "#     url: \"\"",
        "#     note: \"\"",
        f"## 関連する{'地域運営組織の事例' if kind == 'profile' else '協力隊プロフィール'}（任意）。{related[1]} のフォルダ名",
        f"# {related[0]}:",
        "#   - \"\"",
    ]


def profile_template(slug: str, facts: Mapping[str, str], fields: Sequence[str] = ()) -> str:
    """The YAML text of a new profile; ``facts`` maps field paths (``term.start``) to given values."""
    lines = _common_head("profile", slug, facts)
    lines += [f"# 活動分野（必須、1〜3個）。選択肢: {'、'.join(ACTIVITY_FIELDS)}"]
    lines += ["fields:"] + ([f"  - {quoted(value)}" for value in fields] or ["  - \"\""])
    end = facts.get("term.end")
    planned = bool(end and facts.get("published") and end > facts["published"])  # it cannot have ended yet
    lines += ["# 活動時期（必須）。start は着任した年月 \"YYYY-MM\"。end は任期の終了年月で、未定なら書きません",
              "# （わかっているときは「# end」の「# 」を消して書きます）。end がまだ予定なら end_planned: true も書きます",
              "term:", f"  start: {quoted(facts.get('term.start', ''))}", f"  end: {quoted(end)}" if end else "  # end: \"\"",
              "  end_planned: true" if planned else "  # end_planned: true"]
    lines += ["# 協力隊に応募したきっかけ（必須）。「|」の次の行から、行頭に半角スペース2つを空けて書きます"]
    lines += text_block("motivation", facts.get("motivation", ""), 0)
    lines += ["# 活動内容（必須、1〜10件）。body では Markdown（**太字**、「- 」の箇条書き、https のリンク）が使えます",
              "# 2件目からは「  - title:」から body の終わりまでを複製して書き足します",
              "activities:", f"  - title: {quoted(facts.get('activity.title', ''))}"]
    lines += text_block("body", facts.get("activity.body", ""), 4)
    lines += ["# 今後の抱負・任期後の目標（必須）"]
    lines += text_block("goals", facts.get("goals", ""), 0)
    lines += ["# 掲載への同意（必須）。date は同意を得た（公表された）年月 \"YYYY-MM\"、",
              "# basis は「本人の同意」か「公的機関の公表資料」。同意書そのものはリポジトリに置かないでください",
              "consent:", f"  date: {quoted(facts.get('consent.date', ''))}", f"  basis: {quoted(facts.get('consent.basis', ''))}",
              "# このサイトに掲載する年月（必須、\"YYYY-MM\"）", f"published: {quoted(facts.get('published', ''))}",
              "# 内容を更新した年月（任意、\"YYYY-MM\"）。ページの「最終確認日」になります", "# updated: \"\"",
              "", OPTIONAL_MARKER,
              "## 使う項目は行頭の「# 」を消して書きます（VS Code では行を選んで Ctrl+/）。使わない項目はそのままで構いません",
              "## 年齢（任意）。years は数字、as_of はその年齢だった年月 \"YYYY-MM\"",
              "# age:", "#   years:", "#   as_of: \"\"",
              "## 出身地・転出元・前職（任意）。例: 東京都八王子市",
              "# hometown: \"\"", "# moved_from: \"\"", "# previous_job: \"\"",
              "## 連絡先（任意、表示されるのは書いた項目だけ）。電話番号はハイフン区切り",
              "# contact:", "#   organisation: \"\"", "#   email: \"\"", "#   phone: \"\"",
              f"## 任期後（任意、任期を終えた方だけ）。settled（居住地）は {'／'.join(SETTLEMENT)} のどれか、",
              f"## path（進路、複数可）は {'／'.join(AFTER_TERM_PATHS)} から、since はその年月 \"YYYY-MM\"、note は説明",
              "# after_term:", "#   settled: \"\"", "#   path:", "#     - \"\"", "#   since: \"\"", "#   note: \"\""]
    lines += _optional_common("profile")
    return "\n".join(lines) + "\n"


def case_template(slug: str, facts: Mapping[str, str]) -> str:
    """The YAML text of a new case study."""
    lines = _common_head("case", slug, facts)
    lines += ["# 概要（必須）。「|」の次の行から、行頭に半角スペース2つを空けて書きます"]
    lines += text_block("summary", facts.get("summary", ""), 0)
    lines += [f"# 活動内容（必須、1〜12件）。category の選択肢: {'、'.join(RMO_CATEGORIES)}",
              "# body では Markdown（**太字**、「- 」の箇条書き、https のリンク）が使えます",
              "activities:", f"  - category: {quoted(facts.get('activity.category', ''))}",
              f"    title: {quoted(facts.get('activity.title', ''))}"]
    lines += text_block("body", facts.get("activity.body", ""), 4)
    lines += ["# このサイトに掲載する年月（必須、\"YYYY-MM\"）", f"published: {quoted(facts.get('published', ''))}",
              "# 内容を更新した年月（任意、\"YYYY-MM\"）。ページの「最終確認日」になります", "# updated: \"\"", ""]
    legal_form, area = facts.get("legal_form"), facts.get("area")
    lines += [OPTIONAL_MARKER,
              "## 使う項目は行頭の「# 」を消して書きます（VS Code では行を選んで Ctrl+/）。使わない項目はそのままで構いません",
              f"## 組織形態（任意、出典に記載がなければ省略）。選択肢: {'、'.join(LEGAL_FORMS)}",
              f"legal_form: {quoted(legal_form)}" if legal_form else "# legal_form: \"\"",
              "## 設立（任意、出典に記載がなければ省略）。年 \"YYYY\" か年月 \"YYYY-MM\"",
              "# founded: \"\"",
              "## 活動区域（任意）。例: ○○小学校区",
              f"area: {quoted(area)}" if area else "# area: \"\"",
              "## 区域の規模（任意、出典に記載がなければ省略）。世帯数か人口（引用符なしの整数、少なくとも一方）と、その時点の年月",
              "# area_size:", "#   households: 0", "#   population: 0", "#   as_of: \"\""]
    lines += _optional_common("case")
    return "\n".join(lines) + "\n"


def blank_templates() -> dict[str, str]:
    """``examples/*.template.yml``: the templates with nothing filled in, for contributors using only a browser."""
    return {"profile.template.yml": profile_template("<フォルダ名>", {}), "case.template.yml": case_template("<フォルダ名>", {})}


if __name__ == "__main__":  # python -m showcase.content.record_template examples/   (a test fails when they are stale)
    import sys
    from pathlib import Path

    for name, text in blank_templates().items():
        target = Path(sys.argv[1] if len(sys.argv) > 1 else "examples") / name
        target.write_text(text, encoding="utf-8")
        print(target)
