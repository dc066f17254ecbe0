"""Content: what a record is: the pydantic schemas, the vocabularies, record templates and the JSON Schema export.

Not a stage of its own: every stage of the flow (load → check → catalog → render → outputs → search) reads these.
"""
