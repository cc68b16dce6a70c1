"""Incidents per day or week, aggregated with pandas, for the map's timeline."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

import pandas as pd
from sqlalchemy import func, select

from .extensions import db
from .filters import Filters, incident_criteria
from .models import Incident

Bucket = Literal["day", "week", "month", "auto"]
#: With "auto", days become weeks when the range is longer than this many days, and weeks become months
#: beyond AUTO_WEEK_LIMIT, so the chart keeps a readable number of bars.
AUTO_DAY_LIMIT = 120
AUTO_WEEK_LIMIT = 3 * 365
#: The most bars a chosen bucket may produce; beyond it a coarser bucket is used, so a stray date
#: (a publication year typed as 0202) cannot turn one request into a million daily points.
MAX_BARS = 5000


def daily_counts(flt: Filters) -> pd.Series:
    """Matching dated incidents per day: a Series indexed by Timestamp (days without incidents absent)."""
    stmt = (
        select(Incident.date, func.count(Incident.id))
        .where(Incident.date.is_not(None), *incident_criteria(flt))
        .group_by(Incident.date)
        .order_by(Incident.date)
    )
    rows = db.session.execute(stmt).all()
    if not rows:
        return pd.Series(dtype="int64")
    return pd.Series([int(n) for _, n in rows], index=pd.to_datetime([d for d, _ in rows]), dtype="int64")


def aggregate(counts: pd.Series, bucket: Bucket = "auto") -> tuple[str, pd.Series]:
    """Counts per ``bucket`` with empty buckets filled with 0; weeks start on Monday, months on the 1st.

    Returns the bucket used ("day", "week" or "month") and the resampled series; a day or week
    bucket that would give more than :data:`MAX_BARS` bars is coarsened.
    """
    if counts.empty:
        return ("day" if bucket == "auto" else bucket), counts
    span = (counts.index.max() - counts.index.min()).days
    if bucket == "auto":
        bucket = "month" if span > AUTO_WEEK_LIMIT else "week" if span > AUTO_DAY_LIMIT else "day"
    if bucket == "day" and span >= MAX_BARS:
        bucket = "week"
    if bucket == "week" and span // 7 >= MAX_BARS:
        bucket = "month"
    if bucket == "week":
        # label/closed "left" so a week is named by its Monday.
        series = counts.resample("W-MON", label="left", closed="left").sum()
    else:
        series = counts.resample("MS" if bucket == "month" else "D").sum()
    return bucket, series.astype("int64")


def timeline(flt: Filters, bucket: Bucket = "auto") -> dict[str, Any]:
    """JSON for the timeline: ``{"bucket", "total", "max", "points": [{"start": ISO date, "count"}]}``."""
    used, series = aggregate(daily_counts(flt), bucket)
    points = [{"start": ts.date().isoformat(), "count": int(n)} for ts, n in series.items()]
    return {
        "bucket": used,
        "total": int(series.sum()) if len(series) else 0,
        "max": int(series.max()) if len(series) else 0,
        "points": points,
    }


def parse_bucket(value: str | None) -> Bucket:
    """``day``, ``week``, ``month`` or ``auto`` (the default for anything else)."""
    return value if value in ("day", "week", "month") else "auto"  # type: ignore[return-value]


def week_start(day: dt.date) -> dt.date:
    """The Monday of ``day``'s week (the label of its weekly bucket)."""
    return day - dt.timedelta(days=day.weekday())
