"""Grid cells over the map index's arrays (webapp/mapgrid.py): counted either way, the same.

How the index follows the table is tested in tests/test_mapindex.py; that it selects the same
incidents as SQL, with the filters (tests/test_filters.py).
"""

from __future__ import annotations

import numpy as np
from incident_rows import add_incident

from webapp import mapgrid
from webapp.filters import parse_filters
from webapp.mapgrid import counted_cells
from webapp.mapindex import current_index


def test_clusters_are_the_same_counted_densely_or_by_sorting(app, monkeypatch):
    with app.app_context():
        for lat, lon, kind in [(35.93, 36.63, "Battles"), (35.2, 36.9, "Protests"), (33.5, 36.3, "Battles")]:
            add_incident(lat=lat, lon=lon, event_type=kind)
        add_incident(lat=35.94, lon=36.64)
        index = current_index()
        mask = index.mask(parse_filters({}))
        for size in (0.05, 0.5, 3.0):
            dense = index.grid(mask, size, by_type=True)
            monkeypatch.setattr(mapgrid, "DENSE_CELLS", 0)
            assert index.grid(mask, size, by_type=True) == dense
            monkeypatch.undo()
        assert [c["count"] for c in index.grid(mask, 3.0, by_type=False)] == [4]


def test_a_cell_holds_its_incidents_mean_point_corner_and_types():
    lat = np.array([35.1, 35.3, 33.5])
    lon = np.array([36.1, 36.3, 36.3])
    cells = counted_cells(lat, lon, np.array([0, 1, 0]), ("", "Battles"), 1.0, by_type=True)
    by_corner = {(c["south"], c["west"]): c for c in cells}
    idlib = by_corner[(35.0, 36.0)]
    assert idlib["count"] == 2 and (idlib["lat"], idlib["lon"]) == (35.2, 36.2)
    assert idlib["types"] == {"Other": 1, "Battles": 1}
    assert by_corner[(33.0, 36.0)]["count"] == 1
    assert counted_cells(lat[:0], lon[:0], np.zeros(0, "int32"), (), 1.0, by_type=False) == []
