"""A synthetic national-scale corpus: ``scripts/generate-corpus --profiles N --cases M --seed S --out DIR``.

Records are spread over all 47 prefectures and their real municipalities
(the official list in :mod:`showcase.content.municipalities`), in uneven shares
(Hokkaido has the most members).  Text is Japanese, 0.5–4 KB a record; some records have
generated JPEG photos.  The same seed always writes the same bytes.

``corpus-manifest.json`` beside ``profiles/`` and ``cases/`` lists the known
words (katakana and kanji compounds) and the record URLs that contain each,
for search recall tests.  The corpus is test data: it is never committed.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import zlib
from dataclasses import dataclass
from pathlib import Path

import yaml

from showcase.content.municipalities import municipality_list
from showcase.content.vocab import ACTIVITY_FIELDS, LEGAL_FORMS, PREFECTURE_BY_CODE, RMO_CATEGORIES, Prefecture
from showcase_devtools import corpus_words as words
from showcase_devtools.corpus_photos import write_photo
from showcase_devtools.corpus_text import TextMaker

MANIFEST = "corpus-manifest.json"
GENERATOR_VERSION = 5  # bump when the same seed would write different records
REPO_ROOT = Path(__file__).resolve().parents[2]
ACTIVE_SHARE = 7200 / (7200 + 18300)  # 現役 vs OB・OG among members, roughly
PHOTO_SHARE = 0.08
KANA_SHARE = 70  # percent of profiles that give their reading (name_kana); the rest sort after them in 五十音順


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """Multi-line text as literal blocks (``|``), the way contributors write it."""


_Dumper.add_representer(str, lambda dumper, value: dumper.represent_scalar(
    "tag:yaml.org,2002:str", value, style="|" if "\n" in value else None))


@dataclass(frozen=True)
class Town:
    code: str
    name: str
    prefecture: Prefecture


@dataclass(frozen=True)
class Slot:
    """What the plan decides before a record's own text is written."""

    kind: str  # "profile" or "case"
    slug: str
    town: Town
    known: tuple[str, ...]
    related: tuple[str, ...]


def real_towns(rng: random.Random) -> dict[str, list[Town]]:
    """Municipalities per prefecture code, from the official list, in a seeded order (the first host the most records)."""
    towns: dict[str, list[Town]] = {}
    for town in municipality_list().all:
        towns.setdefault(town.code[:2], []).append(Town(town.code, town.name, PREFECTURE_BY_CODE[town.code[:2]]))
    for code in sorted(towns):
        rng.shuffle(towns[code])
    return towns


def _pick_towns(rng: random.Random, towns: dict[str, list[Town]], count: int, column: int) -> list[Town]:
    """``count`` towns; ``column`` 1 weighs prefectures by members, 2 by RMOs (words.PREFECTURE_SHAPE)."""
    codes = [row[0] for row in words.PREFECTURE_SHAPE]
    weights = [row[column] for row in words.PREFECTURE_SHAPE]
    prefs = rng.choices(codes, weights=weights, k=count)
    # Within a prefecture a few municipalities host many members, most host a few.
    zipf = {code: [1 / (rank + 1) ** 0.8 for rank in range(len(towns[code]))] for code in codes}
    return [rng.choices(towns[code], weights=zipf[code])[0] for code in prefs]


