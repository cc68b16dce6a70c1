"""Filter parsing and criteria (webapp/filters.py), and the map API using them."""

from __future__ import annotations

import datetime as dt

import pytest
from incident_rows import add_incident
from sqlalchemy import select
from werkzeug.datastructures import MultiDict

from webapp.errors import BadQuery
from webapp.extensions import db
from webapp.filters import Filters, filtered, parse_filters, query_args
from webapp.models import Incident


def ids(flt: Filters) -> set[int]:
    return set(db.session.scalars(filtered(select(Incident.id), flt)))


@pytest.fixture
def app(backend_app):
    """Every test here runs on SQLite and on PostgreSQL/PostGIS."""
    return backend_app


def test_parse_all_parameters():
    args = MultiDict(
        [
            ("from", "2020-01-01"),
            ("to", "2020-12-31"),
            ("type", "Battles,Protests"),
            ("type", "Riots"),
            ("actor", "Russia"),
            ("admin1", "Idlib"),
            ("precision", "3,1"),
            ("q", " إدلب "),
            ("source", "souria"),
            ("article", "7"),
            ("bbox", "36,35,37,36.5"),
            ("near", "35.93,36.63,12.5"),
        ]
    )
    flt = parse_filters(args)
    assert flt.date_from == dt.date(2020, 1, 1) and flt.date_to == dt.date(2020, 12, 31)
    assert flt.event_types == ("Battles", "Protests", "Riots")
    assert flt.precision == (1, 3) and flt.q == "إدلب" and flt.article_id == 7
    assert flt.bbox == (36.0, 35.0, 37.0, 36.5) and flt.near == (35.93, 36.63, 12.5) and flt.active
    assert not parse_filters({}).active
    assert parse_filters(query_args(flt)) == flt  # a shared URL gives back the same view


@pytest.mark.parametrize(
    "args",
    [
        {"from": "2020-13-01"},
        {"to": "yesterday"},
        {"from": "2021-01-01", "to": "2020-01-01"},
        {"precision": "4"},
        {"article": "x"},
        {"bbox": "1,2,3"},
        {"bbox": "0,50,1,40"},
        {"near": "35,36"},
        {"near": "95,36,10"},
        {"near": "35,36,-1"},
        {"near": "35,36,5000"},
        {"status": "deleted"},
    ],
)
def test_malformed_parameters_raise_bad_query(args):
    with pytest.raises(BadQuery):
        parse_filters(args)


def test_each_criterion_selects_what_it_says(app):
    with app.app_context():
        a = add_incident(
            date=dt.date(2020, 9, 20), actors=["Russia", "Syrian army"], admin1="Idlib", geo_precision=1
        )
        b = add_incident(
            date=dt.date(2021, 3, 1),
            event_type="Battles",
            actors=["HTS"],
            admin1="Aleppo",
            geo_precision=3,
            lat=36.2,
            lon=37.16,
            source_name="souria.net",
        )
        c = add_incident(date=None, event_type="Protests", actors=[], admin1="", geo_precision=2)
        assert ids(Filters()) == {a, b, c}
        assert ids(parse_filters({"from": "2021-01-01"})) == {b}
        assert ids(parse_filters({"to": "2020-12-31"})) == {a}
        assert ids(parse_filters({"type": "Battles,Protests"})) == {b, c}
        assert ids(parse_filters({"admin1": "idlib"})) == {a}  # case-insensitive
        assert ids(parse_filters({"precision": "2,3"})) == {b, c}
        assert ids(parse_filters({"source": "SOURIA"})) == {b}
        assert ids(parse_filters({"actor": "syrian ARMY"})) == {a}
        assert ids(parse_filters({"actor": "Syrian"})) == {a}  # any part of an actor's name
        assert ids(parse_filters({"actor": "army"})) == {a}
        assert ids(parse_filters({"actor": "army russia"})) == set()  # a part never spans two actors
        assert ids(parse_filters({"bbox": "37,36,38,37"})) == {b}
        assert ids(parse_filters({"type": "Battles", "admin1": "Idlib"})) == set()


