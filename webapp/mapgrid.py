"""Grid cells over the map index's arrays: how many incidents fall in each cell, and where.

What :meth:`webapp.mapcolumns.MapIndex.grid` returns (the cells of
:func:`webapp.density.grid_cells`), counted with numpy over the located incidents a mask selects.
"""

from __future__ import annotations

from typing import Any

import numpy as np

#: Above this many cells between a selection's corners, clusters are counted by sorting, not by
#: one dense array of counts.
DENSE_CELLS = 4_000_000


def counted_cells(
    lat: np.ndarray,
    lon: np.ndarray,
    type_code: np.ndarray,
    types: tuple[str, ...],
    size: float,
    *,
    by_type: bool,
) -> list[dict[str, Any]]:
    """The cells of side ``size`` degrees holding the incidents at ``lat``/``lon``: their count,
    mean point and corner, and with ``by_type`` their count per event type (``types`` decodes
    ``type_code``; an empty type counts as "Other")."""
    if not len(lat):
        return []
    cy = np.floor((lat + 90.0) / size).astype("int64")
    cx = np.floor((lon + 180.0) / size).astype("int64")
    cell_key = cy * 10_000_000 + cx
    cells_u, inverse, counts = _cells(cell_key, cy, cx)
    sum_lat = np.bincount(inverse, weights=lat)
    sum_lon = np.bincount(inverse, weights=lon)
    out = []
    for i, key in enumerate(cells_u.tolist()):
        y, x = divmod(key, 10_000_000)
        out.append(
            {
                "count": int(counts[i]),
                "lat": round(float(sum_lat[i] / counts[i]), 5),
                "lon": round(float(sum_lon[i] / counts[i]), 5),
                "south": y * size - 90.0,
                "west": x * size - 180.0,
                "size": size,
            }
        )
    if by_type:
        for cell in out:
            cell["types"] = {}
        # One count per (cell, type) by bincount: linear, where np.unique of the pairs sorts.
        kinds = max(len(types), 1)
        pairs = inverse.astype("int64") * kinds + type_code
        per_type = np.bincount(pairs, minlength=len(out) * kinds).reshape(len(out), kinds)
        for cell_i, code in zip(*(a.tolist() for a in np.nonzero(per_type)), strict=True):
            out[cell_i]["types"][types[code] or "Other"] = int(per_type[cell_i, code])
    return out


def _cells(key: np.ndarray, cy: np.ndarray, cx: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``np.unique(key, return_inverse=True, return_counts=True)`` for cell keys ``cy·10⁷ + cx``:
    counted in one dense array when the cells between the corners are few (linear time, no sort)."""
    y0, x0 = int(cy.min()), int(cx.min())
    height, width = int(cy.max()) - y0 + 1, int(cx.max()) - x0 + 1
    if height * width > DENSE_CELLS:
        return np.unique(key, return_inverse=True, return_counts=True)
    dense = (cy - y0) * width + (cx - x0)
    counts = np.bincount(dense, minlength=height * width)
    occupied = np.flatnonzero(counts)
    # Each cell's rank among the occupied ones, looked up: a gather, where searchsorted bisects.
    rank = np.zeros(height * width, dtype="int64")
    rank[occupied] = np.arange(len(occupied))
    inverse = rank[dense]
    cells = (occupied // width + y0) * 10_000_000 + (occupied % width + x0)
    return cells, inverse, counts[occupied]
