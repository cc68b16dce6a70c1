"""The map page (webapp/maps), local Leaflet assets (webapp/assets.py) and the map script."""

from __future__ import annotations

import json
import re
from importlib.resources import files
from pathlib import Path

import pytest
import yaml
from webapp_rows import store_article

from gazetteer.events.extract import ACLED_TYPES
from webapp.i18n import EVENT_TYPES_AR, STRINGS

ROOT = Path(__file__).resolve().parents[1]
MAP_SCRIPTS = (
    "incident_map.js",
    "incident_layers.js",
    "map-clusters.js",
    "map-layers.js",
    "map-controls.js",
    "basemap.js",
)
XSS = "<img src=x onerror=alert(1)></script>${alert(1)}"


def asset_urls(page: str) -> list[str]:
    return re.findall(r'<script[^>]+src="([^"]+)"', page) + re.findall(r'<link[^>]+href="([^"]+)"', page)


def test_map_page_uses_local_assets_only(client):
    page = client.get("/map").get_data(as_text=True)
    urls = asset_urls(page)
    assert "/vendor/leaflet/leaflet.js" in urls and "/vendor/leaflet/leaflet.css" in urls
    assert "/vendor/markercluster/leaflet.markercluster.js" in urls
    assert "/vendor/heat/leaflet_heat.min.js" in urls
    assert all(f"/static/js/{name}" in urls for name in MAP_SCRIPTS)
    assert all(u.startswith("/") and not u.startswith("//") for u in urls), urls
    for name in ("jquery", "bootstrap", "awesome-markers", "font-awesome", "fontawesome"):
        assert name not in page.lower()


def test_only_http_url_is_the_tile_template(app, client):
    page = client.get("/map").get_data(as_text=True)
    tile = app.config["TILE_URL"]
    attribution_links = set(
        re.findall(r'href=\\"(https?://[^"\\]+)', page)
    )  # links inside the attribution text
    others = set(re.findall(r"https?://[^\"'\s\\]+", page)) - {tile} - attribution_links
    assert tile in page and not others, others


def test_tile_url_is_configurable(app, client):
    app.config["TILE_URL"] = "http://127.0.0.1:8080/tiles/{z}/{x}/{y}.png"
    assert "http://127.0.0.1:8080/tiles/{z}/{x}/{y}.png" in client.get("/map").get_data(as_text=True)


def test_page_size_does_not_grow_with_incidents(app, client):
    empty = len(client.get("/map").data)
    with app.app_context():
        for i in range(40):
            store_article(title=f"article {i}", road=bool(i % 2))
    full = client.get("/map")
    assert len(full.data) == empty
    assert "Idlib" not in full.get_data(as_text=True)  # no incident data in the page: the browser fetches it


def test_map_page_carries_no_article_data_and_escapes_options(app, client):
    with app.app_context():
        store_article(title=XSS, text=f"Jets struck Idlib {XSS}.")
    page = client.get("/map?article=1&x=</script><script>alert(1)</script>").get_data(as_text=True)
    assert "<img src=x" not in page and "<script>alert(1)" not in page
    assert "IncidentMap.init(" in page and '"apiUrl": "/api/incidents"' in page


def site_header(page: str) -> str:
    return re.search(r'<header class="site">.*?</header>', page, re.S).group()


def test_map_page_has_the_site_header_of_every_page(client):
    for lang in ("en", "ar"):
        page = client.get(f"/map?lang={lang}").get_data(as_text=True)
        other = client.get(f"/articles?lang={lang}").get_data(as_text=True)
        counter = '<span id="incident-count" aria-live="polite"></span>'
        header = site_header(page)
        assert counter in header and '<body class="map-page">' in page
        elsewhere = site_header(other).replace("/articles?", "/map?")
        assert header.replace(counter, "").split() == elsewhere.split()
    assert page.count("<nav") == 1 and page.count("<html") == 1


def test_vendor_files_are_served_from_the_packages(client):
    def fetch(url: str) -> tuple[int, bytes]:
        with client.get(url) as response:  # file responses hold the file open until closed
            return response.status_code, response.data

    status, body = fetch("/vendor/leaflet/leaflet.js")
    assert status == 200 and b"Leaflet" in body[:2000]
    assert fetch("/vendor/leaflet/images/marker-icon.png")[0] == 200
    assert fetch("/vendor/markercluster/leaflet.markercluster.js")[0] == 200
    assert fetch("/vendor/markercluster/MarkerCluster.Default.css")[0] == 200
    status, body = fetch("/vendor/heat/leaflet_heat.min.js")
    assert status == 200 and b"heatLayer" in body
    assert fetch("/vendor/heat/heat_map.py")[0] == 404  # only Leaflet.heat of folium's files
    assert fetch("/vendor/unknown/x.js")[0] == 404
    assert fetch("/vendor/leaflet/../../../etc/passwd")[0] == 404