def test_reports_merged_into_another_incident_are_left_out_whatever_is_asked(app):
    with app.app_context():
        primary = add_incident(date=dt.date(2020, 9, 20))
        report = add_incident(date=dt.date(2020, 9, 20), merged_into_id=primary)
        assert ids(Filters()) == {primary}
        assert ids(parse_filters({"status": "all"})) == {primary}
        # An article's incidents are those it reports, merged or not.
        report_article = db.session.get(Incident, report).article_id
        assert ids(parse_filters({"article": str(report_article)})) == {primary}


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("الجيش", {"army"}),
        ("جيش", {"army", "idlib"}),
        ("ادلب", {"idlib"}),
        ("إدلب الحر", {"idlib"}),
        ("fsa", set()),
    ],
)
def test_actor_matches_any_part_of_an_arabic_name_normalised(app, query, found):
    with app.app_context():
        rows = {
            "army": add_incident(actors=["قوات الجيش السوري"]),
            "idlib": add_incident(actors=["جيش إدلب الحر"]),
        }
        assert ids(parse_filters({"actor": query})) == {rows[k] for k in found}


def test_rejected_incidents_are_left_out_unless_asked_for(app):
    with app.app_context():
        new, good, bad = (add_incident(status=s) for s in ("unreviewed", "verified", "rejected"))
        assert ids(Filters()) == ids(parse_filters({})) == {new, good}
        assert ids(parse_filters({"status": "rejected"})) == {bad}
        assert ids(parse_filters({"status": "all"})) == {new, good, bad}
        assert ids(parse_filters({"status": ["verified", "unreviewed"]})) == {new, good}
    for args in ({"status": "all"}, {"status": "rejected,verified"}):
        flt = parse_filters(args)
        assert flt.active and parse_filters(query_args(flt)) == flt
    assert not parse_filters({"status": "verified,unreviewed"}).active


def test_free_text_is_arabic_normalised_on_both_sides(app):
    with app.app_context():
        ar = add_incident(sentence="شنت الطائرات الروسية غارات على مدينة وإدلب وريفها.", place="إدلب")
        other = add_incident(sentence="قصف مدفعي على حلب.", place="حلب")
        en = add_incident(sentence="Shelling hit Ma'arrat al-Nu'man.", place="Ma'arrat al-Nu'man")
        assert ids(parse_filters({"q": "ادلب"})) == {ar}  # hamza folded, proclitic و tolerated
        assert ids(parse_filters({"q": "إِدْلِب"})) == {ar}  # tashkeel in the query dropped
        assert ids(parse_filters({"q": "الطايرات ادلب"})) == {ar}  # every word must match
        assert ids(parse_filters({"q": "حلب ادلب"})) == set()
        assert ids(parse_filters({"q": "maarrat"})) == {en}  # apostrophes and case folded
        assert other not in ids(parse_filters({"q": "ادلب"}))


def test_api_incidents_applies_the_shared_filters(app, client):
    with app.app_context():
        add_incident(sentence="Clashes in Saraqib.", place="Saraqib", event_type="Battles", admin1="Idlib")
        keep = add_incident(
            sentence="Protest in Aleppo.", place="Aleppo", event_type="Protests", admin1="Aleppo"
        )
    body = client.get("/api/incidents?admin1=Aleppo&q=protest").get_json()
    assert [f["id"] for f in body["features"]] == [keep]
    assert client.get("/api/incidents?precision=9").status_code == 400


@pytest.mark.parametrize("name", ["type", "admin1", "source", "actor", "q", "from", "bbox", "near"])
def test_nul_characters_are_a_bad_query(name):
    # PostgreSQL refuses NUL in a string parameter; it must be a 400, not a database error.
    with pytest.raises(BadQuery):
        parse_filters({name: "Idlib\x00"})


