"""Incident queries (webapp/queries.py): the limit, and the located incidents of a selection."""

from __future__ import annotations

import datetime as dt

import pytest
from incident_rows import add_incident

from webapp.errors import BadQuery
from webapp.extensions import db
from webapp.filters import parse_filters
from webapp.queries import DEFAULT_LIMIT, MAX_FEATURES, incidents_with_ids, mapped_incidents, parse_limit


def test_limit_default_and_bounds():
    assert parse_limit({}, max_limit=5000) == DEFAULT_LIMIT
    assert parse_limit({"limit": "50"}, max_limit=5000) == 50
    assert parse_limit({"limit": "999999"}, max_limit=5000) == 5000
    assert parse_limit({"limit": "-3"}, max_limit=5000) == 1
    # However high the configured limit, no answer holds more than MAX_FEATURES incidents.
    assert MAX_FEATURES == 5000 and parse_limit({"limit": "999999"}, max_limit=10**6) == MAX_FEATURES


@pytest.mark.parametrize("args", [{"limit": "x"}, {"limit": "1.5"}])
def test_malformed_limit_raises_bad_query(args):
    with pytest.raises(BadQuery) as info:
        parse_limit(args, max_limit=100)
    assert info.value.status == 400


def test_mapped_incidents_are_the_located_ones_newest_first_within_the_limit(app):
    with app.app_context():
        old = add_incident(date=dt.date(2020, 1, 1))
        new = add_incident(date=dt.date(2020, 9, 20))
        add_incident(lat=None, lon=None)
        rows = db.session.execute(mapped_incidents(parse_filters({}))).all()
        assert [row[0].id for row in rows] == [new, old]
        rows = db.session.execute(mapped_incidents(parse_filters({}), limit=1)).all()
        assert [row[0].id for row in rows] == [new]


def test_incidents_with_ids_are_those_located_newest_first_within_the_limit(app):
    with app.app_context():
        old = add_incident(date=dt.date(2020, 1, 1))
        new = add_incident(date=dt.date(2020, 9, 20))
        other = add_incident(date=dt.date(2021, 1, 1))
        unlocated = add_incident(lat=None, lon=None)
        rows = db.session.execute(incidents_with_ids([old, new, unlocated])).all()
        assert [row[0].id for row in rows] == [new, old]
        assert [row[0].id for row in db.session.execute(incidents_with_ids([old, other], limit=1))] == [other]
        assert db.session.execute(incidents_with_ids([])).all() == []


def test_undated_incidents_come_after_the_dated_ones_on_every_back_end(backend_app):
    # PostgreSQL sorts NULL above every date in descending order, SQLite below: the API must not
    # open with the undated incidents on one back end and close with them on the other.
    with backend_app.app_context():
        undated = add_incident(date=None)
        old = add_incident(date=dt.date(2019, 5, 1))
        new = add_incident(date=dt.date(2020, 9, 20))
        rows = db.session.execute(mapped_incidents(parse_filters({}))).all()
        assert [row[0].id for row in rows] == [new, old, undated]
        rows = db.session.execute(incidents_with_ids([undated, old, new])).all()
        assert [row[0].id for row in rows] == [new, old, undated]
