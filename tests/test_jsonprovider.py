"""The HTML-safe JSON provider (webapp/jsonprovider.py)."""

from __future__ import annotations

import json


def test_html_significant_characters_are_escaped_and_the_data_kept(app):
    value = {"s": "<b>«ادلب» & it's</b> \\u003c", "n": [1, "a>b"]}
    with app.app_context():
        text = app.json.dumps(value)
    assert not set("<>&'") & set(text)
    assert "\\u003cb\\u003e" in text and "\\u0026" in text and "\\u0027" in text and "ادلب" in text
    assert json.loads(text) == value
