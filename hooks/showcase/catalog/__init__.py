"""Catalog: the third stage: typed records gathered into indexes (prefecture, municipality, field, status) and cross-links.

Flow: load → check → **catalog** → render → outputs → search.
"""
