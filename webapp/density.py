"""Server-side aggregation of incidents on a grid: map clusters at low zoom and the heat layer.

The map never receives more than a bounded number of features: when a
viewport holds more incidents than a threshold, :func:`clustered_collection`
answers with one feature per grid cell (count, per-type counts, mean
position) instead of the incidents.  The heat layer is the same aggregation
on a finer grid (:func:`heat_cells`), drawn by the browser with Leaflet.heat
(each cell a weighted point).  Both run over the in-memory columns of :mod:`webapp.mapindex`
(SQLite needs ~0.5 s to GROUP BY 100,000 rows; numpy a few milliseconds).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .filters import Filters
from .mapindex import current_index

#: Grid cell sizes in screen pixels at the requested zoom.
CLUSTER_CELL_PX = 80
HEAT_CELL_PX = 24
#: Never return more cells than this (a huge screen at a high zoom).
MAX_CELLS = 4000
#: Above this many incidents in a viewport the map gets clusters (config MAP_CLUSTER_THRESHOLD overrides):
#: a full feature with its sentence costs ~0.25 ms to serialise, so 400 keeps a viewport under ~150 ms.
DEFAULT_CLUSTER_THRESHOLD = 400


def cell_degrees(zoom: int, cell_px: int) -> float:
    """The side of a grid cell in degrees: ``cell_px`` Web-Mercator pixels at ``zoom`` (longitude scale)."""
    return cell_px * 360.0 / (256 * 2 ** max(0, min(zoom, 22)))


def grid_cells(flt: Filters, size: float, *, by_type: bool) -> list[dict[str, Any]]:
    """Grid cells of ``size`` degrees with matching incidents: ``{lat, lon, count, south, west, size}``.

    With ``by_type`` each cell also has ``types`` (event type → count).

    ``lat``/``lon`` is the mean position of the cell's incidents (so a cluster
    sits where its incidents are); ``south``/``west`` is the cell's corner.
    """
    index = current_index()
    cells = index.grid(index.mask(flt), size, by_type=by_type)
    return sorted(cells, key=lambda c: -c["count"])[:MAX_CELLS]


@dataclass(frozen=True)
class Viewport:
    """What a map viewport shows: cluster points when more than the threshold of incidents match
    (``clusters``, a FeatureCollection), else the ids of the matching incidents (``ids``)."""

    clusters: dict[str, Any] | None
    ids: tuple[int, ...] = ()


def viewport(flt: Filters, zoom: int, *, threshold: int) -> Viewport:
    """The :class:`Viewport` of ``flt`` at ``zoom``, from the map index (one evaluation of the filters).

    Cluster features have ``properties.cluster = true``, ``count`` and ``types`` (event type →
    count); the collection's ``total`` is the number of matching incidents.
    """
    index = current_index()
    mask = index.mask(flt)
    total = int(mask.sum())
    if total <= threshold:
        return Viewport(None, tuple(index.ids[mask].tolist()))
    cells = sorted(
        index.grid(mask, cell_degrees(zoom, CLUSTER_CELL_PX), by_type=True), key=lambda c: -c["count"]
    )
    features = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [cell["lon"], cell["lat"]]},
            "properties": {"cluster": True, "count": cell["count"], "types": cell["types"]},
        }
        for cell in cells[:MAX_CELLS]
    ]
    return Viewport({"type": "FeatureCollection", "features": features, "clustered": True, "total": total})


def clustered_collection(flt: Filters, zoom: int, *, threshold: int) -> dict[str, Any] | None:
    """The cluster FeatureCollection of :func:`viewport`, or None when ``threshold`` or fewer match."""
    return viewport(flt, zoom, threshold=threshold).clusters


def heat_cells(flt: Filters, zoom: int) -> dict[str, Any]:
    """The heat layer: ``{"size": degrees, "max": largest count, "cells": [{south, west, count}]}``."""
    size = cell_degrees(zoom, HEAT_CELL_PX)
    cells = grid_cells(flt, size, by_type=False)
    return {
        "size": size,
        "max": max((c["count"] for c in cells), default=0),
        "cells": [
            {"south": round(c["south"], 5), "west": round(c["west"], 5), "count": c["count"]} for c in cells
        ],
    }
