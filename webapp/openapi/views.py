"""``/api/openapi.json``, and ``/api/docs``: Swagger UI from local files reading that document."""

from __future__ import annotations

from pathlib import Path

from flask import Blueprint, Response, abort, current_app, jsonify, render_template, send_from_directory
from flask.typing import ResponseReturnValue
from swagger_ui_bundle import swagger_ui_path

from .spec import build_spec

bp = Blueprint("openapi", __name__, url_prefix="/api")

#: The files of Swagger UI the docs page loads (the package ships more: maps, other bundles).
ASSETS = frozenset({"swagger-ui.css", "swagger-ui-bundle.js", "favicon-32x32.png"})


@bp.get("/openapi.json")
def document() -> ResponseReturnValue:
    """The OpenAPI document of this app, built once per process (the routes do not change)."""
    spec = current_app.extensions.get("openapi_spec")
    if spec is None:
        spec = current_app.extensions["openapi_spec"] = build_spec(current_app)
    return jsonify(spec)


@bp.get("/docs")
def docs() -> ResponseReturnValue:
    """The API's documentation page: Swagger UI reading ``/api/openapi.json``."""
    return render_template("api/docs.html")


@bp.get("/docs/<filename>")
def asset(filename: str) -> Response:
    """One file of Swagger UI (long cache: pip pins the version)."""
    if filename not in ASSETS:
        abort(404)
    return send_from_directory(Path(swagger_ui_path), filename, max_age=86400)
