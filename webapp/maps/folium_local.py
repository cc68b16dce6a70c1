"""Folium maps whose Leaflet assets come from this app instead of CDNs, rendered into the app's templates.

Folium writes a map as three parts: links to its scripts and styles (the page's head),
the map's ``<div>`` (the body) and the Leaflet set-up (one inline script).
:func:`render_parts` hands those parts to a template, which places them in a page and
puts the set-up under the request's CSP nonce (see :mod:`webapp.security`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import folium
from flask import current_app, url_for
from markupsafe import Markup

#: Syria's rough centre and a zoom that shows the whole country.
SYRIA_CENTRE = (35.0, 38.5)
SYRIA_ZOOM = 7


@dataclass(frozen=True, slots=True)
class MapParts:
    """A rendered Folium map, part by part, for a template.

    ``header`` holds the ``<script src>`` and ``<link>`` elements of its assets, ``html`` the
    map's ``<div>``, ``script`` the Leaflet set-up (for one ``<script nonce=…>``), and
    ``name`` the JavaScript variable that holds the Leaflet map once the set-up has run.
    """

    header: Markup
    html: Markup
    script: Markup
    name: str


class LocalMap(folium.Map):
    """A ``folium.Map`` without the inline ``<style>`` and ``<script>`` Folium puts in the page header.

    The styles size the map (``static/css/folium.css`` does that instead); the script sets
    ``L_NO_TOUCH`` and ``L_DISABLE_3D`` to false, which is Leaflet's default anyway.  The
    ``<meta http-equiv>`` charset is dropped too: the templates declare the page's charset.
    """

    def render(self, **kwargs: Any) -> None:
        super().render(**kwargs)
        header = self.get_root().header
        header._children.pop(self.get_name(), None)
        header._children.pop("meta_http", None)


def local_js(*extra: tuple[str, str]) -> list[tuple[str, str]]:
    """Leaflet's JS from the vendored package, then ``extra`` (name, url) pairs."""
    return [("leaflet", url_for("assets.vendor_file", name="leaflet", filename="leaflet.js")), *extra]


def local_css(*extra: tuple[str, str]) -> list[tuple[str, str]]:
    """Leaflet's CSS from the vendored package and the map's page sizing, then ``extra`` (name, url) pairs."""
    return [
        ("leaflet_css", url_for("assets.vendor_file", name="leaflet", filename="leaflet.css")),
        ("folium_css", url_for("static", filename="css/folium.css")),
        *extra,
    ]


def local_map(
    *,
    location: tuple[float, float] = SYRIA_CENTRE,
    zoom_start: int = SYRIA_ZOOM,
    js: list[tuple[str, str]] | None = None,
    css: list[tuple[str, str]] | None = None,
    **kwargs: Any,
) -> folium.Map:
    """A full-page Folium map with the configured tile layer and local Leaflet assets only.

    Folium's defaults also pull jQuery, Bootstrap and awesome-markers from
    CDNs; this map needs none of them, so the instance's asset lists replace
    the class defaults and the page requests nothing off the machine but tiles.
    """
    fmap = LocalMap(location=location, zoom_start=zoom_start, tiles=None, control_scale=True, **kwargs)
    fmap.default_js = js if js is not None else local_js()
    fmap.default_css = css if css is not None else local_css()
    folium.TileLayer(
        tiles=current_app.config["TILE_URL"],
        attr=current_app.config["TILE_ATTRIBUTION"],
        name="tiles",
        control=False,
    ).add_to(fmap)
    return fmap


def render_parts(fmap: folium.Map) -> MapParts:
    """Render ``fmap`` and return its parts for a template (``templates/maps/``)."""
    root = fmap.get_root()
    root.render()  # every element writes itself into the figure's header, html and script
    return MapParts(
        header=Markup(root.header.render()),
        html=Markup(root.html.render()),
        script=Markup(root.script.render()),
        name=fmap.get_name(),
    )
