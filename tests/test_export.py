"""Exports (webapp/export.py and its download route): ACLED CSV, GeoJSON, KML, filters, injection."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import xml.etree.ElementTree as ET

from incident_rows import add_incident

from webapp.export import ACLED_COLUMNS, KML_NS, ExportRow, csv_chunks, defuse_formula, kml_chunks
from webapp.models import Incident

XSS = "<img src=x onerror=alert(1)>${alert(1)}</script>"


def test_defuse_formula_prefixes_only_dangerous_text():
    assert [defuse_formula(v) for v in ("=1+1", "+1", "-2", "@SUM(A1)", "\tx", "ok", 3.5, -2)] == [
        "'=1+1",
        "'+1",
        "'-2",
        "'@SUM(A1)",
        "'\tx",
        "ok",
        3.5,
        -2,
    ]


def test_csv_has_acled_columns_and_values(app, client):
    with app.app_context():
        add_incident(
            sentence="Jets struck Idlib, killing 3.",
            actors=["Russia", "HTS"],
            fatalities=3,
            date=dt.date(2020, 9, 20),
            date_precision="week",
            geo_precision=2,
            source_name="souria.net",
        )
    response = client.get("/export/incidents.csv")
    assert response.status_code == 200 and response.mimetype == "text/csv" and response.is_streamed
    assert "attachment" in response.headers["Content-Disposition"]
    # One charset in the header, and a byte-order mark so that Excel reads the Arabic as UTF-8.
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
    body = response.get_data()
    assert body.startswith(b"\xef\xbb\xbfevent_date,")
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))
    assert tuple(rows[0].keys()) == ACLED_COLUMNS
    row = rows[0]
    assert (row["event_date"], row["actor1"], row["actor2"], row["admin1"], row["location"]) == (
        "2020-09-20",
        "Russia",
        "HTS",
        "Idlib",
        "Idlib",
    )
    assert (row["geo_precision"], row["time_precision"], row["fatalities"]) == ("2", "2", "3")
    assert row["notes"] == "Jets struck Idlib, killing 3." and row["source"] == "souria.net"
    assert float(row["latitude"]) == 35.93 and float(row["longitude"]) == 36.63


def test_csv_defuses_formulas_from_article_text(app, client):
    with app.app_context():
        add_incident(sentence='=HYPERLINK("http://evil") Idlib', actors=["@attacker"])
    row = next(
        csv.DictReader(io.StringIO(client.get("/export/incidents.csv").get_data().decode("utf-8-sig")))
    )
    assert row["notes"].startswith("'=") and row["actor1"] == "'@attacker"


def test_exports_respect_the_filters(app, client):
    with app.app_context():
        add_incident(event_type="Battles", admin1="Aleppo")
        add_incident(event_type="Protests", admin1="Idlib")
    body = client.get("/export/incidents.csv?type=Battles").get_data().decode("utf-8-sig")
    assert [r["event_type"] for r in csv.DictReader(io.StringIO(body))] == ["Battles"]
    geo = json.loads(client.get("/export/incidents.geojson?admin1=Idlib").get_data(as_text=True))
    assert [f["properties"]["event_type"] for f in geo["features"]] == ["Protests"]
    assert geo["features"][0]["geometry"] == {"type": "Point", "coordinates": [36.63, 35.93]}
    assert client.get("/export/incidents.xlsx").status_code == 404
    assert client.get("/export/incidents.csv?from=bad").status_code == 400


def test_kml_is_valid_and_escaped(app, client):
    with app.app_context():
        add_incident(sentence=f"Idlib {XSS} & more", place="Idlib", actors=[XSS])
    text = client.get("/export/incidents.kml").get_data(as_text=True)
    assert "<img" not in text and "</script>" not in text.replace("&lt;/script&gt;", "")
    root = ET.fromstring(text.encode("utf-8"))
    pm = root.find(f".//{{{KML_NS}}}Placemark")
    assert pm.find(f"{{{KML_NS}}}description").text == f"Idlib {XSS} & more"
    assert pm.find(f".//{{{KML_NS}}}coordinates").text == "36.63,35.93"
    values = {d.get("name"): d.find(f"{{{KML_NS}}}value").text for d in pm.iter(f"{{{KML_NS}}}Data")}
    assert values["actor1"] == XSS and set(values) == set(ACLED_COLUMNS)


def test_writers_stream_in_chunks():
    rows = [
        ExportRow(Incident(id=i, article_id=1, event_type="Battles", lat=35.0, lon=36.0, actors=[]), "s", "x")
        for i in range(1200)
    ]
    chunks = list(csv_chunks(iter(rows), batch=500))
    assert len(chunks) == 3  # header + 500 rows, 500 rows, the remaining 200
    assert sum(c.count("\n") for c in chunks) == 1201
    assert sum(1 for c in kml_chunks(iter(rows)) if "<Placemark" in c) == 1200


def test_kml_stays_well_formed_with_control_characters_from_uploads(app, client):
    with app.app_context():
        add_incident(sentence="Idlib\x0cpage two\x0b struck", place="Idlib")
    root = ET.fromstring(client.get("/export/incidents.kml").get_data())
    assert root.find(f".//{{{KML_NS}}}description").text == "Idlibpage two struck"


def test_every_export_declares_one_charset(app, client):
    for fmt in ("csv", "geojson", "kml"):
        assert client.get(f"/export/incidents.{fmt}").headers["Content-Type"].count("charset") == 1


ROAD = {"type": "LineString", "coordinates": [[36.2, 36.2], [36.6, 35.9], [35.8, 35.6]]}


def test_road_incidents_are_lines_in_kml_and_geojson(app, client):
    with app.app_context():
        add_incident(place="M4", geometry=ROAD, geo_precision=2)
        add_incident(place="Idlib", admin1="Idlib")
    root = ET.fromstring(client.get("/export/incidents.kml").get_data())
    marks = {
        pm.find(f"{{{KML_NS}}}name").text.rsplit(" — ", 1)[-1]: pm
        for pm in root.iter(f"{{{KML_NS}}}Placemark")
    }
    line = marks["M4"].find(f"{{{KML_NS}}}LineString")
    assert marks["M4"].find(f"{{{KML_NS}}}Point") is None
    assert line.find(f"{{{KML_NS}}}coordinates").text == "36.2,36.2 36.6,35.9 35.8,35.6"
    assert marks["Idlib"].find(f"{{{KML_NS}}}Point/{{{KML_NS}}}coordinates").text == "36.63,35.93"
    geo = json.loads(client.get("/export/incidents.geojson").get_data(as_text=True))
    assert {f["properties"]["location"]: f["geometry"]["type"] for f in geo["features"]} == {
        "M4": "LineString",
        "Idlib": "Point",
    }


def test_multiline_roads_are_a_multigeometry_in_kml():
    multi = {"type": "MultiLineString", "coordinates": [ROAD["coordinates"], [[37.0, 36.0], [37.1, 36.1]]]}
    inc = Incident(id=1, article_id=1, event_type="Battles", lat=35.9, lon=36.6, geometry=multi, actors=[])
    (chunk,) = [c for c in kml_chunks([ExportRow(inc, "s", "x")]) if "<Placemark" in c]
    pm = ET.fromstring(chunk.replace("<Placemark", f'<Placemark xmlns="{KML_NS}"', 1))
    assert len(pm.findall(f"{{{KML_NS}}}MultiGeometry/{{{KML_NS}}}LineString")) == 2


def test_exports_run_oldest_first_with_the_undated_last_on_every_back_end(backend_app):
    from webapp.export import export_statement
    from webapp.extensions import db
    from webapp.filters import Filters

    with backend_app.app_context():
        undated = add_incident(date=None)
        new = add_incident(date=dt.date(2020, 9, 20))
        old = add_incident(date=dt.date(2019, 5, 1))
        rows = db.session.execute(export_statement(Filters())).all()
        assert [row[0].id for row in rows] == [old, new, undated]
