"""Folium maps whose Leaflet assets come from this app instead of CDNs, and whose pages obey its CSP."""

from __future__ import annotations

from typing import Any

import folium
from branca.element import Figure
from flask import current_app, url_for
from jinja2 import Template

from ..security import csp_nonce

#: Syria's rough centre and a zoom that shows the whole country.
SYRIA_CENTRE = (35.0, 38.5)
SYRIA_ZOOM = 7

#: branca's Figure template with ``lang``/``dir`` on <html> when the page sets them (branca writes a
#: bare <html>), and the request's nonce on the one inline script: Folium's Leaflet set-up.
FIGURE_TEMPLATE = Template(
    "<!DOCTYPE html>\n"
    '<html{% if this.ui_lang %} lang="{{ this.ui_lang }}" dir="{{ this.ui_dir }}"{% endif %}>\n'
    "<head>\n"
    '    <meta name="viewport" content="width=device-width, initial-scale=1">\n'
    "{% if this.title %}<title>{{this.title}}</title>{% endif %}"
    "    {{this.header.render(**kwargs)}}\n"
    "</head>\n"
    "<body>\n"
    "    {{this.html.render(**kwargs)}}\n"
    "</body>\n"
    '<script nonce="{{ this.csp_nonce }}">\n'
    "    {{this.script.render(**kwargs)}}\n"
    "</script>\n"
    "</html>\n"
)


class LocalMap(folium.Map):
    """A ``folium.Map`` without the inline ``<style>`` and ``<script>`` Folium puts in the page header.

    The styles size the map (``static/css/folium.css`` does that instead); the script sets
    ``L_NO_TOUCH`` and ``L_DISABLE_3D`` to false, which is Leaflet's default anyway.
    """

    def render(self, **kwargs: Any) -> None:
        super().render(**kwargs)
        self.get_root().header._children.pop(self.get_name(), None)


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
    Its page carries this request's CSP nonce, so render it in the same request.
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
    root: Figure = fmap.get_root()
    root._template = FIGURE_TEMPLATE
    root.csp_nonce = csp_nonce()
    return fmap
