"""Folium maps whose Leaflet assets come from this app instead of CDNs."""

from __future__ import annotations

from typing import Any

import folium
from flask import current_app, url_for

#: Syria's rough centre and a zoom that shows the whole country.
SYRIA_CENTRE = (35.0, 38.5)
SYRIA_ZOOM = 7


def local_js(*extra: tuple[str, str]) -> list[tuple[str, str]]:
    """Leaflet's JS from the vendored package, then ``extra`` (name, url) pairs."""
    return [("leaflet", url_for("assets.vendor_file", name="leaflet", filename="leaflet.js")), *extra]


def local_css(*extra: tuple[str, str]) -> list[tuple[str, str]]:
    """Leaflet's CSS from the vendored package, then ``extra`` (name, url) pairs."""
    return [("leaflet_css", url_for("assets.vendor_file", name="leaflet", filename="leaflet.css")), *extra]


def local_map(
    *,
    location: tuple[float, float] = SYRIA_CENTRE,
    zoom_start: int = SYRIA_ZOOM,
    js: list[tuple[str, str]] | None = None,
    css: list[tuple[str, str]] | None = None,
    **kwargs: Any,
) -> folium.Map:
    """A Folium map with the configured tile layer and local Leaflet assets only.

    Folium's defaults also pull jQuery, Bootstrap and awesome-markers from
    CDNs; this map needs none of them, so the instance's asset lists replace
    the class defaults and the page requests nothing off the machine but tiles.
    """
    fmap = folium.Map(location=location, zoom_start=zoom_start, tiles=None, control_scale=True, **kwargs)
    fmap.default_js = js if js is not None else local_js()
    fmap.default_css = css if css is not None else local_css()
    folium.TileLayer(
        tiles=current_app.config["TILE_URL"],
        attr=current_app.config["TILE_ATTRIBUTION"],
        name="tiles",
        control=False,
    ).add_to(fmap)
    return fmap
