"""Query-string and URL values (webapp/params.py): malformed or oversized values are 400/404, never 500."""

from __future__ import annotations

import datetime as dt

import pytest

from webapp.errors import BadQuery
from webapp.params import MAX_ID, parse_date, parse_id, parse_int

HUGE = str(MAX_ID + 1)  # beyond PostgreSQL's INTEGER ids
HUGER = str(2**70)  # beyond any database integer


def test_parse_int_accepts_ascii_integers_only():
    assert parse_int(" 42 ", "n") == 42 and parse_int("-3", "n") == -3 and parse_int("", "n") is None
    assert parse_int(None, "n") is None
    for bad in ("²", "٣", "1.5", "1e3", "x"):
        with pytest.raises(BadQuery):
            parse_int(bad, "n")


def test_parse_id_is_bounded_by_the_id_column():
    assert parse_id(str(MAX_ID), "article") == MAX_ID and parse_id("0", "article") == 0
    for bad in (HUGE, HUGER, "-1", "abc"):
        with pytest.raises(BadQuery) as info:
            parse_id(bad, "article")
        assert info.value.status == 400


def test_parse_date():
    assert parse_date("2020-09-20", "from") == dt.date(2020, 9, 20) and parse_date(" ", "from") is None
    with pytest.raises(BadQuery):
        parse_date("2020-13-01", "from")


@pytest.mark.parametrize(
    "url, status",
    [
        (f"/articles/{HUGE}", 404),
        (f"/articles/{HUGER}", 404),
        (f"/api/incidents?article={HUGER}", 400),
        (f"/incidents?page={HUGER}", 200),
        (f"/api/articles/{HUGE}", 404),
        (f"/api/incidents?article={HUGE}", 400),
        (f"/export/incidents.csv?article={HUGE}", 400),
        (f"/incidents?page={HUGE}", 200),
        (f"/articles?page={HUGE}", 200),
        (f"/map?incident={HUGE}", 200),
        ("/map?incident=²", 200),
        ("/api/heat?zoom=²", 400),
        ("/incidents?page=-1", 400),
    ],
)
def test_oversized_and_odd_numbers_in_requests(client, url, status):
    assert client.get(url).status_code == status
