"""Incident query parameters (webapp/queries.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from webapp.errors import BadQuery
from webapp.queries import DEFAULT_LIMIT, IncidentFilter


def test_parses_every_parameter():
    flt = IncidentFilter.from_args(
        {
            "bbox": "35.5,32.3,42.4,37.4",
            "from": "2020-09-01",
            "to": "2020-09-30",
            "type": "Battles, Explosions/Remote violence",
            "article": "7",
            "limit": "50",
        },
        max_limit=1000,
    )
    assert flt.bbox == (35.5, 32.3, 42.4, 37.4)
    assert (flt.date_from, flt.date_to) == (dt.date(2020, 9, 1), dt.date(2020, 9, 30))
    assert flt.event_types == ("Battles", "Explosions/Remote violence")
    assert flt.article_id == 7 and flt.limit == 50


def test_defaults_and_limit_cap():
    assert IncidentFilter.from_args({}, max_limit=5000) == IncidentFilter()
    assert IncidentFilter.from_args({}, max_limit=5000).limit == DEFAULT_LIMIT
    assert IncidentFilter.from_args({"limit": "999999"}, max_limit=5000).limit == 5000
    assert IncidentFilter.from_args({"limit": "-3"}, max_limit=5000).limit == 1


@pytest.mark.parametrize(
    "args", [{"bbox": "1,2,3"}, {"bbox": "a,b,c,d"}, {"from": "2020-13-01"}, {"to": "soon"}, {"limit": "x"}]
)
def test_malformed_parameters_raise_bad_query(args):
    with pytest.raises(BadQuery) as info:
        IncidentFilter.from_args(args, max_limit=100)
    assert info.value.status == 400
