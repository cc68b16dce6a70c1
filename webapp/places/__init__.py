"""The gazetteer pages: search places in Arabic or English, see one on a map."""

from .views import bp

__all__ = ["bp"]
