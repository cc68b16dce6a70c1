"""Server-side aggregation of incidents on a grid: map clusters at low zoom and the heat layer.

The map never receives more than a bounded number of features: when a
viewport holds more incidents than a threshold, :func:`clustered_collection`
answers with one feature per grid cell (count, per-type counts, mean
position) instead of the incidents.  The heat layer is the same aggregation
on a finer grid (:func:`heat_cells`), drawn by the browser as coloured
rectangles.  Both are ``GROUP BY`` on the cell of the indexed ``lat``/``lon``.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Integer, cast, func, select

from .extensions import db
from .filters import Filters, incident_criteria
from .models import Incident

#: Grid cell sizes in screen pixels at the requested zoom.
CLUSTER_CELL_PX = 80
HEAT_CELL_PX = 24
#: Never return more cells than this (a huge screen at a high zoom).
MAX_CELLS = 4000


def cell_degrees(zoom: int, cell_px: int) -> float:
    """The side of a grid cell in degrees: ``cell_px`` Web-Mercator pixels at ``zoom`` (longitude scale)."""
    return cell_px * 360.0 / (256 * 2 ** max(0, min(zoom, 22)))


def count_incidents(flt: Filters) -> int:
    """How many located incidents match ``flt``."""
    stmt = select(func.count(Incident.id)).where(Incident.lat.is_not(None), *incident_criteria(flt))
    return int(db.session.scalar(stmt) or 0)


def grid_cells(flt: Filters, size: float, *, by_type: bool) -> list[dict[str, Any]]:
    """Cells of ``size`` degrees holding matching incidents: ``{lat, lon, count, south, west, size[, types]}``.

    ``lat``/``lon`` is the mean position of the cell's incidents (so a cluster
    sits where its incidents are); ``south``/``west`` is the cell's corner.
    """
    # +90/+180 keeps the value positive, so CAST truncation is a floor on every backend we use.
    cy = cast((Incident.lat + 90.0) / size, Integer).label("cy")
    cx = cast((Incident.lon + 180.0) / size, Integer).label("cx")
    columns = [cy, cx, func.count(Incident.id), func.avg(Incident.lat), func.avg(Incident.lon)]
    group = [cy, cx]
    if by_type:
        columns.append(Incident.event_type)
        group.append(Incident.event_type)
    stmt = select(*columns).where(Incident.lat.is_not(None), Incident.lon.is_not(None),
                                  *incident_criteria(flt)).group_by(*group)
    cells: dict[tuple[int, int], dict[str, Any]] = {}
    for row in db.session.execute(stmt):
        key = (int(row[0]), int(row[1]))
        n = int(row[2])
        cell = cells.get(key)
        if cell is None:
            cell = cells[key] = {"count": 0, "_lat": 0.0, "_lon": 0.0,
                                 "south": key[0] * size - 90.0, "west": key[1] * size - 180.0, "size": size}
            if by_type:
                cell["types"] = {}
        cell["count"] += n
        cell["_lat"] += float(row[3]) * n
        cell["_lon"] += float(row[4]) * n
        if by_type:
            cell["types"][row[5] or "Other"] = n
    out = []
    for cell in sorted(cells.values(), key=lambda c: -c["count"])[:MAX_CELLS]:
        cell["lat"] = round(cell.pop("_lat") / cell["count"], 5)
        cell["lon"] = round(cell.pop("_lon") / cell["count"], 5)
        out.append(cell)
    return out


def clustered_collection(flt: Filters, zoom: int, *, threshold: int) -> dict[str, Any] | None:
    """A FeatureCollection of cluster points when more than ``threshold`` incidents match, else None.

    Each feature has ``properties.cluster = true``, ``count`` and ``types``
    (event type → count); ``total`` is the number of matching incidents.
    """
    total = count_incidents(flt)
    if total <= threshold:
        return None
    features = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [cell["lon"], cell["lat"]]},
            "properties": {"cluster": True, "count": cell["count"], "types": cell["types"]},
        }
        for cell in grid_cells(flt, cell_degrees(zoom, CLUSTER_CELL_PX), by_type=True)
    ]
    return {"type": "FeatureCollection", "features": features, "clustered": True, "total": total}


def heat_cells(flt: Filters, zoom: int) -> dict[str, Any]:
    """The heat layer: ``{"size": degrees, "max": largest count, "cells": [{south, west, count}]}``."""
    size = cell_degrees(zoom, HEAT_CELL_PX)
    cells = grid_cells(flt, size, by_type=False)
    return {
        "size": size,
        "max": max((c["count"] for c in cells), default=0),
        "cells": [{"south": round(c["south"], 5), "west": round(c["west"], 5), "count": c["count"]} for c in cells],
    }
