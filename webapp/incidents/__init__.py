"""The incident page: one incident with its sources, a small map, its history, and analysts' buttons."""

from .views import bp

__all__ = ["bp"]
