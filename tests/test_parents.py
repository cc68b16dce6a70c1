"""Tests for gazetteer.places.parents: admin parents completed from admin polygons."""

from __future__ import annotations

from geo_toy import square

from gazetteer import Place, PlaceType


def test_complete_parents_from_polygons() -> None:
    from gazetteer import AdminRef
    from gazetteer.places.parents import complete_parents

    gov = Place(
        "g",
        "Idlib Governorate",
        "محافظة إدلب",
        PlaceType.GOVERNORATE,
        35.9,
        36.6,
        pcode="SY07",
        geometry=square(35.9, 36.6, 0.5),
    )
    dist = Place(
        "d",
        "Idlib District",
        "منطقة إدلب",
        PlaceType.DISTRICT,
        35.9,
        36.6,
        pcode="SY0700",
        geometry=square(35.9, 36.6, 0.3),
    )
    wrong = AdminRef(1, "Aleppo Governorate", "محافظة حلب", "SY02")
    town = Place("t", "Saraqib", "سراقب", PlaceType.TOWN, 35.86, 36.8)
    odd = Place("o", "Odd", "", PlaceType.VILLAGE, 35.86, 36.8, parents=(wrong,))
    far = Place("f", "Far", "", PlaceType.VILLAGE, 33.0, 36.0)
    out = complete_parents([gov, dist, town, odd, far])
    assert [p.pcode for p in out[2].parents] == ["SY07", "SY0700"]
    assert out[3].parents == (wrong,)  # a polygon contradicting a known parent is not used
    assert out[4].parents == () and out[0].parents == ()
    assert complete_parents([town]) == [town]
