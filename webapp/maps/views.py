"""Views of the map page."""

from __future__ import annotations

from flask import Blueprint, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from .build import build_map_page

bp = Blueprint("maps", __name__)


@bp.get("/")
def index() -> Response:
    """Send visitors to the map."""
    return redirect(url_for("maps.map_page"))


@bp.get("/favicon.ico")
def favicon() -> Response:
    """Answer browsers' automatic icon request with the app's icon."""
    return redirect(url_for("static", filename="favicon.svg"), code=301)


@bp.get("/map")
def map_page() -> str:
    """Render the map page; the browser fetches the incidents from the API."""
    page = build_map_page(
        query=request.query_string.decode("ascii", "ignore"), incident_arg=request.args.get("incident")
    )
    return render_template("maps/map.html", figure=page.figure, options=page.options)
