"""The review queue (webapp/review): order by uncertainty, the rows, the buttons with CSRF, analysts only."""

from __future__ import annotations

import re

import pytest
from accounts_helpers import add_user, page_csrf_token, sign_in
from incident_rows import add_incident

from webapp.audit import history
from webapp.extensions import db
from webapp.models import Incident, Mention

TEXT = "قصفت الطائرات الروسية مدينة إدلب اليوم الأحد."


def set_mention(incident_id: int, **values: object) -> None:
    incident = db.session.get(Incident, incident_id)
    for name, value in values.items():
        setattr(incident.mention, name, value)
    db.session.commit()


def add_unresolved(incident_id: int, name: str) -> None:
    incident = db.session.get(Incident, incident_id)
    db.session.add(
        Mention(article_id=incident.article_id, sentence_index=0, text=name, start=0, end=len(name))
    )
    db.session.commit()


@pytest.fixture
def queue_rows(app) -> dict[str, int]:
    """Incidents whose uncertainty differs in one way each, and one already verified."""
    with app.app_context():
        ids = {
            "sure": add_incident(sentence="Jets struck Idlib.", place="Idlib"),
            "weak": add_incident(sentence="Shelling near Saraqib.", place="Saraqib"),
            "unplaced": add_incident(sentence="Clashes in Kafr Nubl.", place="Kafr Nubl"),
            "crowded": add_incident(sentence="Jets struck Idlib again.", place="Idlib", place_id="t:idlib"),
            "doubtful": add_incident(sentence="Jets struck Idlib once more.", place="Idlib"),
            "done": add_incident(sentence="A protest in Aleppo.", place="Aleppo", status="verified"),
        }
        set_mention(
            ids["sure"], score=0.9, candidates=[{"place_id": "t:idlib", "name": "Idlib", "score": 0.9}]
        )
        set_mention(ids["weak"], score=0.3, candidates=[])
        set_mention(ids["unplaced"], score=0.0, candidates=None)
        two = [
            {"place_id": "t:idlib", "name": "Idlib", "score": 0.9},
            {"place_id": "t:saraqib", "name": "Saraqib", "score": 0.4},
            {"place_id": "t:aleppo", "name": "Aleppo", "score": 0.2},
        ]
        set_mention(ids["crowded"], score=0.9, candidates=two)
        set_mention(ids["doubtful"], score=0.9, candidates=[])
        add_unresolved(ids["doubtful"], "Kafr Nubl")
        return ids


def order_on_page(page: str) -> list[int]:
    return [int(n) for n in re.findall(r'data-incident="(\d+)"', page)]


def test_the_least_certain_come_first_and_reviewed_ones_not_at_all(client, queue_rows):
    page = client.get("/review").get_data(as_text=True)
    names = {v: k for k, v in queue_rows.items()}
    assert [names[i] for i in order_on_page(page)] == ["unplaced", "weak", "doubtful", "crowded", "sure"]


def test_a_row_shows_the_sentence_the_chosen_place_and_the_runners_up(client, queue_rows):
    page = client.get("/review").get_data(as_text=True)
    row = page[page.index(f'id="incident-{queue_rows["crowded"]}"') :]
    row = row[: row.index("</li>\n    \n    <li") if "</li>\n    \n    <li" in row else len(row)]
    assert '<p class="sentence" dir="auto">Jets struck Idlib again.</p>' in row
    assert re.search(r'name="place_id" value="t:saraqib"', row) and 'value="t:aleppo"' in row
    assert 'name="place_id" value="t:idlib"' not in row  # the chosen place is no runner-up


def test_a_row_maps_the_chosen_place_and_the_runners_up_each_tied_to_its_button(client, queue_rows):
    import html
    import json

    page = client.get("/review").get_data(as_text=True)
    row = page[page.index(f'id="incident-{queue_rows["crowded"]}"') :]
    points = json.loads(html.unescape(re.search(r"data-points='([^']*)'", row).group(1)))
    assert [(p["kind"], p.get("place_id")) for p in points] == [
        ("chosen", "t:idlib"),
        ("runner-up", "t:saraqib"),
        ("runner-up", "t:aleppo"),
    ]
    assert (points[1]["lat"], points[1]["lon"]) == (35.8647, 36.8006)
    for point in points[1:]:  # clicking a runner-up on the map submits its "use this place" form
        form = re.search(rf'<form [^>]*id="{point["form"]}"[^>]*>.*?</form>', row, re.S).group(0)
        assert f'value="{point["place_id"]}"' in form
    assert "js/mini_map.js" in page and "/vendor/leaflet/leaflet.js" in page


def test_the_page_speaks_arabic(client, queue_rows):
    page = client.get("/review?lang=ar").get_data(as_text=True)
    assert 'dir="rtl"' in page and "قائمة المراجعة" in page and "تأكيد" in page and "رفض" in page


