"""Who may do what: the identity of a request and the one rule that guards every view.

- **Identity.** A signed-in session (Flask-Login), or ``Authorization: Bearer <token>``
  (:func:`~webapp.accounts.service.user_for_token`).  A request that carries a bearer
  token is judged by the token alone: its session is not consulted.
- **Open mode.** While no account exists the app runs open, as before accounts existed:
  anyone may read and write, and every page says so (``open_mode`` in templates).
- **Writes.** Once an account exists, every request with a method that changes things
  (POST, PUT, PATCH, DELETE) needs an analyst or admin: 401 without an account, 403 with
  a viewer's.  This is checked before any view runs, so a new write route is guarded
  without doing anything; only views marked :func:`not_a_write` (signing in and out) are not.
- **CSRF.** Forms carry a token (Flask-WTF).  The JSON API is exempt from it only for
  requests authenticated by a bearer token, which a cross-site page cannot send; a
  session-authenticated API write must send the token in ``X-CSRFToken``.
- **Reading** is public unless ``PRIVATE=1``, which asks for any account (a viewer) on every
  page and API call but the sign-in page and static files.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar
from urllib.parse import urlsplit

from flask import Flask, abort, current_app, g, redirect, request, url_for
from flask_login import current_user

from ..errorpages import wants_json
from ..errors import AccessDenied
from ..extensions import csrf, db, login_manager
from ..i18n import current_lang
from ..messages import Message
from ..models import Role, User
from .service import accounts_exist, user_for_token

#: Methods that only read.
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
#: Endpoints anyone may reach, even when the app is private.
PUBLIC_ENDPOINTS = frozenset({"static", "accounts.login"})
PUBLIC_BLUEPRINTS = frozenset({"assets", "health"})

View = TypeVar("View", bound=Callable[..., Any])


def not_a_write(view: View) -> View:
    """Mark ``view`` as changing nothing the write rule guards (signing in and out), whatever its method."""
    view.not_a_write = True  # type: ignore[attr-defined]
    return view


def requires(role: Role) -> Callable[[View], View]:
    """Decorate a view so that all its methods need ``role`` (once accounts exist), as :func:`require`."""

    def decorate(view: View) -> View:
        @wraps(view)
        def guarded(*args: Any, **kwargs: Any) -> Any:
            require(role)
            return view(*args, **kwargs)

        return guarded  # type: ignore[return-value]

    return decorate


def is_open() -> bool:
    """True while no account exists (checked once per request)."""
    if "accounts_open" not in g:
        g.accounts_open = not accounts_exist()
    return g.accounts_open


def may(role: Role) -> bool:
    """True when this request may act as ``role``: always in open mode, else by its account's role."""
    if is_open():
        return True
    user = current_account()
    return user is not None and user.may(role)


def current_account() -> User | None:
    """The signed-in account or the bearer token's, or None (anonymous)."""
    user = current_user._get_current_object()  # type: ignore[attr-defined]
    return user if isinstance(user, User) else None


def via_token() -> bool:
    """True when this request identified itself with a bearer token."""
    return bearer_token() is not None


def require(role: Role) -> None:
    """Let the request go on only if it may act as ``role``; in open mode anything goes.

    Raises :class:`AccessDenied` (401 anonymous or bad token, 403 too small a role); an anonymous
    page view (not the API) is sent to the sign-in page instead.
    """
    if is_open():
        return
    user = current_account()
    if user is None:
        if via_token():
            raise AccessDenied.bad_token()
        if request.method in SAFE_METHODS and not wants_json():
            abort(redirect(url_for("accounts.login", next=_here())))
        raise AccessDenied.sign_in(role.value)
    if not user.may(role):
        raise AccessDenied.role(user.role, role.value)


def guard() -> None:
    """The rule for every request (see the module docstring); runs before the view."""
    if request.endpoint in PUBLIC_ENDPOINTS or request.blueprint in PUBLIC_BLUEPRINTS:
        return
    view = current_app.view_functions.get(request.endpoint)
    if request.method not in SAFE_METHODS and not getattr(view, "not_a_write", False):
        require(Role.ANALYST)
        if request.blueprint == "api" and not is_open() and not via_token():
            csrf.protect()
    elif current_app.config.get("PRIVATE"):
        require(Role.VIEWER)


def bearer_token() -> str | None:
    """The token of an ``Authorization: Bearer …`` header, or None."""
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer":
        return None
    return token.strip() or None


def load_session_user(user_id: str) -> User | None:
    """Flask-Login's session loader: the active account ``user_id``; none for a bearer request."""
    if bearer_token() is not None or not user_id.isdigit():
        return None
    user = db.session.get(User, int(user_id))
    return user if user is not None and user.active else None


def load_token_user(_request: object) -> User | None:
    """Flask-Login's request loader: the account of the bearer token, if valid."""
    token = bearer_token()
    return user_for_token(token) if token else None


def safe_next(target: str | None) -> str | None:
    """``target`` when it is a path on this site (never another host), else None."""
    if not target:
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith(("//", "/\\")):
        return None
    return target


def role_label(role: str) -> str:
    """The name of ``role`` in the interface language."""
    return Message(f"role.{role}").render(current_lang())


def _here() -> str:
    return request.full_path.rstrip("?") if request.query_string else request.path


def init_app(app: Flask) -> None:
    """Bind Flask-Login, guard every request; templates get ``open_mode``, ``account``, ``role_label``."""
    login_manager.init_app(app)
    login_manager.user_loader(load_session_user)
    login_manager.request_loader(load_token_user)
    app.before_request(guard)

    @app.context_processor
    def inject() -> dict[str, object]:
        helpers: dict[str, object] = {"role_label": role_label}
        if not app.extensions.get("schema_ready"):  # an error page about the database itself
            return {**helpers, "open_mode": False, "account": None}
        return {**helpers, "open_mode": is_open(), "account": current_account()}
