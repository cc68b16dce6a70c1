"""Places analysts pin (webapp/pins.py): POST /api/places, its CLI twin, the gazetteer merging them."""

from __future__ import annotations

import json

import pytest
from accounts_helpers import add_user, token_for
from sqlalchemy import select

from webapp.audit import history
from webapp.extensions import db, gazetteers
from webapp.models import AnalystPlace, Article

KAFR = {"name": "Kafr Dael", "name_ar": "كفر داعل", "lat": 36.25, "lon": 37.0, "type": "village"}


def test_a_pinned_place_is_stored_with_its_author_and_audit_record(app, client):
    response = client.post("/api/places", json={**KAFR, "variants": ["Kafr Daiel"], "parent": "Aleppo"})
    body = response.get_json()
    assert response.status_code == 201, body
    assert body["id"].startswith("analyst:") and body["source"] == "analyst" and body["author"] == "anonymous"
    assert body["parent"] == "t:aleppo" and body["admin1"] == "Aleppo"
    assert response.headers["Location"].endswith(f"/gazetteer/{body['id']}")
    with app.app_context():
        (row,) = db.session.scalars(select(AnalystPlace)).all()
        assert (row.name, row.name_ar, row.type, row.variants) == (
            "Kafr Dael",
            "كفر داعل",
            "village",
            ["Kafr Daiel"],
        )
        (change,) = history("place", row.id)
        assert (
            change["action"] == "new place"
            and change["before"] is None
            and change["after"]["name"] == "Kafr Dael"
        )


@pytest.mark.parametrize(
    ("data", "says"),
    [
        ([1], "not a JSON object"),
        ({**KAFR, "colour": "red"}, "Unknown field 'colour'"),
        ({k: v for k, v in KAFR.items() if k != "lat"}, "needs lat"),
        ({**KAFR, "name": "   "}, "Bad name='   '"),
        ({**KAFR, "name": "!!"}, "Bad name"),
        ({**KAFR, "lat": 48.85, "lon": 2.35}, "outside Syria"),
        ({**KAFR, "lat": "north"}, "Bad lat"),
        ({**KAFR, "lat": True}, "Bad lat"),
        ({**KAFR, "type": "castle"}, "a place type: country"),
        ({**KAFR, "variants": "Kafr Daiel"}, "a list of names"),
        ({**KAFR, "parent": "Atlantis"}, "No place 'Atlantis'"),
        # PostgreSQL refuses a NUL in text: a 500 there before.
        ({**KAFR, "name": "Kafr\x00Dael"}, "text without NUL characters"),
    ],
)
def test_a_bad_place_is_refused_with_what_is_wrong_and_nothing_stored(app, client, data, says):
    response = client.post("/api/places", json=data)
    assert response.status_code == 400
    assert says in response.get_json()["error"]
    with app.app_context():
        assert db.session.scalars(select(AnalystPlace)).all() == []


def test_half_a_surrogate_pair_is_refused_not_a_500(app, client):
    # JSON may escape one ("\ud800"); no database stores it, so storing it was a 500.
    body = json.dumps({**KAFR, "variants": ["Kafr \ud800"]})
    response = client.post("/api/places", data=body, content_type="application/json")
    assert response.status_code == 400
    assert "valid Unicode text" in response.get_json()["error"]
    with app.app_context():
        assert db.session.scalars(select(AnalystPlace)).all() == []


def test_anonymous_and_viewers_may_not_pin_once_an_account_exists(app, client):
    add_user(app, "ana", "analyst")
    add_user(app, "vic", "viewer")
    assert client.post("/api/places", json=KAFR).status_code == 401
    viewer = {"Authorization": f"Bearer {token_for(app, 'vic')}"}
    assert client.post("/api/places", json=KAFR, headers=viewer).status_code == 403
    analyst = {"Authorization": f"Bearer {token_for(app, 'ana')}"}
    response = client.post("/api/places", json=KAFR, headers=analyst)
    assert response.status_code == 201 and response.get_json()["author"] == "ana"
    with app.app_context():
        assert [r.user_name for r in db.session.scalars(select(AnalystPlace))] == ["ana"]


def test_a_pin_is_found_at_once_here_and_within_the_check_interval_by_another_process(make_app):
    here = make_app()
    there = make_app(GAZETTEER_CHECK_SECONDS=0)  # a second app on the same database: another process
    for app in (here, there):
        with app.app_context():
            assert gazetteers.get().lookup("Kafr Dael") == []
    assert here.test_client().post("/api/places", json={**KAFR, "parent": "t:aleppo"}).status_code == 201
    for app in (here, there):
        with app.app_context():
            (place,) = gazetteers.get().lookup("كفر داعل")
            assert place.source == "analyst" and place.parent(1).name == "Aleppo"
            assert "t:idlib" in gazetteers.get()  # the bundled places stay
    found = there.test_cli_runner().invoke(args=["gazetteer", "lookup", "Kafr Dael"])
    assert found.exit_code == 0 and "analyst:" in found.output and "36.25000,37.00000" in found.output


