"""The map page: a Folium map with local Leaflet and plugins, the map's scripts, and their options.

``templates/maps/map.html`` lays the page out; ``static/js/incident_map.js`` fetches the
incidents as GeoJSON and draws them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flask import url_for

from ..i18n import current_lang
from .folium_local import MapParts, local_css, local_js, local_map, render_parts
from .options import map_options


@dataclass(frozen=True, slots=True)
class MapPage:
    """What ``templates/maps/map.html`` renders: the Folium map's parts and the script's options."""

    figure: MapParts
    options: dict[str, Any]


def incident_map_assets() -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """``(js, css)``: the map page's scripts and styles as Folium's (name, url) pairs, all local.

    The map's own scripts come after Leaflet, markercluster and Leaflet.heat: ``incident_map.js``
    (palette, popups, loading) first, as the others extend its ``IncidentMap``;
    ``incident_layers.js`` draws the incidents, ``map-clusters.js`` their donut clusters,
    ``map-layers.js`` the one layer control with its legends, ``map-controls.js`` the filters
    and the timeline; ``basemap.js`` draws the offline basemap under the tiles and lists its
    layers in that control.
    """

    def vendor(name: str, filename: str) -> str:
        return url_for("assets.vendor_file", name=name, filename=filename)

    def static(filename: str) -> str:
        return url_for("static", filename=filename)

    js = local_js(
        ("markercluster", vendor("markercluster", "leaflet.markercluster.js")),
        ("leaflet_heat", vendor("heat", "leaflet_heat.min.js")),
        ("basemap", static("js/basemap.js")),
        ("incident_map", static("js/incident_map.js")),
        ("incident_layers", static("js/incident_layers.js")),
        ("map_clusters", static("js/map-clusters.js")),
        ("map_layers", static("js/map-layers.js")),
        ("map_controls", static("js/map-controls.js")),
    )
    css = local_css(
        ("markercluster_css", vendor("markercluster", "MarkerCluster.css")),
        ("markercluster_default_css", vendor("markercluster", "MarkerCluster.Default.css")),
        ("incident_map_css", static("css/map.css")),
        ("basemap_css", static("css/basemap.css")),
        # Logical properties, so the controls mirror in Arabic.
        ("map_controls_css", static("css/map-controls.css")),
    )
    return js, css


def build_map_page(*, query: str, incident_arg: str | None) -> MapPage:
    """The map page for this request: ``query`` is its query string (the filters to start from),
    ``incident_arg`` its ``?incident=`` (an incident whose popup opens)."""
    js, css = incident_map_assets()
    return MapPage(
        figure=render_parts(local_map(js=js, css=css)),
        options=map_options(lang=current_lang(), query=query, incident_arg=incident_arg),
    )
