"""The upload form (webapp/articles/views.py upload, forms.py)."""

from __future__ import annotations

import io
import re
import time

import pytest
from sqlalchemy import func, select
from werkzeug.datastructures import FileStorage
from werkzeug.test import encode_multipart

from webapp.extensions import db
from webapp.models import Article

TEXT = "قصفت الطائرات الروسية مدينة إدلب اليوم الأحد."


def article_count(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(Article))


def csrf_token(client) -> str:
    page = client.get("/upload").get_data(as_text=True)
    match = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page)
    assert match, "the form carries a CSRF token"
    return match.group(1)


def test_form_shows_every_field(client):
    page = client.get("/upload").get_data(as_text=True)
    for name in ("title", "text", "file", "published", "source_url", "language"):
        assert f'name="{name}"' in page
    assert 'enctype="multipart/form-data"' in page


def test_text_submission_redirects_to_article(app, client):
    response = client.post("/upload", data={"title": "Idlib", "text": TEXT, "published": "2020-09-20"})
    assert response.status_code == 302 and re.fullmatch(r"/articles/\d+", response.headers["Location"])
    assert article_count(app) == 1


def test_duplicate_redirects_to_existing_with_flash(app, client):
    first = client.post("/upload", data={"text": TEXT})
    second = client.post("/upload", data={"text": TEXT}, follow_redirects=True)
    assert second.status_code == 200 and second.request.path == first.headers["Location"]
    assert "already existed" in second.get_data(as_text=True)
    assert article_count(app) == 1


def test_windows_1256_file_upload(app, client):
    data = {"file": (io.BytesIO(TEXT.encode("cp1256")), "report.txt"), "published": "2020-09-20"}
    response = client.post("/upload", data=data, content_type="multipart/form-data", follow_redirects=True)
    assert response.status_code == 200
    assert "إدلب" in response.get_data(as_text=True)


def test_binary_file_is_rejected_and_input_kept(app, client):
    data = {"title": "My title", "file": (io.BytesIO(b"\x00\x01\x02PK\x03\x04" * 10), "scan.txt")}
    response = client.post("/upload", data=data, content_type="multipart/form-data")
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and "binary" in page and 'value="My title"' in page
    assert article_count(app) == 0


def test_wrong_extension_is_rejected(client):
    data = {"file": (io.BytesIO(b"hello"), "report.pdf")}
    response = client.post("/upload", data=data, content_type="multipart/form-data")
    assert response.status_code == 400 and ".txt, .md or .html" in response.get_data(as_text=True)


def test_empty_submission_rerenders_with_message(app, client):
    response = client.post("/upload", data={"title": "kept", "text": "  "})
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and "empty" in page and 'value="kept"' in page


def test_huge_upload_is_413_with_clear_message(app, client):
    app.config["MAX_CONTENT_LENGTH"] = 10_000
    data = {"file": (io.BytesIO(("إدلب " * 5000).encode("utf-8")), "big.txt")}
    response = client.post("/upload", data=data, content_type="multipart/form-data")
    page = response.get_data(as_text=True)
    assert response.status_code == 413 and "too large" in page and "limit" in page and "<form" in page
    assert article_count(app) == 0


def test_too_many_characters_keeps_text(app, client):
    app.config["MAX_ARTICLE_CHARS"] = 10
    response = client.post("/upload", data={"text": TEXT})
    assert response.status_code == 413 and "too long" in response.get_data(as_text=True)
    assert TEXT in response.get_data(as_text=True)


def test_post_without_csrf_token_is_rejected(app, client):
    app.config["WTF_CSRF_ENABLED"] = True
    response = client.post("/upload", data={"text": TEXT})
    assert response.status_code == 400 and "CSRF" in response.get_data(as_text=True)
    assert article_count(app) == 0


def test_post_with_real_csrf_token_succeeds(app, client):
    app.config["WTF_CSRF_ENABLED"] = True
    response = client.post("/upload", data={"text": TEXT, "csrf_token": csrf_token(client)})
    assert response.status_code == 302 and article_count(app) == 1


def test_adversarial_html_upload_is_answered_at_once(app, client):
    # 2 MB of "<a<a<a…": one tag name to an HTML5 parser, no text; the stdlib parser spent minutes on it.
    # Encoded here in memory: the test client spools bodies over 500 KB to a file it never closes.
    boundary, body = encode_multipart({"file": FileStorage(io.BytesIO(b"<a" * 1_000_000), "page.html")})
    start = time.thread_time()
    response = client.post("/upload", data=body, content_type=f"multipart/form-data; boundary={boundary}")
    assert time.thread_time() - start < 3.0
    assert response.status_code == 400 and "empty" in response.get_data(as_text=True)
    assert article_count(app) == 0


def test_utf16_file_upload(app, client):
    data = {"file": (io.BytesIO(TEXT.encode("utf-16")), "report.txt")}
    response = client.post("/upload", data=data, content_type="multipart/form-data", follow_redirects=True)
    assert response.status_code == 200 and "إدلب" in response.get_data(as_text=True)


@pytest.mark.parametrize(
    "published, message",
    [
        ("2020-01-01garbage", "Not a valid date"),
        ("2020-1-1", "YYYY-MM-DD"),
        ("1899-12-31", "out of range"),
        ("2999-01-01", "out of range"),
    ],
)
def test_bad_publication_date_is_a_field_error(app, client, published, message):
    response = client.post("/upload", data={"text": TEXT, "published": published})
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and message in page
    assert article_count(app) == 0


@pytest.mark.parametrize("text", ["\u200b", "2020 - 12 - 31 !!!"])
def test_text_without_letters_is_refused(app, client, text):
    response = client.post("/upload", data={"text": text})
    assert response.status_code == 400 and "no letters" in response.get_data(as_text=True)
    assert article_count(app) == 0
