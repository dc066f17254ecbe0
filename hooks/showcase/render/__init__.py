"""Rendering: Jinja templates to page bodies, cards and embeds."""
