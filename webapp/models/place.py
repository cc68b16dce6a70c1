"""A place an analyst pinned: a name the gazetteer lacked, with its point, type and author."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, DateTime, Float, ForeignKey, String, Text, func
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db

#: The gazetteer ``source`` of every pinned place; its ids are ``analyst:<row id>``.
ANALYST_SOURCE = "analyst"


class AnalystPlace(db.Model):
    """One pinned place; :mod:`webapp.pins` turns it into a gazetteer :class:`gazetteer.Place`.

    ``parents`` holds the admin parents (``[{"level", "name", "name_ar", "pcode"}]``) taken from
    the parent the analyst named; ``parent_id`` that parent's gazetteer id.  Rows are only added.
    """

    __tablename__ = "analyst_places"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    name_ar: Mapped[str] = mapped_column(Text, default="")
    type: Mapped[str] = mapped_column(String(40))
    lat: Mapped[float] = mapped_column(Float)
    lon: Mapped[float] = mapped_column(Float)
    variants: Mapped[list[str]] = mapped_column(JSON, default=list)
    parent_id: Mapped[str | None] = mapped_column(Text)
    parents: Mapped[list[dict[str, object]]] = mapped_column(JSON, default=list)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    user_name: Mapped[str] = mapped_column(Text)

    @property
    def place_id(self) -> str:
        """Its id in the gazetteer."""
        return f"{ANALYST_SOURCE}:{self.id}"
