"""Places analysts pin (webapp/pins.py): POST /api/places, its CLI twin, the gazetteer merging them."""

from __future__ import annotations

import pytest
from accounts_helpers import add_user, token_for
from sqlalchemy import select

from webapp.audit import history
from webapp.extensions import db, gazetteers
from webapp.models import AnalystPlace

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
    ],
)
def test_a_bad_place_is_refused_with_what_is_wrong_and_nothing_stored(app, client, data, says):
    response = client.post("/api/places", json=data)
    assert response.status_code == 400
    assert says in response.get_json()["error"]
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
