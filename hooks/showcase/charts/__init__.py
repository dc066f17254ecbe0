"""Build-time SVG charts (no JavaScript): bars, columns, lines and the prefecture tile map."""

from .registry import CHARTS, ChartSpec, render_chart
from .tilemap import render_tile_map

__all__ = ["CHARTS", "ChartSpec", "render_chart", "render_tile_map"]
