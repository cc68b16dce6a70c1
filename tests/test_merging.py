"""One incident, many sources (webapp/merging.py): the merge rule, ingestion, the API and the CLI."""

from __future__ import annotations

import datetime as dt

import pytest
from accounts_helpers import add_user, token_for
from incident_rows import add_incident

from webapp.article_input import ArticleInput
from webapp.audit import Actor
from webapp.extensions import db
from webapp.ingest import ingest_article
from webapp.merging import merge_incident, merge_similar, same_event, sources_of, split_incident
from webapp.models import Incident

# One strike, reported in Arabic on the day and in English the morning after.
ARABIC = (
    "قصفت طائرات حربية روسية صباح الأحد مدينة سراقب شرق إدلب، "
    "ما أدى إلى مقتل ثلاثة مدنيين وإصابة خمسة آخرين بجروح."
)
ENGLISH = (
    "Russian warplanes struck the town of Saraqib in eastern Idlib countryside on Sunday, "
    "killing three civilians and wounding five, local sources said."
)
# Another strike on Saraqib, a week later: another event.
LATER = "Russian jets struck the town of Saraqib on Sunday, killing two people."
TESTER = Actor("tester")


def ingest(app, text: str, published: str, title: str, url: str = "") -> int:  # noqa: ANN001
    """Ingest ``text``; the id of its one incident."""
    with app.app_context():
        article = ingest_article(
            ArticleInput(text=text, published=published, title=title, source_url=url)
        ).article
        (incident,) = article.incidents
        return incident.id


@pytest.fixture
def strike(app):
    """The Arabic and the English report of one strike, ingested: (Arabic incident id, English id)."""
    arabic = ingest(app, ARABIC, "2020-09-20", "غارات على سراقب", "https://example.org/ar?a=1&b=<2>")
    english = ingest(app, ENGLISH, "2020-09-21", "Strikes on Saraqib", "https://example.org/en")
    return arabic, english


def features(client, **query):  # noqa: ANN001, ANN003, ANN201
    return client.get("/api/incidents", query_string=query).get_json()["features"]


def test_an_arabic_and_an_english_report_of_one_strike_become_one_incident_with_two_sources(
    app, client, strike
):
    arabic, english = strike
    (feature,) = features(client)
    props = feature["properties"]
    assert props["id"] == arabic and props["source_count"] == 2
    first, second = props["sources"]
    assert (first["incident_id"], second["incident_id"]) == (arabic, english)
    assert first["title"] == "غارات على سراقب" and first["url"] == "https://example.org/ar?a=1&b=<2>"
    assert "سراقب" in first["quote"] and "Saraqib" in second["quote"]
    assert second["sentence_url"] == f"/articles/{second['article_id']}#s-{second['sentence_index']}"
    assert props["incident_url"] == f"/incidents/{arabic}"
    with app.app_context():
        assert db.session.get(Incident, english).merged_into_id == arabic
    # The list, the timeline and the review queue show the one incident too.
    listing = client.get("/incidents").get_data(as_text=True)
    assert f'id="incident-{arabic}"' in listing and f'id="incident-{english}"' not in listing
    assert client.get("/api/timeline").get_json()["total"] == 1
    queue = client.get("/review").get_data(as_text=True)
    assert f'id="incident-{arabic}"' in queue and f'id="incident-{english}"' not in queue


def test_split_makes_the_report_an_incident_again_and_merge_joins_them_once_more(app, client, strike):
    arabic, english = strike
    split = client.post(f"/api/incidents/{english}/split")
    assert split.status_code == 200 and split.get_json()["merged_into"] is None
    assert sorted(f["properties"]["source_count"] for f in features(client)) == [1, 1]
    history = client.get(f"/api/incidents/{english}/history").get_json()
    assert [h["action"] for h in history] == ["merge", "split"]
    assert history[-1]["before"] == {"merged_into_id": arabic} and history[-1]["after"] == {
        "merged_into_id": None
    }
    primary_history = client.get(f"/api/incidents/{arabic}/history").get_json()
    assert primary_history[-1] == {**primary_history[-1], "action": "split", "after": {"reports": []}}

    merged = client.post(f"/api/incidents/{english}/merge", json={"into": arabic})
    assert merged.status_code == 200
    body = merged.get_json()
    assert body["id"] == arabic and [s["incident_id"] for s in body["sources"]] == [arabic, english]
    (feature,) = features(client)
    assert feature["properties"]["source_count"] == 2


def test_merge_and_split_refuse_what_makes_no_sense(app, client, strike):
    arabic, english = strike
    assert client.post(f"/api/incidents/{english}/merge", json={"into": arabic}).status_code == 400
    assert client.post(f"/api/incidents/{arabic}/merge", json={"into": english}).status_code == 400
    assert client.post(f"/api/incidents/{arabic}/merge", json={"into": "x"}).status_code == 400
    assert client.post(f"/api/incidents/{arabic}/merge", json={"into": 999}).status_code == 404
    assert client.post(f"/api/incidents/{arabic}/split").status_code == 400
    assert "error" in client.post(f"/api/incidents/{arabic}/split").get_json()


