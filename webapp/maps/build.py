"""The incident map: a Folium page whose incidents are fetched as GeoJSON by static/js/incident_map.js."""

from __future__ import annotations

import folium
from branca.element import Element, MacroElement
from flask import request, url_for
from jinja2 import Template
from jinja2.utils import htmlsafe_json_dumps
from markupsafe import escape

from ..i18n import current_lang, lang_url, translate
from ..mapui import extra_css, extra_js, map_options, set_page_language
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
            *extra_js(),
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
            *extra_css(),
        ),
    )
    lang = current_lang()
    options = map_options(lang, request.args.get("incident"))
    IncidentLayer({"apiUrl": api_url, "query": query, **options}).add_to(fmap)
    root = fmap.get_root()
    set_page_language(root, lang)
    title = escape(translate("app_title", lang))
    root.header.add_child(Element(f'<meta charset="utf-8"><title>{title}</title>'), name="page_title")
    other = "en" if lang == "ar" else "ar"
    links = [
        (url_for("articles.upload"), translate("upload", lang)),
        (url_for("browse.articles"), translate("articles", lang)),
        (url_for("browse.incidents"), translate("incidents", lang)),
        (url_for("places.search"), translate("gazetteer", lang)),
    ]
    nav = " · ".join(f'<a href="{escape(href)}">{escape(text)}</a>' for href, text in links)
    nav += (
        f' · <a class="lang-switch" lang="{other}" href="{escape(lang_url(other))}">'
        f"{escape(translate('language', lang))}</a>"
    )
    root.html.add_child(Element(_NAV_HTML.format(links=nav)), name="nav")
    return fmap


_NAV_HTML = '<nav class="map-nav">{links} · <span id="incident-count" aria-live="polite"></span></nav>'
