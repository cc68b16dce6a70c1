"""The events an article has told so far, and which one a new report adds to.

:func:`gazetteer.events.extract.extract_incidents` reads an article sentence by
sentence and makes a :class:`Draft` of each event a sentence reports.  A new
draft either merges into an earlier one (the same event told again) or is kept
as an incident of its own.  :class:`Drafts` keeps them and answers the
extractor's questions about earlier drafts from indexes, not by reading every
draft, so that each report costs the same however many events came before:

* a report with a place merges into the earliest draft of the same kind at the
  same place and time, looked up under (event type, sub-event type, place, date
  key), where the date keys of two reports meet exactly when :func:`same_time`
  holds for them;
* a report without a place continues the latest recent draft of its kind,
  found among the drafts made or merged in the last few sentences;
* the latest draft (made or merged last) is kept as drafts change.

Once the article is read, a headline or a report without a place that the next
sentences tell again at a place (:func:`retold_by`) folds into that report
(:func:`fold_into`): the headline "Airstrike kills four in X" is the lead's event.
:func:`untold_again` does this for the article's drafts.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..geoparser.containment import in_capitals_countryside, lies_in, rank_of
from ..geoparser.result import Incident
from .actors import Actor

if TYPE_CHECKING:
    from ..places.place import Place
    from .classify import EventEntry

__all__ = [
    "CONTINUATION_SENTENCES",
    "RETOLD_SENTENCES",
    "Draft",
    "Drafts",
    "fold_into",
    "retold_by",
    "same_time",
    "untold_again",
]

#: A report without a place continues an event reported at most this many sentences before.
CONTINUATION_SENTENCES = 3

#: The date a sentence states, with its precision ("day", "week", "month" or "year").
Stated = tuple[dt.date, str]
#: What a draft is filed under: (event type, sub-event type or None for any, place id, date key).
_Key = tuple[str, str | None, str, tuple[object, ...]]
_UNDATED = ("any date",)  # every draft is filed under it: an undated report meets any date


@dataclass(slots=True)
class Draft:
    """An incident being assembled from the sentences that report it."""

    incident: Incident
    entry: EventEntry
    actor1: Actor | None
    actor2: list[Actor] = field(default_factory=list)
    last_sentence: int = 0  # the sentence that made it or last merged into it
    stated_date: Stated | None = None  # the sentence's own date expression, if any
    distinct: bool = False  # "the second incident": never merged into an earlier one
    aggregate: bool = False  # "two incidents", "ten incidents": counted events, never merged
    anaphoric: bool = False  # "this attack": about an event already told
    heading: bool = False  # "Two incidents were identified.": context for what follows, not an incident
    headline: bool = False  # the article's title: the lead usually tells its event again
    points_back: bool = False  # opens with "This airstrike", «هذه الغارة»: about the event just told
    order: int = -1  # its position among the drafts kept (set by Drafts.add)

    @property
    def generic(self) -> bool:
        return self.entry.kind == "generic"

    @property
    def place_id(self) -> str | None:
        loc = self.incident.location
        return loc.place.id if loc is not None and loc.place is not None else None


def same_time(earlier: Stated | None, new: Stated | None) -> bool:
    """False when the two reports cannot be of the same day.

    A new report that states its date is another event than an earlier one that
    stated none: the lead of a story is dated, its details seldom are.
    """
    if new is None:
        return True
    if earlier is None:
        return False
    (da, pa), (db, pb) = earlier, new
    if "day" in (pa, pb) and pa == pb:
        return da == db
    coarse = pa if pa != "day" else pb
    if coarse == "month":
        return (da.year, da.month) == (db.year, db.month)
    if coarse == "year":
        return da.year == db.year
    return abs((da - db).days) < 7


#: A headline, or a report without a place, is told again by a report this many sentences later at most.
RETOLD_SENTENCES = 2


def retold_by(earlier: Draft, later: Draft) -> bool:
    """Whether ``later`` tells again, more precisely, the event of ``earlier``.

    ``earlier`` is the article's headline or a report without a place («قصف جوي
    على ريف إدلب»), ``later`` a report of the same event type a sentence or two
    after, at a place and not marked as another event, of the same time.
    """
    inc, other = earlier.incident, later.incident
    return (
        (earlier.headline or (inc.location is None and other.location is not None))
        and not (earlier.aggregate or earlier.heading or later.distinct or later.aggregate)
        and 0 < other.sentence - inc.sentence <= RETOLD_SENTENCES
        and inc.event_type == other.event_type
        and (earlier.stated_date is None or same_time(earlier.stated_date, later.stated_date))
    )


def fold_into(later: Draft, earlier: Draft) -> Draft:
    """Give ``later`` what only ``earlier`` told: actors, and counts it does not state; returns the
    draft that stays.

    When ``later`` points back ("This airstrike, on ... in X"), ``earlier`` is the
    report and ``later`` only places it: ``earlier`` takes its place instead.
    """
    if later.points_back and not earlier.headline:
        earlier.incident.location, earlier.incident.mention = later.incident.location, later.incident.mention
        later, earlier = earlier, later
    if later.actor1 is None and earlier.actor1 is not None:
        later.actor1 = earlier.actor1
    for actor in earlier.actor2:
        if actor not in later.actor2 and actor != later.actor1:
            later.actor2.append(actor)
    inc, other = later.incident, earlier.incident
    for attr in ("fatalities", "injuries"):
        if getattr(inc, attr) is None:
            setattr(inc, attr, getattr(other, attr))
    for key, value in other.counts.items():
        inc.counts.setdefault(key, value)
    return later


def _week_around(day: dt.date) -> list[dt.date]:
    """The days less than a week from ``day``, either side (those inside the calendar)."""
    days = []
    for offset in range(-6, 7):
        try:
            days.append(day + dt.timedelta(days=offset))
        except OverflowError:  # a date at the calendar's edge
            continue
    return days


def filed_under(stated: Stated) -> list[tuple[object, ...]]:
    """The date keys of an earlier report stating ``stated`` (see :func:`looked_up`)."""
    day, precision = stated
    if precision == "year":
        return [("year", day.year)]
    if precision == "month":
        return [("month", day.year, day.month)]
    if precision == "day":
        return [("day", day), ("day in month", day.year, day.month), ("day in year", day.year)]
    return [("week", day)]  # week precision, and any other, meets dates less than a week away


def looked_up(stated: Stated) -> list[tuple[object, ...]]:
    """The date keys a new report stating ``stated`` looks under.

    They meet the keys of an earlier report (:func:`filed_under`) exactly when
    :func:`same_time` holds for the two: an earlier year or month meets its own
    year or month, an earlier week the days around; an earlier day meets the
    same day, the days around, the month or the year, as precise as the new report.
    """
    day, precision = stated
    week = _week_around(day)
    keys: list[tuple[object, ...]] = [("year", day.year), ("month", day.year, day.month)]
    keys += [("week", d) for d in week]
    if precision == "day":
        keys.append(("day", day))
    elif precision == "month":
        keys.append(("day in month", day.year, day.month))
    elif precision == "year":
        keys.append(("day in year", day.year))
    else:
        keys += [("day", d) for d in week]
    return keys


def _any_sub_type(new: Draft) -> bool:
    """Whether ``new`` may report an event of any sub-type of its type: a generic word («القصف», "the
    attack"), or an armed clash, which a battle that changed who holds a place was too ("captured X.
    73 fighters were killed in the battle")."""
    inc = new.incident
    return new.generic or (inc.event_type == "Battles" and inc.sub_event_type == "Armed clash")


#: The geo-precision of a location that is a whole area (a countryside, a district, a governorate).
_AREA_PRECISION = 3


def _holds(area: Place, place: Place) -> bool:
    """Whether ``place`` lies in ``area`` or in its countryside (that of a governorate's capital
    reaches its whole governorate; that of another town, the towns around it)."""
    if area.id == place.id or rank_of(area) < rank_of(place):
        return False  # a village's countryside holds no city (a town's may hold another town)
    return in_capitals_countryside(place, area) or lies_in(place, area, relative=True)


def _may_continue(earlier: Draft, new: Draft) -> bool:
    """Whether ``new`` may be a report of the event of ``earlier``, place aside."""
    inc = new.incident
    return (
        earlier.incident.event_type == inc.event_type
        and not earlier.aggregate
        and not earlier.heading
        and (_any_sub_type(new) or earlier.incident.sub_event_type == inc.sub_event_type)
        and same_time(earlier.stated_date, new.stated_date)
    )


class Drafts:
    """An article's drafts in the order they were kept, indexed for merging.

    Iterating gives them in that order.  :meth:`add` keeps a new draft and
    :meth:`merge` merges a report into one; :meth:`merge_target` says which, if any.
    """

    def __init__(self) -> None:
        self._drafts: list[Draft] = []
        self._earliest: dict[_Key, Draft] = {}  # the earliest draft filed under each key
        self._filed: set[tuple[str, str]] = set()  # (event type, place id) of every draft filed
        self._touched: list[tuple[int, Draft]] = []  # (sentence, draft) at each making or merging
        self.latest: Draft | None = None  # made or merged last (the earliest kept, on ties)

    def __len__(self) -> int:
        return len(self._drafts)

    def __iter__(self) -> Iterator[Draft]:
        return iter(self._drafts)

    def __reversed__(self) -> Iterator[Draft]:
        return reversed(self._drafts)

    @property
    def latest_sentence(self) -> float:
        """The last sentence that made or merged a draft; -inf when there is none."""
        return self.latest.last_sentence if self.latest is not None else -math.inf

    def add(self, draft: Draft) -> None:
        """Keep ``draft`` as an event of its own (its ``last_sentence`` is the current sentence)."""
        draft.order = len(self._drafts)
        self._drafts.append(draft)
        dates = [_UNDATED] + (filed_under(draft.stated_date) if draft.stated_date is not None else [])
        self._file(draft, dates)
        self._touch(draft)

    def merge(self, into: Draft, new: Draft, sentence: int) -> None:
        """Merge the report ``new`` of ``sentence`` into the kept draft ``into``.

        Actors are united, counts take their maximum, and ``into`` takes the
        date ``new`` states if it stated none.
        """
        inc, other = into.incident, new.incident
        if into.actor1 is None and new.actor1 is not None:
            into.actor1 = new.actor1
        for actor in new.actor2:
            if actor not in into.actor2 and actor != into.actor1:
                into.actor2.append(actor)
        for key, value in other.counts.items():
            inc.counts[key] = max(inc.counts.get(key, 0), value)
        for attr in ("fatalities", "injuries"):
            values = [v for v in (getattr(inc, attr), getattr(other, attr)) if v is not None]
            setattr(inc, attr, max(values) if values else None)
        if into.stated_date is None and new.stated_date is not None:
            into.stated_date = new.stated_date
            self._file(into, filed_under(into.stated_date))
        into.last_sentence = sentence
        self._touch(into)

    def merge_target(self, new: Draft, sentence: int) -> Draft | None:
        """The kept draft the report ``new`` of ``sentence`` is about, or None for a new event.

        Reports marked as another event, or counting events, merge into nothing
        (unless they refer back: "this attack").  A report with a place merges
        into the earliest draft of its kind at that place, of the same time
        (:func:`same_time`); a generic one («القصف») into any sub-event type of
        its event type.  A report without a place continues the latest draft of
        its kind made or merged in the last :data:`CONTINUATION_SENTENCES` sentences.
        """
        if (new.distinct or new.aggregate) and not new.anaphoric:
            return None
        place_id = new.place_id
        if place_id is not None:
            inc = new.incident
            if (inc.event_type, place_id) not in self._filed:
                return self._placed_inside(new)  # the usual case: no event of this type at this place yet
            sub_type = None if _any_sub_type(new) else inc.sub_event_type
            dates = [_UNDATED] if new.stated_date is None else looked_up(new.stated_date)
            found = [self._earliest.get((inc.event_type, sub_type, place_id, date)) for date in dates]
            candidates = [d for d in found if d is not None]
            return min(candidates, key=lambda d: d.order) if candidates else self._placed_inside(new)
        best: Draft | None = None
        for touched_at, draft in reversed(self._touched):
            if sentence - touched_at > CONTINUATION_SENTENCES:
                break  # earlier ones were touched even longer ago
            if not _may_continue(draft, new):
                continue
            if best is None or (draft.last_sentence, -draft.order) > (best.last_sentence, -best.order):
                best = draft
        return best

    def _placed_inside(self, new: Draft) -> Draft | None:
        """The earliest draft of ``new``'s kind placed inside the area ``new`` is placed at, when
        ``new`` is a generic report there, less precise than that draft; None otherwise.

        «قصفت المدفعية بلدة X في ريف درعا الشرقي … تزامن القصف مع الحملة على ريف درعا الشرقي»:
        a bare «القصف» at the countryside holding X is the shelling of X told again, not a second
        one at the countryside's point.
        """
        where = new.incident.location
        # Only a report placed at a whole area (precision 3: a countryside, a governorate): one at a
        # village or along a road near the earlier place is another place hit ("also hit Hish").
        if not new.generic or where is None or where.place is None or where.geo_precision < _AREA_PRECISION:
            return None
        for draft in self._drafts:
            there = draft.incident.location
            if (
                there is not None
                and there.place is not None
                and there.geo_precision < where.geo_precision
                and _may_continue(draft, new)
                and _holds(where.place, there.place)
            ):
                return draft
        return None

    def _file(self, draft: Draft, dates: list[tuple[object, ...]]) -> None:
        """Make ``draft`` a merge target under each date key, unless an earlier draft is one there."""
        place_id = draft.place_id
        if draft.aggregate or draft.heading or place_id is None:
            return  # never a merge target by place
        inc = draft.incident
        self._filed.add((inc.event_type, place_id))
        for sub_type in (None, inc.sub_event_type):
            for date in dates:
                key = (inc.event_type, sub_type, place_id, date)
                current = self._earliest.get(key)
                if current is None or draft.order < current.order:
                    self._earliest[key] = draft

    def _touch(self, draft: Draft) -> None:
        """Record that ``draft`` was made or merged in its ``last_sentence``."""
        self._touched.append((draft.last_sentence, draft))
        latest = self.latest
        if (
            latest is None
            or draft.last_sentence > latest.last_sentence
            or (draft.last_sentence == latest.last_sentence and draft.order < latest.order)
        ):
            self.latest = draft


def untold_again(drafts: list[Draft]) -> list[Draft]:
    """The drafts, less each headline or placeless report told again just after (one folds into the other).

    Drafts are kept in text order: only the few made in the next sentences are looked at.
    """
    gone: set[int] = set()
    for k, draft in enumerate(drafts):
        if k in gone or not (draft.headline or draft.incident.location is None):
            continue
        last = draft.incident.sentence + RETOLD_SENTENCES
        for j in range(k + 1, len(drafts)):
            if drafts[j].incident.sentence > last:
                break
            if j not in gone and retold_by(draft, drafts[j]):
                stays = fold_into(drafts[j], draft)
                gone.add(j if stays is draft else k)
                break
    return [d for k, d in enumerate(drafts) if k not in gone]
