"""No-third-party gate: every request a page makes must go to our own origin on this machine.

``block_third_party(context)`` routes *all* of a browser context's traffic through a handler that lets
``127.0.0.1``/``localhost`` through and aborts and records everything else, so a page cannot reach a CDN, web
font, analytics or image host even by accident, and the test sees that it tried.
"""

from __future__ import annotations

from urllib.parse import urlparse

LOCAL_HOSTS = {"127.0.0.1", "localhost", "[::1]", "::1"}


def is_local(url: str) -> bool:
    parsed = urlparse(url)
    return parsed.scheme in {"data", "blob", "about"} or (parsed.scheme in {"http", "https", "ws", "wss"}
                                                          and parsed.hostname in LOCAL_HOSTS)


def block_third_party(context, own_site: str = "") -> list[str]:
    """Abort every non-local request of ``context``; return the (live) list of attempted third-party URLs.

    ``own_site`` is the deployed site URL (``site_url``): absolute links to it (oEmbed discovery, canonical URLs)
    are the visitor's own origin once deployed, so requests there are aborted too but not counted.
    """
    attempted: list[str] = []

    def handle(route) -> None:
        url = route.request.url
        if is_local(url):
            route.continue_()
        else:
            if not (own_site and url.startswith(own_site)):
                attempted.append(url)
            route.abort("blockedbyclient")

    context.route("**/*", handle)
    context.on("websocket", lambda ws: None if is_local(ws.url) else attempted.append(ws.url))
    return attempted
