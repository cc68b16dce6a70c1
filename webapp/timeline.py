"""Incidents per day or week, aggregated with pandas, for the map's timeline."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

import pandas as pd
from sqlalchemy import func, select

from .extensions import db
from .filters import Filters, incident_criteria
from .models import Incident

Bucket = Literal["day", "week", "auto"]
#: With "auto", days become weeks when the range is longer than this.
AUTO_DAY_LIMIT = 120


def daily_counts(flt: Filters) -> pd.Series:
    """Matching dated incidents per calendar day (a Series indexed by Timestamp, days without incidents absent)."""
    stmt = (select(Incident.date, func.count(Incident.id)).where(Incident.date.is_not(None), *incident_criteria(flt))
            .group_by(Incident.date).order_by(Incident.date))
    rows = db.session.execute(stmt).all()
    if not rows:
        return pd.Series(dtype="int64")
    return pd.Series([int(n) for _, n in rows], index=pd.to_datetime([d for d, _ in rows]), dtype="int64")


def aggregate(counts: pd.Series, bucket: Bucket = "auto") -> tuple[str, pd.Series]:
    """Counts per ``bucket`` with empty buckets filled with 0; weeks start on Monday.

    Returns the bucket used ("day" or "week") and the resampled series.
    """
    if counts.empty:
        return ("day" if bucket == "auto" else bucket), counts
    if bucket == "auto":
        span = (counts.index.max() - counts.index.min()).days
        bucket = "week" if span > AUTO_DAY_LIMIT else "day"
    rule = "W-MON" if bucket == "week" else "D"
    # label/closed "left" so a week is named by its Monday.
    series = counts.resample(rule, label="left", closed="left").sum() if bucket == "week" else counts.resample(rule).sum()
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
    """``day``, ``week`` or ``auto`` (the default for anything else)."""
    return value if value in ("day", "week") else "auto"  # type: ignore[return-value]


def week_start(day: dt.date) -> dt.date:
    """The Monday of ``day``'s week (the label of its weekly bucket)."""
    return day - dt.timedelta(days=day.weekday())
