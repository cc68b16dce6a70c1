"""Who may do what (webapp/accounts/access.py): open mode, writes with accounts, tokens, CSRF, PRIVATE."""

from __future__ import annotations

import pytest
from accounts_helpers import add_user, page_csrf_token, sign_in, token_for
from sqlalchemy import func, select

from webapp.extensions import db
from webapp.models import Article

TEXT = "قصفت الطائرات الروسية مدينة إدلب اليوم الأحد."


def article_count(app) -> int:  # noqa: ANN001
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(Article))


def test_without_accounts_the_app_runs_open_and_every_page_says_so(app, client):
    for path in ("/map", "/articles", "/upload", "/gazetteer/", "/login"):
        page = client.get(path).get_data(as_text=True)
        assert 'class="open-mode"' in page and "users create NAME --role admin" in page, path
    assert client.post("/upload", data={"text": TEXT}).status_code == 302
    assert client.post("/api/articles", json={"text": TEXT + " ثم"}).status_code == 201
    assert article_count(app) == 2


def test_the_banner_speaks_arabic_too(client):
    page = client.get("/map?lang=ar").get_data(as_text=True)
    assert "وضع مفتوح" in page and 'dir="rtl"' in page


def test_once_an_account_exists_the_banner_goes_and_a_sign_in_link_comes(app, client):
    add_user(app, "admin", "admin")
    page = client.get("/articles").get_data(as_text=True)
    assert 'class="open-mode"' not in page and 'href="/login?next=/articles"' in page


@pytest.mark.parametrize("role", [None, "viewer"])
def test_anonymous_and_viewer_writes_are_refused_through_the_form(app, client, role):
    add_user(app, "rana", "analyst")
    if role:
        add_user(app, "vera", role)
        assert sign_in(client, "vera").status_code == 302
    response = client.post("/upload", data={"text": TEXT})
    assert response.status_code == (403 if role else 401)
    assert article_count(app) == 0


@pytest.mark.parametrize("role", [None, "viewer"])
def test_anonymous_and_viewer_writes_are_refused_through_the_api(app, client, role):
    add_user(app, "rana", "analyst")
    headers = {}
    if role:
        add_user(app, "vera", role)
        headers["Authorization"] = f"Bearer {token_for(app, 'vera')}"
    response = client.post("/api/articles", json={"text": TEXT}, headers=headers)
    assert response.status_code == (403 if role else 401)
    assert set(response.get_json()) == {"error"}
    assert ("viewer" in response.get_json()["error"]) == bool(role)
    assert article_count(app) == 0


def test_an_unknown_token_is_401_even_with_a_signed_in_session(app, client):
    add_user(app, "rana", "analyst")
    sign_in(client, "rana")
    response = client.post("/api/articles", json={"text": TEXT}, headers={"Authorization": "Bearer nope"})
    assert response.status_code == 401 and "token" in response.get_json()["error"]
    assert article_count(app) == 0


@pytest.mark.parametrize("role", ["analyst", "admin"])
def test_analysts_and_admins_write_through_the_form_and_the_api(app, client, role):
    add_user(app, "rana", role)
    token = token_for(app, "rana")
    response = client.post("/api/articles", json={"text": TEXT}, headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 201
    assert sign_in(client, "rana").status_code == 302
    assert client.post("/upload", data={"text": TEXT + " ثم"}).status_code == 302
    assert article_count(app) == 2


def test_a_disabled_account_is_signed_out_at_its_next_request(app, client, runner):
    add_user(app, "rana", "analyst")
    sign_in(client, "rana")
    assert runner.invoke(args=["users", "disable", "rana"]).exit_code == 0
    assert client.post("/upload", data={"text": TEXT}).status_code == 401


def test_the_upload_form_sends_anonymous_people_to_sign_in(app, client):
    add_user(app, "rana", "analyst")
    response = client.get("/upload?lang=ar")
    assert response.status_code == 302 and response.headers["Location"] == "/login?next=/upload?lang%3Dar"


@pytest.fixture
def csrf_app(make_app):
    return make_app(WTF_CSRF_ENABLED=True)


def test_a_session_api_write_needs_the_csrf_token_and_a_bearer_one_does_not(csrf_app):
    add_user(csrf_app, "rana", "analyst")
    token = token_for(csrf_app, "rana")
    client = csrf_app.test_client()
    assert sign_in(client, "rana").status_code == 302
    refused = client.post("/api/articles", json={"text": TEXT})
    assert refused.status_code == 400 and "CSRF" in refused.get_json()["error"]
    csrf = page_csrf_token(client, "/upload")
    assert client.post("/api/articles", json={"text": TEXT}, headers={"X-CSRFToken": csrf}).status_code == 201
    bearer = csrf_app.test_client()  # no session, no CSRF token
    response = bearer.post(
        "/api/articles", json={"text": TEXT + " ثم"}, headers={"Authorization": f"Bearer {token}"}
    )
    assert response.status_code == 201


def test_an_anonymous_form_post_is_401_before_any_csrf_check(csrf_app):
    add_user(csrf_app, "rana", "analyst")
    response = csrf_app.test_client().post("/upload", data={"text": TEXT})
    assert response.status_code == 401


def test_open_mode_api_writes_need_no_csrf_token_as_before(csrf_app):
    assert csrf_app.test_client().post("/api/articles", json={"text": TEXT}).status_code == 201


@pytest.fixture
def private_app(make_app):
    return make_app(PRIVATE=True)


def test_private_reading_needs_an_account_once_one_exists(private_app):
    client = private_app.test_client()
    assert client.get("/articles").status_code == 200  # open mode: PRIVATE waits for the first account
    add_user(private_app, "vera", "viewer")
    assert client.get("/articles").headers["Location"] == "/login?next=/articles"
    api = client.get("/api/incidents")
    assert api.status_code == 401 and set(api.get_json()) == {"error"}
    assert client.get("/login").status_code == 200
    with client.get("/static/css/app.css") as response:
        assert response.status_code == 200
    sign_in(client, "vera")
    assert client.get("/articles").status_code == 200 and client.get("/api/incidents").status_code == 200
    token = token_for(private_app, "vera")
    other = private_app.test_client()
    assert other.get("/api/incidents", headers={"Authorization": f"Bearer {token}"}).status_code == 200


def test_reading_stays_public_without_private(app, client):
    add_user(app, "rana", "analyst")
    for path in ("/map", "/articles", "/incidents", "/api/incidents", "/gazetteer/"):
        assert client.get(path).status_code == 200, path


def test_the_map_lets_only_writers_drag_markers(app, client):
    assert '"edit": {"csrf": ' in client.get("/map").get_data(as_text=True)  # open mode
    add_user(app, "vera", "viewer")
    add_user(app, "rana", "analyst")
    assert '"edit": null' in client.get("/map").get_data(as_text=True)
    sign_in(client, "vera")
    assert '"edit": null' in client.get("/map").get_data(as_text=True)
    other = app.test_client()
    sign_in(other, "rana")
    assert '"url": "/api/incidents/0"' in other.get("/map").get_data(as_text=True)
