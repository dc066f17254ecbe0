"""Open data under ``data/``: the records as JSON and CSV, per prefecture and municipality, and an index of all files.

(The statistics tables' CSV and JSON in ``data/statistics/`` are written with the charts; the index lists them.)

Field names are the YAML schema's keys, plus ``slug``, ``url`` and (profiles)
``status``.  Personal contact details (``contact.email``, ``contact.phone`` and
``mailto:`` links, see ``public_links``) are withheld: they appear only on the person's own page.  CSV files are UTF-8
with a BOM (Excel in Japan opens them correctly), CRLF line ends, nested
objects as dotted columns (``term.start``) and lists as JSON text.  Output is
deterministic: catalog order, no timestamps.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any, Iterable, get_args, get_origin

from pydantic import BaseModel

from showcase.catalog import urls
from showcase.catalog.indexes import Catalog
from showcase.check.collection import Entry
from showcase.content.municipalities import municipalities_json
from showcase.content.schema import CaseRecord, ProfileRecord
from showcase.content.vocab import PREFECTURES
from showcase.outputs.files import absolute, json_text

DATA_DIR = urls.DATA
LICENSE = "CC BY 4.0"
LICENSE_URL = "https://creativecommons.org/licenses/by/4.0/deed.ja"
ATTRIBUTION = "出典: chiiki-showcase（地域のつくり手ショーケース）"
WITHHELD: dict[str, Any] = {"contact": {"email", "phone"}}
MODELS = {"profile": ProfileRecord, "case": CaseRecord}
COLLECTION_TITLES = {"profile": "地域おこし協力隊のプロフィール", "case": "地域運営組織（RMO）の事例"}
BOM = "\ufeff"
# Cells Excel would read as a formula get a leading apostrophe in CSV (never in JSON).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def record_data(entry: Entry, catalog: Catalog, site_url: str = "") -> dict[str, Any]:
    """One record as exported: ``slug``, ``url``, (``status``), then the schema's keys in schema order."""
    data: dict[str, Any] = {"slug": entry.slug, "url": absolute(site_url, entry.url)}
    if entry.kind == "profile":
        data["status"] = catalog.status_of(entry)
    fields = entry.record.model_dump(mode="json", exclude=WITHHELD)
    fields["links"] = [link.model_dump(mode="json") for link in entry.record.public_links]
    if "contact" in fields and fields["contact"] is not None and not any(fields["contact"].values()):
        fields["contact"] = None
    data.update(fields)
    return data


def _nested_model(annotation: Any) -> type[BaseModel] | None:
    for candidate in (annotation, *get_args(annotation)):
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return candidate
    return None


def csv_columns(kind: str) -> list[str]:
    """The CSV header: nested objects become dotted columns; withheld keys are left out."""
    columns = ["slug", "url"] + (["status"] if kind == "profile" else [])
    for name, info in MODELS[kind].model_fields.items():
        nested = None if get_origin(info.annotation) is list else _nested_model(info.annotation)
        if nested is None:
            columns.append(name)
            continue
        withheld = WITHHELD.get(name, set())
        columns += [f"{name}.{sub}" for sub in nested.model_fields if sub not in withheld]
    return columns


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):  # as in the JSON (term.end_planned)
        return "true" if value else "false"
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    text = str(value)
    if text[:1] in FORMULA_START or (text[:1] == "'" and text[1:2] in FORMULA_START):
        return "'" + text
    return text


def csv_row(data: dict[str, Any], columns: list[str]) -> list[str]:
    row = []
    for column in columns:
        head, _, sub = column.partition(".")
        value = data.get(head)
        if sub:
            value = value.get(sub) if isinstance(value, dict) else None
        row.append(_cell(value))
    return row


