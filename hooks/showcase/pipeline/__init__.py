"""Pipeline: one site build end to end (load → check → catalog → page specs) and the process machinery around it.

Worker forking, cycle-collector pausing and stage timings live here; the MkDocs adapter in ``hooks/*.py`` calls it.
"""
