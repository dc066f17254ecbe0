"""Outputs: the fifth stage: files beside the pages: embeds, open data, feed, photo variants and OG cards, headers.

Flow: load → check → catalog → render → **outputs** → search.  ``files`` writes them into the site.
"""
