"""Render: the fourth stage: Jinja templates (``templates/``) to page bodies, cards, listings and statistics pages.

Flow: load → check → catalog → **render** → outputs → search.  Markup, HTML compaction and dates live here too.
"""