def plan_corpus(profiles: int, cases: int, seed: int) -> list[Slot]:
    rng = random.Random(seed)
    towns = real_towns(rng)
    case_towns = _pick_towns(rng, towns, cases, 2)
    profile_towns = _pick_towns(rng, towns, profiles, 1)
    case_slugs = [f"{t.prefecture.slug}-r{i:05d}" for i, t in enumerate(case_towns)]
    profile_slugs = [f"{t.prefecture.slug}-m{i:05d}" for i, t in enumerate(profile_towns)]
    known: dict[int, list[str]] = {}
    total = profiles + cases
    for word, _script in words.KNOWN_WORDS:
        for index in rng.sample(range(total), min(total, rng.randint(2, 6))):
            known.setdefault(index, []).append(word)
    cases_by_pref: dict[str, list[str]] = {}
    for slug, town in zip(case_slugs, case_towns):
        cases_by_pref.setdefault(town.prefecture.code, []).append(slug)
    slots = []
    for index, (slug, town) in enumerate(zip(case_slugs, case_towns)):
        slots.append(Slot("case", slug, town, tuple(known.get(profiles + index, ())), ()))
    for index, (slug, town) in enumerate(zip(profile_slugs, profile_towns)):
        nearby = cases_by_pref.get(town.prefecture.code, [])
        related = tuple(sorted(set(rng.sample(nearby, min(len(nearby), rng.randint(1, 2)))))) if nearby and rng.random() < 0.1 else ()
        slots.append(Slot("profile", slug, town, tuple(known.get(index, ())), related))
    return slots


def _month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _common(rng: random.Random, slot: Slot, name: str) -> dict:
    town = slot.town
    return {"name": name, "prefecture": town.prefecture.name, "municipality": town.name, "municipality_code": town.code}


def _tail(rng: random.Random, slot: Slot, data: dict, text: TextMaker) -> dict:
    """Optional links, photos, sources and the published month, shared by both kinds."""
    if rng.random() < 0.4:
        data["links"] = [{"label": label, "url": f"https://example.jp/{slot.slug}/{path}"}
                         for label, path in rng.sample([("活動ブログ", "blog/"), ("Instagram", "instagram/"), ("note", "note/")],
                                                       rng.randint(1, 3))]
    if rng.random() < PHOTO_SHARE:
        data["photos"] = [{"file": f"photo-{n + 1}.jpg", "alt": f"{slot.town.name}での{text.line()}の様子",
                           **({"caption": text.line()} if rng.random() < 0.5 else {})} for n in range(rng.randint(1, 3))]
    if rng.random() < 0.2:
        data["sources"] = [{"title": "合成データ（性能試験用に生成）"}]
    data["published"] = _month(rng.choice((2025, 2026)), rng.randint(1, 10))
    return data