def test_a_process_checks_for_pins_only_every_check_interval(make_app):
    here = make_app()
    there = make_app(GAZETTEER_CHECK_SECONDS=3600)
    with there.app_context():
        gazetteers.get()
    assert here.test_client().post("/api/places", json=KAFR).status_code == 201
    with there.app_context():
        assert gazetteers.get().lookup("Kafr Dael") == []
        gazetteers.refresh()
        assert len(gazetteers.get().lookup("Kafr Dael")) == 1


def test_the_cli_twin_pins_through_the_same_service(app, runner):
    result = runner.invoke(
        args=[
            "gazetteer",
            "pin",
            "Kafr Dael",
            "--lat",
            "36.25",
            "--lon",
            "37",
            "--type",
            "village",
            "--name-ar",
            "كفر داعل",
            "--variant",
            "Kafr Daiel",
        ]
    )
    assert result.exit_code == 0, result.output
    assert result.output.startswith("pinned\tanalyst:") and "Kafr Dael" in result.output
    with app.app_context():
        (row,) = db.session.scalars(select(AnalystPlace)).all()
        assert row.user_name.startswith("shell:") and row.variants == ["Kafr Daiel"]
    refused = runner.invoke(
        args=["gazetteer", "pin", "Paris", "--lat", "48.85", "--lon", "2.35", "--type", "city"]
    )
    assert refused.exit_code != 0 and "outside Syria" in refused.output


STRIKE = "Russian jets struck the village of Kafr Dael in Aleppo countryside on Sunday."


def ingested(app, text: str = STRIKE) -> int:  # noqa: ANN001
    from webapp.article_input import ArticleInput
    from webapp.ingest import ingest_article

    with app.app_context():
        return ingest_article(ArticleInput(text=text, published="2020-09-20")).article.id


def test_a_pin_resolves_the_name_in_articles_stored_before_and_moves_their_incidents(app, client):
    article_id = ingested(app)
    before = client.get(f"/api/articles/{article_id}").get_json()
    (incident,) = before["incidents"]
    assert incident["place"]["id"] == "t:aleppo" and incident["geo_precision"] == 3
    client.get("/api/incidents?zoom=8")  # the map index is loaded before the pin
    response = client.post("/api/places", json={**KAFR, "parent": "t:aleppo"})
    body = response.get_json()
    assert body["reresolved"] == {"articles": 1, "moved": 1, "added": 0}
    after = client.get(f"/api/articles/{article_id}").get_json()
    (moved,) = after["incidents"]
    assert moved["id"] == incident["id"]  # the same incident, moved
    assert moved["place"]["id"] == body["id"] and (moved["lat"], moved["lon"]) == (36.25, 37.0)
    kafr = next(m for m in after["mentions"] if m["text"] == "Kafr Dael")
    assert kafr["place"]["id"] == body["id"]
    (change,) = client.get(f"/api/incidents/{incident['id']}/history").get_json()
    assert change["action"] == "re-resolution" and change["user"] == "anonymous"
    assert change["before"]["place_id"] == "t:aleppo" and change["after"]["place_id"] == body["id"]
    features = client.get("/api/incidents", query_string={"q": "Kafr Dael"}).get_json()["features"]
    assert [f["properties"]["place_name"] for f in features] == ["Kafr Dael"]  # the search row follows
    assert client.get("/gazetteer/unresolved").get_data(as_text=True).count("Kafr Dael") == 0
    # A new article resolves it at once, through the app's gazetteer.
    other = ingested(app, "Jets struck Kafr Dael again on Monday.")
    assert client.get(f"/api/articles/{other}").get_json()["incidents"][0]["place"]["id"] == body["id"]


def test_re_resolution_leaves_a_location_a_person_set(app, client):
    article_id = ingested(app)
    (incident,) = client.get(f"/api/articles/{article_id}").get_json()["incidents"]
    client.patch(f"/api/incidents/{incident['id']}", json={"place_id": "t:idlib"})
    assert client.post("/api/places", json=KAFR).get_json()["reresolved"]["moved"] == 0
    (kept,) = client.get(f"/api/articles/{article_id}").get_json()["incidents"]
    assert kept["place"]["id"] == "t:idlib"
    assert [c["action"] for c in client.get(f"/api/incidents/{incident['id']}/history").get_json()] == [
        "place"
    ]


