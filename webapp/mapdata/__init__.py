"""JSON for the map's extra layers: timeline, heat grid, governorate choropleth, roads."""

from .views import bp

__all__ = ["bp"]
