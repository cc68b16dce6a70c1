"""The interface's strings in English and Arabic, one module per area of the app.

:data:`STRINGS` (key → (English, Arabic)) joins the areas' catalogues:
:mod:`~webapp.catalogue.site` (the frame, lists, the error page), :mod:`~webapp.catalogue.maps`,
:mod:`~webapp.catalogue.articles` (upload form, article page), :mod:`~webapp.catalogue.gazetteer`,
:mod:`~webapp.catalogue.jobs`, :mod:`~webapp.catalogue.feeds`, :mod:`~webapp.catalogue.review`,
:mod:`~webapp.catalogue.incidents` and :mod:`~webapp.catalogue.accounts`.  A key belongs to one
area: a key written in two raises :class:`ValueError` on import, so that one never silently
hides the other.  Names given in English by the gazetteer and the extractor are in
:mod:`~webapp.catalogue.types`, other libraries' texts in :mod:`~webapp.catalogue.library`.
:mod:`webapp.i18n` reads them from here.
"""

from __future__ import annotations

from collections.abc import Mapping

from . import accounts, articles, feeds, gazetteer, incidents, jobs, maps, review, site
from .library import LIBRARY_TEXTS_AR
from .types import ACTORS_AR, EVENT_TYPES_AR, PLACE_TYPES_AR

__all__ = ["ACTORS_AR", "EVENT_TYPES_AR", "LIBRARY_TEXTS_AR", "PLACE_TYPES_AR", "STRINGS", "joined"]


def joined(*areas: Mapping[str, tuple[str, str]]) -> dict[str, tuple[str, str]]:
    """The areas' catalogues as one; raises :class:`ValueError` naming a key two of them define."""
    out: dict[str, tuple[str, str]] = {}
    for area in areas:
        twice = out.keys() & area.keys()
        if twice:
            raise ValueError(f"interface keys defined in two areas of the catalogue: {sorted(twice)}")
        out.update(area)
    return out


#: key → (English, Arabic).  ``{name}`` marks a parameter (see :func:`webapp.i18n.format_markup`).
STRINGS: dict[str, tuple[str, str]] = joined(
    site.STRINGS,
    maps.STRINGS,
    articles.STRINGS,
    gazetteer.STRINGS,
    jobs.STRINGS,
    feeds.STRINGS,
    review.STRINGS,
    incidents.STRINGS,
    accounts.STRINGS,
)