def make_profile(rng: random.Random, slot: Slot, budget: int) -> dict:
    text = TextMaker(rng, slot.town.name, list(slot.known))
    surname, given = rng.choice(words.SURNAMES), rng.choice(words.GIVEN_NAMES)
    data = _common(rng, slot, f"{surname} {given}")
    if zlib.crc32(slot.slug.encode("utf-8")) % 100 < KANA_SHARE:  # not from rng: the rest of the record stays as it was
        data = {"name": data.pop("name"), "name_kana": f"{words.READINGS[surname]} {words.READINGS[given]}", **data}
    data["fields"] = rng.sample(list(ACTIVITY_FIELDS), rng.choices((1, 2, 3), weights=(5, 3, 2))[0])
    if rng.random() < ACTIVE_SHARE:
        start = (rng.randint(2023, 2026), rng.randint(1, 10))
        end = None if rng.random() < 0.1 else _month(start[0] + 3, start[1])
    else:
        start = (rng.randint(2009, 2021), rng.randint(1, 12))
        end = _month(start[0] + rng.randint(1, 3), start[1])
    data["term"] = {"start": _month(*start), **({"end": end} if end else {})}
    if end and start[0] >= 2023:  # an active member's end is a plan (status comes from the record, not the date)
        data["term"]["end_planned"] = True
    if rng.random() < 0.6:
        data["age"] = {"years": rng.randint(22, 60), "as_of": _month(*start)}
    if rng.random() < 0.7:
        data["hometown"] = rng.choice(words.HOMETOWNS)
    if rng.random() < 0.5:
        data["moved_from"] = rng.choice(words.HOMETOWNS)
    if rng.random() < 0.6:
        data["previous_job"] = rng.choice(words.PREVIOUS_JOBS)
    activities = rng.randint(1, 5)
    data["motivation"] = text.paragraph(budget // 4)
    data["activities"] = [{"title": text.line(), "body": text.paragraph(budget // 2 // activities)} for _ in range(activities)]
    data["goals"] = text.paragraph(budget // 4)
    while text.known:  # one more sentence for each known word not placed yet
        data["goals"] += text.paragraph(1).rstrip() + "\n"
    if end and not data["term"].get("end_planned"):
        after = after_term(random.Random(f"{slot.slug}:after-term"), end, slot.town.name)
        if after:
            data["after_term"] = after
    if rng.random() < 0.3:
        data["contact"] = {"organisation": f"{slot.town.name}役場 地域振興課", "email": f"{slot.slug}@example.jp",
                           "phone": f"0{rng.randint(100, 999)}-{rng.randint(10, 99)}-{rng.randint(1000, 9999)}"}
    data["consent"] = {"date": _month(2025, rng.randint(1, 12)), "basis": "本人の同意"}
    if slot.related:
        data["related_cases"] = list(slot.related)
    return _tail(rng, slot, data, text)


# Where alumni live and what they do after the term.  About 65 % stay in the same area nationally (総務省); the
# shares below are invented for test data only, to give the statistics page and the filters something to count.
AFTER_TERM_SHARE = 0.55  # alumni whose record tells what came after
SETTLED_WEIGHTS = {"同じ市町村": 60, "同じ都道府県の別の市町村": 10, "他の都道府県": 20, "未定": 10}
PATH_WEIGHTS = {"起業": 30, "事業承継": 5, "就職": 30, "就農・就林・就漁": 15, "行政・団体職員": 10, "進学": 2, "その他": 8}


def after_term(rng: random.Random, end: str, town: str) -> dict | None:
    """The after_term block of one alumnus (its own random stream: the rest of the record stays the same)."""
    if rng.random() >= AFTER_TERM_SHARE:
        return None
    data: dict = {}
    if rng.random() < 0.95:
        data["settled"] = rng.choices(list(SETTLED_WEIGHTS), weights=list(SETTLED_WEIGHTS.values()))[0]
    if rng.random() < 0.8:
        paths = rng.choices(list(PATH_WEIGHTS), weights=list(PATH_WEIGHTS.values()), k=rng.choice((1, 1, 1, 2)))
        data["path"] = list(dict.fromkeys(paths))
    if rng.random() < 0.7:
        year, month = (int(part) for part in end.split("-"))
        month += rng.randint(0, 6)
        data["since"] = _month(year + (month - 1) // 12, (month - 1) % 12 + 1)
    if rng.random() < 0.3:
        data["note"] = f"任期を終えてからも{town}との関わりを続けています。"
    return data or None


def make_case(rng: random.Random, slot: Slot, budget: int) -> dict:
    text = TextMaker(rng, slot.town.name, list(slot.known))
    area = rng.choice(words.AREA_NAMES)
    name = rng.choice((f"{area}地区まちづくり協議会", f"{slot.town.name}{area}地域振興会", f"{area}自治振興区",
                       f"NPO法人 {slot.town.name}{area}ネットワーク"))
    data = _common(rng, slot, name)
    if rng.random() < 0.7:
        data["legal_form"] = rng.choice(LEGAL_FORMS)
    if rng.random() < 0.6:
        data["area"] = f"{area}小学校区"
    count = rng.randint(1, 6)
    categories = list(RMO_CATEGORIES)
    weights = [4 if i < 4 else 1 for i in range(len(categories))]
    data["summary"] = text.paragraph(budget // 3)
    data["activities"] = [{"category": rng.choices(categories, weights=weights)[0], "title": text.line(),
                           "body": text.paragraph(budget * 2 // 3 // count)} for _ in range(count)]
    while text.known:  # one more sentence for each known word not placed yet
        data["summary"] += text.paragraph(1).rstrip() + "\n"
    return _tail(rng, slot, data, text)


def record_yaml(data: dict) -> str:
    """A generated record as its YAML file's text."""
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1000)


def write_record(out: Path, slot: Slot, seed: int) -> int:
    """Write one record (and its photos); returns the YAML's size in bytes."""
    rng = random.Random(f"{seed}:{slot.kind}:{slot.slug}")
    budget = int(600 * 6 ** rng.random())  # YAML of 0.5–4 KB, log-uniform
    maker = make_profile if slot.kind == "profile" else make_case
    data = maker(rng, slot, max(120, budget - 450))
    folder = out / ("profiles" if slot.kind == "profile" else "cases") / slot.slug
    folder.mkdir(parents=True, exist_ok=True)
    raw = record_yaml(data).encode("utf-8")
    (folder / f"{slot.kind}.yml").write_bytes(raw)
    for photo in data.get("photos", []):
        write_photo(folder / photo["file"], rng)
    return len(raw)


def check_out_dir(out: Path) -> Path:
    """Refuse the repository itself, its content folders, and non-empty folders that are not an earlier corpus."""
    out = out.resolve()
    for forbidden in (REPO_ROOT, REPO_ROOT / "profiles", REPO_ROOT / "cases", REPO_ROOT / "docs"):
        if out == forbidden or forbidden != REPO_ROOT and forbidden in out.parents:
            raise SystemExit(f"generate-corpus: refusing to write into {out}: use a folder outside the content, e.g. /tmp/corpus")
    if out.exists() and any(out.iterdir()) and not (out / MANIFEST).is_file():
        raise SystemExit(f"generate-corpus: {out} is not empty and holds no {MANIFEST}; choose an empty folder")
    return out


def generate_corpus(out: Path, profiles: int, cases: int, seed: int) -> dict:
    """Write the corpus into ``out`` (replacing an earlier corpus there); returns the manifest."""
    out = check_out_dir(out)
    for folder in ("profiles", "cases"):
        shutil.rmtree(out / folder, ignore_errors=True)
    out.mkdir(parents=True, exist_ok=True)
    slots = plan_corpus(profiles, cases, seed)
    sizes = [write_record(out, slot, seed) for slot in slots]
    found: dict[str, list[str]] = {}
    for slot in slots:
        for word in slot.known:
            found.setdefault(word, []).append(f"{'profiles' if slot.kind == 'profile' else 'cases'}/{slot.slug}/")
    manifest = {
        "generator": GENERATOR_VERSION, "seed": seed, "profiles": profiles, "cases": cases,
        "yaml_bytes": {"min": min(sizes, default=0), "max": max(sizes, default=0), "total": sum(sizes)},
        "known_words": [{"word": word, "script": script, "urls": sorted(found.get(word, []))} for word, script in words.KNOWN_WORDS],
    }
    (out / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return manifest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="generate-corpus", description=__doc__.split("\n\n")[0])
    parser.add_argument("--profiles", type=int, required=True, help="number of 協力隊 profiles")
    parser.add_argument("--cases", type=int, required=True, help="number of RMO cases")
    parser.add_argument("--seed", type=int, default=1, help="random seed (same seed, same bytes)")
    parser.add_argument("--out", type=Path, required=True, help="output folder, outside the repository's content (e.g. /tmp/corpus)")
    args = parser.parse_args(argv)
    if args.profiles < 0 or args.cases < 0:
        parser.error("counts must not be negative")
    manifest = generate_corpus(args.out, args.profiles, args.cases, args.seed)
    size = manifest["yaml_bytes"]
    print(f"{args.profiles} profiles + {args.cases} cases in {args.out.resolve()} "
          f"(YAML {size['min']}–{size['max']} bytes, {size['total'] / 1e6:.1f} MB); known words in {MANIFEST}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
