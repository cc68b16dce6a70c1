"""The JSON API: articles in, incidents out as GeoJSON, job status."""

from .views import bp

__all__ = ["bp"]
