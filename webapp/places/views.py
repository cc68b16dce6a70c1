"""Views of the gazetteer search and place pages."""

from __future__ import annotations

import folium
from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue

from gazetteer import Gazetteer, Place, PlaceNotFound, PlaceType, is_arabic

from ..accounts.access import current_account, may, requires
from ..audit import Actor
from ..errors import NotFound
from ..extensions import gazetteers
from ..maps.folium_local import local_map, render_parts
from ..models import Role
from ..pins import PlaceDraft, pin_place
from ..unresolved import UnresolvedName, unresolved_names
from .search import search_places

bp = Blueprint("places", __name__, url_prefix="/gazetteer")

#: Rows of the unresolved-names page (the CLI takes --limit).
UNRESOLVED_SHOWN = 500
#: Where a pin map opens when the name came with no known container: Syria, whole.
SYRIA_VIEW = (34.8, 38.9, 6)
#: The zoom of a pin map opened on the place the name came with.
CONTAINER_ZOOM = 10
#: The form fields of the pin form passed on to :meth:`webapp.pins.PlaceDraft.from_json`.
PIN_FIELDS = ("name", "name_ar", "lat", "lon", "type", "parent")


@bp.get("/")
def search() -> ResponseReturnValue:
    """Search places by Arabic or English name."""
    query = request.args.get("q", "").strip()
    results = search_places(gazetteers.get(), query) if query else []
    return render_template("places/search.html", query=query, results=results)


@bp.get("/unresolved")
def unresolved() -> ResponseReturnValue:
    """The names articles give to places the gazetteer lacks, with counts (``flask gazetteer unresolved``)."""
    names = unresolved_names(limit=UNRESOLVED_SHOWN)
    can_pin = may(Role.ANALYST)
    views = {n.name: map_view(gazetteers.get(), n) for n in names} if can_pin else {}
    return render_template(
        "places/unresolved.html",
        names=names,
        can_pin=can_pin,
        views=views,
        arabic={n.name for n in names if is_arabic(n.name)},
        place_types=[t.value for t in PlaceType],
        tile_url=current_app.config.get("TILE_URL", ""),
        tile_attribution=current_app.config.get("TILE_ATTRIBUTION", ""),
    )


@bp.post("/unresolved/pin")
@requires(Role.ANALYST)
def pin() -> ResponseReturnValue:
    """Pin one unresolved name from its form (:func:`webapp.pins.pin_place`, ``POST /api/places``'s
    twin); the Arabic name stands for a missing English one, and the spelling the articles use
    is kept as a variant when the names given differ."""
    data: dict[str, object] = {k: request.form[k] for k in PIN_FIELDS if request.form.get(k, "").strip()}
    if "name" not in data and "name_ar" in data:
        data["name"] = data["name_ar"]  # a village known only by its Arabic name
    given = {str(data.get("name", "")).strip(), str(data.get("name_ar", "")).strip()}
    variants = [v for v in request.form.getlist("variant") if v.strip() and v.strip() not in given]
    if variants:
        data["variants"] = variants
    pinned = pin_place(PlaceDraft.from_json(data), Actor.of(current_account()))
    flash("place_pinned", "info")
    return redirect(url_for("places.unresolved", pinned=pinned.row.place_id))


def map_view(gazetteer: Gazetteer, name: UnresolvedName) -> tuple[float, float, int]:
    """Where the pin map of ``name`` opens: at the commonest place it came with that the gazetteer
    knows, else over all Syria (``(lat, lon, zoom)``)."""
    for container in name.containers:
        found = gazetteer.lookup(container)
        if found:
            return found[0].lat, found[0].lon, CONTAINER_ZOOM
    return SYRIA_VIEW


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
