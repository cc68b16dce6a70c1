"""People who sign in, their role, and the API tokens they were given."""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import Boolean, DateTime, ForeignKey, String, Text, func
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db


class Role(enum.StrEnum):
    """What an account may do; each role may do all that the roles before it may."""

    VIEWER = "viewer"  # reads, also when the app is private (PRIVATE=1)
    ANALYST = "analyst"  # writes: uploads, the API's writes, reviews and corrections
    ADMIN = "admin"  # all of the above; accounts are managed with the CLI

    @property
    def rank(self) -> int:
        return list(Role).index(self)

    def allows(self, needed: Role) -> bool:
        """True when this role may do what ``needed`` may."""
        return self.rank >= needed.rank


class User(db.Model):
    """An account: a unique name, a password hash (never the password), a role, and whether it is active.

    A disabled account is kept (nothing is deleted in place): it can no longer sign in,
    its sessions end at their next request and its tokens stop working.
    Implements what Flask-Login asks of a user object.
    """

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    password_hash: Mapped[str] = mapped_column(Text)
    role: Mapped[str] = mapped_column(String(10))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())

    tokens: Mapped[list[ApiToken]] = relationship(back_populates="user", order_by="ApiToken.id")

    # Flask-Login's interface.
    is_authenticated = True
    is_anonymous = False

    @property
    def is_active(self) -> bool:
        return self.active

    def get_id(self) -> str:
        return str(self.id)

    def may(self, needed: Role) -> bool:
        """True when this account is active and its role allows what ``needed`` may."""
        return self.active and Role(self.role).allows(needed)


class ApiToken(db.Model):
    """An API token of one account, stored as the SHA-256 of the token (the token itself is shown once)."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())

    user: Mapped[User] = relationship(back_populates="tokens")
