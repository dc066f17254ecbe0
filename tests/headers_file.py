"""Read a ``_headers`` file (Netlify / Cloudflare Pages syntax) the way those hosts apply it, for tests."""

from __future__ import annotations


def parse_headers(text: str) -> dict[str, dict[str, list[str]]]:
    """``{path pattern: {lower-case header name: [values]}}``: a path line, then indented ``Name: value`` lines."""
    rules: dict[str, dict[str, list[str]]] = {}
    path = None
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            path = line.strip()
            rules.setdefault(path, {})
            continue
        if path is None:
            raise ValueError(f"header line before any path: {line!r}")
        name, _, value = line.strip().partition(":")
        rules[path].setdefault(name.strip().lower(), []).append(value.strip())
    return rules


def matches(pattern: str, path: str) -> bool:
    """``/embed/*`` matches everything below /embed/; any other pattern matches exactly."""
    return path.startswith(pattern[:-1]) if pattern.endswith("*") else path == pattern


def headers_for(rules: dict[str, dict[str, list[str]]], path: str) -> dict[str, str]:
    """The headers a request for ``path`` gets: values from every matching rule, joined as both hosts join them."""
    joined: dict[str, list[str]] = {}
    for pattern, headers in rules.items():
        if matches(pattern, path):
            for name, values in headers.items():
                joined.setdefault(name, []).extend(values)
    return {name: ", ".join(values) for name, values in joined.items()}
