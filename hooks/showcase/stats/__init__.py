"""Statistics: the versioned ``data/*.yml`` tables, their schema, checks and exports.

A side branch of the flow: read and checked alongside the records, rendered by render and charts, exported by outputs.
"""
