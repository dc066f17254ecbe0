"""National statistics: versioned ``data/*.yml`` tables, their schema, and exports."""

from .load import load_statistics, parse_table
from .schema import StatTable, stats_json_schema
from .tables import export_files, render_table, render_table_notes, table_csv, table_json

__all__ = ["StatTable", "export_files", "load_statistics", "parse_table", "render_table", "render_table_notes",
           "stats_json_schema", "table_csv", "table_json"]
