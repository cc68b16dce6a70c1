"""A .jsonl or .zip upload becomes a batch job; the Jobs pages and GET /api/jobs/<id> show it."""

from __future__ import annotations

import io
import json
import re
import zipfile

from sqlalchemy import func, select
from test_queue import queued_app, work_off  # noqa: F401 - the Redis-backed app fixture

from webapp.extensions import db
from webapp.models import Article

ARABIC = "قصفت الطائرات الروسية مدينة إدلب اليوم الأحد."
ENGLISH = "Russian jets struck the city of Idlib on Sunday."


def jsonl(*rows: object) -> bytes:
    return "\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in rows).encode()


def upload(client, data: bytes, name: str, **fields: str):  # noqa: ANN001, ANN201
    form = {"file": (io.BytesIO(data), name), **fields}
    return client.post("/upload", data=form, content_type="multipart/form-data")


def test_a_jsonl_upload_runs_as_one_job_and_reports_progress(app, client):
    batch = jsonl({"text": ARABIC}, "{broken", {"text": ENGLISH, "title": "two"})
    response = upload(client, batch, "b.jsonl")
    assert response.status_code == 302
    job_url = response.headers["Location"]
    job_id = int(re.fullmatch(r"/jobs/(\d+)", job_url).group(1))
    status = client.get(f"/api/jobs/{job_id}").get_json()
    assert {k: status[k] for k in ("state", "done", "total", "failed", "created", "existing")} == {
        "state": "partial",
        "done": 3,
        "total": 3,
        "failed": 1,
        "created": 2,
        "existing": 0,
    }
    assert status["errors"] == [{"item": "b.jsonl:2", "error": status["errors"][0]["error"]}]
    assert status["errors"][0]["error"].startswith("bad JSON")
    page = client.get(job_url).get_data(as_text=True)
    assert "b.jsonl:2" in page and "bad JSON" in page and 'http-equiv="refresh"' not in page
    listing = client.get("/jobs").get_data(as_text=True)
    assert f'href="/jobs/{job_id}"' in listing and "b.jsonl" in listing


def test_a_zip_of_articles_and_jsonl_is_one_job_with_the_forms_date(app, client):
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("a.txt", ARABIC)
        zf.writestr("more/b.jsonl", jsonl({"text": ENGLISH}))
        zf.writestr("scan.pdf", b"%PDF")
        zf.writestr("__MACOSX/._a.txt", b"\x00\x05")
    response = upload(client, archive.getvalue(), "news.zip", published="2020-09-20")
    job_id = int(response.headers["Location"].rsplit("/", 1)[1])
    status = client.get(f"/api/jobs/{job_id}").get_json()
    assert (status["total"], status["created"], status["failed"]) == (3, 2, 1)
    assert status["errors"][0]["item"] == "news.zip/scan.pdf"
    with app.app_context():
        dates = set(db.session.scalars(select(Article.published)))
    assert {d.isoformat() for d in dates} == {"2020-09-20"}


def test_the_job_page_speaks_arabic(client):
    response = upload(client, jsonl("{broken"), "b.jsonl")
    page = client.get(response.headers["Location"] + "?lang=ar").get_data(as_text=True)
    assert "سطر JSON غير صالح" in page and "فشلت" in page


def test_an_unreadable_or_too_large_batch_stores_nothing(app, client):
    bad = upload(client, b"not a zip", "news.zip")
    assert bad.status_code == 400 and "not a readable .zip" in bad.get_data(as_text=True)
    app.config["BATCH_SYNC_MAX_ITEMS"] = 2
    many = upload(client, jsonl(*({"text": f"{ENGLISH} {i}"} for i in range(3))), "b.jsonl")
    assert many.status_code == 413 and "flask ingest --jsonl" in many.get_data(as_text=True)
    empty = upload(client, b"\n\n", "b.jsonl")
    assert empty.status_code == 400
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Article)) == 0
    assert "No batch job yet" in client.get("/jobs").get_data(as_text=True)


def test_unknown_batch_job_is_404_and_queue_job_routes_still_answer(client):
    assert client.get("/api/jobs/99").status_code == 404
    assert client.get("/jobs/99").status_code == 404
    assert client.get("/api/jobs/not-a-number").status_code == 404  # the RQ route, no queue configured


def test_with_redis_a_batch_is_one_queued_job_that_the_worker_runs(queued_app):  # noqa: F811
    client = queued_app.test_client()
    response = upload(client, jsonl({"text": ARABIC}, {"text": ENGLISH}), "b.jsonl")
    job_url = response.headers["Location"]
    waiting = client.get("/api" + job_url).get_json()
    assert (waiting["state"], waiting["done"], waiting["total"]) == ("queued", 0, 2)
    assert 'http-equiv="refresh"' in client.get(job_url).get_data(as_text=True)
    work_off(queued_app)
    done = client.get("/api" + job_url).get_json()
    assert (done["state"], done["done"], done["created"]) == ("done", 2, 2)


def test_resume_from_the_page_runs_only_what_failed(app, client, monkeypatch):
    import webapp.jobs.batch as batch

    real = batch.ingest_article

    def failing_english(article):
        if article.text == ENGLISH:
            raise RuntimeError("down")
        return real(article)

    monkeypatch.setattr(batch, "ingest_article", failing_english)
    job_url = upload(client, jsonl({"text": ARABIC}, {"text": ENGLISH}), "b.jsonl").headers["Location"]
    page = client.get(job_url).get_data(as_text=True)
    assert f'action="{job_url}/resume"' in page
    monkeypatch.setattr(batch, "ingest_article", real)
    response = client.post(f"{job_url}/resume")
    assert response.status_code == 302 and response.headers["Location"] == job_url
    status = client.get("/api" + job_url).get_json()
    assert (status["state"], status["created"], status["failed"]) == ("done", 2, 0)
    assert "/resume" not in client.get(job_url).get_data(as_text=True)
    assert client.post("/jobs/999/resume").status_code == 404


def test_resume_needs_an_analyst_once_accounts_exist(app, client):
    from accounts_helpers import add_user

    job_url = upload(client, jsonl("{broken"), "b.jsonl").headers["Location"]
    add_user(app, "viewer1", "viewer")
    assert client.post(f"{job_url}/resume").status_code == 401


def test_with_redis_a_resumed_job_is_queued_again(queued_app):  # noqa: F811
    client = queued_app.test_client()
    job_url = upload(client, jsonl({"text": ARABIC}, {"text": ""}), "b.jsonl").headers["Location"]
    work_off(queued_app)
    assert client.get("/api" + job_url).get_json()["state"] == "partial"
    client.post(f"{job_url}/resume")
    assert client.get("/api" + job_url).get_json()["state"] == "queued"
    work_off(queued_app)
    assert client.get("/api" + job_url).get_json()["state"] == "partial"  # the empty text fails again
