"""The exports: the map's current selection downloaded as CSV, GeoJSON or KML."""

from .views import bp

__all__ = ["bp"]
