"""Search: the last stage: the Pagefind index built from the records, its terms, its run and its stable order.

Flow: load → check → catalog → render → outputs → **search**.
"""
