"""Map interaction in the browser: popups that stay open, clusters that show the mix of types and
spiderfy one point, incidents on one road all reachable, the one layer control, a phone's width.

Every wait is for a condition the page exposes (``IncidentMap.fetches`` counts the incident
queries drawn, ``IncidentMap.settled()`` says none is waiting or running), never a sleep.
"""

from __future__ import annotations

import pytest
from browser_helpers import screenshot, wait_for_incidents

pytestmark = pytest.mark.browser

#: Waits for the map's incident query to be drawn and no other to be pending.
SETTLED = "(before) => IncidentMap.fetches > before && IncidentMap.settled()"
#: The incidents the map shows: counted in the clusters, plus the lone markers.
SHOWN = """() => [...document.querySelectorAll('.incident-cluster span')]
  .reduce((n, s) => n + Number(s.textContent), 0)
  + document.querySelectorAll('.leaflet-marker-icon.incident-dot').length"""
M4 = {"type": "LineString", "coordinates": [[36.63, 35.93], [36.70, 35.85], [36.80, 35.80]]}


def fetches(page) -> int:
    return page.evaluate("IncidentMap.fetches")


def close_popup(page) -> None:
    """Close the open popup and wait until it has faded out of the page."""
    page.evaluate("IncidentMap.state.map.closePopup()")
    page.wait_for_function("() => document.querySelector('.leaflet-popup') === null")


def show(page, lat: float, lon: float, zoom: int, *, right_edge: int | None = None) -> None:
    """Move the map to ``zoom`` with (lat, lon) at the centre, or ``right_edge`` pixels from the right
    edge (halfway down), and wait until the incidents of that view are drawn."""
    before = fetches(page)
    page.evaluate(
        """([lat, lon, zoom, edge]) => {
          const map = IncidentMap.state.map;
          map.setView([lat, lon], zoom, { animate: false });
          if (edge !== null) {
            // Centred on the point, the view moves right by (half the width - edge).
            const size = map.getSize();
            map.setView(map.containerPointToLatLng([edge, size.y / 2]), zoom, { animate: false });
          }
        }""",
        [lat, lon, zoom, right_edge],
    )
    page.wait_for_function(SETTLED, arg=before)


def test_a_popup_opened_at_the_edge_stays_open(live_app, server, page):
    from incident_rows import add_incident

    with live_app.app_context():
        ids = [add_incident(place="Idlib", lat=35.80 + i * 0.05, lon=36.63) for i in range(4)]
    page.goto(server.url + "/map")
    wait_for_incidents(page)
    # One incident 14 px from the right edge: its popup does not fit beside it, so Leaflet pans the
    # map to show it, which would refetch the incidents and redraw them.
    show(page, 35.95, 36.63, 12, right_edge=14)
    page.evaluate("window.__moves = 0; IncidentMap.state.map.on('moveend', () => { window.__moves += 1; })")
    page.click(f".leaflet-marker-icon[data-incident='{ids[3]}']")
    page.locator(".incident-popup").wait_for()
    t0 = page.evaluate("window.__popup = document.querySelector('.incident-popup'); performance.now()")
    page.wait_for_function("() => window.__moves > 0 && IncidentMap.settled()")  # the popup's own pan
    # Two seconds on, or as soon as the popup goes: it must still be the one the click opened.
    page.wait_for_function(
        "(t0) => !window.__popup.isConnected || performance.now() - t0 > 2000", arg=t0, timeout=10000
    )
    assert page.evaluate("window.__popup.isConnected")
    assert page.locator(".leaflet-popup").count() == 1
    # Closing it fetches the view the pan revealed; reading another incident works as before.
    before = fetches(page)
    close_popup(page)
    page.wait_for_function(SETTLED, arg=before)
    page.click(f".leaflet-marker-icon[data-incident='{ids[2]}']")
    page.locator(".incident-popup").wait_for()


def test_a_redraw_keeps_the_markers_of_incidents_still_shown(live_app, server, page):
    from incident_rows import add_incident

    with live_app.app_context():
        ids = [add_incident(place="Idlib", lat=35.80 + i * 0.05, lon=36.63) for i in range(3)]
    page.goto(server.url + "/map")
    wait_for_incidents(page)
    show(page, 35.85, 36.63, 11)
    page.evaluate("window.__nodes = [...document.querySelectorAll('.leaflet-marker-icon[data-incident]')]")
    assert page.evaluate("window.__nodes.length") == len(ids)
    show(page, 35.86, 36.64, 11)  # a small pan: the same incidents answer again
    assert page.evaluate("window.__nodes.every(node => node.isConnected)")


