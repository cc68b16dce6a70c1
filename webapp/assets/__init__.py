"""Leaflet and Leaflet.markercluster served from their pip-installed XStatic packages, never a CDN."""

from .views import bp

__all__ = ["bp"]
