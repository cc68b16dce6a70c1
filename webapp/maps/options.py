"""What the map page's script starts from: language and strings, endpoint URLs, the incident to focus.

No incident data goes into the page (its size must not grow with the database);
the browser fetches everything from the JSON endpoints these options name.
"""

from __future__ import annotations

from typing import Any

from flask import url_for

from ..extensions import db
from ..i18n import ACTORS_AR, EVENT_TYPES_AR, STRINGS, strings, text_dir
from ..models import Incident
from ..params import MAX_ID
from ..plurals import plural_strings

#: The offline basemap's layers in drawing order: ``static/geo/basemap-*.geojson``, drawn by
#: ``static/js/basemap.js``.
BASEMAP_LAYERS = ("land", "water", "borders", "roads", "labels")
#: The catalogue strings a popup shows in both languages (``static/js/incident_map.js``).
POPUP_KEYS = (
    "date",
    "type",
    "place",
    "where",
    "precision",
    "actors",
    "fatalities",
    "review",
    "open_sentence",
    "open_incident",
    "sources",
    "unknown",
    "precision_1",
    "precision_2",
    "precision_3",
    "precision_badge_2",
    "precision_badge_3",
    "date_week",
    "date_month",
    "date_year",
    "status_unreviewed",
    "status_verified",
    "status_rejected",
)


def bilingual_strings(keys: tuple[str, ...]) -> dict[str, list[str]]:
    """Catalogue ``keys`` → ``[English, Arabic]``; raises KeyError for a key the catalogue lacks."""
    return {key: list(STRINGS[key]) for key in keys}


def focus_point(incident_arg: str | None) -> dict[str, Any] | None:
    """``{"id", "lat", "lon"}`` of the incident named by ``?incident=``, or None."""
    # A stale or mistyped link just opens the map, so a malformed id is no error here.
    if not incident_arg or not incident_arg.isascii() or not incident_arg.isdigit():
        return None
    ident = int(incident_arg)
    if ident > MAX_ID:
        return None
    inc = db.session.get(Incident, ident)
    if inc is None or inc.lat is None or inc.lon is None:
        return None
    return {"id": inc.id, "lat": inc.lat, "lon": inc.lon}


def edit_options() -> dict[str, str] | None:
    """For a request that may correct incidents: the PATCH URL (``/0`` standing for the incident's id)
    and the CSRF token its script sends; None otherwise (markers then cannot be dragged)."""
    from flask_wtf.csrf import generate_csrf

    from ..accounts.access import may
    from ..models import Role

    if not may(Role.ANALYST):
        return None
    return {"url": url_for("api.correct", incident_id=0), "csrf": generate_csrf()}


def map_options(*, lang: str, query: str, incident_arg: str | None) -> dict[str, Any]:
    """The options ``IncidentMap.init`` takes (``static/js/incident_map.js``).

    ``query`` is the page's query string (its filters); ``incident_arg`` the ``?incident=`` to
    open.  ``bilingual`` (the popup's labels), ``event_types_ar`` (every ACLED event and sub-event
    type) and ``actors_ar`` come in both languages or in Arabic whatever ``lang`` is: popups name
    each field, and the type, in both languages.  They are the only copy of the catalogue the
    script holds.
    """
    return {
        "apiUrl": url_for("api.incidents"),
        "query": query,
        "lang": lang,
        "dir": text_dir(lang),
        "strings": strings(lang),
        "plurals": plural_strings(lang),
        "bilingual": bilingual_strings(POPUP_KEYS),
        "event_types_ar": EVENT_TYPES_AR,
        "actors_ar": ACTORS_AR,
        "focus": focus_point(incident_arg),
        "edit": edit_options(),
        "urls": {
            "timeline": url_for("mapdata.timeline_view"),
            "heat": url_for("mapdata.heat_view"),
            "governorates": url_for("mapdata.governorates_view"),
            "roads": url_for("mapdata.roads_view"),
            "facets": url_for("mapdata.facets_view", lang=lang),
            "outline": url_for("static", filename="geo/syria-outline.geojson"),
            "basemap": {
                layer: url_for("static", filename=f"geo/basemap-{layer}.geojson") for layer in BASEMAP_LAYERS
            },
            "export": url_for("exports.incidents", fmt="FORMAT"),
            "incidents": url_for("browse.incidents"),
            "articles": url_for("browse.articles"),
            "upload": url_for("articles.upload"),
        },
    }
