"""Leaflet, Leaflet.markercluster and Leaflet.heat served from pip-installed packages, never a CDN."""

from .views import bp

__all__ = ["bp"]
