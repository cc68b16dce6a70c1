"""An offline Syrian gazetteer and geoparser (no Flask, no SQLAlchemy).

Public surface::

    from gazetteer import Gazetteer, Place, PlaceType, normalize_name, geoparse, prepare

``prepare(gazetteer)`` builds what the first ``geoparse`` would otherwise build
(see :func:`gazetteer.pipeline.prepare`).
"""

from .errors import DownloadError, GazetteerDataError, GazetteerError, ImportFormatError, PlaceNotFound
from .index import Gazetteer, distance_km
from .normalize import normalize_name, normalize_token, tokenize
from .place import AdminRef, Place, PlaceType
from .result import Candidate, GeoparseResult, Incident, Location, Mention, Role, Sentence

__all__ = [
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
    "distance_km",
    "geoparse",
    "normalize_name",
    "normalize_token",
    "prepare",
    "tokenize",
]


def __getattr__(name: str) -> object:
    # geoparse pulls in YAML and shapely; load it only when asked for.
    if name == "geoparse":
        from .pipeline import geoparse

        return geoparse
    if name == "prepare":
        from .pipeline import prepare

        return prepare
    raise AttributeError(f"module 'gazetteer' has no attribute {name!r}")
