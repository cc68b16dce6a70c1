"""The app factory, configuration and error rendering (webapp/__init__.py, config.py, errors.py)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from webapp import create_app
from webapp.config import Config
from webapp.errors import ConfigError


def test_factory_uses_top_level_folders_on_a_migrated_database(app):
    assert app.template_folder.endswith("templates")
    assert app.static_folder.endswith("static")
    from sqlalchemy import inspect

    from webapp.extensions import db

    with app.app_context():
        assert {"articles", "sentences", "mentions", "incidents"} <= set(inspect(db.engine).get_table_names())


def test_production_without_secret_refuses_to_start(monkeypatch, tmp_path):
    monkeypatch.setenv("APP_ENV", "production")
    monkeypatch.delenv("SECRET_KEY", raising=False)
    with pytest.raises(ConfigError, match="SECRET_KEY"):
        create_app(
            {
                "INSTANCE_PATH": str(tmp_path / "inst"),
                "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'x.db'}",
            }
        )


def test_production_without_csrf_refuses_to_start(monkeypatch, tmp_path):
    monkeypatch.setenv("APP_ENV", "production")
    monkeypatch.setenv("SECRET_KEY", "set")
    monkeypatch.setenv("WTF_CSRF_ENABLED", "0")
    with pytest.raises(ConfigError, match="CSRF"):
        create_app(
            {
                "INSTANCE_PATH": str(tmp_path / "inst"),
                "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'x.db'}",
            }
        )


@pytest.mark.parametrize("env", ["APP_ENV", "FLASK_ENV"])
def test_production_with_debug_refuses_to_start(monkeypatch, tmp_path, env):
    monkeypatch.setenv(env, "production")
    monkeypatch.setenv("SECRET_KEY", "set")
    monkeypatch.setenv("FLASK_DEBUG", "1")
    with pytest.raises(ConfigError, match="FLASK_DEBUG must be off"):
        create_app({"INSTANCE_PATH": str(tmp_path / "inst"), "SQLALCHEMY_DATABASE_URI": "sqlite://"})


def test_production_with_flask_run_debug_refuses_to_start(monkeypatch, tmp_path):
    from flask.cli import FlaskGroup

    monkeypatch.setenv("APP_ENV", "production")
    monkeypatch.setenv("SECRET_KEY", "set")
    monkeypatch.delenv("FLASK_DEBUG", raising=False)
    config = {"INSTANCE_PATH": str(tmp_path / "inst"), "SQLALCHEMY_DATABASE_URI": "sqlite://"}
    cli = FlaskGroup(create_app=lambda: create_app(config))
    # `flask --debug routes` loads the app as `flask --debug run` does, without serving.
    result = CliRunner().invoke(cli, ["--debug", "routes"])
    assert isinstance(result.exception, ConfigError) and "FLASK_DEBUG" in str(result.exception)


def test_debug_in_development_is_allowed(monkeypatch, tmp_path):
    monkeypatch.setenv("APP_ENV", "development")
    monkeypatch.setenv("FLASK_DEBUG", "1")
    app = create_app({"INSTANCE_PATH": str(tmp_path / "inst"), "SQLALCHEMY_DATABASE_URI": "sqlite://"})
    assert app.debug


def test_development_secret_is_generated_once_and_kept(monkeypatch, tmp_path):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.delenv("APP_ENV", raising=False)
    monkeypatch.delenv("FLASK_ENV", raising=False)
    from webapp.config import resolve_secret_key

    first = resolve_secret_key({"ENV_NAME": "development"}, str(tmp_path))
    second = resolve_secret_key({"ENV_NAME": "development"}, str(tmp_path))
    assert first == second and len(first) == 64
    assert (tmp_path / "secret_key").read_text() == first
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0


def test_config_reads_environment(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgresql+psycopg://u@h/db")
    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:6379/3")
    monkeypatch.setenv("MAX_ARTICLE_CHARS", "1234")
    monkeypatch.setenv("TILE_URL", "http://tiles.local/{z}/{x}/{y}.png")
    cfg = Config().as_dict()
    assert cfg["SQLALCHEMY_DATABASE_URI"] == "postgresql+psycopg://u@h/db"
    assert cfg["REDIS_URL"] == "redis://127.0.0.1:6379/3"
    assert cfg["MAX_ARTICLE_CHARS"] == 1234
    assert cfg["TILE_URL"] == "http://tiles.local/{z}/{x}/{y}.png"


def test_default_database_is_sqlite_in_instance_folder(monkeypatch, tmp_path):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.delenv("APP_ENV", raising=False)
    monkeypatch.delenv("FLASK_ENV", raising=False)
    app = create_app({"INSTANCE_PATH": str(tmp_path / "instance")})
    try:
        assert app.config["SQLALCHEMY_DATABASE_URI"] == f"sqlite:///{tmp_path / 'instance' / 'incidents.db'}"
        assert (tmp_path / "instance" / "secret_key").exists()
        # The schema is made by the migrations, never at start; until then pages say what to run.
        page = app.test_client().get("/articles")
        assert page.status_code == 503 and b"db upgrade" in page.data
        result = app.test_cli_runner().invoke(args=["db", "upgrade"])
        assert result.exit_code == 0, result.output
        assert (tmp_path / "instance" / "incidents.db").exists()
        assert app.test_client().get("/articles").status_code == 200
    finally:
        from webapp.extensions import db

        with app.app_context():
            db.engine.dispose()


def test_not_found_is_html_for_pages_and_json_for_api(client):
    page = client.get("/articles/999")
    assert page.status_code == 404 and b"<html" in page.data
    api = client.get("/api/articles/999")
    assert api.status_code == 404 and api.is_json and "error" in api.get_json()


def test_root_redirects_to_map(client):
    response = client.get("/")
    assert response.status_code == 302 and response.headers["Location"].endswith("/map")


def test_first_request_warms_the_gazetteer_up_in_the_background(app, client, monkeypatch, tiny_gazetteer):
    import threading

    import gazetteer.places.bundled
    from webapp.extensions import gazetteers

    loaded = threading.Event()

    def fake_default(path=None):
        loaded.set()
        return tiny_gazetteer

    # Stands in for the slow offline build; what is tested is who calls it and when.
    monkeypatch.setattr(gazetteer.places.bundled, "default_gazetteer", fake_default)
    app.extensions["gazetteer"].update(base=None, instance=None)  # no ready gazetteer: load the default
    client.get("/upload")
    assert loaded.wait(60)  # a bound, not a timing: the thread starts at once, but CI may be loaded
    with app.app_context():
        assert gazetteers.get() is tiny_gazetteer


def test_session_cookie_stays_off_cross_site_posts(client):
    response = client.get("/upload?lang=ar")
    cookie = response.headers.get("Set-Cookie", "")
    assert "session=" in cookie and "SameSite=Lax" in cookie and "HttpOnly" in cookie


HOSTILE_PATHS = [
    "/%5Cevil.example",
    "/%5C%5Cevil.example",
    "/%2F%2Fevil.example",
    "/%2F%5Cevil.example/x",
    "/\\evil.example",
    "/gazetteer/%5Cevil.example",
    "/articles/999?next=//evil.example",
    "/map?_external=1&_scheme=javascript&_anchor=x",
]
PAGES = ["/map", "/upload", "/articles", "/incidents", "/gazetteer/?q=idlib", "/gazetteer/t:idlib"]


def links(page: str) -> list[str]:
    """Every href, src, action and formaction in ``page``, and in the documents of its srcdoc iframes."""
    import lxml.html

    tree = lxml.html.document_fromstring(page)
    found = tree.xpath("//@href | //@src | //@action | //@formaction")
    for doc in tree.xpath("//iframe/@srcdoc"):
        found += links(doc)
    return [str(url) for url in found]


def leaves_the_site(url: str) -> bool:
    # What a browser does first: drop tabs and newlines anywhere and blanks at the ends, and
    # read a backslash as a slash; "//host" and "/\\host" then name another site.
    cleaned = "".join(c for c in url if c not in "\t\n\r").strip("\x00- ").replace("\\", "/")
    return cleaned.startswith("//")


@pytest.mark.parametrize("path", HOSTILE_PATHS + PAGES)
@pytest.mark.parametrize("lang", ["en", "ar"])
def test_no_link_on_any_page_leads_off_the_site(client, path, lang):
    client.get(f"/upload?lang={lang}")  # the session keeps the language
    response = client.get(path)
    assert response.status_code in (200, 404), path
    urls = links(response.get_data(as_text=True))
    switch = [u for u in urls if "lang=" in u]
    assert switch, "the page has a language switch"
    assert [u for u in urls if leaves_the_site(u)] == []
    assert not leaves_the_site(response.headers.get("Location", ""))


def test_language_switch_on_a_404_stays_on_the_page(client):
    page = client.get("/%5Cevil.example?x=1").get_data(as_text=True)
    assert 'class="lang-switch" href="?x=1&amp;lang=ar"' in page


def test_preloading_sets_the_gazetteer_aside_from_the_garbage_collector(app, tiny_gazetteer):
    """A server that forks workers preloads the gazetteer: its objects are frozen (gc.freeze)."""
    import gc

    from webapp.extensions import gazetteers

    gc.unfreeze()
    try:
        assert gazetteers.preload(app) is tiny_gazetteer
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()  # the other tests' objects stay collectable
