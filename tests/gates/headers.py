"""Security-headers gate: the ``_headers`` file (Netlify / Cloudflare Pages format) that the README documents.

A host that reads ``_headers`` applies *every* rule whose path pattern matches, so the headers a page gets are the
union of the matching rules (less the ones a rule detaches with ``! Name``).  Two Content-Security-Policy headers are
both enforced, so a site-wide ``frame-ancestors 'self'`` would block the embeds even if ``/embed/*`` allowed them;
the check below looks at the effective headers of every page and embed view it is given.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass
class Rule:
    pattern: str
    headers: list[tuple[str, str]] = field(default_factory=list)
    detached: set[str] = field(default_factory=set)

    def matches(self, path: str) -> bool:
        regex = re.escape(self.pattern).replace(r"\*", ".*")
        regex = re.sub(r":[A-Za-z]\w*", "[^/]+", regex)
        return re.fullmatch(regex, path) is not None


def parse_headers_file(text: str) -> list[Rule]:
    rules: list[Rule] = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            rules.append(Rule(line.strip()))
        elif rules:
            entry = line.strip()
            if entry.startswith("!"):
                rules[-1].detached.add(entry[1:].strip().lower())
            elif ":" in entry:
                name, value = entry.split(":", 1)
                rules[-1].headers.append((name.strip().lower(), value.strip()))
    return rules


def effective_headers(rules: list[Rule], path: str) -> dict[str, list[str]]:
    """Header name (lower case) → every value a response for ``path`` carries."""
    result: dict[str, list[str]] = {}
    for rule in rules:
        if rule.matches(path):
            for name in rule.detached:
                result.pop(name, None)
            for name, value in rule.headers:
                result.setdefault(name, []).append(value)
    return result


def _frame_ancestors(policies: list[str]) -> list[str]:
    found = []
    for policy in policies:
        for directive in policy.split(";"):
            parts = directive.split()
            if parts and parts[0].lower() == "frame-ancestors":
                found.append(" ".join(parts[1:]))
    return found


def check_headers(text: str, page_paths: list[str], embed_paths: list[str]) -> list[str]:
    """Problems with a ``_headers`` file for these URL paths (``/profiles/x/``): an empty list means complete.

    Every path needs ``nosniff``, a ``Referrer-Policy`` and a ``Content-Security-Policy`` with ``frame-ancestors``;
    embed views must stay frameable by other sites (no ``'self'``/``'none'``-only ancestors, no X-Frame-Options).
    """
    rules = parse_headers_file(text)
    problems = []
    for path in [*page_paths, *embed_paths]:
        headers = effective_headers(rules, path)
        if "nosniff" not in [v.lower() for v in headers.get("x-content-type-options", [])]:
            problems.append(f"{path}: no X-Content-Type-Options: nosniff")
        if not headers.get("referrer-policy"):
            problems.append(f"{path}: no Referrer-Policy")
        ancestors = _frame_ancestors(headers.get("content-security-policy", []))
        if not ancestors:
            problems.append(f"{path}: no Content-Security-Policy with frame-ancestors")
        if path in embed_paths:
            if any(not value.split() or all(s in {"'none'", "'self'"} for s in value.split()) for value in ancestors):
                problems.append(f"{path}: frame-ancestors {ancestors} forbids framing by other sites (embeds)")
            if headers.get("x-frame-options"):
                problems.append(f"{path}: X-Frame-Options {headers['x-frame-options']} breaks embedding")
    for rule in rules:
        for name, value in rule.headers:
            if name == "x-frame-options" and value.strip().upper() == "DENY":
                problems.append(f"{rule.pattern}: X-Frame-Options: DENY would break the embeds")
    return problems
