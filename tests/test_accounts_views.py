"""Signing in and out (webapp/accounts/views.py): both languages, failures logged, no passwords, cookies."""

from __future__ import annotations

import logging

import pytest
from accounts_helpers import PASSWORD, add_user, page_csrf_token, sign_in


def test_the_sign_in_page_speaks_both_languages(client):
    english = client.get("/login").get_data(as_text=True)
    assert 'dir="ltr"' in english and "User name" in english and "Password" in english
    arabic = client.get("/login?lang=ar").get_data(as_text=True)
    assert 'dir="rtl"' in arabic and "اسم المستخدم" in arabic and "كلمة المرور" in arabic
    assert 'name="name"' in arabic and 'dir="auto"' in arabic


def test_signing_in_returns_to_the_page_asked_for_and_shows_the_account(app, client):
    add_user(app, "رنا", "analyst")
    response = client.post("/login", data={"name": "رنا", "password": PASSWORD, "next": "/articles"})
    assert response.status_code == 302 and response.headers["Location"] == "/articles"
    page = client.get("/articles?lang=ar").get_data(as_text=True)
    assert "<bdi>رنا</bdi> (محلل)" in page and "تسجيل الخروج" in page


@pytest.mark.parametrize(
    "target", ["//evil.example/x", "https://evil.example/", "/\\evil.example", "javascript:x"]
)
def test_signing_in_never_leads_to_another_site(app, client, target):
    add_user(app, "rana", "analyst")
    response = client.post("/login", data={"name": "rana", "password": PASSWORD, "next": target})
    assert response.status_code == 302 and response.headers["Location"] == "/map"


def test_a_failure_is_logged_with_the_name_never_the_password(app, client, caplog):
    add_user(app, "rana", "analyst")
    with caplog.at_level(logging.INFO):
        response = client.post("/login?lang=ar", data={"name": "rana", "password": "wrong password!"})
    assert response.status_code == 401
    assert "غير صحيحة" in response.get_data(as_text=True)
    assert any("sign-in failed" in r.getMessage() and "rana" in r.getMessage() for r in caplog.records)
    assert all("wrong password!" not in r.getMessage() for r in caplog.records)
    with caplog.at_level(logging.INFO):
        sign_in(client, "rana")
    assert all(PASSWORD not in r.getMessage() for r in caplog.records)


def test_a_disabled_account_cannot_sign_in(app, client, runner):
    add_user(app, "rana", "analyst")
    runner.invoke(args=["users", "disable", "rana"])
    assert sign_in(client, "rana").status_code == 401


def test_the_session_cookie_is_httponly_and_samesite_lax(app, client):
    add_user(app, "rana", "analyst")
    cookie = sign_in(client, "rana").headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Secure" not in cookie


def test_in_production_the_session_cookie_is_secure(make_app, monkeypatch):
    monkeypatch.setenv("APP_ENV", "production")
    app = make_app(WTF_CSRF_ENABLED=True)
    assert app.config["SESSION_COOKIE_SECURE"] is True
    add_user(app, "rana", "analyst")
    client = app.test_client()
    cookie = sign_in(client, "rana").headers["Set-Cookie"]
    assert "Secure" in cookie


def test_signing_out_is_a_post_with_the_csrf_token(make_app):
    app = make_app(WTF_CSRF_ENABLED=True)
    add_user(app, "rana", "analyst")
    client = app.test_client()
    assert sign_in(client, "rana").status_code == 302
    assert client.get("/logout").status_code == 405
    client.post("/logout", data={})  # no token: still signed in
    assert client.get("/upload").status_code == 200
    client.post("/logout", data={"csrf_token": page_csrf_token(client, "/upload")})
    assert client.get("/upload").status_code == 302


def test_signing_in_keeps_the_interface_language(app, client):
    add_user(app, "rana", "analyst")
    client.get("/map?lang=ar")
    sign_in(client, "rana")
    assert 'dir="rtl"' in client.get("/articles").get_data(as_text=True)
