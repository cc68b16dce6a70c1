"""Hostile text in titles, sentences, places and actors never runs in the browser."""

from __future__ import annotations

import pytest
from browser_helpers import wait_for_incidents

pytestmark = pytest.mark.browser

PAYLOADS = [
    "<img src=x onerror=alert(1)>",
    "<img src=x onerror=window.__xss=1>",
    "${alert(1)}${window.__xss=1}",
    "</script><script>window.__xss=1;alert(1)</script>",
    "<svg onload=window.__xss=1>",
]


@pytest.fixture
def hostile(live_app):
    from incident_rows import add_incident

    ids = []
    with live_app.app_context():
        for i, payload in enumerate(PAYLOADS):
            ids.append(
                add_incident(
                    sentence=f"Idlib {payload} was struck.",
                    place="Idlib",
                    title=f"T{i} {payload}",
                    actors=[payload],
                    event_type=f"Battles {payload}",
                    location_description=payload,
                    place_name_ar=payload,
                    lat=35.9 + i * 0.01,
                    lon=36.6,
                )
            )
    return ids


def assert_nothing_ran(page) -> None:
    assert page.evaluate("window.__xss") is None
    assert page.dialogs == []
    assert page.locator("img[src=x], svg[onload]").count() == 0


def test_payloads_stay_text_on_map_popups_lists_and_article(server, page, hostile):
    for incident_id in hostile:
        page.goto(server.url + f"/map?incident={incident_id}")
        wait_for_incidents(page)
        popup = page.locator(".incident-popup")
        popup.wait_for()
        assert "<img" in popup.inner_text() or "${" in popup.inner_text() or "<s" in popup.inner_text()
        page.wait_for_function("() => IncidentMap.settled()")
        assert_nothing_ran(page)
    # The layer control names every type, the hostile ones as text.
    page.click("#layers-panel summary")
    names = page.locator("#legend li[data-type]").all_inner_texts()
    assert any("<img" in name for name in names)
    assert_nothing_ran(page)
    for path in ("/incidents", "/articles", "/articles/1", "/incidents?q=%3Cimg", "/map?q=%3Cimg%20src%3Dx"):
        page.goto(server.url + path)
        page.wait_for_load_state("load")
        assert_nothing_ran(page)
