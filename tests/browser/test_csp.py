"""Under the Content-Security-Policy every page still works, with no violation and no console error.

Tiles come from a second local server (another origin), so the policy's img-src is what lets them in.
"""

from __future__ import annotations

import struct
import zlib

import pytest
from browser_helpers import LIVE_CONFIG, wait_for_incidents

pytestmark = pytest.mark.browser

#: Recorded in every frame (the place page's map is a srcdoc iframe) before any page script runs.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__cspViolations.push(e.effectiveDirective + " " + (e.blockedURI || "inline") + " " + e.sample);
});
"""


def png_tile() -> bytes:
    """A 1×1 grey PNG, written by hand so the tile server needs no imaging library."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00\xc0"))
        + chunk(b"IEND", b"")
    )


@pytest.fixture
def tile_server():
    from webapp.liveserver import LiveServer

    tile = png_tile()

    def tiles(environ, start_response):  # noqa: ANN001, ANN202 - a WSGI app
        start_response("200 OK", [("Content-Type", "image/png"), ("Content-Length", str(len(tile)))])
        return [tile]

    with LiveServer(tiles) as srv:
        yield srv


@pytest.fixture
def live_app(make_app, tile_server):
    return make_app(**{**LIVE_CONFIG, "TILE_URL": tile_server.url + "/{z}/{x}/{y}.png"})


@pytest.fixture
def watched(page):
    """The page, recording CSP violations in every frame and every console error."""
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.add_init_script(RECORD_VIOLATIONS)
    page.console_errors = errors
    return page


def assert_clean(page) -> None:
    violations = [v for frame in page.frames for v in (frame.evaluate("window.__cspViolations") or [])]
    assert violations == [], f"{page.url}: {violations}"
    assert page.console_errors == [], f"{page.url}: {page.console_errors}"


def test_pages_work_under_the_policy(live_app, server, tile_server, watched):
    from incident_rows import add_incident

    from webapp.seed import seed

    with live_app.app_context():
        seed(60, seed=3)
        focus = add_incident(place="Idlib", place_id="t:idlib", lat=35.93, lon=36.63)
    page = watched

    # The map: tiles from the other origin, clusters, a popup, the layer control and its swatches.
    page.goto(f"{server.url}/map?incident={focus}")
    wait_for_incidents(page)
    page.wait_for_selector("img.leaflet-tile-loaded")
    page.locator(".incident-popup").wait_for()
    page.wait_for_selector("#legend .swatch", state="attached")
    assert page.evaluate(
        "[...document.querySelectorAll('#layers-panel .swatch')]"
        ".every(s => getComputedStyle(s).backgroundColor !== 'rgba(0, 0, 0, 0)')"
    ), "every layer swatch is painted"
    assert page.evaluate("getComputedStyle(document.querySelector('.folium-map')).height") != "0px"
    page.click("#layers-panel summary")
    page.check("#layer-heat input")
    page.wait_for_function("() => IncidentMap.state.heatCount > 0")
    page.wait_for_function(
        "() => getComputedStyle(document.querySelector('.heat-scale .ramp'))"
        ".backgroundImage.includes('gradient')"
    )
    assert_clean(page)

    # The map in Arabic, right to left.
    page.goto(f"{server.url}/map?lang=ar")
    wait_for_incidents(page)
    page.wait_for_selector(".incident-cluster, .leaflet-marker-icon.incident-dot")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert_clean(page)

    # The place page's map is a srcdoc iframe under the same policy (and the same nonce).
    page.goto(f"{server.url}/gazetteer/t:idlib")
    frame = page.frame_locator("iframe.place-map")
    frame.locator("path.leaflet-interactive").wait_for()
    frame.locator("img.leaflet-tile-loaded").first.wait_for()
    assert_clean(page)

    # The incident page's small map, and the review rows' maps.
    for path in (f"/incidents/{focus}", "/review"):
        page.goto(server.url + path)
        page.locator(".mini-map[data-map-ready='1'] path.leaflet-interactive").first.wait_for()
        page.locator(".mini-map img.leaflet-tile-loaded").first.wait_for()
        assert_clean(page)

    for path in (
        "/upload",
        "/articles/1",
        "/incidents",
        "/articles",
        "/gazetteer/?q=idlib",
        "/review",
        "/login",
    ):
        page.goto(server.url + path)
        page.wait_for_load_state("load")
        assert_clean(page)


def test_the_policy_refuses_what_it_should(live_app, server, watched):
    page = watched
    page.goto(f"{server.url}/upload")
    # An injected inline script and inline style are refused and reported: the policy is in force.
    page.evaluate(
        """() => {
          const s = document.createElement("script");
          s.textContent = "window.__ran = 1";
          document.body.appendChild(s);
          document.body.insertAdjacentHTML("beforeend", '<p id="styled" style="color: rgb(255, 0, 0)">x</p>');
        }"""
    )
    page.wait_for_function("() => window.__cspViolations.length >= 2")
    assert page.evaluate("window.__ran") is None
    assert page.evaluate("getComputedStyle(document.getElementById('styled')).color") != "rgb(255, 0, 0)"
