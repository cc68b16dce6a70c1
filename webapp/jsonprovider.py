"""JSON responses that are safe to embed: <, >, & and ' are written as \\u escapes."""

from __future__ import annotations

from typing import Any

from flask import Flask
from flask.json.provider import DefaultJSONProvider

_HTML_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "'": "\\u0027"})


class HtmlSafeJSONProvider(DefaultJSONProvider):
    """Flask's JSON with HTML-significant characters escaped, so article text can never form markup."""

    ensure_ascii = False  # Arabic stays readable; the escapes above are what matters for safety

    def dumps(self, obj: Any, **kwargs: Any) -> str:
        return super().dumps(obj, **kwargs).translate(_HTML_SAFE)


def init_app(app: Flask) -> None:
    """Install the provider (``X-Content-Type-Options: nosniff`` is sent by :mod:`webapp.security`)."""
    app.json = HtmlSafeJSONProvider(app)
