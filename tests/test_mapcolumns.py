"""The map index's columns (webapp/mapcolumns.py): grid cells counted either way.

How the index follows the table is tested in tests/test_mapindex.py; that it selects the same
incidents as SQL, with the filters (tests/test_filters.py).
"""

from __future__ import annotations

from incident_rows import add_incident

from webapp import mapcolumns
from webapp.filters import parse_filters
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
            monkeypatch.setattr(mapcolumns, "DENSE_CELLS", 0)
            assert index.grid(mask, size, by_type=True) == dense
            monkeypatch.undo()
        assert [c["count"] for c in index.grid(mask, 3.0, by_type=False)] == [4]
