"""An incident extracted from one sentence of an article."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from sqlalchemy import JSON, Date, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db

if TYPE_CHECKING:
    from .article import Article
    from .mention import Mention
    from .sentence import Sentence


#: Review statuses: the first is every new incident's; the last is hidden unless asked for.
STATUSES = ("unreviewed", "verified", "rejected")


class Incident(db.Model):
    """One event: ACLED type, date, actors, counts and where it happened.

    ``lat``/``lon`` is always set for mapped incidents (the representative
    point; for a road, the point on the road); ``geometry`` holds the GeoJSON
    geometry when the location is a line or an area.  Viewport queries use
    the ``(lat, lon)`` index; on PostgreSQL also ``incidents.geom``, a PostGIS point
    generated from them with a GiST index (migration 0012, :mod:`webapp.models.indexes`).
    As in :class:`~webapp.models.Mention`, text from articles and the gazetteer is ``Text``.
    ``status`` is the review's verdict (:data:`STATUSES`); people's changes are in
    :class:`~webapp.models.Change`.  ``merged_into_id`` marks a report merged into another
    incident (its primary), which lists it among its sources.
    """

    __tablename__ = "incidents"
    __table_args__ = (
        Index("ix_incidents_lat_lon", "lat", "lon"),
        Index("ix_incidents_date", "date"),
        Index("ix_incidents_event_type", "event_type"),
        Index("ix_incidents_status", "status"),
        Index("ix_incidents_merged_into_id", "merged_into_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    sentence_id: Mapped[int | None] = mapped_column(ForeignKey("sentences.id", ondelete="CASCADE"))
    sentence_index: Mapped[int] = mapped_column(Integer)
    mention_id: Mapped[int | None] = mapped_column(ForeignKey("mentions.id", ondelete="SET NULL"))
    event_type: Mapped[str] = mapped_column(Text)
    sub_event_type: Mapped[str] = mapped_column(Text, default="")
    trigger: Mapped[str] = mapped_column(Text, default="")
    date: Mapped[dt.date | None] = mapped_column(Date)
    date_precision: Mapped[str] = mapped_column(String(10), default="day")
    actors: Mapped[list[str] | None] = mapped_column(JSON)
    counts: Mapped[dict[str, int] | None] = mapped_column(JSON)
    fatalities: Mapped[int | None] = mapped_column(Integer)
    injuries: Mapped[int | None] = mapped_column(Integer)
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    geometry: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    geo_precision: Mapped[int | None] = mapped_column(Integer)
    place_id: Mapped[str | None] = mapped_column(Text)
    place_name: Mapped[str] = mapped_column(Text, default="")
    place_name_ar: Mapped[str] = mapped_column(Text, default="")
    place_type: Mapped[str] = mapped_column(String(40), default="")
    admin1: Mapped[str] = mapped_column(Text, default="")
    location_description: Mapped[str] = mapped_column(Text, default="")
    # Review: unreviewed (as extracted), verified or rejected (hidden by default, never deleted).
    status: Mapped[str] = mapped_column(String(12), default="unreviewed")
    # A report of an event already stored points at that event's primary incident (see
    # :mod:`webapp.merging`); the map, lists and exports show primaries (NULL here) only.
    merged_into_id: Mapped[int | None] = mapped_column(
        ForeignKey("incidents.id", ondelete="SET NULL", name="fk_incidents_merged_into_id")
    )

    article: Mapped[Article] = relationship(back_populates="incidents")
    sentence: Mapped[Sentence | None] = relationship()
    mention: Mapped[Mention | None] = relationship()
