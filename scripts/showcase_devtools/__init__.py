"""Developer tools outside the shipped package: the synthetic corpus, the benchmark and its probes.

The site build never imports them; ``scripts/bench`` and ``scripts/generate-corpus`` put ``scripts/`` on PYTHONPATH.

Everything here is test data machinery.  Generated records go to a folder
outside the repository (``/tmp/...``) and are never committed.
"""
