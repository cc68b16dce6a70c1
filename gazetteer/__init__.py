"""An offline Syrian gazetteer and geoparser (no Flask, no SQLAlchemy).

Public surface::

    from gazetteer import Gazetteer, Place, PlaceType, normalize_name, geoparse, prepare

``prepare(gazetteer)`` builds what the first ``geoparse`` would otherwise build
(see :func:`gazetteer.geoparser.pipeline.prepare`).

Layout: :mod:`gazetteer.places` holds the place data (records, index,
normalisation, building and importing), :mod:`gazetteer.geoparser` recognises
and resolves toponyms, :mod:`gazetteer.events` extracts incidents, and
:mod:`gazetteer.measure` evaluates and benchmarks.  Callers outside this
package (the web app) import from here only.
"""

import importlib

from .errors import DownloadError, GazetteerDataError, GazetteerError, ImportFormatError, PlaceNotFound
from .events.acled import ACLED_TYPES, is_sub_event_of
from .geoparser.result import Candidate, GeoparseResult, Incident, Location, Mention, Role, Sentence
from .places.index import Gazetteer, distance_km
from .places.normalize import is_arabic, normalize_name, normalize_token, tokenize
from .places.place import AREA_TYPES, AdminRef, Place, PlaceType

#: Names loaded on first use, with their module: the geoparser pulls in YAML
#: and shapely, building and importing pull in YAML and the sources' readers,
#: and a web process that only serves pages should not pay for them at start.
_LAZY = {
    "geoparse": ".geoparser.pipeline",
    "prepare": ".geoparser.pipeline",
    "default_gazetteer": ".places.bundled",
    "default_path": ".places.bundled",
    "ensure_built": ".places.bundled",
    "load_gazetteer": ".places.bundled",
    "extend": ".places.storage",
    "complete_parents": ".places.parents",
    "download": ".places.download",
    "governorate_at": ".places.areas",
    "governorate_of_line": ".places.areas",
    "make_geocoder": ".places.geocoder",
    "SyriaGazetteer": ".places.geocoder",
    "IMPORTERS": ".places.importers",
    "iter_import": ".places.importers",
    "format_summary": ".measure.stats",
    "summarize": ".measure.stats",
}

__all__ = [
    "ACLED_TYPES",
    "AREA_TYPES",
    "IMPORTERS",
    "AdminRef",
    "Candidate",
    "DownloadError",
    "Gazetteer",
    "GazetteerDataError",
    "GazetteerError",
    "GeoparseResult",
    "ImportFormatError",
    "Incident",
    "Location",
    "Mention",
    "Place",
    "PlaceNotFound",
    "PlaceType",
    "Role",
    "Sentence",
    "SyriaGazetteer",
    "complete_parents",
    "default_gazetteer",
    "default_path",
    "distance_km",
    "download",
    "ensure_built",
    "extend",
    "format_summary",
    "geoparse",
    "governorate_at",
    "governorate_of_line",
    "is_arabic",
    "is_sub_event_of",
    "iter_import",
    "load_gazetteer",
    "make_geocoder",
    "normalize_name",
    "normalize_token",
    "prepare",
    "summarize",
    "tokenize",
]


def __getattr__(name: str) -> object:
    """Load a :data:`_LAZY` name from its module on each access (so a test's monkeypatch there is seen)."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'gazetteer' has no attribute {name!r}")
    return getattr(importlib.import_module(module, __name__), name)
