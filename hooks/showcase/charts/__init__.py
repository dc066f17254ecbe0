"""Charts: build-time SVG charts (no JavaScript): bars, columns, lines and the prefecture tile map.

Called from render (statistics pages) and outputs (chart embeds); fed by the stats tables.
"""
