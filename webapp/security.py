"""Security headers on every response: a Content-Security-Policy, no framing, no sniffing, a short referrer.

The policy allows what the app's pages load and nothing else: scripts, styles, fetches and
fonts from this origin; images from this origin, ``data:`` URIs (Leaflet's CSS) and the tile
server of ``TILE_URL``; no plugins, no ``<base>`` elsewhere, forms posting only here, and no
framing by any page.  The map pages' one inline script (the Leaflet set-up Folium writes)
carries a per-request nonce (``csp_nonce()`` in a template); the policy names a nonce only on
a response whose page asked for one.  No inline styles are allowed: Folium's are in
``static/css/folium.css`` and the map's scripts set styles through the CSSOM.
"""

from __future__ import annotations

import re
import secrets
from functools import lru_cache
from urllib.parse import urlsplit

from flask import Flask, Response, current_app, g

from .errors import ConfigError

# A template placeholder such as Leaflet's {s} (sub-domain) or {z}/{x}/{y}.
_PLACEHOLDER = re.compile(r"\{[^}]*\}")


def csp_nonce() -> str:
    """This request's script nonce, made on first use: put it on an inline ``<script nonce=…>``."""
    if "csp_nonce" not in g:
        g.csp_nonce = secrets.token_urlsafe(18)
    return g.csp_nonce


@lru_cache(maxsize=8)
def tile_source(tile_url: str) -> str | None:
    """The CSP source for the tile server of ``tile_url``, or None when the tiles come from this origin.

    ``https://{s}.tile.example.org/{z}/{x}/{y}.png`` gives ``https://*.tile.example.org``.
    Raises :class:`ConfigError` for a URL no source can name: another scheme than http(s),
    or a placeholder in the host other than in its first label.
    """
    parts = urlsplit(tile_url.strip())
    if not parts.scheme and not parts.netloc:
        return None  # a path on this site: 'self' covers it
    if parts.scheme.lower() not in ("", "http", "https") or not parts.netloc:
        raise ConfigError.tile_url(tile_url)
    host = parts.netloc.rsplit("@", 1)[-1]
    first, dot, rest = host.partition(".")
    if _PLACEHOLDER.search(first):
        first = "*"  # CSP wildcards a whole first label only
    if _PLACEHOLDER.search(rest) or not re.fullmatch(r"[A-Za-z0-9*.:\[\]-]+", first + dot + rest):
        raise ConfigError.tile_url(tile_url)
    source = first + dot + rest
    return f"{parts.scheme.lower()}://{source}" if parts.scheme else source


def content_security_policy(*, tiles: str | None, nonce: str | None) -> str:
    """The policy's text, with the tile server's source and a script nonce when given."""
    scripts = "'self'" + (f" 'nonce-{nonce}'" if nonce else "")
    images = "'self' data:" + (f" {tiles}" if tiles else "")
    directives = {
        "default-src": "'self'",
        "script-src": scripts,
        "style-src": "'self'",
        "img-src": images,
        "object-src": "'none'",
        "base-uri": "'self'",
        "form-action": "'self'",
        "frame-ancestors": "'none'",
    }
    return "; ".join(f"{name} {value}" for name, value in directives.items())


def set_headers(response: Response) -> Response:
    """Add the security headers to ``response`` (the policy's nonce is this request's, if one was made)."""
    tiles = tile_source(str(current_app.config.get("TILE_URL") or ""))
    headers = response.headers
    headers["Content-Security-Policy"] = content_security_policy(tiles=tiles, nonce=g.get("csp_nonce"))
    headers["X-Frame-Options"] = "DENY"
    # Tile servers such as OpenStreetMap's ask for a referrer: the origin, never the page's query.
    headers["Referrer-Policy"] = "strict-origin-when-cross-origin"
    headers.setdefault("X-Content-Type-Options", "nosniff")
    return response


def init_app(app: Flask) -> None:
    """Send the headers on every response and give templates ``csp_nonce()``.

    Raises :class:`ConfigError` when ``TILE_URL`` cannot be allowed.
    """
    tile_source(str(app.config.get("TILE_URL") or ""))
    app.after_request(set_headers)
    app.context_processor(lambda: {"csp_nonce": csp_nonce})
