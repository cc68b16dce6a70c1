"""Security headers (webapp/security.py): the policy on every response, the map's nonce, the tile host."""

from __future__ import annotations

import html
import re

import pytest

from webapp import create_app
from webapp.errors import ConfigError
from webapp.security import content_security_policy, tile_source

REQUIRED = {
    "default-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
    "style-src": "'self'",
}


def directives(response) -> dict[str, str]:
    policy = response.headers["Content-Security-Policy"]
    return dict(part.strip().split(" ", 1) for part in policy.split(";"))


@pytest.mark.parametrize(
    "path",
    [
        "/upload",
        "/map",
        "/articles",
        "/gazetteer/t:idlib",
        "/articles/999",
        "/%5Cevil.example",
        "/api/incidents",
        "/api/articles/999",
        "/export/incidents.csv",
        "/static/css/app.css",
        "/vendor/leaflet/leaflet.js",
        "/",
    ],
)
def test_every_response_carries_the_headers(client, path):
    with client.get(path) as response:  # closed: static files are streamed from open files
        policy = directives(response)
    for name, value in REQUIRED.items():
        assert policy[name] == value, (path, name)
    assert policy["img-src"].startswith("'self' data:")
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_a_form_post_that_fails_carries_them_too(client):
    response = client.post("/upload", data={"text": ""})
    assert (
        response.status_code == 400
        and "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
    )


def test_pages_without_inline_code_get_no_nonce(client):
    for path in ("/upload", "/articles", "/articles/999", "/login", "/review"):
        response = client.get(path)
        assert directives(response)["script-src"] == "'self'"
        page = response.get_data(as_text=True)
        assert "<script" not in page and "<style" not in page and " style=" not in page


def inline_scripts(page: str) -> list[str]:
    """The opening tags of the inline scripts of ``page``."""
    return re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", page)


def test_the_map_page_runs_only_its_nonced_script(client):
    first, second = client.get("/map"), client.get("/map")
    nonce = re.fullmatch(r"'self' 'nonce-([\w-]{24})'", directives(first)["script-src"]).group(1)
    page = first.get_data(as_text=True)
    assert inline_scripts(page) == [f'<script nonce="{nonce}">']
    assert "<style" not in page and " style=" not in page
    assert nonce not in second.get_data(as_text=True) and nonce not in directives(second)["script-src"]


def test_the_place_map_in_its_srcdoc_uses_the_page_nonce(client):
    response = client.get("/gazetteer/t:idlib")
    nonce = re.search(r"'nonce-([\w-]+)'", directives(response)["script-src"]).group(1)
    srcdoc = html.unescape(re.search(r'srcdoc="([^"]*)"', response.get_data(as_text=True)).group(1))
    assert inline_scripts(srcdoc) == [f'<script nonce="{nonce}">']
    assert "<style" not in srcdoc


@pytest.mark.parametrize(
    "url, source",
    [
        ("https://tile.openstreetmap.org/{z}/{x}/{y}.png", "https://tile.openstreetmap.org"),
        ("https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png", "https://*.tile.openstreetmap.org"),
        ("http://tiles.local:8080/{z}/{x}/{y}.png?key=abc", "http://tiles.local:8080"),
        ("HTTPS://Tiles.Example.org/{z}/{x}/{y}", "https://Tiles.Example.org"),
        ("//tiles.example.org/{z}/{x}/{y}.png", "tiles.example.org"),
        ("/offline-tiles/{z}/{x}/{y}.png", None),
    ],
)
def test_tile_source(url, source):
    assert tile_source(url) == source


@pytest.mark.parametrize(
    "url",
    ["data:image/png;base64,AAAA", "file:///srv/tiles/{z}/{x}/{y}.png", "https://a.{s}.example.org/{z}.png"],
)
def test_a_tile_url_the_policy_cannot_name_stops_the_app(tmp_path, url):
    with pytest.raises(ConfigError, match="TILE_URL"):
        create_app(
            {
                "INSTANCE_PATH": str(tmp_path),
                "SECRET_KEY": "x",
                "SQLALCHEMY_DATABASE_URI": "sqlite://",
                "TILE_URL": url,
            }
        )


def test_the_configured_tile_host_is_allowed_for_images(make_app):
    app = make_app(TILE_URL="https://{s}.tiles.example.org/{z}/{x}/{y}.png")
    policy = directives(app.test_client().get("/map"))
    assert policy["img-src"] == "'self' data: https://*.tiles.example.org"
    assert "tiles.example.org" not in policy["script-src"] + policy["default-src"]


def test_policy_text():
    assert content_security_policy(tiles=None, nonce=None) == (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
    )