def test_clusters_show_the_mix_and_spiderfy_one_point(live_app, server, page):
    from incident_rows import add_incident

    types = ["Battles", "Battles", "Protests", "Explosions/Remote violence"]
    with live_app.app_context():
        for event_type in types:
            add_incident(place="Saraqib", lat=35.86, lon=36.80, event_type=event_type, sub_event_type="")
    page.goto(server.url + "/map")
    wait_for_incidents(page)
    cluster = page.locator(".incident-cluster")
    cluster.wait_for()
    assert cluster.count() == 1 and cluster.inner_text() == "4"
    # One arc per type, in the palette's colours, the largest share first.
    strokes = page.evaluate(
        "[...document.querySelectorAll('.incident-cluster svg path')].map(p => p.getAttribute('stroke'))"
    )
    palette = page.evaluate("IncidentMap.COLOURS")
    assert strokes[0] == palette["Battles"] and sorted(strokes) == sorted({palette[t] for t in types})
    assert "Battles: 2" in cluster.get_attribute("aria-label")
    # Nothing sits on the cluster: what is under its centre is the cluster itself.
    assert page.evaluate(
        """() => {
          const c = document.querySelector('.incident-cluster'), r = c.getBoundingClientRect();
          return c.contains(document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2));
        }"""
    )
    assert page.locator(".leaflet-marker-icon.incident-dot").count() == 0
    screenshot(page, "map-cluster-mix")
    # The four share one point: the first click spreads them out, and each can be opened.
    cluster.click()
    page.wait_for_function(
        "() => document.querySelectorAll('.leaflet-marker-icon.incident-dot').length === 4"
    )
    dots = page.locator(".leaflet-marker-icon.incident-dot")
    for i in range(4):
        dots.nth(i).click()
        page.locator(".incident-popup").wait_for()
        close_popup(page)
    screenshot(page, "map-spiderfied")
    # A refetch with the same answer leaves the legs spread and a popup on one of them open.
    dots.first.click()
    page.evaluate("window.__popup = document.querySelector('.incident-popup')")
    before = fetches(page)
    page.evaluate("IncidentMap.reload()")
    page.wait_for_function(SETTLED, arg=before)
    # markercluster forgets its spread cluster at once when it folds it (the animation follows).
    assert page.evaluate("IncidentMap.state.cluster._spiderfied !== null")
    assert page.evaluate("window.__popup.isConnected")


def test_incidents_on_one_road_are_all_reachable(live_app, server, page):
    from incident_rows import add_incident

    with live_app.app_context():
        for sentence, event_type in (
            ("Shelling hit the M4 road.", "Explosions/Remote violence"),
            ("Clashes broke out on the M4 road.", "Battles"),
        ):
            add_incident(
                sentence=sentence, place="M4", geometry=M4, lat=35.93, lon=36.63, event_type=event_type
            )
    page.goto(server.url + "/map")
    wait_for_incidents(page)
    show(page, 35.86, 36.72, 11)
    # Two lines, one per type, on top of each other: a click on the course lists both incidents.
    assert page.locator(".leaflet-overlay-pane path.leaflet-interactive").count() == 2
    x, y = page.evaluate(
        """() => {
          const map = IncidentMap.state.map, box = map.getContainer().getBoundingClientRect();
          const p = map.latLngToContainerPoint([35.85, 36.70]);
          return [box.x + p.x, box.y + p.y];
        }"""
    )
    page.mouse.click(x, y)
    listed = page.locator(".leaflet-popup .incident-list .incident-popup")
    listed.first.wait_for()
    texts = listed.all_inner_texts()
    assert len(texts) == 2
    assert any("Shelling" in t for t in texts) and any("Clashes" in t for t in texts)
    screenshot(page, "map-road-list")


def test_one_layer_control_with_a_legend_for_each_layer(live_app, server, page):
    from webapp.seed import seed

    with live_app.app_context():
        seed(120, seed=5)
    page.goto(server.url + "/map")
    wait_for_incidents(page)
    assert page.locator(".leaflet-control-layers").count() == 0
    assert page.locator("#layers-panel").count() == 1
    page.click("#layers-panel summary")
    assert page.locator("#legend li[data-type]").count() >= 6
    for row in ("outline", "heat", "roads"):
        assert page.locator(f"#layer-{row} .layer-legend > *").count() == 1
    # A type switched off leaves every cluster and the count of markers.
    total = page.evaluate(f"({SHOWN})()")
    page.uncheck("#legend li[data-type='Battles'] input")
    page.wait_for_function(f"(total) => ({SHOWN})() < total", arg=total)
    assert page.evaluate("Object.values(IncidentMap.state.markers).some(e => e.type === 'Battles')")
    # The heat layer is Leaflet.heat's canvas, its legend the ramp with the busiest cell's count.
    page.check("#layer-heat input")
    page.wait_for_function("() => IncidentMap.state.heatCount > 0")
    page.wait_for_selector("canvas.leaflet-heatmap-layer")
    page.wait_for_function(
        "() => document.querySelector('#layer-heat .heat-scale bdi:last-child').textContent !== ''"
    )
    screenshot(page, "map-layers-legends")
    # Another script (the basemap) joins the same control through the hook, legend and all.
    assert page.evaluate(
        """() => {
          const layer = (window.__probe = L.layerGroup([L.marker([35, 38])]));
          const row = IncidentMap.addOverlay("Borders", layer, "grey lines", { id: "probe", checked: true });
          return row.id === "layer-probe" && IncidentMap.state.map.hasLayer(layer);
        }"""
    )
    assert page.locator("#layer-probe .layer-legend").inner_text() == "grey lines"
    page.uncheck("#layer-probe input")
    assert page.evaluate("!IncidentMap.state.map.hasLayer(window.__probe)")