SELECTIONS = [
    {},
    {"from": "2020-06-01"},
    {"to": "2020-06-01"},
    {"from": "2020-01-05", "to": "2020-01-05"},
    {"type": "Battles"},
    {"type": "Battles,Protests"},
    {"admin1": "ALEPPO,idlib"},
    {"precision": "2,3"},
    {"bbox": "36,35,37,36.5"},
    {"bbox": "179,0,-179,20"},  # across the antimeridian
    {"bbox": "170,-10,-170,60", "type": "Battles"},
    {"bbox": "-180,-90,180,90"},
    {"near": "35.93,36.63,10"},
    {"near": "36.2,37.16,0"},  # the point itself
    {"near": "10,180,100"},  # around the antimeridian: both sides
    {"near": "35.5,36.5,60", "type": "Battles"},
    {"near": "35.9,36.7,30", "bbox": "36.6,35.8,37,36"},
    {"q": "saraqib"},
    {"q": "protest saraqib"},  # every word
    {"q": "raqi"},  # a part of a word
    {"q": "in"},  # shorter than a trigram
    {"q": "saraqib jets"},  # no incident holds both
    {"q": "ادلب"},
    {"q": "saraqib", "actor": "HTS"},
    {"q": "struck", "source": "souria"},
    {"q": ":"},  # free text without a word: no criterion
    {"actor": "HTS"},
    {"actor": "army"},
    {"actor": "الجيش"},  # Arabic, with the article
    {"actor": "الجيش السوري"},
    {"actor": "جيش"},  # a part of a word
    {"actor": "ادلب"},  # hamza folded: «إدلب»
    {"actor": "nobody"},
    {"source": "souria"},
    {"type": "Battles,Protests", "from": "2020-01-01", "bbox": "35,33,38,37"},
    {"article": "2"},
    {"status": "rejected"},
    {"status": "verified,rejected"},
    {"status": "all"},
    {"status": "unreviewed", "type": "Battles"},
]


@pytest.fixture
def mapped_rows(app):
    """Located incidents in Syria and on both sides of the antimeridian, one not located, and a
    report merged into the first."""
    app.config["MAP_INDEX_CHECK_SECONDS"] = 0
    with app.app_context():
        first = add_incident(date=dt.date(2020, 9, 20), admin1="Idlib", actors=["Russia"])
        # A report merged into the first: one of its sources, never selected on its own.
        add_incident(date=dt.date(2020, 9, 21), admin1="Idlib", actors=["HTS"], merged_into_id=first)
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
        add_incident(lat=10.0, lon=179.5, event_type="Battles", admin1="", actors=["Syrian Army"])
        add_incident(lat=35.5, lon=36.5, admin1="Idlib", actors=["قوات الجيش السوري", "جيش إدلب الحر"])
        add_incident(lat=10.0, lon=-179.5, admin1="", status="verified")
        add_incident(lat=35.0, lon=37.0, event_type="Battles", status="rejected")
        add_incident(lat=None, lon=None)  # not mapped
    return app


@pytest.mark.parametrize(
    "query", SELECTIONS, ids=lambda q: "&".join(f"{k}={v}" for k, v in q.items()) or "all"
)
def test_sql_and_the_map_index_select_the_same_incidents(mapped_rows, query):
    from webapp.mapindex import current_index

    with mapped_rows.app_context():
        flt = parse_filters(query)
        sql = set(db.session.scalars(filtered(select(Incident.id).where(Incident.lat.is_not(None)), flt)))
        index = current_index()
        assert set(index.ids[index.mask(flt)].tolist()) == sql
    api = mapped_rows.test_client().get("/api/incidents", query_string=query).get_json()
    assert {f["properties"]["id"] for f in api["features"]} == sql
    # With a zoom, the few incidents of a viewport are those the map index selected.
    api = mapped_rows.test_client().get("/api/incidents", query_string={**query, "zoom": "12"}).get_json()
    assert not api.get("clustered") and {f["properties"]["id"] for f in api["features"]} == sql


def test_a_box_across_the_antimeridian_holds_what_lies_on_either_side(mapped_rows):
    api = mapped_rows.test_client().get("/api/incidents?bbox=179,0,-179,20").get_json()
    assert sorted(f["geometry"]["coordinates"][0] for f in api["features"]) == [-179.5, 179.5]


def test_near_selects_within_the_distance_on_both_sides_of_it(app):
    with app.app_context():
        idlib = add_incident(lat=35.93, lon=36.63)
        saraqib = add_incident(lat=35.86, lon=36.8)  # 17.2 km from Idlib city (haversine)
        aleppo = add_incident(lat=36.2, lon=37.16)  # 57 km
        assert ids(parse_filters({"near": "35.93,36.63,17"})) == {idlib}
        assert ids(parse_filters({"near": "35.93,36.63,17.5"})) == {idlib, saraqib}
        assert ids(parse_filters({"near": "35.93,36.63,60"})) == {idlib, saraqib, aleppo}
