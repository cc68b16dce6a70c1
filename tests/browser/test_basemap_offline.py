"""The offline basemap in the browser (static/js/basemap.js): drawn with every external request blocked."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from browser_helpers import screenshot

pytestmark = pytest.mark.browser


def block_outside(page, server_url: str) -> list[str]:
    """Abort every request that is not for the app itself, tiles included; returns the aborted URLs."""
    aborted: list[str] = []
    app = urlsplit(server_url).netloc

    def handle(route) -> None:  # noqa: ANN001 - Playwright's Route
        url = urlsplit(route.request.url)
        if url.netloc != app or url.path.startswith("/offline-tiles/"):
            aborted.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    page.route("**/*", handle)
    return aborted


@pytest.mark.parametrize(("lang", "aleppo"), [("en", "Aleppo"), ("ar", "حلب")])
def test_basemap_draws_borders_and_labels_offline(server, page, lang: str, aleppo: str) -> None:
    aborted = block_outside(page, server.url)
    page.goto(f"{server.url}/map?lang={lang}")
    # Governorate and district borders, the land with its coast, and the roads: SVG paths in their panes.
    page.wait_for_selector(".leaflet-basemapLines-pane path")
    page.wait_for_selector(".leaflet-basemapLand-pane path")
    assert page.locator(".leaflet-basemapLines-pane path").count() > 14  # more than the 14 governorates
    # Rivers and lakes: the Euphrates, Lake Assad and the others, in their own pane.
    page.wait_for_function("() => document.querySelectorAll('.leaflet-basemapWater-pane path').length > 100")
    # Town labels in the interface language, the large cities from the opening zoom.
    page.locator(".basemap-label", has_text=aleppo).wait_for()
    names = page.locator(".basemap-label").all_inner_texts()
    assert aleppo in names
    assert ("Damascus" if lang == "en" else "دمشق") in names
    # Tiles, were they to load, would cover the basemap: its panes sit below the tile pane.
    below = page.evaluate(
        """() => ['basemapLand', 'basemapWater', 'basemapLines', 'basemapLabels'].every(
            (name) => +IncidentMap.state.map.getPane(name).style.zIndex
                < +getComputedStyle(IncidentMap.state.map.getPane('tilePane')).zIndex)"""
    )
    assert below
    assert any("/offline-tiles/" in url for url in aborted)  # the tiles were asked for, and blocked
    screenshot(page, f"basemap-offline-{lang}")


def test_labels_follow_the_zoom(server, page) -> None:
    block_outside(page, server.url)
    page.goto(f"{server.url}/map?lang=en")
    page.locator(".basemap-label", has_text="Aleppo").wait_for()
    shown = page.locator(".basemap-label").count()
    page.evaluate("() => IncidentMap.state.map.setZoom(9, { animate: false })")
    page.wait_for_function(f"() => document.querySelectorAll('.basemap-label').length > {shown}")
    page.evaluate("() => IncidentMap.state.map.setZoom(5, { animate: false })")
    page.wait_for_function(f"() => document.querySelectorAll('.basemap-label').length < {shown}")
    assert set(page.locator(".basemap-label").all_inner_texts()) <= {"Aleppo", "Damascus"}


def test_the_layer_control_turns_basemap_layers_off(server, page) -> None:
    block_outside(page, server.url)
    page.goto(f"{server.url}/map?lang=ar")
    page.locator(".basemap-label", has_text="حلب").wait_for()
    page.click("#layers-panel summary")  # the map's one layer control lists the basemap's layers
    row = page.locator("#layer-basemap-labels")
    assert row.inner_text().strip().startswith("المدن والبلدات")
    assert page.locator("#layer-basemap-borders", has_text="المحافظات والمناطق").count() == 1
    row.locator("input").uncheck()
    page.wait_for_function("() => document.querySelectorAll('.basemap-label').length === 0")
    row.locator("input").check()
    page.locator(".basemap-label", has_text="حلب").wait_for()
