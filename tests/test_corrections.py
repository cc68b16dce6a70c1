"""Corrections (webapp/corrections.py), through the service, PATCH /api/incidents/<id> and its CLI twin."""

from __future__ import annotations

import re

import pytest
from accounts_helpers import add_user, token_for
from sqlalchemy import select

from webapp.article_input import ArticleInput
from webapp.audit import Actor, history
from webapp.corrections import Correction, correct_incident
from webapp.errors import InvalidChange
from webapp.extensions import db
from webapp.ingest import ingest_article
from webapp.models import Change, Incident, IncidentSearch

TEXT = "قصفت الطائرات الروسية مدينة إدلب اليوم الأحد."


@pytest.fixture
def incident_id(app) -> int:
    app.config["MAP_INDEX_CHECK_SECONDS"] = 3600  # only a refresh can show a change
    with app.app_context():
        article = ingest_article(ArticleInput(text=TEXT, published="2020-09-20")).article
        (incident,) = article.incidents
        assert incident.place_id == "t:idlib" and incident.status == "unreviewed"
        return incident.id


def feature(client, incident_id: int, **query: str) -> dict | None:  # noqa: ANN001
    body = client.get("/api/incidents", query_string=query).get_json()
    return next((f["properties"] for f in body["features"] if f["id"] == incident_id), None)


def test_a_status_change_is_recorded_and_shows_on_the_map_at_once(app, client, incident_id):
    client.get("/api/incidents?zoom=8")  # the map index is loaded before the change
    response = client.patch(f"/api/incidents/{incident_id}", json={"status": "rejected"})
    assert response.status_code == 200 and response.get_json()["status"] == "rejected"
    assert feature(client, incident_id) is None
    assert feature(client, incident_id, status="rejected")["status"] == "rejected"
    with app.app_context():
        from webapp.filters import parse_filters
        from webapp.mapindex import current_index

        index = current_index()
        assert incident_id not in index.ids[index.mask(parse_filters({}))].tolist()
        assert db.session.get(Incident, incident_id) is not None  # rejected, never deleted
    (change,) = client.get(f"/api/incidents/{incident_id}/history").get_json()
    assert change["action"] == "status" and change["user"] == "anonymous" and change["at"]
    assert change["before"] == {"status": "unreviewed"} and change["after"] == {"status": "rejected"}


def test_moving_to_another_place_takes_its_names_point_and_governorate(app, client, incident_id):
    response = client.patch(f"/api/incidents/{incident_id}", json={"place_id": "t:aleppo"})
    body = response.get_json()
    assert response.status_code == 200 and body["place"]["id"] == "t:aleppo"
    assert (body["lat"], body["lon"], body["geo_precision"]) == (36.2021, 37.1343, 1)
    props = feature(client, incident_id)
    assert props["place_name_ar"] == "حلب" and props["lat"] == 36.2021
    assert feature(client, incident_id, admin1="Aleppo") is not None
    assert feature(client, incident_id, q="حلب") is not None  # the search row follows the place
    (change,) = client.get(f"/api/incidents/{incident_id}/history").get_json()
    assert change["action"] == "place"
    assert change["before"]["place_id"] == "t:idlib" and change["after"]["place_id"] == "t:aleppo"


def test_a_point_set_by_hand_keeps_the_place_it_is_near(client, incident_id):
    body = client.patch(
        f"/api/incidents/{incident_id}", json={"lat": 35.95, "lon": 36.7, "geo_precision": 2}
    ).get_json()
    assert (body["lat"], body["lon"], body["geo_precision"]) == (35.95, 36.7, 2)
    assert body["place"]["id"] == "t:idlib" and body["location"]["coordinates"] == [36.7, 35.95]
    assert feature(client, incident_id)["lon"] == 36.7


def test_the_type_is_a_pair_of_the_acled_taxonomy(client, incident_id):
    body = client.patch(
        f"/api/incidents/{incident_id}",
        json={"event_type": "Battles", "sub_event_type": "Armed clash"},
    ).get_json()
    assert (body["event_type"], body["sub_event_type"]) == ("Battles", "Armed clash")
    assert feature(client, incident_id, type="Battles") is not None


@pytest.mark.parametrize(
    ("payload", "words"),
    [
        ({}, "nothing to change"),
        ([], "not a JSON object"),
        ({"colour": "red"}, "Unknown field 'colour'"),
        ({"status": "deleted"}, "Bad status='deleted'"),
        ({"status": ["verified"]}, "Bad status"),
        ({"place_id": "t:nowhere"}, "No place 't:nowhere'"),
        ({"place_id": ""}, "Bad place_id"),
        ({"lat": 35.9}, "lon is missing"),
        ({"lat": 95, "lon": 36}, "latitude"),
        ({"lat": "35", "lon": 36}, "latitude"),
        ({"lat": True, "lon": 36}, "latitude"),
        ({"lat": 35, "lon": 36, "geo_precision": 4}, "1, 2 or 3"),
        ({"place_id": "t:aleppo", "lat": 35, "lon": 36}, "not both"),
        ({"event_type": "Battles"}, "sub_event_type is missing"),
        ({"event_type": "War", "sub_event_type": "Armed clash"}, "ACLED event type"),
        ({"event_type": ["Battles"], "sub_event_type": "Armed clash"}, "ACLED event type"),
        ({"event_type": "Battles", "sub_event_type": "Air/drone strike"}, "sub-event type of Battles"),
    ],
)
def test_malformed_corrections_are_400_and_change_nothing(app, client, incident_id, payload, words):
    response = client.patch(f"/api/incidents/{incident_id}", json=payload)
    assert response.status_code == 400 and words in response.get_json()["error"]
    with app.app_context():
        assert db.session.scalars(select(Change)).all() == []
        assert db.session.get(Incident, incident_id).place_id == "t:idlib"


