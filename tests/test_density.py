"""Server-side clusters and the heat grid (webapp/density.py)."""

from __future__ import annotations

from incident_rows import add_incident

from webapp.density import cell_degrees, clustered_collection, grid_cells, heat_cells
from webapp.filters import Filters, parse_filters


def test_cell_size_halves_per_zoom_level():
    assert cell_degrees(8, 80) == cell_degrees(7, 80) / 2
    assert abs(cell_degrees(0, 256) - 360) < 1e-9


def test_cells_count_and_place_their_incidents(app):
    with app.app_context():
        for _ in range(3):
            add_incident(lat=35.93, lon=36.63, event_type="Battles")
        add_incident(lat=35.95, lon=36.65)
        add_incident(lat=33.51, lon=36.29)
        cells = grid_cells(Filters(), 1.0, by_type=True)
        assert sorted(c["count"] for c in cells) == [1, 4]
        big = max(cells, key=lambda c: c["count"])
        assert big["types"] == {"Battles": 3, "Explosions/Remote violence": 1}
        assert 35.93 <= big["lat"] <= 35.95 and big["south"] <= big["lat"] < big["south"] + 1
        heat = heat_cells(parse_filters({"type": "Battles"}), 7)
        assert heat["max"] == 3 and sum(c["count"] for c in heat["cells"]) == 3


def test_clusters_only_above_the_threshold(app):
    with app.app_context():
        for i in range(6):
            add_incident(lat=35.0 + i * 0.3, lon=36.5)
        assert clustered_collection(Filters(), 7, threshold=6) is None
        clusters = clustered_collection(Filters(), 7, threshold=5)
        assert clusters["clustered"] and clusters["total"] == 6
        assert sum(f["properties"]["count"] for f in clusters["features"]) == 6


def test_api_answers_clusters_when_a_viewport_is_crowded(app, client):
    app.config["MAP_CLUSTER_THRESHOLD"] = 3
    with app.app_context():
        for i in range(5):
            add_incident(lat=35.0 + i * 0.01, lon=36.5)
    crowded = client.get("/api/incidents?bbox=34,31,43,38&zoom=7").get_json()
    assert crowded["clustered"] and crowded["total"] == 5 and len(crowded["features"]) == 1
    assert crowded["features"][0]["properties"]["count"] == 5
    plain = client.get("/api/incidents?bbox=34,31,43,38").get_json()  # no zoom: the incidents themselves
    assert "clustered" not in plain and len(plain["features"]) == 5
    few = client.get("/api/incidents?bbox=34,31,43,38&zoom=7&type=Battles").get_json()
    assert few["features"] == []
