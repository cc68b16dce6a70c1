"""The ingestion service (webapp/ingest.py): one transaction, dedup by content hash, row caps."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from webapp import ingest as ingest_module
from webapp.article_input import ArticleInput
from webapp.errors import IngestFailed, InvalidArticle
from webapp.extensions import db
from webapp.ingest import content_hash, ingest_article
from webapp.models import Article, Incident, Mention, Sentence

TEXT = "قصفت الطائرات الروسية مدينة إدلب اليوم الأحد، واستهدفت محيط سراقب.\nوزار وفد تركي أنقرة بعد ذلك."


def counts() -> dict[str, int]:
    return {
        m.__tablename__: db.session.scalar(select(func.count()).select_from(m))
        for m in (Article, Sentence, Mention, Incident)
    }


def test_ingest_writes_article_sentences_and_mentions(app):
    with app.app_context():
        result = ingest_article(ArticleInput(text=TEXT, title="Idlib", published=dt.date(2020, 9, 20)))
        assert result.created
        article = result.article
        assert article.id and article.title == "Idlib" and article.published == dt.date(2020, 9, 20)
        assert article.language == "ar"
        assert article.content_hash == content_hash(TEXT)
        assert len(article.sentences) == 2
        for s in article.sentences:
            assert article.text[s.start : s.end] == s.text
        names = {m.place_name for m in article.mentions}
        assert {"Idlib", "Saraqib", "Ankara"} <= names
        for m in article.mentions:
            assert article.text[m.start : m.end] == m.text


def test_same_text_again_returns_existing_without_new_rows(app):
    with app.app_context():
        first = ingest_article(ArticleInput(text=TEXT))
        before = counts()
        again = ingest_article(ArticleInput(text="  " + TEXT.replace(" ", "  ") + "\n", title="other title"))
        assert not again.created and again.article.id == first.article.id
        assert counts() == before


def test_failure_midway_rolls_everything_back(app):
    with app.app_context():
        with db.engine.begin() as conn:
            # A real fault after the article, its sentences and mentions are inserted: no incidents table.
            conn.exec_driver_sql("ALTER TABLE incidents RENAME TO incidents_elsewhere")
        with pytest.raises(IngestFailed, match="incidents"):
            ingest_article(ArticleInput(text=TEXT))
        with db.engine.begin() as conn:
            conn.exec_driver_sql("ALTER TABLE incidents_elsewhere RENAME TO incidents")
        assert counts() == {"articles": 0, "sentences": 0, "mentions": 0, "incidents": 0}


def test_duplicate_race_returns_the_winner(app, monkeypatch):
    with app.app_context():
        winner = ingest_article(ArticleInput(text=TEXT)).article.id
        before = counts()
        real = ingest_module.find_by_hash
        calls = []

        def stale_first(digest):
            calls.append(digest)
            return None if len(calls) == 1 else real(digest)  # the first lookup misses the other writer

        monkeypatch.setattr(ingest_module, "find_by_hash", stale_first)
        result = ingest_article(ArticleInput(text=TEXT))
        assert not result.created and result.article.id == winner
        assert counts() == before


def test_database_failure_reports_no_sql(app, monkeypatch):
    from sqlalchemy.exc import OperationalError

    def fail_commit():
        raise OperationalError(
            "INSERT INTO articles (text) VALUES (?)", ("secret text",), Exception("disk I/O error")
        )

    with app.app_context():
        monkeypatch.setattr(db.session, "commit", fail_commit)
        with pytest.raises(IngestFailed) as info:
            ingest_article(ArticleInput(text=TEXT))
        assert "disk I/O error" in info.value.message
        assert "INSERT" not in info.value.message and "secret" not in info.value.message


def test_publication_date_at_the_edges_of_the_accepted_range_is_stored(app):
    tomorrow = dt.datetime.now(dt.UTC).date() + dt.timedelta(days=1)
    with app.app_context():
        result = ingest_article(ArticleInput(text="أمس قصفت الطائرات مدينة إدلب", published="1900-01-01"))
        assert result.created and result.article.incidents and result.article.published == dt.date(1900, 1, 1)
        assert (
            ingest_article(ArticleInput(text=TEXT, published=tomorrow.isoformat())).article.published
            == tomorrow
        )


def test_an_incomplete_article_is_ingested_again_not_returned_as_existing(app):
    with app.app_context():
        first = ingest_article(ArticleInput(text=TEXT))
        complete = counts()
        # A half-written copy, as a commit of another process's open transaction once left behind.
        db.session.execute(Mention.__table__.delete())
        db.session.execute(Incident.__table__.delete())
        db.session.commit()
        assert not first.article.is_complete()
        again = ingest_article(ArticleInput(text=TEXT))
        assert again.created and again.article.is_complete()
        assert counts() == complete
        assert ingest_article(ArticleInput(text=TEXT)).created is False


def test_stored_counts_match_the_derived_rows(app):
    with app.app_context():
        article = ingest_article(ArticleInput(text=TEXT)).article
        assert (article.sentence_count, article.mention_count, article.incident_count) == (
            len(article.sentences),
            len(article.mentions),
            len(article.incidents),
        )
        assert article.sentence_count == 2 and article.mention_count >= 3 and article.is_complete()


@pytest.mark.parametrize(
    ("setting", "limit", "kind"),
    [("MAX_ARTICLE_MENTIONS", 2, "place mentions"), ("MAX_ARTICLE_INCIDENTS", 0, "incidents")],
)
def test_an_article_deriving_too_many_rows_is_refused_with_413(app, setting, limit, kind):
    app.config[setting] = limit
    with app.app_context():
        with pytest.raises(InvalidArticle, match=f"too many {kind}") as info:
            ingest_article(ArticleInput(text=TEXT))
        assert info.value.status == 413 and counts()["articles"] == 0
    response = app.test_client().post("/api/articles", json={"text": TEXT})
    assert response.status_code == 413 and f"limit is {limit}" in response.get_json()["error"]


def test_concurrent_large_posts_on_sqlite_all_succeed(app):
    """Writers wait for each other (WAL, busy timeout) instead of failing with "database is locked"."""
    from concurrent.futures import ThreadPoolExecutor

    app.config["MAX_ARTICLE_MENTIONS"] = 100_000
    app.config["MAX_ARTICLE_INCIDENTS"] = 100_000
    sentence = "قصفت الطائرات الروسية مدينة إدلب ومحيط سراقب. "
    bodies = [f"{i} " + sentence * (199_000 // len(sentence)) for i in range(3)]

    def post(body: str) -> int:
        return app.test_client().post("/api/articles", json={"text": body}).status_code

    with ThreadPoolExecutor(len(bodies)) as pool:
        statuses = list(pool.map(post, bodies))
    assert statuses == [201, 201, 201]
    with app.app_context():
        articles = db.session.scalars(select(Article)).all()
        assert len(articles) == 3 and all(a.is_complete() for a in articles)


def test_a_road_incident_is_in_the_governorate_of_its_midpoint(make_app):
    from webapp_rows import places_in_one_governorate

    from gazetteer import Gazetteer

    app = make_app(GAZETTEER=Gazetteer(places_in_one_governorate()))
    with app.app_context():
        result = ingest_article(
            ArticleInput(text="Russian jets struck the M4 highway on Sunday.", title="M4")
        )
        (incident,) = result.article.incidents
        assert incident.geometry and incident.geometry["type"] == "LineString"
        assert incident.admin1 == "North-West Governorate"
