"""Tests for gazetteer.places.merge: when two entries are one place, and what the merged place keeps."""

from __future__ import annotations

from gazetteer import AdminRef, Place, PlaceType
from gazetteer.places.merge import MergeReport, combine, merge_keys, merge_places, same_place

GOV = AdminRef(1, "Idlib Governorate", "محافظة إدلب", "SY07")


def _p(
    pid: str, name: str, ptype: PlaceType = PlaceType.TOWN, lat: float = 35.8647, lon: float = 36.8006, **kw
) -> Place:
    return Place(pid, name, kw.pop("name_ar", ""), ptype, lat, lon, **kw)


def test_settlements_within_5_km_with_a_shared_name_merge() -> None:
    a = _p("cur:saraqib", "Saraqib", name_ar="سراقب", source="curated", licence="CC BY 4.0, this project")
    b = _p(
        "gn:1",
        "Sarāqib",
        PlaceType.VILLAGE,
        35.87,
        36.81,
        name_ar="سَراقِب",
        alt_names=("Saraqeb",),
        population=32000,
        parents=(GOV,),
        source="GeoNames",
        licence="CC BY 4.0 (GeoNames)",
    )
    places, report = merge_places([a], [b])
    assert len(places) == 1 and (report.added, report.merged) == (0, 1)
    merged = places[0]
    assert merged.id == "cur:saraqib" and merged.type == PlaceType.TOWN  # first entry wins
    assert (merged.lat, merged.lon, merged.name, merged.name_ar) == (a.lat, a.lon, "Saraqib", "سراقب")
    assert {"Sarāqib", "سَراقِب", "Saraqeb"} <= set(merged.alt_names)
    assert merged.population == 32000 and merged.parents == (GOV,)
    assert merged.source == "curated; GeoNames"
    assert report.aliases == {"gn:1": "cur:saraqib"}


def test_same_name_far_apart_stays_two_places() -> None:
    a = _p("a", "Tell Abyad", lat=36.69, lon=38.95)
    b = _p("b", "Tell Abyad", lat=35.0, lon=36.0)
    places, report = merge_places([a], [b])
    assert len(places) == 2 and report.added == 1


def test_different_names_close_stay_two_places() -> None:
    places, _ = merge_places([_p("a", "Saraqib")], [_p("b", "Afis", lat=35.87, lon=36.79)])
    assert len(places) == 2


def test_incompatible_types_do_not_merge() -> None:
    city = _p("city", "Idlib", PlaceType.CITY, 35.93, 36.63)
    gov = _p("gov", "Idlib", PlaceType.GOVERNORATE, 35.93, 36.63)
    assert not same_place(city, gov)
    places, _ = merge_places([city], [gov])
    assert len(places) == 2


def test_pcode_decides_for_admin_areas() -> None:
    curated = _p("cur:gov", "Idlib Governorate", PlaceType.GOVERNORATE, 35.93, 36.63, pcode="SY07")
    ocha = _p(
        "ocha:SY07",
        "Idleb",
        PlaceType.GOVERNORATE,
        35.7,
        36.5,
        pcode="SY07",
        name_ar="إدلب",
        geometry={"type": "Polygon", "coordinates": [[[36, 35], [37, 35], [37, 36.5], [36, 36.5], [36, 35]]]},
    )
    other = _p("ocha:SY02", "Idlib Governorate", PlaceType.GOVERNORATE, 35.93, 36.63, pcode="SY02")
    places, report = merge_places([curated], [ocha, other])
    assert (report.added, report.merged) == (1, 1)
    assert places[0].geometry is not None and "Idleb" in places[0].alt_names


def test_admin_area_without_pcode_merges_by_containment() -> None:
    square = {"type": "Polygon", "coordinates": [[[36, 35], [37, 35], [37, 36.5], [36, 36.5], [36, 35]]]}
    area = _p("a", "Jisr al-Shughur", PlaceType.DISTRICT, 35.8, 36.3, geometry=square)
    point = _p("b", "Jisr ash-Shughur", PlaceType.DISTRICT, 36.4, 36.9)  # 70 km away but inside
    assert same_place(area, point)
    outside = _p("c", "Jisr al-Shughur", PlaceType.DISTRICT, 34.0, 36.3)
    assert not same_place(area, outside)


