"""Batch jobs as rows (webapp/jobs/batch.py, webapp/jobs/reader.py): reading, running, interruption."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest
from test_models import pg_app  # noqa: F401 - the app on a migrated PostgreSQL database

from webapp.errors import BatchRefused
from webapp.extensions import db
from webapp.jobs.batch import create_batch, get_job, job_state, job_status, run_batch
from webapp.jobs.reader import ItemDraft, is_batch, read_batch

ARABIC = "قصفت الطائرات الروسية مدينة إدلب اليوم الأحد."
ENGLISH = "Russian jets struck the city of Idlib on Sunday."
THIRD = "Clashes broke out in Saraqib on Monday."


def test_is_batch_by_extension():
    assert is_batch("News.JSONL") and is_batch("a.zip") and not is_batch("a.txt") and not is_batch("zip")


def test_read_batch_refuses_a_zip_that_unpacks_too_large():
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("a.txt", "x" * 5000)
    with pytest.raises(BatchRefused) as refused:
        read_batch(archive.getvalue(), "a.zip", max_bytes=1000)
    assert refused.value.status == 413
    assert [d.label for d in read_batch(archive.getvalue(), "a.zip", max_bytes=10_000)] == ["a.zip/a.txt"]


def drafts(*texts: str) -> list[ItemDraft]:
    return [ItemDraft(f"item{i}", fields={"text": text}) for i, text in enumerate(texts, 1)]


def test_an_interrupted_run_marks_the_job_failed_and_a_rerun_finishes_it(app, monkeypatch):
    import webapp.jobs.batch as batch

    real = batch.ingest_article

    def killed_at_second(article):
        if article.text == ENGLISH:
            raise KeyboardInterrupt  # the process is told to stop mid-batch
        return real(article)

    with app.app_context():
        job_id = create_batch(drafts(ARABIC, ENGLISH, THIRD), "test").id
        monkeypatch.setattr(batch, "ingest_article", killed_at_second)
        with pytest.raises(KeyboardInterrupt):
            run_batch(job_id)
        db.session.remove()
        status = job_status(get_job(job_id))
        assert (status["state"], status["done"], status["total"]) == ("failed", 1, 3)
        assert "stopped before it finished" in status["error"]
        assert [item.state for item in get_job(job_id).items] == ["done", "pending", "pending"]

        monkeypatch.setattr(batch, "ingest_article", real)
        seen = []
        job = run_batch(job_id, on_item=lambda item, progress: seen.append((item.label, progress.done)))
        assert job.state == "done" and job.error is None
        assert seen == [("item1", 1), ("item2", 2), ("item3", 3)]
        assert [item.created for item in job.items] == [True, True, True]


def test_a_running_job_whose_process_died_shows_as_failed(app):
    with app.app_context():
        job = create_batch(drafts(ARABIC), "test")
        job.state = "running"
        job.heartbeat_at = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=601)
        db.session.commit()
        assert job_state(job) == "failed"
        assert "stopped before it finished" in job_status(job)["error"]
        job.heartbeat_at = dt.datetime.now(dt.UTC)
        db.session.commit()
        assert job_state(job) == "running" and job_status(job)["error"] is None


def test_an_article_stored_before_a_crash_is_found_again_as_existing(app):
    with app.app_context():
        first = create_batch(drafts(ARABIC), "first").id
        run_batch(first)
        # A second job holding the same text: as if the first had crashed before marking its item.
        second = run_batch(create_batch(drafts(ARABIC, ENGLISH), "second").id)
        status = job_status(second)
        assert (status["state"], status["created"], status["existing"]) == ("done", 1, 1)


@pytest.mark.services
def test_a_batch_runs_and_resumes_on_postgresql(pg_app, monkeypatch):  # noqa: F811
    import webapp.jobs.batch as batch

    real = batch.ingest_article
    with pg_app.app_context():
        job_id = create_batch([*drafts(ARABIC, ENGLISH), ItemDraft("bad", error=None, fields={})], "pg").id
        monkeypatch.setattr(batch, "ingest_article", lambda a: (_ for _ in ()).throw(RuntimeError("down")))
        assert run_batch(job_id).state == "failed"
        monkeypatch.setattr(batch, "ingest_article", real)
        status = job_status(run_batch(job_id))
        assert (status["state"], status["created"], status["failed"]) == ("partial", 2, 1)
        assert status["errors"][0]["item"] == "bad" and "text" in status["errors"][0]["error"].lower()
