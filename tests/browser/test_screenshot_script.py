"""The screenshot script against a live server: each page drawn in both languages (webapp/screenshots.py)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def test_the_script_saves_each_page_in_both_languages(live_app, server, page, tmp_path):
    from incident_rows import add_incident

    from webapp.screenshots import PAGES, located_incident, take

    with live_app.app_context():
        add_incident(sentence="Russian jets struck Idlib.", fatalities=3)
    saved = take(page, server.url, located_incident(live_app), tmp_path)
    assert [p.name for p in saved] == [f"{name}-{lang}.png" for lang in ("en", "ar") for name, _ in PAGES]
    assert all(p.read_bytes().startswith(b"\x89PNG") for p in saved)
