"""Map layers in the browser: offline outline, server clusters, timeline, heat, roads, legend, focus."""

from __future__ import annotations

import pytest
from browser_helpers import screenshot, wait_for_incidents

pytestmark = pytest.mark.browser


def seed(app, n: int) -> None:
    from webapp.seed import seed as run

    with app.app_context():
        run(n, seed=7)


def test_offline_map_shows_outline_clusters_and_timeline(live_app, server, page):
    live_app.config["MAP_CLUSTER_THRESHOLD"] = 100
    seed(live_app, 400)
    page.goto(server.url + "/map")
    wait_for_incidents(page)
    # Tiles answer 404 here: the authored outline of Syria still frames the incidents.
    page.wait_for_selector(".leaflet-outline-pane path")
    clusters = page.locator(".incident-cluster")
    assert clusters.count() > 0
    assert sum(int(t) for t in clusters.all_inner_texts()) == 400  # server clusters add up to the total
    page.wait_for_selector("#timeline rect.bar")
    assert page.locator("#timeline rect.bar").count() > 1
    page.click("#layers-panel summary")
    assert page.locator("#legend li").count() >= 8
    page.wait_for_selector("#layer-roads", state="visible")  # the test gazetteer has the M4
    assert page.locator("#layer-choropleth").is_hidden()  # no governorate polygons imported
    screenshot(page, "map-offline-clusters")

    # Heat layer: the grid's counts drawn by Leaflet.heat on its canvas.
    page.check("#layer-heat input")
    page.wait_for_function("() => IncidentMap.state.heatCount > 0")
    page.wait_for_selector("canvas.leaflet-heatmap-layer")
    page.check("#layer-roads input")
    page.wait_for_function("() => IncidentMap.state.roads.getLayers().length > 0")
    screenshot(page, "map-heat-roads")

    # Timeline: choosing a bucket narrows the map to it; "All dates" brings everything back.
    page.focus("#timeline input[type=range]")
    for _ in range(3):
        page.keyboard.press("ArrowRight")
    page.wait_for_function(
        "() => IncidentMap.state.windowRange !== null && IncidentMap.state.windowRange !== undefined"
    )
    page.wait_for_function("() => !document.getElementById('incident-count').textContent.startsWith('400 ')")
    page.click("#timeline button:has-text('All dates')")
    page.wait_for_function("() => document.getElementById('incident-count').textContent.startsWith('400 ')")


def test_precision_and_focus_from_the_incidents_table(live_app, server, page):
    import datetime as dt

    from incident_rows import add_incident

    with live_app.app_context():
        add_incident(
            sentence="Shelling on the Idlib countryside.",
            place="Idlib",
            geo_precision=3,
            lat=35.86,
            lon=36.83,
            date=dt.date(2020, 9, 21),
        )
        exact = add_incident(
            sentence="Jets struck Saraqib on the M4.",
            place="Saraqib",
            geo_precision=1,
            lat=35.86,
            lon=36.80,
            date=dt.date(2020, 9, 20),
        )
    page.goto(server.url + "/incidents")
    page.click(f"#incident-{exact} a[href^='/map?incident=']")
    wait_for_incidents(page)
    popup = page.locator(".incident-popup")
    popup.wait_for()
    assert "Saraqib" in popup.locator("mark").inner_text()
    assert popup.locator("bdi", has_text="M4").count() == 1  # codes keep their order in RTL text
    page.wait_for_selector(".leaflet-marker-icon.incident-dot.approximate", state="attached")
    assert (
        page.evaluate("IncidentMap.state.groups['Explosions/Remote violence'].areas.getLayers().length") == 1
    )
    screenshot(page, "map-focus-precision")


def test_an_open_popup_survives_a_redraw(live_app, server, page):
    from incident_rows import add_incident

    with live_app.app_context():
        ids = [add_incident(place="Idlib", lat=35.93 + i * 0.02, lon=36.63) for i in range(3)]
    page.goto(f"{server.url}/map?incident={ids[1]}")
    wait_for_incidents(page)
    page.locator(".incident-popup").wait_for()
    # A pan, or the popup's own auto-pan, reloads the incidents and replaces every marker.
    page.evaluate(
        "window.__redrawn = false;"
        "IncidentMap.state.map.once('incidents:drawn', () => { window.__redrawn = true; });"
        "IncidentMap.reload();"
    )
    page.wait_for_function("() => window.__redrawn")
    open_ids = page.evaluate(
        "Object.entries(IncidentMap.state.markers)"
        ".filter(([, entry]) => entry.marker.isPopupOpen()).map(([id]) => id)"
    )
    assert open_ids == [str(ids[1])]
    assert page.locator(".leaflet-popup").count() == 1  # the same popup, not a second one fading in


def test_popups_name_every_type_in_arabic_too(live_app, server, page):
    from incident_rows import add_incident

    from webapp.i18n import EVENT_TYPES_AR

    with live_app.app_context():
        ident = add_incident(
            sentence="Government forces took back Saraqib.",
            place="Saraqib",
            event_type="Battles",
            sub_event_type="Government regains territory",
        )
    page.goto(f"{server.url}/map?incident={ident}")
    wait_for_incidents(page)
    popup = page.locator(".incident-popup")
    popup.wait_for()
    arabic = f"{EVENT_TYPES_AR['Battles']} — {EVENT_TYPES_AR['Government regains territory']}"
    assert popup.locator(".other-lang[lang=ar]", has_text=arabic).count() == 1


def test_an_arabic_popup_is_in_arabic_first_with_the_catalogue_labels(live_app, server, page):
    from incident_rows import add_incident

    from webapp.i18n import ACTORS_AR, EVENT_TYPES_AR, STRINGS

    with live_app.app_context():
        ident = add_incident(
            sentence="Government forces took back Saraqib.",
            place="Saraqib",
            event_type="Battles",
            sub_event_type="Government regains territory",
            actors=["HTS"],
            geo_precision=2,
        )
    page.goto(f"{server.url}/map?incident={ident}&lang=ar")
    wait_for_incidents(page)
    popup = page.locator(".incident-popup")
    popup.wait_for()
    assert popup.locator("strong").first.inner_text() == EVENT_TYPES_AR["Government regains territory"]
    assert (
        popup.locator(".other-lang[lang=en]", has_text="Battles — Government regains territory").count() == 1
    )
    assert popup.locator("dt [lang=ar]", has_text=STRINGS["review"][1]).count() == 1
    assert popup.locator(".precision-badge [lang=ar]").inner_text() == STRINGS["precision_badge_2"][1]
    assert ACTORS_AR["HTS"] in popup.inner_text() and STRINGS["precision_2"][1] in popup.inner_text()