def test_roads_merge_by_name_alone() -> None:
    a = _p("a", "M4 highway", PlaceType.ROAD, 35.8, 36.6, alt_names=("M4",))
    b = _p("b", "M4", PlaceType.ROAD, 36.5, 40.0, code="M4")
    places, _ = merge_places([a], [b])
    assert len(places) == 1 and places[0].code == "M4"


def test_same_id_merges_and_reimport_is_idempotent() -> None:
    a = _p("gn:1", "Saraqib")
    first, _ = merge_places([], [a])
    again, report = merge_places(first, [a])
    assert len(again) == 1 and (report.added, report.merged) == (0, 1)


def test_duplicates_inside_new_are_merged() -> None:
    places, report = merge_places([], [_p("x:1", "Saraqib"), _p("x:2", "Saraqib", lat=35.87)])
    assert len(places) == 1 and (report.added, report.merged) == (1, 1)


def test_foreign_and_syrian_places_never_merge() -> None:
    sy = _p("a", "Tripoli", PlaceType.CITY, 34.43, 35.84)
    lb = _p("b", "Tripoli", PlaceType.FOREIGN_CITY, 34.43, 35.84, country="LB")
    assert not same_place(sy, lb)


def test_combine_keeps_first_parents_and_fills_missing_levels() -> None:
    district = AdminRef(2, "Idlib District", "منطقة إدلب", "SY0700")
    keep = _p("a", "Saraqib", parents=(GOV,))
    other = _p("b", "Saraqib", parents=(AdminRef(1, "Wrong", "", "SY02"), district))
    assert combine(keep, other).parents == (GOV, district)


def test_report_addition() -> None:
    total = MergeReport(1, 2, {"a": "b"}, 1) + MergeReport(3, 4, {"c": "d"})
    assert (total.added, total.merged, total.aliases, total.united) == (4, 6, {"a": "b", "c": "d"}, 1)


def test_loose_arabic_keys_match_generic_words_and_inner_articles() -> None:
    a = _p("ocha:N1", "Bayada", name_ar="البياضة", ptype=PlaceType.NEIGHBOURHOOD)
    b = _p("sa:1", "AlBayadah", name_ar="حي البياضة", ptype=PlaceType.NEIGHBOURHOOD, lat=35.87)
    c = _p("ocha:N2", "Bostan Bash", name_ar="بستان الباشا", ptype=PlaceType.NEIGHBOURHOOD, lat=35.9)
    d = _p("sa:2", "Bustan al-Basha", name_ar="بستان باشا", ptype=PlaceType.VILLAGE, lat=35.9)
    places, report = merge_places([a, c], [b, d])
    assert (report.added, report.merged) == (0, 2)
    assert "بياضه" in merge_keys(b) & merge_keys(a)


def test_a_new_entry_unites_two_spellings_of_one_place() -> None:
    gn = _p("gn:1", "As Si'in", name_ar="السعن", ptype=PlaceType.VILLAGE)
    ocha = _p("ocha:c1", "As-Saan", ptype=PlaceType.TOWN, lat=35.865)  # no Arabic: no shared key with gn
    places, _ = merge_places([gn, ocha], [])
    assert len(places) == 2
    archive = _p("sa:9", "As-Saan", name_ar="السعن", ptype=PlaceType.VILLAGE, lat=35.866)
    places, report = merge_places(places, [archive])
    assert [p.id for p in places] == ["gn:1"]
    assert report.aliases == {"sa:9": "gn:1", "ocha:c1": "gn:1"}
    assert (report.added, report.merged, report.united) == (0, 1, 1)
    assert "As-Saan" in places[0].alt_names
