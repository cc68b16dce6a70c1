"""The filters' column conditions over the map index's arrays (webapp/mapconditions.py).

That they select the same incidents as SQL is tested with the filters (tests/test_filters.py).
"""

from __future__ import annotations

import datetime as dt

from webapp.filters import AnyOf, Between, IsNull, Near, OneOf
from webapp.mapcolumns import MapIndex
from webapp.mapconditions import condition_mask

_ROWS = [  # the columns MapIndex.from_rows takes: id, lat, lon, day, type, admin1, precision, status, merged
    (1, 35.93, 36.63, 19_000, "Battles", "idlib", 1, "unreviewed", None),
    (2, 33.51, 36.29, None, "Protests", "damascus", None, "verified", 1),
]


def _held(condition) -> list[bool]:
    return condition_mask(MapIndex.from_rows(_ROWS), condition).tolist()


def test_each_kind_of_condition_over_the_arrays():
    assert _held(OneOf("event_type", ("Battles",))) == [True, False]
    assert _held(OneOf("admin1", ("Damascus",))) == [False, True]  # admin1 is compared lower-cased
    assert _held(Between("lat", 34.0, None)) == [True, False]
    assert _held(IsNull("merged_into_id")) == [True, False]
    assert _held(AnyOf((OneOf("status", ("verified",)), Between("lon", None, 36.5)))) == [False, True]
    assert _held(Near(35.9, 36.6, 10.0)) == [True, False]


def test_a_null_value_matches_no_range_nor_list():
    day = dt.date(1970, 1, 1) + dt.timedelta(days=19_000)
    assert _held(Between("date", day, day)) == [True, False]  # the second has no date
    assert _held(Between("geo_precision", 0, 3)) == [True, False]  # nor a precision
    assert _held(IsNull("date")) == [False, True]
