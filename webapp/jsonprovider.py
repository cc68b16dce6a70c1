"""JSON responses that are safe to embed: <, >, & and ' are written as \\u escapes."""

from __future__ import annotations

from typing import Any

from flask import Flask
from flask.json.provider import DefaultJSONProvider

#: Each character and its escape; no escape holds any of the characters, so the order is free.
_HTML_SAFE = (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("'", "\\u0027"))


class HtmlSafeJSONProvider(DefaultJSONProvider):
    """Flask's JSON with HTML-significant characters escaped, so article text can never form markup."""

    ensure_ascii = False  # Arabic stays readable; the escapes above are what matters for safety

    def dumps(self, obj: Any, **kwargs: Any) -> str:
        # One str.replace per escaped character, each a scan in C: str.translate looks every
        # character of the text up in a mapping, which dominated large answers of Arabic text.
        text = super().dumps(obj, **kwargs)
        for char, escape in _HTML_SAFE:
            if char in text:
                text = text.replace(char, escape)
        return text


def init_app(app: Flask) -> None:
    """Install the provider (``X-Content-Type-Options: nosniff`` is sent by :mod:`webapp.security`)."""
    app.json = HtmlSafeJSONProvider(app)
