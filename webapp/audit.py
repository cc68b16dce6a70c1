"""The audit trail: who did what, recorded in the same transaction as the change itself.

:func:`record` adds a :class:`~webapp.models.Change` to the session (its caller commits both
or neither); :func:`history` reads a subject's trail, oldest first, as the API returns it, and
:func:`changes_of` the trails of several (the article page's incidents).
"""

from __future__ import annotations

import getpass
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from .extensions import db
from .models import Change, User


@dataclass(frozen=True, slots=True)
class Actor:
    """Who makes a change: an account, an anonymous visitor in open mode, or a shell user."""

    name: str
    user_id: int | None = None

    @classmethod
    def of(cls, user: User | None) -> Actor:
        """The account ``user``, or ``anonymous`` (possible only while the app runs open)."""
        return cls("anonymous") if user is None else cls(user.name, user.id)

    @classmethod
    def shell(cls) -> Actor:
        """The operating-system user running a ``flask`` command (``shell:NAME``)."""
        try:
            login = getpass.getuser()
        except OSError:  # no name for this uid (a bare container)
            login = "unknown"
        return cls(f"shell:{login}")


def record(
    actor: Actor,
    action: str,
    subject: str,
    subject_id: int,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
) -> Change:
    """Add one change to the session (not committed: it commits with the change it describes)."""
    change = Change(
        user_id=actor.user_id,
        user_name=actor.name,
        action=action,
        subject=subject,
        subject_id=subject_id,
        before=before,
        after=after,
    )
    db.session.add(change)
    return change


def changes_of(subject: str, subject_ids: list[int]) -> list[Change]:
    """The changes of the ``subject`` rows ``subject_ids``, oldest first (for a page that shows several)."""
    if not subject_ids:
        return []
    return list(
        db.session.scalars(
            select(Change)
            .where(Change.subject == subject, Change.subject_id.in_(subject_ids))
            .order_by(Change.id)
        )
    )


def history(subject: str, subject_id: int) -> list[dict[str, Any]]:
    """``[{"at", "user", "action", "before", "after"}]`` of ``subject`` ``subject_id``, oldest first."""
    return [
        {
            "at": row.at.isoformat() if row.at else None,
            "user": row.user_name,
            "action": row.action,
            "before": row.before,
            "after": row.after,
        }
        for row in changes_of(subject, [subject_id])
    ]
