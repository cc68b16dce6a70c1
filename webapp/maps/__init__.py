"""The map page: a Folium map that loads incidents from the API in the browser."""

from .views import bp

__all__ = ["bp"]
