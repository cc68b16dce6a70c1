"""The lists in the browser: headers that stay in view, columns that mirror in Arabic, forms on a grid."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_incidents_table_keeps_its_header_in_view_and_mirrors_in_arabic(live_app, server, page, lang):
    from incident_rows import add_incident

    with live_app.app_context():
        for n in range(60):
            add_incident(sentence=f"Report {n}: jets struck Idlib.", admin1="Idlib")
    page.set_viewport_size({"width": 1200, "height": 700})
    page.goto(f"{server.url}/incidents?lang={lang}&per_page=60")
    assert page.locator("form.list-filters").evaluate("f => getComputedStyle(f).display") == "grid"
    first, last = page.locator("thead th").first, page.locator("thead th").last
    first_box, last_box = first.bounding_box(), last.bounding_box()
    # The date column opens the row: on the left in English, on the right in Arabic.
    assert (first_box["x"] < last_box["x"]) == (lang == "en")
    page.locator("tbody tr").nth(55).scroll_into_view_if_needed()
    page.wait_for_function("() => window.scrollY > 300")
    assert abs(first.bounding_box()["y"]) < 1  # the header sticks to the top of the window
