"""The statistics page's block on our alumni after the term, beside the national settlement figures.

The national figures (約65 % since the programme began, 約70 % in the last five years) and their wording come from
the ``kyoryokutai-facts`` table in ``data/``, never from here.
"""

from __future__ import annotations

from typing import Callable, Mapping

from markupsafe import Markup

from showcase.catalog.after_term import after_term_summary
from showcase.catalog.indexes import Catalog
from showcase.render.environment import render_template
from showcase.stats.table_schema import StatTable
from showcase.stats.tables import item_display

FACTS_TABLE = "kyoryokutai-facts"
SETTLEMENT_LABEL = "任期終了後に同じ地域に定住した隊員の割合"  # the national rows' labels start with this


def national_settlement(tables: Mapping[str, StatTable], table_source: Callable[[StatTable], Markup]
                        ) -> tuple[list[tuple[str, str, str | None]], Markup]:
    """The national settlement rows ((whom it counts, 約65%, note)) and their source line; nothing without the table."""
    table = tables.get(FACTS_TABLE)
    if table is None:
        return [], Markup("")
    rows = [(row.label.removeprefix(SETTLEMENT_LABEL).strip("（）"), item_display(table, row), row.note)
            for row in table.spec.rows if row.label.startswith(SETTLEMENT_LABEL)]
    return rows, table_source(table)


def after_term_block(catalog: Catalog, tables: Mapping[str, StatTable], page_url: str,
                     table_source: Callable[[StatTable], Markup]) -> Markup:
    """``table_source`` renders a table's citation (showcase.render.statistics.table_source, passed in: no cycle)."""
    national, source = national_settlement(tables, table_source)
    return Markup(render_template("partials/after-term-stats.html", page_url, summary=after_term_summary(catalog),
                                  national=national, national_source=source))


__all__ = ["after_term_block", "national_settlement"]
