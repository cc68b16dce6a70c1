"""Feeds (webapp/feeds/): adding, polling once per entry, failures kept per feed, CLI and page."""

from __future__ import annotations

import datetime as dt
import os
import uuid

import pytest
from rq.job import Job
from rq.registry import ScheduledJobRegistry
from sqlalchemy import func, select

from tests.accounts_helpers import add_user, page_csrf_token, sign_in
from tests.newsserver import arabic_page, atom, english_page, news_site, rss
from webapp.errors import FeedError
from webapp.extensions import db
from webapp.feeds.service import add_feed, list_feeds, poll_feeds, remove_feed
from webapp.models import Article, Feed, FeedEntry
from webapp.queue import feeds_poll_job, get_queue, schedule_feed_polls


@pytest.fixture
def open_app(make_app):
    return make_app(FETCH_ALLOW_PRIVATE=True, FETCH_TIMEOUT=5)


def serve_stories(site) -> tuple[str, str]:
    arabic, english = site.url("/ar/saraqib"), site.url("/en/saraqib")
    site.page("/ar/saraqib", arabic_page(arabic))
    site.page("/en/saraqib", english_page(english))
    return arabic, english


def count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def test_a_poll_ingests_new_entries_once_and_records_the_result(open_app):
    with news_site() as site, open_app.app_context():
        arabic, english = serve_stories(site)
        site.page(
            "/rss.xml",
            rss([("ar-1", arabic, "غارات"), ("en-1", english, "Airstrikes")]),
            "application/rss+xml",
        )
        # The Atom feed carries the Arabic story again under its own id: stored once, by its URL.
        site.page(
            "/atom.xml", atom([("urn:x:1", arabic + "?utm_source=atom", "غارات")]), "application/atom+xml"
        )
        rss_feed = add_feed(site.url("/rss.xml"), language="ar", name="North")
        add_feed(site.url("/atom.xml"))
        first = poll_feeds()
        assert [(r.created, r.existing, r.failed) for r in first] == [(2, 0, 0), (0, 1, 0)]
        again = poll_feeds()
        assert [(r.created, r.existing, r.failed) for r in again] == [(0, 0, 0), (0, 0, 0)]
        assert count(Article) == 2 and count(FeedEntry) == 3
        assert site.hits["/ar/saraqib"] == 1 and site.hits["/en/saraqib"] == 1  # entries seen are not fetched
        db.session.refresh(rss_feed)
        assert (
            rss_feed.last_result == "ok" and rss_feed.last_polled_at is not None and not rss_feed.last_error
        )
        assert {a.source_name for a in db.session.scalars(select(Article))} >= {"North"}


def test_one_failing_feed_does_not_stop_the_others_and_a_failed_entry_is_retried(open_app):
    with news_site() as site, open_app.app_context():
        arabic, _ = serve_stories(site)
        site.page("/broken.xml", "<html><body>not a feed</body></html>")
        missing = site.url("/gone")
        site.page("/rss.xml", rss([("a", missing, "gone"), ("b", arabic, "غارات")]))
        broken, good = add_feed(site.url("/broken.xml")), add_feed(site.url("/rss.xml"))
        results = poll_feeds()
        assert not results[0].ok and "not an RSS or Atom feed" in results[0].errors[0]
        assert (results[1].created, results[1].failed) == (1, 1) and "404" in results[1].errors[0]
        db.session.refresh(broken)
        db.session.refresh(good)
        assert broken.last_result == "failed" and "RSS" in broken.last_error
        assert good.last_result == "partial" and good.last_failed == 1
        site.page("/gone", english_page(missing))
        assert poll_feeds()[1].created == 1  # the entry that failed is taken at the next poll


def test_feeds_are_http_urls_added_once_and_removed_by_id_or_url(app):
    with app.app_context():
        with pytest.raises(FeedError):
            add_feed("file:///etc/passwd")
        with pytest.raises(FeedError):
            add_feed("https://news.example/rss", language="fr")
        feed = add_feed("https://news.example/rss")
        assert feed.name == "news.example"
        with pytest.raises(FeedError):
            add_feed("https://news.example/rss")
        remove_feed(str(feed.id))
        assert list_feeds() == []
        with pytest.raises(FeedError) as caught:
            remove_feed("https://news.example/rss")
        assert caught.value.status == 404


