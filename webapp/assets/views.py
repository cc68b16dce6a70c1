"""Leaflet and Leaflet.markercluster served from their pip-installed XStatic packages, never a CDN."""

from __future__ import annotations

import importlib
from functools import cache
from pathlib import Path

from flask import Blueprint, Response, abort, send_from_directory

bp = Blueprint("assets", __name__, url_prefix="/vendor")

#: URL name → the XStatic module holding the files.
PACKAGES = {
    "leaflet": "xstatic.pkg.leaflet",
    "markercluster": "xstatic.pkg.leaflet_markercluster",
}


@cache
def package_dir(name: str) -> Path:
    """The folder of an XStatic package's files; raises ``KeyError`` for an unknown name."""
    module = importlib.import_module(PACKAGES[name])
    return Path(module.BASE_DIR)


@bp.get("/<name>/<path:filename>")
def vendor_file(name: str, filename: str) -> Response:
    """Send one file of a vendored package (long cache: the versions are pinned by pip)."""
    if name not in PACKAGES:
        abort(404)
    return send_from_directory(package_dir(name), filename, max_age=86400)