def map_code(name: str) -> str:
    """A map script without its comments."""
    source = (ROOT / "static" / "js" / name).read_text(encoding="utf-8")
    source = re.sub(r"/\*.*?\*/", "", source, flags=re.S)
    return re.sub(r"^\s*//.*$", "", source, flags=re.M)


@pytest.mark.parametrize("name", MAP_SCRIPTS)
def test_map_scripts_build_markup_with_dom_apis_only(name):
    script = map_code(name)
    assert "innerHTML" not in script and "insertAdjacentHTML" not in script and "eval(" not in script
    assert "outerHTML" not in script and "document.write" not in script


def test_map_scripts_cluster_every_type_together_and_draw_roads_as_lines():
    layers = map_code("incident_layers.js")
    assert layers.count("markerClusterGroup(") == 1 and "LineString" in layers
    assert "L.heatLayer(" in map_code("map-layers.js")
    assert "L.Control.Layers" not in "".join(map_code(name) for name in MAP_SCRIPTS)  # one layer control


def page_options(page: str) -> dict:
    """The options the map page hands to ``IncidentMap.init``."""
    return json.loads(re.search(r"IncidentMap\.init\(\w+, (.*)\);\n", page).group(1))


def extractor_types() -> set[str]:
    """Every event type and sub-type the extractor can produce: those of its lexicon's triggers
    (and their fallbacks), of its refinements, and the sub-type gazetteer/extract.py gives a
    territorial change won by government-side actors or an attack on civilians."""
    lexicon = yaml.safe_load((files("gazetteer") / "data" / "lexicon" / "events.yaml").read_text("utf-8"))
    entries = lexicon["events"] + [e["otherwise"] for e in lexicon["events"] if "otherwise" in e]
    types = {entry[key] for entry in entries for key in ("type", "sub_type")}
    for rule in lexicon["refine"]:
        for name in [rule["to"], *rule["from"]]:
            event_type = next(t for t in ACLED_TYPES if name.startswith(t + "/"))
            types |= {event_type, name[len(event_type) + 1 :]}
    assert any(entry.get("territory") for entry in lexicon["events"])
    return types | {"Government regains territory", "Violence against civilians", "Attack"}


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_map_receives_an_arabic_label_for_every_event_type(client, lang):
    labels = page_options(client.get(f"/map?lang={lang}").get_data(as_text=True))["event_types_ar"]
    arabic = {name for name, label in labels.items() if re.search("[\u0600-\u06ff]", label)}
    assert extractor_types() - arabic == set()


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_popup_labels_come_from_the_catalogue_in_both_languages(client, lang):
    options = page_options(client.get(f"/map?lang={lang}").get_data(as_text=True))
    assert options["bilingual"]["open_sentence"] == list(STRINGS["open_sentence"])
    assert options["bilingual"]["status_verified"] == list(STRINGS["status_verified"])
    assert {f"precision_{n}" for n in (1, 2, 3)} <= set(options["bilingual"])
    assert options["actors_ar"]["HTS"] == "هيئة تحرير الشام"


def test_the_map_scripts_keep_no_labels_of_their_own():
    scripts = "".join((ROOT / "static" / "js" / name).read_text("utf-8") for name in MAP_SCRIPTS)
    assert [label for label in EVENT_TYPES_AR.values() if label in scripts] == []


def test_the_basemap_layers_are_separate_cached_files_outside_the_page(client):
    page = client.get("/map")
    text = page.get_data(as_text=True)
    assert len(page.data) < 200_000 and "FeatureCollection" not in text  # linked, not embedded
    assert "/static/js/basemap.js" in asset_urls(text)
    urls = page_options(text)["urls"]["basemap"]
    assert set(urls) == {"land", "water", "borders", "roads", "labels"}
    for url in urls.values():
        with client.get(url) as layer:
            assert layer.status_code == 200 and layer.headers.get("ETag")
            data = json.loads(layer.data)
            etag = layer.headers["ETag"]
        assert data["type"] == "FeatureCollection" and data["features"]
        assert any(name in data["attribution"] for name in ("CC BY", "LGPL", "ODbL")), data["attribution"]
        with client.get(url, headers={"If-None-Match": etag}) as again:
            assert again.status_code == 304  # the browser revalidates its copy instead of fetching it again
