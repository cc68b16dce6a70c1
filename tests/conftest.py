"""Shared fixtures: a fresh app on a temporary SQLite database, its client and CLI runner, ../shared."""

from __future__ import annotations

from pathlib import Path

import pytest
from webapp_rows import tiny_places

from gazetteer import Gazetteer

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="session")
def tiny_gazetteer() -> Gazetteer:
    return Gazetteer(tiny_places())


@pytest.fixture
def app(tmp_path, tiny_gazetteer):
    from webapp import create_app

    app = create_app(
        {
            "TESTING": True,
            "INSTANCE_PATH": str(tmp_path / "instance"),
            "SECRET_KEY": "test",
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'test.db'}",
            "WTF_CSRF_ENABLED": False,
            "REDIS_URL": "",
            "GAZETTEER": tiny_gazetteer,
        }
    )
    yield app
    from webapp.extensions import db

    with app.app_context():
        db.engine.dispose()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The ../shared folder beside the repository; skips the test when it is absent."""
    if not SHARED.is_dir():
        pytest.skip(f"../shared not found: {SHARED} (sample article, gazetteer sources, corpora)")
    return SHARED
