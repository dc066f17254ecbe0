"""Catalog: the third stage: typed records gathered into indexes (prefecture, municipality, field, status) and cross-links,
and the one URL scheme (``urls.py``) every page, embed, export, chart and test asks for an address.

Flow: load → check → **catalog** → render → outputs → search.
"""
