"""The Flask web app: upload articles, browse their incidents on a map, query the JSON API.

``create_app`` is the one place where the parts are wired; read it as a table of contents.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from flask import Flask

from . import accounts, database, i18n, jsonprovider, ratelimit, security
from .config import Config, check_production, resolve_secret_key
from .errorpages import register_errorhandlers
from .extensions import csrf, gazetteers

ROOT = Path(__file__).resolve().parent.parent


def create_app(config: dict[str, Any] | None = None) -> Flask:
    """Build the app: environment settings, then ``config`` overrides (tests), then the parts.

    ``config["INSTANCE_PATH"]`` (absolute) moves the instance folder (SQLite file, dev secret).

    Raises :class:`webapp.errors.ConfigError` when production settings are unsafe.
    """
    app = Flask(
        __name__,
        instance_path=(config or {}).get("INSTANCE_PATH"),
        instance_relative_config=True,
        template_folder=str(ROOT / "templates"),
        static_folder=str(ROOT / "static"),
    )
    app.config.update(Config().as_dict())
    if config:
        app.config.update(config)
    os.makedirs(app.instance_path, exist_ok=True)
    app.config["SECRET_KEY"] = resolve_secret_key(app.config, app.instance_path)
    check_production(app.config)
    if not app.config.get("SQLALCHEMY_DATABASE_URI"):
        app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite:///" + os.path.join(app.instance_path, "incidents.db")

    register_extensions(app)
    register_converters(app)
    register_blueprints(app)
    register_errorhandlers(app)
    register_commands(app)
    return app


def register_extensions(app: Flask) -> None:
    """Bind safe JSON, security headers, the database and migrations, rate limits, the language,
    accounts, CSRF and the gazetteer.

    The order is the order of their checks before a view: the schema, the rate limits, then who
    may do what (so an anonymous write is 401 whatever its CSRF token), then CSRF.
    """
    jsonprovider.init_app(app)
    security.init_app(app)
    database.init_app(app)
    ratelimit.init_app(app)
    i18n.init_app(app)
    accounts.init_app(app)
    csrf.init_app(app)
    gazetteers.init_app(app)


def register_converters(app: Flask) -> None:
    """Bound ``<int:…>`` route parameters to what the database can hold (before any route is added)."""
    from .params import IdConverter

    app.url_map.converters["int"] = IdConverter


def register_blueprints(app: Flask) -> None:
    """Mount the pages, the JSON API and its OpenAPI document, the local map assets and ``/healthz``."""
    from .accounts import bp as accounts_bp
    from .api import bp as api_bp
    from .articles import bp as articles_bp
    from .assets import bp as assets_bp
    from .browse import bp as browse_bp
    from .exports import bp as exports_bp
    from .feeds import bp as feeds_bp
    from .health import bp as health_bp
    from .incidents import bp as incidents_bp
    from .jobs import bp as jobs_bp
    from .mapdata import bp as mapdata_bp
    from .maps import bp as maps_bp
    from .openapi import bp as openapi_bp
    from .places import bp as places_bp
    from .review import bp as review_bp

    app.register_blueprint(accounts_bp)
    app.register_blueprint(articles_bp)
    app.register_blueprint(maps_bp)
    app.register_blueprint(places_bp)
    app.register_blueprint(assets_bp)
    app.register_blueprint(browse_bp)
    app.register_blueprint(exports_bp)
    app.register_blueprint(mapdata_bp)
    app.register_blueprint(review_bp)
    app.register_blueprint(incidents_bp)
    app.register_blueprint(jobs_bp)
    app.register_blueprint(health_bp)
    app.register_blueprint(feeds_bp)
    app.register_blueprint(openapi_bp)
    # A bearer token cannot ride on a cross-site post; webapp.accounts.access asks a
    # session-authenticated API write for its CSRF token (X-CSRFToken) instead.
    csrf.exempt(api_bp)
    app.register_blueprint(api_bp)


def register_commands(app: Flask) -> None:
    """Add ``flask init-db``, ``ingest``, ``jobs …``, ``worker``, ``export``, ``gazetteer …``,
    ``users …``, ``incidents set``, ``seed``, ``bench-map``."""
    from .accounts.cli import users_cli
    from .bench_map import bench_map_command
    from .cli import register
    from .feeds.cli import feeds_cli
    from .jobs.cli import ingest_command, jobs_cli
    from .review.cli import incidents_cli
    from .seed import seed_command

    register(app)
    app.cli.add_command(ingest_command)
    app.cli.add_command(jobs_cli)
    app.cli.add_command(users_cli)
    app.cli.add_command(incidents_cli)
    app.cli.add_command(feeds_cli)
    app.cli.add_command(seed_command)
    app.cli.add_command(bench_map_command)
