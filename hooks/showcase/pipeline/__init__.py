"""Pipeline: one site build end to end (load → check → catalog → page specs) and the process machinery around it.

Worker forking, the garbage collector (``collector.py``: its one owner) and stage timings live here; the MkDocs
adapter (``hooks/mkdocs_hooks.py``) calls it.
"""