def test_an_unknown_incident_is_404(client):
    assert client.patch("/api/incidents/999", json={"status": "verified"}).status_code == 404
    assert client.get("/api/incidents/999/history").status_code == 404


def test_a_correction_is_one_transaction(app, incident_id, monkeypatch):
    import webapp.corrections as corrections

    def broken(incident):  # noqa: ANN001, ANN202 - the search row's rewrite fails after the first part
        raise RuntimeError("disk full")

    monkeypatch.setattr(corrections, "reindex", broken)
    with app.app_context():
        correction = Correction.from_json({"status": "verified", "place_id": "t:aleppo"})
        with pytest.raises(RuntimeError):
            correct_incident(incident_id, correction, Actor("tests"))
        db.session.remove()
        incident = db.session.get(Incident, incident_id)
        assert (incident.status, incident.place_id) == ("unreviewed", "t:idlib")
        assert db.session.scalars(select(Change)).all() == []
        search = db.session.get(IncidentSearch, incident_id)
        assert "حلب" not in search.text


def test_a_change_to_the_same_value_records_nothing(app, incident_id):
    with app.app_context():
        correct_incident(incident_id, Correction(status="unreviewed"), Actor("tests"))
        assert history("incident", incident_id) == []


def test_with_accounts_the_author_is_the_token_s_account_and_viewers_are_refused(app, client, incident_id):
    add_user(app, "rana", "analyst")
    add_user(app, "vera", "viewer")
    analyst, viewer = token_for(app, "rana"), token_for(app, "vera")
    url = f"/api/incidents/{incident_id}"
    assert client.patch(url, json={"status": "verified"}).status_code == 401
    refused = client.patch(url, json={"status": "verified"}, headers={"Authorization": f"Bearer {viewer}"})
    assert refused.status_code == 403 and set(refused.get_json()) == {"error"}
    done = client.patch(url, json={"status": "verified"}, headers={"Authorization": f"Bearer {analyst}"})
    assert done.status_code == 200
    assert [c["user"] for c in client.get(f"{url}/history").get_json()] == ["rana"]


def test_the_cli_twin_validates_and_records_the_same_way(app, runner, incident_id):
    add_user(app, "rana", "analyst")
    result = runner.invoke(
        args=["incidents", "set", str(incident_id), "--place-id", "t:saraqib", "--user", "rana"]
    )
    assert result.exit_code == 0 and "Saraqib" in result.output
    result = runner.invoke(args=["incidents", "set", str(incident_id), "--status", "verified"])
    assert result.exit_code == 0 and "verified" in result.output
    bad = runner.invoke(args=["incidents", "set", str(incident_id), "--event-type", "Battles"])
    assert bad.exit_code == 1 and "sub_event_type is missing" in bad.output
    assert runner.invoke(args=["incidents", "set", str(incident_id)]).exit_code == 1
    with app.app_context():
        trail = history("incident", incident_id)
    assert [(c["user"], c["action"]) for c in trail][0] == ("rana", "place")
    assert trail[1]["user"].startswith("shell:") and trail[1]["action"] == "status"


def test_from_json_refuses_what_the_api_refuses():
    with pytest.raises(InvalidChange):
        Correction.from_json({"lat": float("nan"), "lon": 36.0})


def test_the_article_page_shows_each_incident_s_status_and_history(app, client, incident_id):
    with app.app_context():
        article_id = db.session.get(Incident, incident_id).article_id
    page = client.get(f"/articles/{article_id}").get_data(as_text=True)
    assert "Nobody has changed these incidents." in page and 'class="status status-unreviewed"' in page
    client.patch(f"/api/incidents/{incident_id}", json={"place_id": "t:aleppo"})
    client.patch(f"/api/incidents/{incident_id}", json={"status": "verified"})
    page = client.get(f"/articles/{article_id}?lang=ar").get_data(as_text=True)
    rows = re.findall(r'<tr class="change" data-incident="(\d+)" data-action="(\w+)">', page)
    assert rows == [(str(incident_id), "place"), (str(incident_id), "status")]
    assert "<bdi>anonymous</bdi>" in page and "<bdi>t:aleppo</bdi>" in page and "سجل التعديلات" in page
    assert 'class="status status-verified">مؤكدة<' in page


def test_moving_to_a_road_takes_the_governorate_of_its_midpoint(make_app):
    from webapp_rows import places_in_one_governorate, tiny_places

    from gazetteer import Gazetteer, PlaceType

    app = make_app(GAZETTEER=Gazetteer(places_in_one_governorate()))
    with app.app_context():
        (incident,) = ingest_article(ArticleInput(text=TEXT, published="2020-09-20")).article.incidents
        road = next(p for p in tiny_places() if p.type is PlaceType.ROAD)
        moved = correct_incident(incident.id, Correction(place_id=road.id), Actor.of(None))
        assert moved.geometry and moved.admin1 == "North-West Governorate"
