"""The in-memory map index (webapp/mapindex.py) agrees with the SQL filters and follows table changes."""

from __future__ import annotations

import datetime as dt

from incident_rows import add_incident
from sqlalchemy import select

from webapp.extensions import db
from webapp.filters import filtered, parse_filters
from webapp.mapindex import current_index
from webapp.models import Incident

QUERIES = [
    {},
    {"from": "2020-06-01"},
    {"to": "2020-06-01"},
    {"type": "Battles"},
    {"admin1": "ALEPPO,idlib"},
    {"precision": "2,3"},
    {"bbox": "36,35,37,36.5"},
    {"q": "saraqib"},
    {"actor": "HTS"},
    {"source": "souria"},
    {"type": "Battles,Protests", "from": "2020-01-01", "bbox": "35,33,38,37"},
    {"article": "2"},
]


def test_mask_matches_the_sql_criteria(app):
    app.config["MAP_INDEX_CHECK_SECONDS"] = 0
    with app.app_context():
        add_incident(date=dt.date(2020, 9, 20), admin1="Idlib", actors=["Russia"])
        add_incident(
            date=dt.date(2020, 1, 5),
            event_type="Battles",
            admin1="Aleppo",
            lat=36.2,
            lon=37.16,
            actors=["HTS"],
            geo_precision=2,
            source_name="souria.net",
        )
        add_incident(
            date=None,
            event_type="Protests",
            admin1="",
            geo_precision=3,
            sentence="Protest in Saraqib.",
            place="Saraqib",
            lat=35.86,
            lon=36.8,
        )
        add_incident(lat=None, lon=None)  # not mapped: never in the index
        index = current_index()
        for query in QUERIES:
            flt = parse_filters(query)
            sql = set(db.session.scalars(filtered(select(Incident.id).where(Incident.lat.is_not(None)), flt)))
            assert set(index.ids[index.mask(flt)].tolist()) == sql, query


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
