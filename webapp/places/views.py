"""Views of the gazetteer search and place pages."""

from __future__ import annotations

import folium
from flask import Blueprint, render_template, request
from flask.typing import ResponseReturnValue

from gazetteer import Place, PlaceNotFound

from ..errors import NotFound
from ..extensions import gazetteers
from ..maps.folium_local import local_map, render_parts
from ..unresolved import unresolved_names
from .search import search_places

bp = Blueprint("places", __name__, url_prefix="/gazetteer")

#: Rows of the unresolved-names page (the CLI takes --limit).
UNRESOLVED_SHOWN = 500


@bp.get("/")
def search() -> ResponseReturnValue:
    """Search places by Arabic or English name."""
    query = request.args.get("q", "").strip()
    results = search_places(gazetteers.get(), query) if query else []
    return render_template("places/search.html", query=query, results=results)


@bp.get("/unresolved")
def unresolved() -> ResponseReturnValue:
    """The names articles give to places the gazetteer lacks, with counts (``flask gazetteer unresolved``)."""
    return render_template("places/unresolved.html", names=unresolved_names(limit=UNRESOLVED_SHOWN))


@bp.get("/<path:place_id>")
def show(place_id: str) -> ResponseReturnValue:
    """One place: names, type, parents, source and licence, and a small map of its geometry."""
    try:
        place = gazetteers.get().get(place_id)
    except PlaceNotFound:
        raise NotFound.resource("place", place_id) from None
    return render_template("places/show.html", place=place, map_html=place_map(place))


def place_map(place: Place) -> str:
    """A small Folium page of the place (its line or polygon when it has one), for an iframe ``srcdoc``.

    Its script carries this request's CSP nonce, so put it in this request's page.
    """
    fmap = local_map(location=(place.lat, place.lon), zoom_start=10 if place.geometry else 12)
    if place.geometry:
        layer = folium.GeoJson(
            {"type": "Feature", "geometry": place.geometry, "properties": {}}, name=place.name
        )
        layer.add_to(fmap)
        fmap.fit_bounds(layer.get_bounds())
    folium.CircleMarker((place.lat, place.lon), radius=6, color="#c0392b", fill=True).add_to(fmap)
    return render_template("maps/figure.html", figure=render_parts(fmap))
