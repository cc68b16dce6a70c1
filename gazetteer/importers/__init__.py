"""Importers: read third-party gazetteer files as :class:`gazetteer.place.Place` objects.

Each importer module exposes ``iter_places(path, ...) -> Iterator[Place]`` and
raises :class:`gazetteer.errors.ImportFormatError` on input it cannot read.
Persist imported places with :func:`gazetteer.build.extend`.

==========  ===============================================  =====================================
name        format                                           options
==========  ===============================================  =====================================
geonames    GeoNames country dump (``SY.txt``, 19 columns)   ``alternate_names=``, ``min_population=``
ocha        OCHA COD-AB GeoJSON or attribute CSV             ``layer=`` (default: from the file name)
csv         any CSV / JSON list with a column mapping        ``mapping=``, ``prefix=``, ``types=``…
==========  ===============================================  =====================================
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from ..errors import ImportFormatError
from ..place import Place
from . import csvmap, geonames, ocha

IMPORTERS: dict[str, Callable[..., Iterator[Place]]] = {
    "geonames": geonames.iter_places,
    "ocha": ocha.iter_places,
    "csv": csvmap.iter_places,
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
