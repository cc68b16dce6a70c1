"""Schemathesis drives every operation of /api/openapi.json against the app (in process, WSGI).

Each operation gets up to 200 generated requests, valid and invalid, on a fresh database
(SQLite, and PostgreSQL when ``TEST_DATABASE_URL`` names a server) holding real ingested
articles, synthetic incidents and a batch job, with an analyst's API token so the writes run
too.  Every response must be no server error, have a status the document lists, a content
type it lists and a body that conforms to the document's schema for that status.

Hypothesis is derandomized, so a run is repeatable.  Links (``{"url": …}``) are never
fetched: name resolution is refused in this test, so the app answers them with its 400.
``pytest -m "not fuzz"`` leaves this module out.
"""

from __future__ import annotations

import socket
import tempfile

import pytest
import schemathesis
from accounts_helpers import add_user, token_for
from databases import postgresql_database
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from webapp import create_app
from webapp.article_input import ArticleInput
from webapp.extensions import db
from webapp.ingest import ingest_article
from webapp.jobs.batch import create_batch
from webapp.jobs.reader import ItemDraft
from webapp.openapi import build_spec
from webapp.seed import seed

pytestmark = pytest.mark.fuzz

MAX_EXAMPLES = 200
ARTICLES = (
    {
        "text": "Russian jets struck Idlib on Sunday, killing three civilians.",
        "title": "Strike on Idlib",
        "published": "2020-09-20",
        "source_url": "https://news.example.org/idlib",
        "language": "en",
    },
    {"text": "قصفت طائرات حربية مدينة إدلب صباح اليوم.", "title": "قصف إدلب", "language": "ar"},
)


def _no_name_resolution(*args: object, **kwargs: object) -> list[object]:
    raise socket.gaierror(socket.EAI_NONAME, "name resolution is off in this test")


def filled(app):  # noqa: ANN001, ANN201 - a Flask app
    """``app`` with an analyst's token (accounts exist, so writes need it), ingested articles,
    synthetic incidents and a batch job; name resolution refused for the test's duration."""
    add_user(app, "fuzzer", "analyst")
    app.config["FUZZ_TOKEN"] = token_for(app, "fuzzer")
    with app.app_context():
        for article in ARTICLES:
            ingest_article(ArticleInput.from_dict(article))
        seed(40, seed=7)
        create_batch([ItemDraft("one.txt", {"text": "Shelling hit Idlib."})], "fuzz.jsonl")
        db.session.remove()
    return app


@pytest.fixture
def fuzzed_app(make_app, monkeypatch):
    """The app on SQLite (the embedded default), filled."""
    monkeypatch.setattr(socket, "getaddrinfo", _no_name_resolution)
    return filled(make_app(RATELIMIT_ENABLED=False))


@pytest.fixture
def fuzzed_pg_app(make_app, monkeypatch, tmp_path):
    """The app on a throw-away PostgreSQL database (TEST_DATABASE_URL), filled."""
    with postgresql_database(migrated=True, instance_path=tmp_path / "pg") as url:
        app = make_app(RATELIMIT_ENABLED=False, SQLALCHEMY_DATABASE_URI=url)
        # Resolution is refused only now: the database's own host name had to resolve.
        monkeypatch.setattr(socket, "getaddrinfo", _no_name_resolution)
        yield filled(app)
        monkeypatch.undo()
        with app.app_context():
            db.engine.dispose()


def _document() -> dict[str, object]:
    # The routes do not depend on the configuration: any app gives the document.
    with tempfile.TemporaryDirectory(prefix="openapi-fuzz-") as folder:
        return build_spec(create_app({"TESTING": True, "INSTANCE_PATH": folder, "SECRET_KEY": "fuzz"}))


# Loaded at import, not from a fixture: schemathesis' from_fixture does not run under pytest 9.2.
schema = schemathesis.openapi.from_dict(_document())
#: Ids below this exist in the fuzzed database (or just past it).
KNOWN_IDS = 16


@schema.hook
def map_path_parameters(context, path_parameters: dict[str, object] | None) -> dict[str, object] | None:
    """Send every other generated id to a row that exists, so views get past their 404."""
    if path_parameters is None:  # an operation without path parameters
        return None
    return {
        name: value // 2 % KNOWN_IDS if isinstance(value, int) and value % 2 else value
        for name, value in path_parameters.items()
    }


SETTINGS = settings(
    max_examples=MAX_EXAMPLES,
    derandomize=True,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


def call_and_validate(case, app) -> None:  # noqa: ANN001 - a schemathesis Case, a Flask app
    """Send ``case`` to ``app`` with the analyst's token and run the checks on the response."""
    case.call_and_validate(
        app=app, headers={"Authorization": f"Bearer {app.config['FUZZ_TOKEN']}"}, checks=CHECKS
    )


@schema.parametrize()
@SETTINGS
def test_every_operation_conforms_to_the_document(case, fuzzed_app):
    call_and_validate(case, fuzzed_app)


@pytest.mark.services
@schema.parametrize()
@SETTINGS
def test_every_operation_conforms_on_postgresql(case, fuzzed_pg_app):
    call_and_validate(case, fuzzed_pg_app)
