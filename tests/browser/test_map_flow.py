"""The analyst's path in a real browser: upload the sample, see markers, open a popup, follow it to
the highlighted sentence, filter, switch to Arabic — with no request leaving 127.0.0.1."""

from __future__ import annotations

import re

import pytest
from browser_helpers import LIVE_CONFIG, screenshot, wait_for_incidents

pytestmark = pytest.mark.browser

SAMPLE = "samples/souria-idlib-airstrikes-2020-09-20.ar.txt"


@pytest.fixture
def live_app(make_app):
    """The app with the bundled gazetteer, so the sample is geoparsed as in production."""
    from gazetteer.places.bundled import default_gazetteer

    return make_app(**LIVE_CONFIG, GAZETTEER=default_gazetteer())


#: The map is quiet: no incident query waiting or running, and no zoom or cluster animation,
#: so what is clicked now is not redrawn under the click.
QUIET = (
    "() => IncidentMap.settled() && !IncidentMap.state.map._animatingZoom"
    " && !document.querySelector('.leaflet-cluster-anim')"
)


def open_some_popup(page) -> None:
    """Click clusters (zooming in / spiderfying) until an incident marker can be clicked, then click it.

    Every click waits for a quiet map first (:data:`QUIET`). A popup that a redraw closed (the
    answer to a move arriving just after the click) is opened again on the next turn.
    """
    for _ in range(25):
        page.wait_for_function(QUIET)
        dot = page.locator(".leaflet-marker-icon.incident-dot:visible").first
        if dot.count():
            dot.click()
            page.wait_for_function(QUIET)
            if page.locator(".incident-popup").count():
                return
            continue
        before = page.evaluate("IncidentMap.fetches")
        page.locator(".incident-cluster").first.click()
        page.wait_for_function(
            "(before) => (IncidentMap.fetches > before && IncidentMap.settled())"
            " || document.querySelector('.leaflet-marker-icon.incident-dot') !== null",
            arg=before,
        )
    raise AssertionError("no incident marker became clickable")


def test_upload_map_popup_sentence_filter_arabic(server, page, shared_dir):
    path = shared_dir / SAMPLE
    if not path.exists():
        pytest.skip(f"../shared not found: {path}")

    # Upload the sample through the form (CSRF token included by the page itself).
    page.goto(server.url + "/upload")
    page.set_input_files("input[type=file]", str(path))
    page.fill("input[name=published]", "2020-09-20")
    page.click("form.upload [type=submit]")
    page.wait_for_url(re.compile(r"/articles/\d+$"))
    assert page.locator("mark.mention").count() > 0

    # The map shows the article's incidents; a popup opens with the highlighted place.
    page.goto(server.url + "/map")
    wait_for_incidents(page)
    assert page.locator(".incident-cluster, .leaflet-marker-icon.incident-dot").count() > 0
    screenshot(page, "map-sample")
    open_some_popup(page)
    popup = page.locator(".incident-popup")
    assert popup.locator("mark").count() == 1 and popup.locator("mark").inner_text().strip()
    assert popup.locator("bdi").count() > 0  # the date at least
    assert popup.locator("[lang=ar]").count() > 0 and popup.locator("[lang=en]").count() > 0  # bilingual
    screenshot(page, "map-popup")

    # Its link leads to the sentence, highlighted as the :target, with the place marked.
    popup.locator("a.sentence-link").click()
    page.wait_for_url(re.compile(r"/articles/\d+#s-\d+$"))
    target = page.locator(".sentence:target")
    assert target.count() == 1 and target.locator("mark.mention").count() >= 1
    screenshot(page, "article-sentence")

    # Apply a filter: the URL keeps it, the count follows it, and an impossible filter empties the map.
    page.goto(server.url + "/map")
    wait_for_incidents(page)
    page.click("#filter-panel summary")  # the filters start folded, clear of the map
    options = page.locator("#filter-form select[name=type] option")
    page.wait_for_function(
        "() => document.querySelectorAll('#filter-form select[name=type] option').length > 1"
    )
    first_type = options.nth(1).get_attribute("value")
    page.select_option("#filter-form select[name=type]", first_type)
    page.click("#filter-form [type=submit]")
    page.wait_for_function("() => location.search.includes('type=')")
    assert "type=" in page.url
    assert page.locator("#filter-panel summary").inner_text() == "Filters (1)"  # seen even when folded
    page.fill("#filter-form input[name=q]", "كلمةغيرموجودةابدا")
    page.click("#filter-form [type=submit]")
    page.wait_for_function(
        "() => document.getElementById('incident-count').textContent.trim().startsWith('0 ')"
    )
    assert page.locator(".leaflet-marker-icon.incident-dot, .incident-cluster").count() == 0
    csv_link = page.locator("a[data-format=csv]").get_attribute("href")
    assert "q=" in csv_link and "type=" in csv_link  # exports follow the filters
    screenshot(page, "map-filtered")

    # Switch to Arabic: the whole page turns right-to-left and the controls speak Arabic.
    page.goto(server.url + "/map")
    page.click("a.lang-switch")
    page.wait_for_function("() => document.documentElement.dir === 'rtl'")
    wait_for_incidents(page)
    assert page.evaluate("document.documentElement.lang") == "ar"
    assert "التصفية" in page.locator("#filter-panel summary").inner_text()
    screenshot(page, "map-arabic")
    page.goto(server.url + "/incidents")
    assert page.evaluate("document.documentElement.dir") == "rtl"  # the choice is kept
    screenshot(page, "incidents-arabic")
    assert page.dialogs == []
