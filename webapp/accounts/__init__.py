"""Accounts and roles: sign-in pages, the access rule guarding every view, tokens, and ``flask users``."""

from .access import init_app
from .views import bp

__all__ = ["bp", "init_app"]
