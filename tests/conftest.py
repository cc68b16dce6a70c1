"""Shared fixtures: a fresh app on a temporary SQLite database, its client and CLI runner, ../shared."""

from __future__ import annotations

from pathlib import Path

import pytest

from gazetteer import AdminRef, Gazetteer, Place, PlaceType

SHARED = Path(__file__).resolve().parents[1].parent / "shared"

_IDLIB = AdminRef(1, "Idlib", "إدلب", "SY07")


def tiny_places() -> list[Place]:
    """A handful of real places (public knowledge) for tests that must not depend on the bundled build."""
    return [
        Place("t:idlib", "Idlib", "إدلب", PlaceType.CITY, 35.9306, 36.6339,
              alt_names=("Idleb", "ادلب"), parents=(_IDLIB,), population=165000),
        Place("t:saraqib", "Saraqib", "سراقب", PlaceType.TOWN, 35.8647, 36.8006, parents=(_IDLIB,)),
        Place("t:aleppo", "Aleppo", "حلب", PlaceType.CITY, 36.2021, 37.1343, population=1800000,
              parents=(AdminRef(1, "Aleppo", "حلب", "SY02"),)),
        Place("t:latakia", "Latakia", "اللاذقية", PlaceType.CITY, 35.5317, 35.7906, population=380000,
              parents=(AdminRef(1, "Lattakia", "اللاذقية", "SY06"),)),
        Place("t:m4", "M4 highway", "الطريق الدولي M4", PlaceType.ROAD, 35.87, 36.6, code="M4",
              alt_names=("M4", "طريق M4"),
              geometry={"type": "LineString", "coordinates": [[37.1343, 36.2021], [36.8006, 35.8647],
                                                              [36.6339, 35.9306], [35.7906, 35.5317]]}),
        Place("t:ankara", "Ankara", "أنقرة", PlaceType.FOREIGN_CITY, 39.9334, 32.8597, country="TR",
              population=5000000),
    ]


@pytest.fixture(scope="session")
def tiny_gazetteer() -> Gazetteer:
    return Gazetteer(tiny_places())


@pytest.fixture
def app(tmp_path, tiny_gazetteer):
    from webapp import create_app

    app = create_app(
        {
            "TESTING": True,
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
