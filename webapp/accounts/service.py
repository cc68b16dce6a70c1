"""Accounts: create, authenticate, give API tokens, list and disable; the one place that writes ``users``.

Passwords are hashed with :func:`werkzeug.security.generate_password_hash` (scrypt) and never
stored or logged.  An API token is 32 random bytes shown once; only its SHA-256 is stored
(a random token needs no slow hash), so a token is found by its hash in one indexed lookup.
The web views, the access checks and the ``flask users`` commands all call these functions;
each change to an account is recorded in the audit trail (:mod:`webapp.audit`) by whom it was made.
"""

from __future__ import annotations

import hashlib
import re
import secrets

from sqlalchemy import func, select
from werkzeug.security import check_password_hash, generate_password_hash

from ..audit import Actor, record
from ..errors import AccountError
from ..extensions import db
from ..models import ApiToken, Role, User

#: Fewest characters a password may have.
MIN_PASSWORD = 10
_NAME = re.compile(r"[\w.-]{1,80}")
# Compared against when the name is unknown, so a wrong name costs as long as a wrong password.
_DUMMY_HASH = generate_password_hash(secrets.token_hex(16))


def parse_role(value: str) -> Role:
    """The :class:`Role` named ``value``; raises :class:`AccountError` for any other."""
    try:
        return Role(value.strip().lower())
    except ValueError:
        raise AccountError.bad_role(value, ", ".join(r.value for r in Role)) from None


def accounts_exist() -> bool:
    """True once any account exists (disabled ones too): from then on, writes need an account."""
    return db.session.execute(select(User.id).limit(1)).first() is not None


def find_user(name: str) -> User | None:
    """The account named ``name`` (exactly), or None."""
    return db.session.execute(select(User).where(User.name == name)).scalar_one_or_none()


def create_user(name: str, password: str, role: Role, *, by: Actor) -> User:
    """Create an active account and commit it, recorded as made ``by``.

    Raises :class:`AccountError` when the name is malformed or taken, or the password shorter
    than :data:`MIN_PASSWORD`.
    """
    if not _NAME.fullmatch(name):
        raise AccountError.bad_name(name)
    if len(password) < MIN_PASSWORD:
        raise AccountError.short_password(MIN_PASSWORD)
    if find_user(name) is not None:
        raise AccountError.exists(name)
    user = User(name=name, password_hash=generate_password_hash(password), role=role.value, active=True)
    db.session.add(user)
    db.session.flush()
    record(by, "user.create", "user", user.id, None, {"name": name, "role": role.value, "active": True})
    db.session.commit()
    return user


def authenticate(name: str, password: str) -> User | None:
    """The active account ``name`` when ``password`` is its password, else None (in about the same time)."""
    user = find_user(name)
    if user is None:
        check_password_hash(_DUMMY_HASH, password)
        return None
    if not check_password_hash(user.password_hash, password) or not user.active:
        return None
    return user


def issue_token(name: str, *, by: Actor) -> str:
    """A new API token for the active account ``name`` (committed, recorded as given ``by``; only its
    hash is kept).

    Raises :class:`AccountError` when there is no such account, or it is disabled.
    """
    user = find_user(name)
    if user is None or not user.active:
        raise AccountError.unknown(name)
    token = secrets.token_urlsafe(32)
    row = ApiToken(user_id=user.id, token_hash=token_hash(token))
    db.session.add(row)
    db.session.flush()
    record(by, "user.token", "user", user.id, None, {"token_id": row.id})
    db.session.commit()
    return token


def token_hash(token: str) -> str:
    """The SHA-256 of ``token`` in hex: what is stored and looked up."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def user_for_token(token: str) -> User | None:
    """The active account that owns ``token``, or None."""
    user = db.session.execute(
        select(User).join(ApiToken).where(ApiToken.token_hash == token_hash(token))
    ).scalar_one_or_none()
    return user if user is not None and user.active else None


def list_users() -> list[tuple[User, int]]:
    """Every account by name, with how many API tokens it was given."""
    tokens = select(func.count(ApiToken.id)).where(ApiToken.user_id == User.id).scalar_subquery()
    return [(user, count) for user, count in db.session.execute(select(User, tokens).order_by(User.name))]


def disable_user(name: str, *, by: Actor) -> User:
    """Disable ``name`` (committed, recorded as done ``by``): it can no longer sign in or use its
    tokens; the row stays.

    Raises :class:`AccountError` when there is no such account.
    """
    user = find_user(name)
    if user is None:
        raise AccountError.unknown(name)
    if user.active:
        user.active = False
        record(by, "user.disable", "user", user.id, {"active": True}, {"active": False})
        db.session.commit()
    return user
