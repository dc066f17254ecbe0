"""CLI: contributor commands outside the build: ``scripts/validate``, ``scripts/new-profile``/``new-case``, ``scripts/preview``.

They drive the same flow (load → check → …) as the build, without MkDocs.
"""
