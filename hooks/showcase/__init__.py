"""chiiki-showcase core: load, validate, catalog and render community-builder records. Imports nothing from MkDocs."""