def test_the_cli_adds_lists_polls_and_removes(open_app):
    runner = open_app.test_cli_runner()
    with news_site() as site:
        arabic, _ = serve_stories(site)
        site.page("/rss.xml", rss([("a", arabic, "غارات")]))
        added = runner.invoke(args=["feeds", "add", site.url("/rss.xml"), "--lang", "ar", "--name", "North"])
        assert added.exit_code == 0 and added.output.startswith("added feed 1")
        assert runner.invoke(args=["feeds", "add", site.url("/rss.xml")]).exit_code == 1
        polled = runner.invoke(args=["feeds", "poll"])
        assert polled.exit_code == 0 and "1 created, 0 existing, 0 failed" in polled.output
        listed = runner.invoke(args=["feeds", "list"]).output
        assert "North\tar\t" in listed and "\tok\t1 created" in listed
        assert runner.invoke(args=["feeds", "remove", "1"]).exit_code == 0
        site.page("/rss.xml", "oops")
        runner.invoke(args=["feeds", "add", site.url("/rss.xml")])
        assert runner.invoke(args=["feeds", "poll"]).exit_code == 1


def test_the_feeds_page_is_for_admins_and_its_forms_carry_csrf(make_app):
    app = make_app(WTF_CSRF_ENABLED=True, RATELIMIT_ENABLED=False)
    add_user(app, "amal", "admin")
    add_user(app, "rana", "analyst")
    client = app.test_client()
    sign_in(client, "rana")
    assert client.get("/feeds").status_code == 403
    admin = app.test_client()
    sign_in(admin, "amal")
    page = admin.get("/feeds")
    assert page.status_code == 200 and 'name="csrf_token"' in page.get_data(as_text=True)
    assert admin.post("/feeds", data={"url": "https://news.example/rss"}).status_code == 400  # no token
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Feed)) == 0
    token = page_csrf_token(admin, "/feeds")
    added = admin.post("/feeds", data={"url": "https://news.example/rss", "csrf_token": token})
    assert added.status_code == 302
    page = admin.get("/feeds").get_data(as_text=True)
    assert "https://news.example/rss" in page and "news.example" in page


@pytest.fixture
def queued_open_app(make_app):
    """An app with a queue of its own on TEST_REDIS_URL, polling feeds every 15 minutes."""
    from redis import Redis
    from redis.exceptions import RedisError

    url = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
    try:
        Redis.from_url(url, socket_connect_timeout=1).ping()
    except RedisError as exc:
        pytest.skip(f"Redis at {url} unreachable ({exc}); set TEST_REDIS_URL")
    app = make_app(
        REDIS_URL=url,
        RQ_QUEUE=f"test-feeds-{uuid.uuid4().hex[:8]}",
        FEED_POLL_MINUTES=15,
        FETCH_ALLOW_PRIVATE=True,
    )
    yield app
    with app.app_context():
        queue = get_queue()
        registry = ScheduledJobRegistry(queue=queue)
        for job_id in registry.get_job_ids():
            registry.remove(job_id, delete_job=True)
        queue.delete(delete_jobs=True)
        queue.connection.close()


@pytest.mark.services
def test_with_a_queue_one_poll_is_scheduled_and_each_poll_schedules_the_next(queued_open_app):
    with news_site() as site, queued_open_app.app_context():
        arabic, _ = serve_stories(site)
        site.page("/rss.xml", rss([("a", arabic, "غارات")]))
        add_feed(site.url("/rss.xml"))
        registry = ScheduledJobRegistry(queue=get_queue())
        assert schedule_feed_polls() is True
        assert schedule_feed_polls() is False  # a second worker starting schedules no second poll
        (first,) = registry.get_job_ids()
        registry.remove(first, delete_job=True)  # as the scheduler does when it runs the job
        assert feeds_poll_job() == [{"feed_id": 1, "created": 1, "existing": 0, "failed": 0, "errors": []}]
        (following,) = registry.get_job_ids()
        assert following != first and Job.fetch(following, connection=get_queue().connection).func_name == (
            "webapp.queue.feeds_poll_job"
        )
        assert registry.get_scheduled_time(following) > dt.datetime.now(dt.UTC)  # not now: a poll later


def test_without_feed_poll_minutes_nothing_is_scheduled(app):
    with app.app_context():
        assert schedule_feed_polls() is False
