"""The in-memory map index (webapp/mapindex.py): grid cells, and reloads after table changes.

That it selects the same incidents as SQL is tested with the filters (tests/test_filters.py).
"""

from __future__ import annotations

from incident_rows import add_incident

from webapp.filters import parse_filters
from webapp.mapindex import current_index


def test_grid_and_reload_after_changes(app):
    app.config["MAP_INDEX_CHECK_SECONDS"] = 0
    with app.app_context():
        add_incident(lat=35.93, lon=36.63, event_type="Battles")
        add_incident(lat=35.94, lon=36.64)
        index = current_index()
        cells = index.grid(index.mask(parse_filters({})), 1.0, by_type=True)
        assert len(cells) == 1 and cells[0]["count"] == 2
        assert cells[0]["types"] == {"Battles": 1, "Explosions/Remote violence": 1}
        assert abs(cells[0]["lat"] - 35.935) < 1e-9
        add_incident(lat=33.5, lon=36.3)
        assert len(current_index().ids) == 3  # the new row is seen on the next check
