"""Layer endpoints (webapp/mapdata.py): governorate choropleth, roads, heat, facets."""

from __future__ import annotations

import datetime as dt

import pytest
from incident_rows import add_incident

from gazetteer import Gazetteer, Place, PlaceType
from webapp.extensions import gazetteers

SQUARE = {
    "type": "Polygon",
    "coordinates": [[[36.0, 35.5], [37.0, 35.5], [37.0, 36.5], [36.0, 36.5], [36.0, 35.5]]],
}


def test_choropleth_joins_polygons_to_admin1_counts(app, client, tiny_places_with_polygon):
    with app.app_context():
        gazetteers.set(tiny_places_with_polygon)
        add_incident(admin1="Idlib")
        add_incident(admin1="IDLIB", event_type="Battles")
        add_incident(admin1="Aleppo")
    body = client.get("/api/governorates").get_json()
    assert [f["properties"]["name"] for f in body["features"]] == ["Idlib"]  # only places with a polygon
    assert body["features"][0]["properties"]["count"] == 2 and body["max"] == 2
    assert client.get("/api/governorates?type=Battles").get_json()["features"][0]["properties"]["count"] == 1


def test_no_polygons_means_an_empty_choropleth(client):
    assert client.get("/api/governorates").get_json() == {
        "type": "FeatureCollection",
        "features": [],
        "max": 0,
    }


def test_roads_are_line_places(client):
    body = client.get("/api/roads").get_json()
    assert [f["properties"]["code"] for f in body["features"]] == ["M4"]
    assert body["features"][0]["geometry"]["type"] == "LineString"


def test_heat_and_facets(app, client):
    with app.app_context():
        add_incident(date=dt.date(2020, 1, 1), admin1="Idlib", source_name="souria.net")
        add_incident(date=dt.date(2021, 1, 1), admin1="Aleppo", event_type="Battles", lat=36.2, lon=37.1)
    heat = client.get("/api/heat?zoom=6").get_json()
    assert sum(c["count"] for c in heat["cells"]) == 2 and heat["size"] > 0
    assert client.get("/api/heat?zoom=x").status_code == 400
    facets = client.get("/api/facets").get_json()
    assert facets["event_types"] == ["Battles", "Explosions/Remote violence"]
    assert facets["governorates"] == ["Aleppo", "Idlib"] and "souria.net" in facets["sources"]
    assert (facets["first_date"], facets["last_date"]) == ("2020-01-01", "2021-01-01")
    assert facets["labels"]["Idlib"] == "Idlib"
    arabic = client.get("/api/facets?lang=ar").get_json()["labels"]
    assert (arabic["Idlib"], arabic["Battles"]) == ("إدلب", "معارك")


@pytest.fixture
def tiny_places_with_polygon(tiny_gazetteer):
    places = list(tiny_gazetteer) + [
        Place("t:gov-idlib", "Idlib", "إدلب", PlaceType.GOVERNORATE, 35.8, 36.6, geometry=SQUARE),
        Place("t:gov-aleppo", "Aleppo", "حلب", PlaceType.GOVERNORATE, 36.2, 37.1),  # no polygon imported
    ]
    return Gazetteer(places)
