"""The オープンデータ page documents every exported column, generated from the schema so it cannot drift."""

from __future__ import annotations

from pathlib import Path

from showcase.outputs.data_dictionary import dictionary_rows, fill_markers
from showcase.outputs.open_data import csv_columns

ROOT = Path(__file__).resolve().parents[2]


def test_every_csv_column_is_documented_in_order():
    for kind in ("profile", "case"):
        documented = [row[0] for row in dictionary_rows(kind) if "." in row[0] or row[0] in csv_columns(kind)]
        assert documented == csv_columns(kind)


def test_withheld_contact_details_are_not_documented_as_columns():
    columns = [row[0] for row in dictionary_rows("profile")]
    assert "contact.organisation" in columns
    assert "contact.email" not in columns and "contact.phone" not in columns


def test_the_data_page_markers_are_filled():
    page = (ROOT / "docs" / "data.md").read_text(encoding="utf-8")
    filled = fill_markers(page, {})
    assert "<!-- data-dictionary:" not in filled
    assert "| `term.start` |" in filled and "| `related_profiles` |" in filled
    assert "CC BY 4.0" in page and "出典: chiiki-showcase" in page