def test_the_map_stays_usable_at_390_px(live_app, server, page):
    from incident_rows import add_incident

    from webapp.i18n import STRINGS

    with live_app.app_context():
        for i in range(6):
            add_incident(place="Idlib", lat=35.93, lon=36.63 + i * 0.001)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(server.url + "/map?lang=ar")
    wait_for_incidents(page)
    # The panels start as their titles; with the header they leave most of the map free.
    free = page.evaluate(
        """() => {
          const map = document.querySelector('.folium-map').getBoundingClientRect();
          const panels = [...document.querySelectorAll('.map-panel, header.site')]
            .map(p => p.getBoundingClientRect()).reduce((n, r) => n + r.width * r.height, 0);
          return 1 - panels / (map.width * map.height);
        }"""
    )
    assert free > 0.75, free
    screenshot(page, "map-phone")
    # The timeline's folded title speaks Arabic too, its bucket included.
    page.wait_for_function("() => document.querySelector('#timeline .timeline-label').textContent !== ''")
    assert STRINGS["timeline_day"][1] in page.locator("#timeline .timeline-label").inner_text()
    cluster = page.locator(".incident-cluster")
    cluster.wait_for()
    assert page.evaluate(
        """() => {
          const c = document.querySelector('.incident-cluster'), r = c.getBoundingClientRect();
          return c.contains(document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2));
        }"""
    ), "the cluster can be clicked"
    zoom = page.evaluate("IncidentMap.state.map.getZoom()")
    cluster.click()  # the map answers: it zooms to the cluster or spreads it out
    page.wait_for_function(
        "(z) => IncidentMap.state.map.getZoom() !== z"
        " || document.querySelectorAll('.leaflet-marker-icon.incident-dot').length > 0",
        arg=zoom,
    )
    # The layer control opens within the width of the screen.
    page.click("#layers-panel summary")
    box = page.locator("#layers-panel").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    screenshot(page, "map-phone-layers")


def test_the_choropleth_has_its_scale(live_app, server, page):
    from incident_rows import add_incident

    from gazetteer import Gazetteer, Place, PlaceType
    from webapp.extensions import gazetteers

    square = [[[36.0, 35.5], [37.0, 35.5], [37.0, 36.5], [36.0, 36.5], [36.0, 35.5]]]
    polygon = {"type": "Polygon", "coordinates": square}
    idlib = Place("t:gov-idlib", "Idlib", "إدلب", PlaceType.GOVERNORATE, 35.8, 36.6, geometry=polygon)
    with live_app.app_context():
        gazetteers.set(Gazetteer([*gazetteers.get(), idlib]))
        for _ in range(9):
            add_incident(admin1="Idlib")
    page.goto(server.url + "/map")
    wait_for_incidents(page)
    page.click("#layers-panel summary")
    page.wait_for_selector("#layer-choropleth", state="visible")
    page.check("#layer-choropleth input")
    page.locator(".leaflet-overlay-pane path.leaflet-interactive").first.wait_for()
    # No incident, then classes up to the busiest governorate's 9, each with its colour.
    scale = page.locator("#layer-choropleth .scale li")
    assert scale.first.inner_text() == "0" and scale.last.inner_text().endswith("9")
    assert scale.count() >= 3
    screenshot(page, "map-choropleth")


def test_the_filters_fold_unless_the_view_has_some(server, page):
    page.goto(server.url + "/map")
    wait_for_incidents(page)
    assert page.locator("#filter-panel details[open]").count() == 0  # clear of the north-east
    page.goto(server.url + "/map?type=Battles&actor=army")
    wait_for_incidents(page)
    assert page.locator("#filter-panel details[open]").count() == 1
    assert page.locator("#filter-panel summary").inner_text() == "Filters (2)"
