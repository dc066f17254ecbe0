"""Developer tools that the site build never imports: the synthetic corpus, the benchmark, the preview.

Everything here is test data machinery.  Generated records go to a folder
outside the repository (``/tmp/...``) and are never committed.
"""
