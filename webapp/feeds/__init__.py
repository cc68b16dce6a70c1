"""Feeds: the admins' Feeds page, ``flask feeds`` and the service both call (:mod:`.service`)."""

from .views import bp

__all__ = ["bp"]