def test_merging_a_primary_brings_its_reports_along(app):
    with app.app_context():
        a = add_incident(date=dt.date(2020, 9, 20))
        b = add_incident(date=dt.date(2020, 9, 20), lat=33.5, lon=36.3)
        c = add_incident(date=dt.date(2020, 9, 20), lat=36.2, lon=37.1)
        merge_incident(b, a, TESTER)
        merge_incident(a, c, TESTER)  # a primary (with b) into c: b follows, nothing chains
        assert [s.incident_id for s in sources_of([c])[c]] == [c, a, b]
        assert db.session.get(Incident, b).merged_into_id == c


def test_the_rule_wants_type_dates_within_a_day_and_places_within_10_km():
    base = Incident(event_type="Battles", date=dt.date(2020, 9, 20), place_id="p", lat=35.0, lon=36.0)

    def like(**fields: object) -> Incident:
        values = {k: getattr(base, k) for k in ("event_type", "date", "place_id", "lat", "lon")}
        return Incident(**{**values, **fields})

    assert same_event(base, like())
    assert same_event(base, like(date=dt.date(2020, 9, 21), place_id=None, lat=35.08))  # ~9 km
    assert not same_event(base, like(place_id=None, lat=35.1))  # ~11 km
    assert same_event(base, like(lat=36.0))  # the same place, even where its points differ
    assert not same_event(base, like(date=dt.date(2020, 9, 22)))
    assert not same_event(base, like(event_type="Protests"))
    assert not same_event(base, like(date=None))


def test_a_week_later_or_the_same_article_is_another_event(app, client, strike):
    arabic, _ = strike
    ingest(app, LATER, "2020-09-27", "A week later")
    assert sorted(f["properties"]["source_count"] for f in features(client)) == [1, 2]
    with app.app_context():
        # Two incidents of one article are two events, however alike.
        one = add_incident(date=dt.date(2021, 1, 1))
        article_id = db.session.get(Incident, one).article_id
        other = Incident(
            article_id=article_id,
            sentence_index=1,
            event_type="Explosions/Remote violence",
            date=dt.date(2021, 1, 1),
            lat=35.93,
            lon=36.63,
        )
        db.session.add(other)
        db.session.commit()
        assert merge_similar(TESTER) == 0


def test_merge_similar_merges_stored_reports_but_not_one_an_analyst_split_off(app, runner):
    with app.app_context():
        a = add_incident(date=dt.date(2020, 9, 20))
        b = add_incident(date=dt.date(2020, 9, 21), lat=35.95, lon=36.65)
        far = add_incident(date=dt.date(2020, 9, 20), lat=36.2, lon=37.1)
    result = runner.invoke(args=["incidents", "merge-similar"])
    assert result.exit_code == 0 and "1 incidents merged" in result.output
    with app.app_context():
        assert db.session.get(Incident, b).merged_into_id == a
        assert db.session.get(Incident, far).merged_into_id is None
        split_incident(b, TESTER)
        assert merge_similar() == 0


def test_cli_merge_and_split_are_the_apis_twins(app, runner, strike):
    arabic, english = strike
    split = runner.invoke(args=["incidents", "split", str(english)])
    assert split.exit_code == 0, split.output
    merged = runner.invoke(args=["incidents", "merge", str(english), str(arabic)])
    assert merged.exit_code == 0 and f"incident {arabic}\t2 sources" in merged.output
    again = runner.invoke(args=["incidents", "merge", str(english), str(arabic)])
    assert again.exit_code != 0 and "one incident already" in again.output


def test_viewers_may_not_merge_or_split(make_app, strike):
    app = make_app()
    arabic, english = strike
    add_user(app, "rana", "analyst")
    add_user(app, "vera", "viewer")
    client = app.test_client()
    assert client.post(f"/api/incidents/{english}/split").status_code == 401
    viewer = {"Authorization": f"Bearer {token_for(app, 'vera')}"}
    assert client.post(f"/api/incidents/{english}/split", headers=viewer).status_code == 403
    analyst = {"Authorization": f"Bearer {token_for(app, 'rana')}"}
    assert client.post(f"/api/incidents/{english}/split", headers=analyst).status_code == 200
    history = client.get(f"/api/incidents/{english}/history").get_json()
    assert history[-1]["user"] == "rana"


@pytest.mark.services
def test_the_reports_merge_the_same_on_postgresql(tmp_path, tiny_gazetteer):
    from databases import postgresql_app

    with postgresql_app(tmp_path, tiny_gazetteer) as app:
        arabic = ingest(app, ARABIC, "2020-09-20", "غارات على سراقب")
        english = ingest(app, ENGLISH, "2020-09-21", "Strikes on Saraqib")
        client = app.test_client()
        (feature,) = features(client)
        assert feature["properties"]["id"] == arabic and feature["properties"]["source_count"] == 2
        assert client.post(f"/api/incidents/{english}/split").status_code == 200
        assert len(features(client)) == 2
        with app.app_context():
            db.session.remove()
            db.engine.dispose()
