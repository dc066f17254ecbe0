"""Check: the second stage: validate loaded records (fields, photos, collections) and report every problem at once.

Flow: load → **check** → catalog → render → outputs → search.  Problems are formatted here, also as GitHub annotations.
"""
