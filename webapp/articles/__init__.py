"""Article pages: the upload form and the article view with highlighted mentions."""

from .views import bp

__all__ = ["bp"]