def records_csv(kind: str, records: list[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    columns = csv_columns(kind)
    writer.writerow(columns)
    writer.writerows(csv_row(record, columns) for record in records)
    return BOM + buffer.getvalue()


def _header(title: str, site_url: str, page: str) -> dict[str, Any]:
    return {"title": title, "license": LICENSE, "license_url": LICENSE_URL, "attribution": ATTRIBUTION,
            "source": absolute(site_url, page), "documentation": absolute(site_url, DATA_DIR)}


def data_links_for(spec: Any) -> list[tuple[str, str]]:
    """The data behind a listing page, as ``(label, site-relative path)``."""
    if spec.kind in {"profiles", "field", "status"}:
        return [("協力隊プロフィール（CSV）", urls.data_file("profiles.csv")), ("JSON", urls.data_file("profiles.json"))]
    if spec.kind in {"cases", "category"}:
        return [("地域運営組織の事例（CSV）", urls.data_file("cases.csv")), ("JSON", urls.data_file("cases.json"))]
    if spec.kind == "prefecture":
        return [(f"{spec.key[1].name}のデータ（JSON）", urls.prefecture_data(spec.key[1].slug))]
    if spec.kind == "municipality":
        return [(f"{spec.key[1].label}のデータ（JSON）", urls.municipality_data(spec.key[1].code))]
    if spec.kind == "prefectures":
        return [("都道府県別の掲載数（JSON）", urls.data_file("prefectures.json"))]
    return []


def export_files(catalog: Catalog, *, site_url: str = "", statistics: Iterable[str] = ()) -> dict[str, str]:
    """``{site-relative path: text}`` for the record data under ``data/``, and ``data/index.json`` listing them
    with ``statistics`` (the paths of the statistics tables' files, which the charts write)."""
    rows = {entry.source: record_data(entry, catalog, site_url) for entry in catalog.profiles + catalog.cases}
    profiles = [rows[e.source] for e in catalog.profiles]
    cases = [rows[e.source] for e in catalog.cases]
    files = {
        urls.data_file("profiles.json"): json_text({**_header(COLLECTION_TITLES["profile"], site_url, urls.collection("profile")),
                                     "count": len(profiles), "profiles": profiles}, compact=True),
        urls.data_file("cases.json"): json_text({**_header(COLLECTION_TITLES["case"], site_url, urls.collection("case")),
                                  "count": len(cases), "cases": cases}, compact=True),
        urls.data_file("profiles.csv"): records_csv("profile", profiles),
        urls.data_file("cases.csv"): records_csv("case", cases),
    }
    counts = []
    for pref in PREFECTURES:
        towns = catalog.by_prefecture.get(pref.name, [])
        in_pref = [rows[e.source] for e in catalog.profiles_by_prefecture.get(pref.name, [])]
        cases_in = [rows[e.source] for e in catalog.cases_by_prefecture.get(pref.name, [])]
        place = {"code": pref.code, "name": pref.name, "slug": pref.slug}
        files[urls.prefecture_data(pref.slug)] = json_text({
            **_header(f"{pref.name}の地域おこし協力隊と地域運営組織", site_url, urls.prefecture(pref.slug)),
            "prefecture": place,
            "municipalities": [{"code": t.code, "name": t.name, "url": absolute(site_url, t.url),
                                "data": absolute(site_url, urls.municipality_data(t.code))} for t in towns],
            "profiles": in_pref, "cases": cases_in}, compact=True)
        counts.append({**place, "profiles": len(in_pref), "cases": len(cases_in),
                       "url": absolute(site_url, urls.prefecture(pref.slug)),
                       "data": absolute(site_url, urls.prefecture_data(pref.slug))})
    files[urls.data_file("prefectures.json")] = json_text({**_header("都道府県別の掲載数", site_url, urls.PREFECTURES),
                                            "prefectures": counts})
    for code in sorted(catalog.municipalities):
        town = catalog.municipalities[code]
        files[urls.municipality_data(code)] = json_text({
            **_header(f"{town.label}の地域おこし協力隊と地域運営組織", site_url, town.url),
            "municipality": {"code": code, "name": town.name, "prefecture": town.prefecture.name},
            "profiles": [rows[e.source] for e in town.profiles], "cases": [rows[e.source] for e in town.cases]},
            compact=True)
    files[urls.data_file("municipalities.json")] = municipalities_json()  # every municipality, for forms (not only those with records)
    files[urls.data_file("index.json")] = json_text(_index([*files, *statistics], site_url))
    for entry in catalog.profiles + catalog.cases:  # one file a record: the form's ?from=, and scripts after one record
        files[urls.record_data(entry.kind, entry.slug)] = json_text(
            {**_header(entry.record.name, site_url, entry.url), "record": rows[entry.source]}, compact=True)
    return files


def _index(paths: Iterable[str], site_url: str) -> dict[str, Any]:
    """A catalogue of every data file, so a script can find them all from one URL (the one file a record has is
    given as an address pattern: ``records``)."""
    formats = {".json": "JSON", ".csv": "CSV"}
    return {**_header("chiiki-showcase オープンデータ一覧", site_url, DATA_DIR),
            "feed": absolute(site_url, "feed.xml"),
            "records": {kind: absolute(site_url, urls.record_data_pattern(kind)) for kind in urls.RECORD_FOLDERS},
            "files": [{"path": path, "url": absolute(site_url, path), "format": formats[path[path.rfind("."):]]}
                      for path in sorted(paths)]}
