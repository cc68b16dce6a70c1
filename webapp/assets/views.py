"""Leaflet, Leaflet.markercluster and Leaflet.heat served from pip-installed packages, never a CDN."""

from __future__ import annotations

import importlib
from functools import cache
from pathlib import Path

from flask import Blueprint, Response, abort, send_from_directory

bp = Blueprint("assets", __name__, url_prefix="/vendor")

#: URL name → the XStatic module holding the files (its ``BASE_DIR``).
PACKAGES = {
    "leaflet": "xstatic.pkg.leaflet",
    "markercluster": "xstatic.pkg.leaflet_markercluster",
}

#: URL name → (package, folder, the one file served): scripts another package ships.  Folium
#: carries Leaflet.heat for its ``HeatMap`` plugin among its templates; only that file is sent.
SINGLE_FILES = {
    "heat": ("folium", "templates", "leaflet_heat.min.js"),
}


@cache
def package_dir(name: str) -> Path:
    """The folder of a vendored package's files; raises ``KeyError`` for an unknown name."""
    if name in SINGLE_FILES:
        package, folder, _ = SINGLE_FILES[name]
        module = importlib.import_module(package)
        return Path(module.__file__).parent / folder
    module = importlib.import_module(PACKAGES[name])
    return Path(module.BASE_DIR)


@bp.get("/<name>/<path:filename>")
def vendor_file(name: str, filename: str) -> Response:
    """Send one file of a vendored package (long cache: the versions are pinned by pip)."""
    if name in SINGLE_FILES and filename != SINGLE_FILES[name][2]:
        abort(404)
    if name not in PACKAGES and name not in SINGLE_FILES:
        abort(404)
    return send_from_directory(package_dir(name), filename, max_age=86400)
