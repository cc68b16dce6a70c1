"""The map index's columns: parallel numpy arrays over the located incidents, so viewport
clusters over a million incidents cost milliseconds.

:class:`MapIndex` is immutable: :meth:`MapIndex.updated` makes a new one from an old one and
the rows read again (new ones, changed ones), carrying over the masks it keeps (the filters'
conditions, text searches).  Which index a request uses, and when it is updated, is
:mod:`webapp.mapindex`'s job.

The filters' column conditions (:func:`webapp.filters.conditions`) are evaluated over the
arrays (:mod:`webapp.mapconditions`; the index keeps their masks), and its grid cells are counted
over them too (:mod:`webapp.mapgrid`); free text and actors over the incidents' search terms
(:mod:`webapp.mapterms`), except for rows changed since they were indexed, which SQL checks again;
source and article select ids in SQL.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
from sqlalchemy import ColumnElement, Date, Integer, cast, func, literal, select

from .database import fetch_rows, is_one_of, session_dialect, stream_rows
from .filters import Between, Condition, Filters, conditions
from .mapconditions import condition_mask
from .mapgrid import counted_cells
from .mapterms import TermIndex, with_columns
from .models import Incident, IncidentSearch
from .textsearch import matching_ids, search_terms

#: Text searches (q/actor/source) whose matching rows are kept per index.
TEXT_CACHE_SIZE = 32
#: Column conditions (other than the bbox) whose masks are kept per index.
CONDITION_CACHE_SIZE = 32
#: The Julian day of 1970-01-01 (SQLite's ``julianday`` counts days from 4714 BC).
_UNIX_JULIAN_DAY = 2440587.5


def _columns() -> tuple[ColumnElement[Any], ...]:
    """The columns read for each located incident, in the order :meth:`MapIndex.from_rows` takes
    them; the date as days since 1970-01-01, computed by the database (no date objects made)."""
    if session_dialect() == "sqlite":
        day = cast(func.julianday(Incident.date) - _UNIX_JULIAN_DAY, Integer)
    else:
        day = cast(Incident.date - cast(literal("1970-01-01"), Date), Integer)
    return (
        Incident.id,
        Incident.lat,
        Incident.lon,
        day,
        Incident.event_type,
        func.lower(Incident.admin1),
        Incident.geo_precision,
        Incident.status,
        Incident.merged_into_id,
    )


#: The arrays of a :class:`MapIndex`, one value per incident, in id order.
ARRAYS = (
    "ids",
    "lat",
    "lon",
    "day",
    "has_date",
    "type_code",
    "admin_code",
    "precision",
    "status_code",
    "merged_into",
)
#: Its code tables: the value each integer code of ``type_code``/``admin_code``/``status_code`` stands for.
CODE_TABLES = ("types", "admins", "statuses")
#: Above this many stale incidents (changed since their search terms were indexed), their terms
#: are read again: each text search asks SQL about every stale incident, and the stale set (kept
#: in the snapshot across restarts) would otherwise grow with every correction until the next full
#: read. Reading them again copies both term indexes once, under the map index's lock.
STALE_LIMIT = 5_000


@dataclass(frozen=True)
class MapIndex:
    """Parallel arrays over located incidents, ordered by id; ``types``/``admins`` decode the codes."""

    ids: np.ndarray
    lat: np.ndarray
    lon: np.ndarray
    day: np.ndarray  # days since 1970-01-01; meaningful only where has_date
    has_date: np.ndarray
    type_code: np.ndarray
    admin_code: np.ndarray  # codes of lower-cased admin1
    precision: np.ndarray  # 0 when unknown
    status_code: np.ndarray
    merged_into: np.ndarray  # the primary's id for a merged report, 0 for a primary
    types: tuple[str, ...]
    admins: tuple[str, ...]
    statuses: tuple[str, ...]
    _text_cache: dict[Filters, np.ndarray] = field(default_factory=dict, compare=False, repr=False)
    _condition_cache: dict[Condition, np.ndarray] = field(default_factory=dict, compare=False, repr=False)
    # Per cached text search: the ids read since it was answered, whose part is not known yet.
    _text_unknown: dict[Filters, np.ndarray] = field(default_factory=dict, compare=False, repr=False)
    # The incidents' search words and actors; ``stale``: ids whose search row may have changed
    # since it was indexed (a correction, a merge), which free-text searches ask SQL about.
    text_terms: TermIndex = field(default_factory=TermIndex.empty, compare=False, repr=False)
    actor_terms: TermIndex = field(default_factory=TermIndex.empty, compare=False, repr=False)
    stale: np.ndarray = field(default_factory=lambda: np.zeros(0, "int64"), compare=False, repr=False)

    @classmethod
    def empty(cls) -> MapIndex:
        """An index of no incidents."""
        return cls.from_rows([])

    @classmethod
    def load(cls) -> MapIndex:
        """Read every located incident's mapped columns from the database."""
        return cls.empty().updated(where=[], drop=())

    @classmethod
    def from_arrays(cls, arrays: Mapping[str, Any]) -> MapIndex:
        """The index whose :meth:`arrays` these are (KeyError when one is missing)."""
        return cls(
            **{name: arrays[name] for name in (*ARRAYS, *CODE_TABLES)},
            text_terms=TermIndex.from_arrays(arrays, "text_"),
            actor_terms=TermIndex.from_arrays(arrays, "actor_"),
            stale=arrays["stale"],
        )

    @classmethod
    def from_rows(
        cls, rows: Sequence[Sequence[Any]], codes: tuple[tuple[str, ...], ...] = ((), (), ())
    ) -> MapIndex:
        """An index of ``rows`` (the values of :func:`_columns`, in id order), its code tables
        extending ``codes`` (so codes already given keep their meaning)."""
        cols = list(zip(*rows, strict=True)) if len(rows) else [()] * 9
        types, type_code = _codes(cols[4], codes[0])
        admins, admin_code = _codes(cols[5], codes[1])
        statuses, status_code = _codes(cols[7], codes[2])
        has_date = np.array([d is not None for d in cols[3]], dtype=bool)
        day = np.array([d or 0 for d in cols[3]], dtype="int64")
        return cls(
            ids=np.array(cols[0], dtype="int64"),
            lat=np.array(cols[1], dtype="float64"),
            lon=np.array(cols[2], dtype="float64"),
            day=day,
            has_date=has_date,
            type_code=type_code,
            admin_code=admin_code,
            precision=np.array([p or 0 for p in cols[6]], dtype="int8"),
            status_code=status_code,
            merged_into=np.array([m or 0 for m in cols[8]], dtype="int64"),
            types=types,
            admins=admins,
            statuses=statuses,
        )

    def updated(self, *, where: Iterable[ColumnElement[bool]], drop: Iterable[int]) -> MapIndex:
        """A new index: this one without the incidents ``drop``, plus the located incidents the
        criteria ``where`` select, read from the database (replacing any with the same id)."""
        located = (Incident.lat.is_not(None), Incident.lon.is_not(None), *where)
        rows = fetch_rows(select(*_columns()).where(*located).order_by(Incident.id))
        fresh = MapIndex.from_rows(rows, (self.types, self.admins, self.statuses))
        gone = np.union1d(np.fromiter(drop, dtype="int64"), fresh.ids)
        keep = ~self.holds(gone)
        ids = np.concatenate((self.ids[keep], fresh.ids))
        # Sorted again only when a changed or late row came back below newer ones.
        order = np.argsort(ids, kind="stable") if np.any(ids[1:] < ids[:-1]) else None

        def merged(old: np.ndarray, new: np.ndarray) -> np.ndarray:
            joined = np.concatenate((old[keep], new))
            return joined if order is None else joined[order]

        text_terms, actor_terms = with_columns(
            (self.text_terms, self.actor_terms), stream_rows(_search_rows(*located))
        )
        index = MapIndex(
            **{name: merged(getattr(self, name), getattr(fresh, name)) for name in ARRAYS},
            types=fresh.types,
            admins=fresh.admins,
            statuses=fresh.statuses,
            text_terms=text_terms,
            actor_terms=actor_terms,
            # A dropped incident keeps its postings: were it read again, they may be out of date.
            stale=np.union1d(self.stale, np.fromiter(drop, dtype="int64")),
        )
        # The kept masks carry over: the old rows' part is still right, the fresh rows' is computed
        # now (conditions) or on the search's next use (text, from the database).
        # Copies: request threads may add to these dicts meanwhile (each step is atomic).
        for condition, held in list(self._condition_cache.items()):
            index._condition_cache[condition] = merged(held, condition_mask(fresh, condition))
        unknown = np.zeros(len(fresh.ids), dtype=bool)
        for text_only, hit in list(self._text_cache.items()):
            index._text_cache[text_only] = merged(hit, unknown)
            index._text_unknown[text_only] = np.union1d(
                self._text_unknown.get(text_only, np.zeros(0, "int64")), fresh.ids
            )
        return index._terms_read_again() if len(index.stale) > STALE_LIMIT else index

    def _terms_read_again(self) -> MapIndex:
        """This index with its stale incidents' search terms read again, and none stale.

        The masks it keeps carry over (they hold what SQL answered for the stale rows).
        """
        located = (Incident.lat.is_not(None), Incident.lon.is_not(None))
        fresh_rows = stream_rows(_search_rows(*located, is_one_of(Incident.id, self.stale.tolist())))
        text_terms, actor_terms = with_columns(
            (self.text_terms.without(self.stale), self.actor_terms.without(self.stale)), fresh_rows
        )
        return replace(self, text_terms=text_terms, actor_terms=actor_terms, stale=np.zeros(0, "int64"))

    def holds(self, ids: np.ndarray) -> np.ndarray:
        """A mask over this index: True for the incidents whose id is in ``ids``."""
        found = np.zeros(len(self.ids), dtype=bool)
        if len(self.ids) and len(ids):
            at = np.searchsorted(self.ids, ids)
            inside = at < len(self.ids)
            at = at[inside]
            found[at[self.ids[at] == ids[inside]]] = True
        return found

    def arrays(self) -> dict[str, Any]:
        """The arrays and code tables by name (what :mod:`webapp.mapsnapshot` stores)."""
        return {
            **{name: getattr(self, name) for name in (*ARRAYS, *CODE_TABLES)},
            **self.text_terms.arrays("text_"),
            **self.actor_terms.arrays("actor_"),
            "stale": self.stale,
        }

    def mask(self, flt: Filters) -> np.ndarray:
        """Which incidents match ``flt``: its column conditions over the arrays, its free text and
        actors over the search terms, its source and article in SQL."""
        m = np.ones(len(self.ids), dtype=bool)
        if flt.q or flt.actors or flt.source or flt.article_id is not None:
            sql_only = Filters(q=flt.q, actors=flt.actors, source=flt.source, article_id=flt.article_id)
            m &= self._text_mask(sql_only)
        for condition in conditions(flt):
            m &= self._cached_holds(condition)
        return m

    def _cached_holds(self, condition: Condition) -> np.ndarray:
        # Panning changes the bbox; the other conditions (primaries only, statuses, types, dates…)
        # stay, so their masks are kept for the life of this index.
        if isinstance(condition, Between) and condition.column in ("lat", "lon"):
            return condition_mask(self, condition)
        held = self._condition_cache.get(condition)
        if held is None:
            held = condition_mask(self, condition)
            if len(self._condition_cache) >= CONDITION_CACHE_SIZE:
                self._condition_cache.pop(next(iter(self._condition_cache), None), None)
            self._condition_cache[condition] = held
        return held

    def _text_mask(self, text_only: Filters) -> np.ndarray:
        # Panning and zooming repeat the same search: keep its answer for the life of this index,
        # and of the indexes updated from it (see :meth:`updated`).
        hit = self._text_cache.get(text_only)
        if hit is None:
            hit = self._search(text_only)
            if len(self._text_cache) >= TEXT_CACHE_SIZE:
                dropped = next(iter(self._text_cache), None)
                self._text_cache.pop(dropped, None)
                self._text_unknown.pop(dropped, None)
            self._text_cache[text_only] = hit
        unknown = self._text_unknown.pop(text_only, None)
        if unknown is not None and len(unknown):
            hit[self.holds(matching_ids(text_only, among=unknown))] = True
        return hit

    def _search(self, text_only: Filters) -> np.ndarray:
        """A mask of the incidents matching ``text_only``: its free text and actors from the terms
        (the stale rows' from SQL); a source or an article from SQL."""
        words, actor_keys = search_terms(text_only)
        if text_only.source or text_only.article_id is not None or not (words or actor_keys):
            return self.holds(matching_ids(text_only))
        hit = np.ones(len(self.ids), dtype=bool)
        for word in words:
            hit &= self.holds(self.text_terms.holding(word))
        if actor_keys:
            hit &= self.holds(np.concatenate([self.actor_terms.holding(key) for key in actor_keys]))
        stale = self.holds(self.stale)
        if stale.any():
            hit &= ~stale
            hit |= self.holds(matching_ids(text_only, among=self.ids[stale]))
        return hit

    def grid(self, mask: np.ndarray, size: float, *, by_type: bool) -> list[dict[str, Any]]:
        """Cells as :func:`webapp.density.grid_cells` returns them, computed over the arrays
        (:func:`webapp.mapgrid.counted_cells`)."""
        return counted_cells(
            self.lat[mask], self.lon[mask], self.type_code[mask], self.types, size, by_type=by_type
        )


def _search_rows(*criteria: ColumnElement[bool]) -> Any:
    """The search words and actors of the incidents ``criteria`` select, by incident id."""
    searched = select(IncidentSearch.incident_id, IncidentSearch.text, IncidentSearch.actors)
    return searched.join(Incident).where(*criteria)


def _codes(values: Sequence[Any], known: tuple[str, ...] = ()) -> tuple[tuple[str, ...], np.ndarray]:
    """The code table (``known`` first, then the new values, sorted) and the codes of ``values``."""
    names = known + tuple(sorted({v or "" for v in values} - set(known)))
    lookup = {n: i for i, n in enumerate(names)}
    return names, np.array([lookup[v or ""] for v in values], dtype="int32")
