"""The ingestion service (webapp/ingest.py): one transaction, dedup by content hash, validation."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from webapp import ingest as ingest_module
from webapp.errors import IngestFailed, InvalidArticle
from webapp.extensions import db
from webapp.ingest import check_article, content_hash, ingest_article, parse_date
from webapp.models import Article, Incident, Mention, Sentence

TEXT = "قصفت الطائرات الروسية مدينة إدلب اليوم الأحد، واستهدفت محيط سراقب.\nوزار وفد تركي أنقرة بعد ذلك."


def counts() -> dict[str, int]:
    return {
        m.__tablename__: db.session.scalar(select(func.count()).select_from(m))
        for m in (Article, Sentence, Mention, Incident)
    }


def test_ingest_writes_article_sentences_and_mentions(app):
    with app.app_context():
        result = ingest_article(text=TEXT, title="Idlib", published="2020-09-20")
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
        first = ingest_article(text=TEXT)
        before = counts()
        again = ingest_article(text="  " + TEXT.replace(" ", "  ") + "\n", title="other title")
        assert not again.created and again.article.id == first.article.id
        assert counts() == before


@pytest.mark.parametrize("text", ["", "   \n\t ", None])
def test_empty_text_is_rejected(app, text):
    with app.app_context(), pytest.raises(InvalidArticle, match="empty") as info:
        ingest_article(text=text)
    assert info.value.status == 400


def test_too_long_text_is_rejected_with_413(app):
    app.config["MAX_ARTICLE_CHARS"] = 50
    with app.app_context(), pytest.raises(InvalidArticle, match="too long") as info:
        ingest_article(text="إدلب " * 20)
    assert info.value.status == 413


def test_bad_date_is_rejected_and_nothing_written(app):
    with app.app_context():
        with pytest.raises(InvalidArticle, match="date"):
            ingest_article(text=TEXT, published="20 September")
        assert counts()["articles"] == 0


def test_failure_midway_rolls_everything_back(app, monkeypatch):
    real = ingest_module._attach_results

    def attach_then_fail(article, result):
        real(article, result)
        db.session.add(article)
        db.session.flush()  # rows reach the database inside the transaction…
        raise RuntimeError("disk full")  # …and must vanish with it

    monkeypatch.setattr(ingest_module, "_attach_results", attach_then_fail)
    with app.app_context():
        with pytest.raises(IngestFailed, match="disk full"):
            ingest_article(text=TEXT)
        assert counts() == {"articles": 0, "sentences": 0, "mentions": 0, "incidents": 0}


def test_duplicate_race_returns_the_winner(app, monkeypatch):
    with app.app_context():
        winner = ingest_article(text=TEXT).article.id
        before = counts()
        real = ingest_module.find_by_hash
        calls = []

        def stale_first(digest):
            calls.append(digest)
            return None if len(calls) == 1 else real(digest)  # the first lookup misses the other writer

        monkeypatch.setattr(ingest_module, "find_by_hash", stale_first)
        result = ingest_article(text=TEXT)
        assert not result.created and result.article.id == winner
        assert counts() == before


def test_source_name_defaults_to_url_host(app):
    with app.app_context():
        article = ingest_article(text=TEXT, source_url="https://www.syria.tv/some/article").article
        assert article.source_name == "www.syria.tv"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("source_url", "javascript:alert(1)", "http"),
        ("source_url", "data:text/html,<script>alert(1)</script>", "http"),
        ("language", "english please", "language code"),
        ("title", "x" * 501, "title"),
    ],
)
def test_bad_metadata_is_rejected(app, field, value, message):
    with app.app_context():
        with pytest.raises(InvalidArticle, match=message):
            ingest_article(text=TEXT, **{field: value})
        assert counts()["articles"] == 0


def test_database_failure_reports_no_sql(app, monkeypatch):
    from sqlalchemy.exc import OperationalError

    def fail_commit():
        raise OperationalError(
            "INSERT INTO articles (text) VALUES (?)", ("secret text",), Exception("disk I/O error")
        )

    with app.app_context():
        monkeypatch.setattr(db.session, "commit", fail_commit)
        with pytest.raises(IngestFailed) as info:
            ingest_article(text=TEXT)
        assert "disk I/O error" in info.value.message
        assert "INSERT" not in info.value.message and "secret" not in info.value.message


def test_check_article_rejects_what_ingest_rejects_and_writes_nothing(app):
    with app.app_context():
        check_article(text=TEXT, published="2020-09-20", source_url="https://example.org/a", language="ar")
        for bad in ({"text": " "}, {"text": TEXT, "source_url": "ftp://x"}, {"text": TEXT, "published": "x"}):
            with pytest.raises(InvalidArticle):
                check_article(**bad)
            with pytest.raises(InvalidArticle):
                ingest_article(**bad)
        assert counts()["articles"] == 0


@pytest.mark.parametrize(
    "field, value",
    [("title", 5), ("published", 20200920), ("source_url", ["https://x.org"]), ("language", {"ar": 1})],
)
def test_non_text_metadata_is_invalid_input(app, field, value):
    with app.app_context():
        with pytest.raises(InvalidArticle, match="must be a string"):
            ingest_article(text=TEXT, **{field: value})
        assert counts()["articles"] == 0


def test_nul_and_unpaired_surrogates_are_invalid_input(app):
    with app.app_context():
        for bad in ({"text": "Idlib\x00"}, {"text": TEXT, "title": "\udc80"}, {"text": "\ud83d Idlib"}):
            with pytest.raises(InvalidArticle):
                ingest_article(**bad)
        assert counts()["articles"] == 0


def test_publication_date_at_the_edges_of_the_accepted_range_is_stored(app):
    tomorrow = dt.datetime.now(dt.UTC).date() + dt.timedelta(days=1)
    with app.app_context():
        result = ingest_article(text="أمس قصفت الطائرات مدينة إدلب", published="1900-01-01")
        assert result.created and result.article.incidents and result.article.published == dt.date(1900, 1, 1)
        assert ingest_article(text=TEXT, published=tomorrow.isoformat()).article.published == tomorrow


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2020-09-20", dt.date(2020, 9, 20)),
        (" 2020-09-20 ", dt.date(2020, 9, 20)),
        ("2020-09-20T08:30:00+03:00", dt.date(2020, 9, 20)),
        ("2020-09-20T23:59:59.5Z", dt.date(2020, 9, 20)),
        (dt.date(2020, 9, 20), dt.date(2020, 9, 20)),
        (dt.datetime(2020, 9, 20, 8, 30), dt.date(2020, 9, 20)),
        ("", None),
        (None, None),
    ],
)
def test_parse_date_accepts_iso_dates_and_timestamps(app, value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        "2020-01-01garbage",
        "2020-1-1",
        "20200101",
        "2020-W38-7",
        "٢٠٢٠-٠٩-٢٠",
        "2020-02-30",
        "2020-09-20 08:30",
    ],
)
def test_parse_date_refuses_anything_but_strict_iso(app, value):
    with pytest.raises(InvalidArticle, match="YYYY-MM-DD") as info:
        parse_date(value)
    assert info.value.status == 400


def test_parse_date_refuses_dates_before_1900_or_after_tomorrow(app):
    later = dt.datetime.now(dt.UTC).date() + dt.timedelta(days=2)
    for value in ("0001-01-01", "1899-12-31", later.isoformat(), "9999-12-31", later):
        with pytest.raises(InvalidArticle, match="out of range") as info:
            parse_date(value)
        assert info.value.status == 400 and "1900-01-01" in info.value.message
    with app.app_context():
        with pytest.raises(InvalidArticle, match="out of range"):
            ingest_article(text=TEXT, published="1899-12-31")
        assert counts()["articles"] == 0


@pytest.mark.parametrize(
    "text", ["\u200b", "\u200b\u200c\ufeff", "12345 678", "!!! ... ???", "٣٤٥ – ٦٧", "\u064b\u064e"]
)
def test_text_without_letters_is_refused(app, text):
    with app.app_context():
        with pytest.raises(InvalidArticle, match="no letters") as info:
            ingest_article(text=text)
        assert info.value.status == 400 and counts()["articles"] == 0


def test_an_incomplete_article_is_ingested_again_not_returned_as_existing(app):
    with app.app_context():
        first = ingest_article(text=TEXT)
        complete = counts()
        # A half-written copy, as a commit of another process's open transaction once left behind.
        db.session.execute(Mention.__table__.delete())
        db.session.execute(Incident.__table__.delete())
        db.session.commit()
        assert not first.article.is_complete()
        again = ingest_article(text=TEXT)
        assert again.created and again.article.is_complete()
        assert counts() == complete
        assert ingest_article(text=TEXT).created is False


def test_stored_counts_match_the_derived_rows(app):
    with app.app_context():
        article = ingest_article(text=TEXT).article
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
            ingest_article(text=TEXT)
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