def test_the_reresolve_command_reads_again_the_articles_naming_a_place_now_known(app, runner):
    article_id = ingested(app)
    with app.app_context():
        db.session.add(
            AnalystPlace(name="Kafr Dael", type="village", lat=36.25, lon=37.0, user_name="import")
        )
        db.session.commit()  # stored by hand: nothing re-read it yet
    assert runner.invoke(args=["gazetteer", "reresolve", "Kafr Idlib"]).output.startswith("0 articles")
    result = runner.invoke(args=["gazetteer", "reresolve", "kafr  dael"])
    assert result.exit_code == 0 and result.output.startswith("1 articles read again, 1 incidents moved")
    with app.app_context():
        (change,) = history("incident", db.session.get(Article, article_id).incidents[0].id)
        assert change["action"] == "re-resolution" and change["user"].startswith("shell:")
    assert runner.invoke(args=["gazetteer", "reresolve"]).output.startswith("0 articles")


def test_re_resolving_an_article_is_one_transaction(app, client, monkeypatch):
    import webapp.reresolve as reresolve

    article_id = ingested(app)

    def broken(incident):  # noqa: ANN001, ANN202 - the search row's rewrite fails after the move
        raise RuntimeError("disk full")

    monkeypatch.setattr(reresolve, "reindex", broken)
    with pytest.raises(RuntimeError):
        client.post("/api/places", json=KAFR)
    after = client.get(f"/api/articles/{article_id}").get_json()
    assert after["incidents"][0]["place"]["id"] == "t:aleppo"
    assert [m["place"] for m in after["mentions"] if m["text"] == "Kafr Dael"] == [None]
    assert client.get(f"/api/incidents/{after['incidents'][0]['id']}/history").get_json() == []
    monkeypatch.undo()
    result = app.test_cli_runner().invoke(args=["gazetteer", "reresolve", "Kafr Dael"])
    assert result.output.startswith("1 articles read again, 1 incidents moved")  # the pin was stored


def test_the_unresolved_page_has_a_pin_form_per_name_for_analysts_only(app, client):
    ingested(app)
    page = client.get("/gazetteer/unresolved").get_data(as_text=True)
    assert page.count('class="pin-form"') == 1 and 'name="variant" value="Kafr Dael"' in page
    assert 'data-zoom="10"' in page  # opened on Aleppo, the place it came with
    assert "<script>" not in page and "js/pin_map.js" in page and "/vendor/leaflet/leaflet.js" in page
    add_user(app, "vic", "viewer")
    add_user(app, "ana", "analyst")
    from accounts_helpers import sign_in

    sign_in(client, "vic")
    assert 'class="pin-form"' not in client.get("/gazetteer/unresolved").get_data(as_text=True)
    form = {"name": "Kafr Dael", "lat": "36.25", "lon": "37", "type": "village"}
    assert client.post("/gazetteer/unresolved/pin", data=form).status_code == 403
    client.post("/logout")
    assert client.post("/gazetteer/unresolved/pin", data=form).status_code in (302, 401)
    with app.app_context():
        assert db.session.scalars(select(AnalystPlace)).all() == []


def test_the_pin_form_pins_the_name_keeping_the_articles_spelling_as_a_variant(app, client):
    article_id = ingested(app)
    form = {"name": "Kafr Da'el", "name_ar": "كفر داعل", "lat": "36.25", "lon": "37.0", "type": "village"}
    response = client.post(
        "/gazetteer/unresolved/pin", data={**form, "parent": "Aleppo", "variant": "Kafr Dael"}
    )
    assert (
        response.status_code == 302 and "/gazetteer/unresolved?pinned=analyst" in response.headers["Location"]
    )
    with app.app_context():
        (row,) = db.session.scalars(select(AnalystPlace)).all()
        assert row.variants == ["Kafr Dael"] and row.parent_id == "t:aleppo"
    (incident,) = client.get(f"/api/articles/{article_id}").get_json()["incidents"]
    assert incident["place"]["id"] == row.place_id
    refused = client.post("/gazetteer/unresolved/pin", data={**form, "lat": "", "variant": "Kafr Dael"})
    assert refused.status_code == 400 and "needs lat" in refused.get_data(as_text=True)


def test_a_name_known_only_in_arabic_is_pinned_by_its_arabic_name(app, client):
    form = {"name_ar": "كفر داعل", "lat": "36.25", "lon": "37.0", "type": "village"}
    assert client.post("/gazetteer/unresolved/pin", data=form).status_code == 302
    with app.app_context():
        (row,) = db.session.scalars(select(AnalystPlace)).all()
        assert (row.name, row.name_ar) == ("كفر داعل", "كفر داعل")
        assert len(gazetteers.get().lookup("كفر داعل")) == 1
