"""One change a person made: the audit trail of incidents and accounts."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, DateTime, ForeignKey, Index, Integer, String, Text, func
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db


class Change(db.Model):
    """Who (``user_name``, and ``user_id`` for an account), when, ``action``, and the values ``before``
    and ``after`` (JSON objects of the fields changed) of one ``subject`` row (``incident`` or ``user``).

    Rows are only ever added: the trail is never edited, and the rows it describes are
    never deleted in place (a rejected incident stays, marked as rejected).
    """

    __tablename__ = "changes"
    __table_args__ = (Index("ix_changes_subject", "subject", "subject_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    user_name: Mapped[str] = mapped_column(Text)
    action: Mapped[str] = mapped_column(String(40))
    subject: Mapped[str] = mapped_column(String(20))
    subject_id: Mapped[int] = mapped_column(Integer)
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)
