"""The incident map: a Folium page whose incidents are fetched as GeoJSON by static/js/incident_map.js."""

from __future__ import annotations

import folium
from branca.element import Element, MacroElement
from flask import url_for
from jinja2 import Template
from jinja2.utils import htmlsafe_json_dumps

from .folium_local import local_css, local_js, local_map


class IncidentLayer(MacroElement):
    """Hands the Leaflet map to ``IncidentMap.init`` with the API URL; holds no incident data."""

    _template = Template(
        """{% macro script(this, kwargs) %}
        IncidentMap.init({{ this._parent.get_name() }}, {{ this.options }});
        {% endmacro %}"""
    )

    def __init__(self, options: dict[str, object]) -> None:
        super().__init__()
        self._name = "IncidentLayer"
        # Escapes <, >, & and ' so no option value can close the script element.
        self.options = htmlsafe_json_dumps(options)


def build_incident_map(*, api_url: str, query: str = "") -> folium.Map:
    """The map page's Folium map: local Leaflet + markercluster + our script, data loaded by the browser."""
    fmap = local_map(
        js=local_js(
            (
                "markercluster",
                url_for("assets.vendor_file", name="markercluster", filename="leaflet.markercluster.js"),
            ),
            ("incident_map", url_for("static", filename="js/incident_map.js")),
        ),
        css=local_css(
            (
                "markercluster_css",
                url_for("assets.vendor_file", name="markercluster", filename="MarkerCluster.css"),
            ),
            (
                "markercluster_default_css",
                url_for("assets.vendor_file", name="markercluster", filename="MarkerCluster.Default.css"),
            ),
            ("incident_map_css", url_for("static", filename="css/map.css")),
        ),
    )
    IncidentLayer({"apiUrl": api_url, "query": query}).add_to(fmap)
    root = fmap.get_root()
    root.header.add_child(Element('<meta charset="utf-8"><title>Incident map</title>'), name="page_title")
    root.html.add_child(
        Element(_NAV_HTML.format(upload=url_for("articles.upload"), gazetteer=url_for("places.search"))),
        name="nav",
    )
    return fmap


_NAV_HTML = (
    '<nav class="map-nav"><a href="{upload}">Upload an article</a> · '
    '<a href="{gazetteer}">Gazetteer</a> · <span id="incident-count" aria-live="polite"></span></nav>'
)
