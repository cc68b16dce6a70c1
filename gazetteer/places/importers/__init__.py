"""Importers: read third-party gazetteer files as :class:`gazetteer.places.place.Place` objects.

Each importer module exposes ``iter_places(path, ...) -> Iterator[Place]`` and
raises :class:`gazetteer.errors.ImportFormatError` on input it cannot read.
Persist imported places with :func:`gazetteer.places.storage.extend`.  On the
command line (the values are JSON when they parse as JSON)::

    flask gazetteer import ocha syr_admin1.geojson syr_admin2.geojson syr_admin3.geojson
    flask gazetteer import geonames SY.txt -o alternate_names=alternateNames.txt
    flask gazetteer import csv admin_units_flat.csv -o preset=opensyria-admin
    flask gazetteer import csv villages.csv -o prefix=my -o default_type=village \
        -o 'mapping={"name": "name_en", "name_ar": "name_ar", "lat": "lat", "lon": "lon"}'

==========  ===============================================  =====================================
name        format                                           options
==========  ===============================================  =====================================
geonames    GeoNames country dump (``SY.txt``, 19 columns)   ``alternate_names=``, ``min_population=``
ocha        OCHA COD-AB GeoJSON or attribute CSV             ``layer=`` (default: from the columns)
csv         any CSV / JSON list with a column mapping        ``preset=`` or ``mapping=``, ``prefix=``…
==========  ===============================================  =====================================
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from ...errors import ImportFormatError
from ..place import Place
from . import csvmap, geonames, ocha


def _csv(path: str | Path, *, preset: str | None = None, **options: Any) -> Iterator[Place]:
    """The csv importer: a named layout from :data:`csvmap.PRESETS`, or an explicit ``mapping``."""
    if preset is not None:
        return csvmap.iter_preset(path, preset, **options)
    if "mapping" not in options or "prefix" not in options:
        raise ImportFormatError(
            f"the csv importer needs preset= (one of {', '.join(csvmap.PRESETS)}) or mapping= and prefix="
        )
    return csvmap.iter_places(path, **options)


IMPORTERS: dict[str, Callable[..., Iterator[Place]]] = {
    "geonames": geonames.iter_places,
    "ocha": ocha.iter_places,
    "csv": _csv,
}


def iter_import(kind: str, path: str | Path, **options: Any) -> Iterator[Place]:
    """Places from ``path`` read by the importer called ``kind`` (a key of :data:`IMPORTERS`).

    Raises :class:`ImportFormatError` for an unknown ``kind`` or unreadable input.
    """
    try:
        importer = IMPORTERS[kind]
    except KeyError:
        raise ImportFormatError(f"unknown importer {kind!r}; choose one of {', '.join(IMPORTERS)}") from None
    return importer(path, **options)


__all__ = ["IMPORTERS", "csvmap", "geonames", "iter_import", "ocha"]
