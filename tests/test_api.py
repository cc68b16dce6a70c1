"""The JSON API (webapp/api): POST /api/articles, GET /api/incidents, errors as JSON."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from webapp_rows import store_article

from webapp.extensions import db
from webapp.models import Article, Incident

TEXT = "قصفت الطائرات الروسية مدينة إدلب اليوم الأحد. وزار وفد تركي أنقرة."
XSS = "<img src=x onerror=alert(1)></script>${alert(1)}"


def test_post_article_201_then_200(client):
    first = client.post("/api/articles", json={"text": TEXT, "title": "t", "published": "2020-09-20"})
    assert first.status_code == 201
    body = first.get_json()
    assert body["url"] == f"/articles/{body['id']}" and first.headers["Location"].endswith(body["url"])
    assert [s["index"] for s in body["sentences"]] == [0, 1]
    for s in body["sentences"]:
        assert TEXT[s["start"] : s["end"]] == s["text"]
    idlib = next(m for m in body["mentions"] if m["text"] == "إدلب")
    assert idlib["sentence"] == 0 and TEXT[idlib["start"] : idlib["end"]] == "إدلب"
    assert idlib["place"]["id"] == "t:idlib" and idlib["place"]["name_ar"] == "إدلب"
    assert {"lat", "lon", "type", "name"} <= set(idlib["place"]) and "score" in idlib and "role" in idlib
    assert isinstance(body["incidents"], list)
    again = client.post("/api/articles", json={"text": TEXT})
    assert again.status_code == 200 and again.get_json()["id"] == body["id"]
    with client.application.app_context():
        assert db.session.scalar(select(func.count()).select_from(Article)) == 1


def test_unresolved_mention_has_null_place(app, client):
    from webapp.models import Mention

    with app.app_context():
        article_id = store_article()
        db.session.add(Mention(article_id=article_id, sentence_index=0, text="Nowhere", start=0, end=7))
        db.session.commit()
    body = client.get(f"/api/articles/{article_id}").get_json()
    assert any(m["place"] is None for m in body["mentions"])


def test_malformed_json_is_400_json(client):
    response = client.post("/api/articles", data="{not json", content_type="application/json")
    assert response.status_code == 400 and response.is_json
    assert "JSON" in response.get_json()["error"]


def test_non_object_and_wrong_types_are_400(client):
    assert client.post("/api/articles", json=["text"]).status_code == 400
    response = client.post("/api/articles", json={"text": 42})
    assert response.status_code == 400 and "text" in response.get_json()["error"]


def test_missing_or_empty_text_is_400(client):
    for payload in ({}, {"text": ""}, {"text": "   "}):
        response = client.post("/api/articles", json=payload)
        assert response.status_code == 400 and response.get_json()["error"].startswith(
            "The article text is empty"
        )


def test_oversize_body_is_413_json(app, client):
    app.config["MAX_CONTENT_LENGTH"] = 1000
    response = client.post("/api/articles", json={"text": "إدلب " * 500})
    assert response.status_code == 413 and response.is_json and "too large" in response.get_json()["error"]


def test_too_many_characters_is_413_json(app, client):
    app.config["MAX_ARTICLE_CHARS"] = 20
    response = client.post("/api/articles", json={"text": TEXT})
    assert response.status_code == 413 and "too long" in response.get_json()["error"]


def test_bad_date_is_400(client):
    response = client.post("/api/articles", json={"text": TEXT, "published": "yesterday"})
    assert response.status_code == 400 and "date" in response.get_json()["error"]


def test_incidents_geojson_properties(app, client):
    with app.app_context():
        article_id = store_article()
    body = client.get("/api/incidents").get_json()
    assert body["type"] == "FeatureCollection" and len(body["features"]) == 1
    feature = body["features"][0]
    assert feature["geometry"] == {"type": "Point", "coordinates": [36.63, 35.93]}
    props = feature["properties"]
    for key in (
        "id",
        "event_type",
        "sub_event_type",
        "date",
        "geo_precision",
        "place_name",
        "sentence",
        "article_id",
    ):
        assert key in props
    assert props["article_url"] == f"/articles/{article_id}#s-0"
    start, end = props["highlight"]
    assert props["sentence"][start:end] == "Idlib"


def test_incidents_road_geometry_is_a_line(app, client):
    with app.app_context():
        store_article(road=True)
    feature = client.get("/api/incidents").get_json()["features"][0]
    assert feature["geometry"]["type"] == "LineString"


def test_incidents_filters_bbox_dates_type_limit(app, client):
    with app.app_context():
        for i in range(3):
            store_article(title=f"t{i}")
    assert len(client.get("/api/incidents?bbox=36,35,37,36.5").get_json()["features"]) == 3
    assert client.get("/api/incidents?bbox=40,30,41,31").get_json()["features"] == []
    assert len(client.get("/api/incidents?from=2020-09-20&to=2020-09-20").get_json()["features"]) == 3
    assert client.get("/api/incidents?from=2020-09-21").get_json()["features"] == []
    assert client.get("/api/incidents?type=Battles").get_json()["features"] == []
    assert (
        len(client.get("/api/incidents?type=Battles,Explosions/Remote violence").get_json()["features"]) == 3
    )
    limited = client.get("/api/incidents?limit=2").get_json()
    assert len(limited["features"]) == 2 and limited["truncated"] is True


def test_incidents_bad_query_is_400_json(client):
    for query in ("bbox=1,2,3", "from=yesterday", "limit=many"):
        response = client.get(f"/api/incidents?{query}")
        assert response.status_code == 400 and "error" in response.get_json()


def test_api_escapes_nothing_but_returns_data_verbatim_as_json(app, client):
    # JSON carries the payload as data; the content type keeps browsers from rendering it.
    with app.app_context():
        store_article(title=XSS, text=f"Jets struck Idlib {XSS}.")
    response = client.get("/api/incidents")
    assert response.mimetype == "application/json"
    assert XSS in response.get_json()["features"][0]["properties"]["sentence"]
    assert b"<img" not in response.data and b"</script>" not in response.data  # \u003c-escaped by Flask


def test_api_needs_no_csrf_token(app, client):
    app.config["WTF_CSRF_ENABLED"] = True
    assert client.post("/api/articles", json={"text": TEXT}).status_code == 201


def test_script_url_is_refused(client):
    response = client.post("/api/articles", json={"text": TEXT, "source_url": "javascript:alert(1)"})
    assert response.status_code == 400 and "http" in response.get_json()["error"]


def test_no_highlight_when_the_place_is_named_in_another_sentence(app, client):
    from webapp.models import Incident, Mention

    with app.app_context():
        article_id = store_article()
        inc = db.session.scalars(select(Incident).where(Incident.article_id == article_id)).one()
        inc.mention = Mention(
            article_id=article_id, sentence_index=3, text="Saraqib", start=500, end=507, place_id="t:saraqib"
        )
        db.session.commit()
    props = client.get(f"/api/incidents?article={article_id}").get_json()["features"][0]["properties"]
    assert props["highlight"] is None


def test_article_json_carries_every_field_of_the_contract(app, client):
    # Issue 2, item 8: the fields clients may rely on (more may be added, none removed).
    with app.app_context():
        article_id = store_article(road=True)
    body = client.get(f"/api/articles/{article_id}").get_json()
    assert {"id", "url", "sentences", "mentions", "incidents"} <= set(body)
    assert set(body["sentences"][0]) >= {"index", "start", "end", "text"}
    mention = body["mentions"][0]
    assert set(mention) >= {"text", "start", "end", "sentence", "place", "score", "role"}
    assert set(mention["place"]) >= {"id", "name", "name_ar", "type", "lat", "lon"}
    incident = body["incidents"][0]
    expected = {"id", "event_type", "sub_event_type", "date", "geo_precision", "place", "sentence", "actors"}
    assert set(incident) >= expected | {"counts"}
    assert incident["place"]["geometry"]["type"] == "LineString" and incident["counts"] == {"airstrikes": 11}
    assert incident["sentence"] == 0 and incident["date"] == "2020-09-20"


def test_incidents_take_repeated_type_parameters_like_every_filter(app, client):
    from incident_rows import add_incident

    with app.app_context():
        add_incident(event_type="Battles")
        add_incident(event_type="Protests")
        add_incident(event_type="Riots")
    body = client.get("/api/incidents?type=Battles&type=Protests").get_json()
    assert sorted(f["properties"]["event_type"] for f in body["features"]) == ["Battles", "Protests"]


def test_json_no_text_file_could_hold_is_400_not_500(client):
    deep = client.post("/api/articles", data="[" * 100_000 + "]" * 100_000, content_type="application/json")
    assert deep.status_code == 400 and "nested" in deep.get_json()["error"]
    surrogate = client.post(
        "/api/articles", data='{"text": "\\ud800 Idlib"}', content_type="application/json"
    )
    assert surrogate.status_code == 400 and "Unicode" in surrogate.get_json()["error"]
    nul = client.post("/api/articles", json={"text": "Idlib \x00 struck"})
    assert nul.status_code == 400 and "NUL" in nul.get_json()["error"]


@pytest.mark.parametrize(
    "published, message",
    [("2020-01-01garbage", "YYYY-MM-DD"), ("1850-06-01", "out of range"), ("2999-01-01", "out of range")],
)
def test_bad_or_out_of_range_date_is_400(app, client, published, message):
    response = client.post("/api/articles", json={"text": TEXT, "published": published})
    assert response.status_code == 400 and message in response.get_json()["error"]


def test_text_without_letters_is_400(client):
    response = client.post("/api/articles", json={"text": "\u200b"})
    assert response.status_code == 400 and "no letters" in response.get_json()["error"]


@pytest.mark.parametrize("into", [2**64, 2**31, -1, True, 1.0, None])
def test_merge_into_no_id_a_table_can_hold_is_400_not_500(app, client, into):
    # 2**64 overflowed SQLite's integer binding, 2**31 PostgreSQL's INTEGER: a 500 before the
    # body was loaded through schemas.MergeInput, whose range is the ids' (0..MAX_ID).
    with app.app_context():
        incident_id = db.session.scalar(select(Incident.id).where(Incident.article_id == store_article()))
    response = client.post(f"/api/incidents/{incident_id}/merge", json={"into": into})
    assert response.status_code == 400
    assert "into" in response.get_json()["error"]
