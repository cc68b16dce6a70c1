"""Ingesting links (webapp/links.py) through the API, the upload form and ``flask ingest --url``."""

from __future__ import annotations

import datetime as dt
import os
import uuid

import pytest
from sqlalchemy import func, select

from tests.newsserver import ARABIC_STORY, arabic_page, english_page, news_site
from webapp.extensions import db
from webapp.models import Article


@pytest.fixture
def open_app(make_app):
    return make_app(FETCH_ALLOW_PRIVATE=True, FETCH_TIMEOUT=5)


def article_count(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(Article))


def test_an_arabic_page_gives_its_article_without_menu_or_footer_dated_by_its_dateline(open_app):
    with news_site() as site:
        site.page("/ar/saraqib", arabic_page(site.url("/ar/saraqib")))
        response = open_app.test_client().post("/api/articles", json={"url": site.url("/ar/saraqib")})
    assert response.status_code == 201, response.json
    body = response.json
    assert body["title"] == "غارات روسية على سراقب"
    with open_app.app_context():
        article = db.session.get(Article, body["id"])
        assert article.text == "\n\n".join(ARABIC_STORY)  # no menu, related list, footer or headline
        assert article.source_url == site.url("/ar/saraqib") == article.canonical_url
        assert article.published is None  # the page has no date …
        dates = {incident.date for incident in article.incidents}
        assert dates == {dt.date(2020, 2, 5)}  # … the dateline in the text dates its incidents


def test_an_english_page_gives_its_title_author_and_date(open_app):
    with news_site() as site:
        site.page("/en/saraqib", english_page(site.url("/en/saraqib")))
        response = open_app.test_client().post("/api/articles", json={"url": site.url("/en/saraqib")})
    assert response.status_code == 201, response.json
    with open_app.app_context():
        article = db.session.get(Article, response.json["id"])
        assert article.title == "Airstrikes kill five in Saraqib"
        assert article.author == "Rana Haddad" and article.published == dt.date(2020, 2, 5)
        assert "Related stories" not in article.text and "All rights reserved" not in article.text
        assert "Home" not in article.text and article.text.startswith("IDLIB, 5 February 2020")
        assert "Idlib" in {m.place_name for m in article.mentions}


def test_a_canonical_url_is_ingested_once(open_app):
    with news_site() as site:
        canonical = site.url("/ar/saraqib")
        site.page("/ar/saraqib", arabic_page(canonical))
        # The same story at another address (an AMP copy) declares the same canonical URL.
        site.page("/amp/saraqib", arabic_page(canonical).replace("<h1>", "<p>AMP</p><h1>"))
        client = open_app.test_client()
        first = client.post("/api/articles", json={"url": canonical + "?utm_source=feed"})
        again = client.post("/api/articles", json={"url": canonical})
        amp = client.post("/api/articles", json={"url": site.url("/amp/saraqib")})
    assert first.status_code == 201 and again.status_code == 200 and amp.status_code == 200
    assert first.json["id"] == again.json["id"] == amp.json["id"]
    assert first.json["canonical_url"] == canonical  # the API shows which page it stored
    assert site.hits["/ar/saraqib"] == 1  # the canonical URL was known: not fetched again
    assert article_count(open_app) == 1


def test_fetch_failures_answer_with_an_error_and_store_nothing(make_app):
    app = make_app()  # private addresses refused, as by default
    with news_site() as site:
        site.page("/ar/saraqib", arabic_page(site.url("/ar/saraqib")))
        client = app.test_client()
        private = client.post("/api/articles", json={"url": site.url("/ar/saraqib")})
        scheme = client.post("/api/articles", json={"url": "file:///etc/passwd"})
        broken = client.post("/api/articles", json={"url": "http://[::1/x"})
    assert private.status_code == 400 and "private" in private.json["error"]
    assert scheme.status_code == 400 and "http" in scheme.json["error"]
    assert broken.status_code == 400 and "error" in broken.json
    assert article_count(app) == 0


def test_a_page_without_an_article_or_not_html_gives_502(open_app):
    with news_site() as site:
        site.page("/empty", "<html><body><script>render('app')</script></body></html>")
        site.page("/photo", "GIF89a", content_type="image/gif")
        client = open_app.test_client()
        empty = client.post("/api/articles", json={"url": site.url("/empty")})
        photo = client.post("/api/articles", json={"url": site.url("/photo")})
    assert empty.status_code == 502 and "no article text" in empty.json["error"]
    assert photo.status_code == 502 and "image/gif" in photo.json["error"]
    assert article_count(open_app) == 0


def test_the_upload_form_fetches_a_source_url_given_alone(open_app):
    with news_site() as site:
        site.page("/en/saraqib", english_page(site.url("/en/saraqib")))
        response = open_app.test_client().post("/upload", data={"source_url": site.url("/en/saraqib")})
    assert response.status_code == 302
    with open_app.app_context():
        assert db.session.scalar(select(Article.title)) == "Airstrikes kill five in Saraqib"


def test_the_upload_form_shows_a_refused_link(app):
    response = app.test_client().post("/upload", data={"source_url": "http://127.0.0.1:9/x"})
    assert response.status_code == 400 and "private" in response.get_data(as_text=True)


def test_flask_ingest_url_is_the_twin(open_app):
    with news_site() as site:
        site.page("/en/saraqib", english_page(site.url("/en/saraqib")))
        runner = open_app.test_cli_runner()
        result = runner.invoke(args=["ingest", "--url", site.url("/en/saraqib")])
        again = runner.invoke(args=["ingest", "--url", site.url("/en/saraqib")])
        bad = runner.invoke(args=["ingest", "--url", "ftp://example.org/x"])
    assert result.exit_code == 0 and result.output.startswith("created\t")
    assert again.output.startswith("existing\t")
    assert bad.exit_code == 1 and "error\tftp://example.org/x" in bad.output


@pytest.mark.services
def test_with_a_queue_the_page_is_fetched_at_once_and_its_article_queued(make_app):
    from redis import Redis
    from redis.exceptions import RedisError
    from rq import SimpleWorker

    from webapp.queue import get_queue

    url = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
    try:
        Redis.from_url(url, socket_connect_timeout=1).ping()
    except RedisError as exc:
        pytest.skip(f"Redis at {url} unreachable ({exc}); set TEST_REDIS_URL")
    app = make_app(REDIS_URL=url, RQ_QUEUE=f"test-links-{uuid.uuid4().hex[:8]}", FETCH_ALLOW_PRIVATE=True)
    with news_site() as site:
        site.page("/en/saraqib", english_page(site.url("/en/saraqib")))
        client = app.test_client()
        queued = client.post("/api/articles", json={"url": site.url("/en/saraqib")})
        refused = client.post("/api/articles", json={"url": "ftp://example.org/x"})
    assert queued.status_code == 202 and refused.status_code == 400
    with app.app_context():
        queue = get_queue()
        SimpleWorker([queue], connection=queue.connection).work(burst=True)
        stored = db.session.scalar(select(Article))
        assert stored.canonical_url == site.url("/en/saraqib") and stored.author == "Rana Haddad"
        queue.delete(delete_jobs=True)
        queue.connection.close()
