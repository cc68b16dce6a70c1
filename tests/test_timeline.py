"""Per-day/week aggregation with pandas (webapp/timeline.py) and GET /api/timeline."""

from __future__ import annotations

import datetime as dt

import pandas as pd
from incident_rows import add_incident

from webapp.timeline import MAX_BARS, aggregate, week_start


def series(*days: str) -> pd.Series:
    idx = pd.to_datetime(list(days))
    return pd.Series(1, index=idx).groupby(level=0).sum()


def test_days_are_filled_with_zeros():
    bucket, s = aggregate(series("2020-09-18", "2020-09-20", "2020-09-20"), "day")
    assert bucket == "day" and s.tolist() == [1, 0, 2]


def test_weeks_start_on_monday():
    bucket, s = aggregate(series("2020-09-20", "2020-09-21", "2020-10-05"), "week")
    assert bucket == "week"
    assert [d.date() for d in s.index] == [
        dt.date(2020, 9, 14),
        dt.date(2020, 9, 21),
        dt.date(2020, 9, 28),
        dt.date(2020, 10, 5),
    ]
    assert s.tolist() == [1, 1, 0, 1] and week_start(dt.date(2020, 9, 20)) == dt.date(2020, 9, 14)


def test_auto_switches_to_weeks_then_months_for_long_ranges():
    assert aggregate(series("2020-01-01", "2020-02-01"))[0] == "day"
    assert aggregate(series("2020-01-01", "2021-01-01"))[0] == "week"
    bucket, s = aggregate(series("2012-01-05", "2012-01-20", "2016-03-31"))
    assert bucket == "month" and s.iloc[0] == 2 and s.index[-1].date() == dt.date(2016, 3, 1) and len(s) == 51
    assert aggregate(pd.Series(dtype="int64"))[1].empty


def test_a_stray_date_coarsens_a_chosen_bucket_instead_of_exploding():
    stray = pd.Series(1, index=pd.to_datetime([dt.date(202, 9, 20), dt.date(2020, 9, 20)]))
    bucket, s = aggregate(stray, "day")
    assert bucket == "month" and len(s) <= MAX_BARS * 5 and s.sum() == 2
    assert aggregate(series("2000-01-01", "2020-09-20"), "day")[0] == "week"
    assert aggregate(series("2020-01-01", "2020-12-31"), "day")[0] == "day"


def test_endpoint_counts_matching_incidents_ignoring_the_viewport(app, client):
    with app.app_context():
        add_incident(date=dt.date(2020, 9, 20))
        add_incident(date=dt.date(2020, 9, 20), event_type="Battles", lat=33.5, lon=36.3)
        add_incident(date=dt.date(2020, 9, 22))
        add_incident(date=None)
    body = client.get("/api/timeline?bucket=day&bbox=36,35,37,36.5").get_json()
    assert body["bucket"] == "day" and body["total"] == 3 and body["max"] == 2
    assert body["points"] == [
        {"start": "2020-09-20", "count": 2},
        {"start": "2020-09-21", "count": 0},
        {"start": "2020-09-22", "count": 1},
    ]
    assert client.get("/api/timeline?type=Battles").get_json()["total"] == 1
    assert client.get("/api/timeline?from=2030-01-01").get_json() == {
        "bucket": "day",
        "total": 0,
        "max": 0,
        "points": [],
    }
