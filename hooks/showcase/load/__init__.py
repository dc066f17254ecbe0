"""Load: the first stage: read YAML record files safely (size/depth limits, no aliases or tags) with line:col marks.

Flow: **load** → check → catalog → render → outputs → search.
"""