def test_one_click_verifies_or_rejects_and_is_recorded(app, client, queue_rows):
    for name, status in (("weak", "verified"), ("sure", "rejected")):
        response = client.post(f"/review/{queue_rows[name]}", data={"status": status, "page": "1"})
        assert response.status_code == 302 and response.headers["Location"] == "/review?page=1"
    order = order_on_page(client.get("/review").get_data(as_text=True))
    assert queue_rows["weak"] not in order and queue_rows["sure"] not in order
    with app.app_context():
        assert db.session.get(Incident, queue_rows["sure"]).status == "rejected"
        assert [c["action"] for c in history("incident", queue_rows["weak"])] == ["status"]


def test_picking_a_runner_up_moves_the_incident(app, client, queue_rows):
    client.post(f"/review/{queue_rows['crowded']}", data={"place_id": "t:saraqib"})
    with app.app_context():
        assert db.session.get(Incident, queue_rows["crowded"]).place_name == "Saraqib"


def test_the_buttons_carry_and_need_the_csrf_token(make_app, queue_rows):
    app = make_app(WTF_CSRF_ENABLED=True)
    add_user(app, "rana", "analyst")
    client = app.test_client()
    sign_in(client, "rana")
    incident = queue_rows["weak"]
    assert client.post(f"/review/{incident}", data={"status": "verified"}).status_code == 400
    token = page_csrf_token(client, "/review")
    assert (
        client.post(f"/review/{incident}", data={"status": "verified", "csrf_token": token}).status_code
        == 302
    )
    with app.app_context():
        assert [c["user"] for c in history("incident", incident)] == ["rana"]


def test_viewers_and_anonymous_people_may_not_review(app, client, queue_rows):
    add_user(app, "vera", "viewer")
    incident = queue_rows["weak"]
    assert client.get("/review").headers["Location"] == "/login?next=/review"
    assert client.post(f"/review/{incident}", data={"status": "verified"}).status_code == 401
    sign_in(client, "vera")
    assert client.get("/review").status_code == 403
    assert client.post(f"/review/{incident}", data={"status": "verified"}).status_code == 403
    assert "/review" not in client.get("/articles").get_data(as_text=True).split("</nav>")[0]
    with app.app_context():
        assert history("incident", incident) == []


@pytest.mark.services
def test_the_queue_orders_the_same_on_postgresql(tmp_path, tiny_gazetteer):
    from databases import postgresql_app
    from incident_rows import add_incident as add

    from webapp.review.queue import queue_item, queue_statement

    with postgresql_app(tmp_path, tiny_gazetteer) as app:
        with app.app_context():
            many = [{"place_id": f"t:{n}", "name": n, "score": 0.1} for n in ("a", "b")]
            ids = [add(sentence=f"Jets struck Idlib {n}.", place="Idlib") for n in range(3)]
            for incident_id, candidates in zip(ids, (None, many, []), strict=True):
                set_mention(incident_id, score=0.5, candidates=candidates)
            rows, count = queue_statement()
            order = [queue_item(row).incident.id for row in db.session.execute(rows)]
            assert order == [ids[1], ids[0], ids[2]] and db.session.scalar(count) == 3
            db.session.remove()
            db.engine.dispose()


def test_an_incident_moves_to_a_place_named_in_any_script(app, client, queue_rows):
    incident = queue_rows["weak"]
    assert client.post(f"/review/{incident}", data={"place_query": "حلب"}).status_code == 302
    with app.app_context():
        assert db.session.get(Incident, incident).place_id == "t:aleppo"
    assert client.post(f"/review/{incident}", data={"place_query": "t:latakia"}).status_code == 302
    unknown = client.post(f"/review/{incident}", data={"place_query": "Atlantis"})
    assert unknown.status_code == 400 and "Atlantis" in unknown.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Incident, incident).place_id == "t:latakia"


def test_the_incidents_list_filters_by_status_and_hides_rejected_by_default(client, queue_rows):
    client.post(f"/review/{queue_rows['sure']}", data={"status": "rejected"})
    default = client.get("/incidents").get_data(as_text=True)
    rejected = client.get("/incidents?status=rejected").get_data(as_text=True)
    assert "<bdi>5</bdi> results" in default and "<bdi>1</bdi> results" in rejected
    assert '<option value="rejected" selected>' in rejected
    assert len(client.get("/export/incidents.csv").get_data(as_text=True).splitlines()) == 1 + 5
    assert len(client.get("/export/incidents.csv?status=all").get_data(as_text=True).splitlines()) == 1 + 6


def test_a_name_several_places_bear_is_refused_with_their_ids(make_app):
    from webapp_rows import tiny_places

    from gazetteer import Gazetteer, Place, PlaceType

    twins = [Place(f"t:tell-{n}", "Tell Abyad", "تل أبيض", PlaceType.VILLAGE, 36.0 + n, 38.0) for n in (1, 2)]
    app = make_app(GAZETTEER=Gazetteer([*tiny_places(), *twins]))
    with app.app_context():
        incident = add_incident(sentence="Shelling near Saraqib.", place="Saraqib")
    response = app.test_client().post(f"/review/{incident}", data={"place_query": "تل ابيض"})
    assert response.status_code == 400
    assert "t:tell-1, t:tell-2" in response.get_data(as_text=True)
