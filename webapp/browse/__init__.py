"""The lists: articles with search and pagination; incidents as a sortable, filterable, paged table."""

from .views import bp

__all__ = ["bp"]
