"""An offline Syrian gazetteer and geoparser (no Flask, no SQLAlchemy).

Public surface::

    from gazetteer import Gazetteer, Place, PlaceType, normalize_name, geoparse
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
    "tokenize",
]


def __getattr__(name: str) -> object:
    # geoparse pulls in YAML and shapely; load it only when asked for.
    if name == "geoparse":
        from .pipeline import geoparse

        return geoparse
    raise AttributeError(f"module 'gazetteer' has no attribute {name!r}")
