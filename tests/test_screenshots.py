"""The README's screenshots (webapp/screenshots.py): what they need before a browser starts."""

from __future__ import annotations

import datetime as dt

import pytest
from incident_rows import add_incident

from webapp.screenshots import PAGES, located_incident


def test_the_popup_shows_the_deadliest_located_incident(app):
    with app.app_context():
        add_incident(fatalities=2)
        deadliest = add_incident(fatalities=9, date=dt.date(2020, 1, 1))
        add_incident(fatalities=30, lat=None, lon=None)  # not on the map
    assert located_incident(app) == deadliest


def test_an_empty_database_is_refused_with_the_command_that_fills_it(app):
    with pytest.raises(SystemExit, match="seed --incidents"):
        located_incident(app)


def test_every_shot_the_readme_asks_for_is_taken():
    assert {name for name, _ in PAGES} == {"map", "popup", "review", "incidents"}
