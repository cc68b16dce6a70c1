"""Review: the queue of unreviewed incidents with its buttons, and ``flask incidents set``."""

from .views import bp

__all__ = ["bp"]
