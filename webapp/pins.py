"""Places analysts pin: names the gazetteer lacked, stored in the database, merged into the gazetteer.

``POST /api/places``, the unresolved-names page's form and ``flask gazetteer pin`` build a
:class:`PlaceDraft` (validated by :meth:`PlaceDraft.from_json`) and call :func:`pin_place`, which
stores an :class:`~webapp.models.AnalystPlace` with its audit record in one transaction.  Every
process then merges the pinned places into its gazetteer when :func:`places_version` changes
(:class:`webapp.extensions.GazetteerProvider`); :mod:`webapp.reresolve` re-reads the articles that
named the place.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select

from gazetteer import AdminRef, Gazetteer, Place, PlaceType, normalize_name

from . import audit
from .database import committed
from .errors import InvalidPlace
from .extensions import db, gazetteers
from .models import ANALYST_SOURCE, AnalystPlace
from .reresolve import ReresolveReport, reresolve

FIELDS = ("name", "name_ar", "lat", "lon", "type", "variants", "parent")
#: Syria's bounding box (south, west, north, east), with a margin of a few kilometres.
SYRIA_BOUNDS = (32.3, 35.6, 37.4, 42.4)
#: The admin level of each admin type, as a child's :class:`gazetteer.AdminRef` holds it.
ADMIN_LEVELS = {PlaceType.GOVERNORATE: 1, PlaceType.DISTRICT: 2, PlaceType.SUBDISTRICT: 3}
MAX_NAME = 200
MAX_VARIANTS = 20
LICENCE = "CC BY 4.0, this project's analysts"


@dataclass(frozen=True, slots=True)
class PlaceDraft:
    """A place to pin, valid by construction through :meth:`from_json`."""

    name: str
    lat: float
    lon: float
    type: PlaceType
    name_ar: str = ""
    variants: tuple[str, ...] = ()
    parent: str = ""

    @classmethod
    def from_json(cls, data: object) -> PlaceDraft:
        """Validate ``{"name", "name_ar"?, "lat", "lon", "type", "variants"?, "parent"?}``;
        raises :class:`InvalidPlace` naming what is wrong."""
        if not isinstance(data, dict):
            raise InvalidPlace.not_an_object()
        for name in data:
            if name not in FIELDS:
                raise InvalidPlace.unknown_field(str(name)[:100], ", ".join(FIELDS))
        for name in ("name", "lat", "lon", "type"):
            if data.get(name) in (None, ""):
                raise InvalidPlace.missing(name)
        lat, lon = _number(data, "lat", 90.0, "latitude"), _number(data, "lon", 180.0, "longitude")
        south, west, north, east = SYRIA_BOUNDS
        if not (south <= lat <= north and west <= lon <= east):
            raise InvalidPlace.outside_syria(lat, lon)
        variants = data.get("variants") or []
        if not isinstance(variants, list) or len(variants) > MAX_VARIANTS:
            raise InvalidPlace.bad_value("variants", variants, "names")
        return cls(
            name=_name(data, "name", data["name"]),
            name_ar=_name(data, "name_ar", data["name_ar"]) if data.get("name_ar") else "",
            lat=lat,
            lon=lon,
            type=_type(data["type"]),
            variants=tuple(dict.fromkeys(_name(data, "variants", v) for v in variants)),
            parent=_name(data, "parent", data["parent"]) if data.get("parent") else "",
        )


@dataclass(frozen=True, slots=True)
class Pinned:
    """The stored place, and what re-reading the articles that named it changed."""

    row: AnalystPlace
    reresolved: ReresolveReport


def pin_place(draft: PlaceDraft, actor: audit.Actor) -> Pinned:
    """Store ``draft`` as a place of source "analyst" by ``actor``, with its audit record, in one
    transaction; then geoparse again the articles with an unresolved mention of one of its names
    (:func:`webapp.reresolve.reresolve`, one transaction each), with this process's gazetteer
    holding the new place.

    Its admin parents come from ``draft.parent`` (a gazetteer id, or a name only one place
    bears) and, for the levels still missing, from the admin polygons covering its point.
    Raises :class:`InvalidPlace` for an unknown or ambiguous parent; nothing is written then.
    """
    gazetteer = gazetteers.get()
    parent = _parent(gazetteer, draft.parent) if draft.parent else None
    parents = _parents(gazetteer, draft, parent)
    row = AnalystPlace(
        name=draft.name,
        name_ar=draft.name_ar,
        type=draft.type.value,
        lat=draft.lat,
        lon=draft.lon,
        variants=list(draft.variants),
        parent_id=parent.id if parent else None,
        parents=[dataclasses.asdict(p) for p in parents],
        user_id=actor.user_id,
        user_name=actor.name,
    )
    with committed():
        db.session.add(row)
        db.session.flush()
        audit.record(actor, "new place", "place", row.id, None, place_dict(row))
    gazetteers.refresh()
    names = [row.name, row.name_ar, *(row.variants or [])]
    return Pinned(row, reresolve([n for n in names if n], actor))


def pinned_dict(pinned: Pinned) -> dict[str, Any]:
    """The API's answer to a pin: the place, and ``reresolved`` {articles, moved, added}."""
    return {**place_dict(pinned.row), "reresolved": dataclasses.asdict(pinned.reresolved)}


def place_dict(row: AnalystPlace) -> dict[str, Any]:
    """The JSON form of a pinned place (the API's answer and its audit record)."""
    return {
        "id": row.place_id,
        "name": row.name,
        "name_ar": row.name_ar,
        "type": row.type,
        "lat": row.lat,
        "lon": row.lon,
        "variants": list(row.variants or []),
        "parent": row.parent_id,
        "admin1": next((p["name"] for p in row.parents or [] if p.get("level") == 1), ""),
        "source": ANALYST_SOURCE,
        "author": row.user_name,
    }


def as_place(row: AnalystPlace) -> Place:
    """The gazetteer place of a pinned row (id ``analyst:<id>``, source "analyst")."""
    return Place(
        id=row.place_id,
        name=row.name,
        name_ar=row.name_ar,
        type=PlaceType(row.type),
        lat=row.lat,
        lon=row.lon,
        alt_names=tuple(row.variants or ()),
        parents=tuple(AdminRef(**p) for p in row.parents or ()),  # type: ignore[arg-type]
        source=ANALYST_SOURCE,
        licence=LICENCE,
    )


def places_version() -> tuple[int, int]:
    """``(max(id), count)`` of the pinned places: one cheap query, different after every pin."""
    top, count = db.session.execute(select(func.max(AnalystPlace.id), func.count(AnalystPlace.id))).one()
    return int(top or 0), int(count or 0)


def pinned_places() -> list[Place]:
    """Every pinned place as a gazetteer place, oldest first."""
    return [as_place(row) for row in db.session.scalars(select(AnalystPlace).order_by(AnalystPlace.id))]


def with_pinned(base: Gazetteer, pinned: list[Place]) -> Gazetteer:
    """``base`` with the ``pinned`` places added (``base`` itself when there are none)."""
    return Gazetteer([*base, *pinned]) if pinned else base


def _parent(gazetteer: Gazetteer, query: str) -> Place:
    if query in gazetteer:
        return gazetteer.get(query)
    found = gazetteer.lookup(query)
    if not found:
        raise InvalidPlace.unknown_parent(query)
    if len(found) > 1:
        # "Idlib" is the city and its governorate: an admin area is the parent one means.
        areas = [p for p in found if p.type in ADMIN_LEVELS]
        if len(areas) != 1:
            raise InvalidPlace.ambiguous_parent(query, [p.id for p in found])
        return areas[0]
    return found[0]


def _parents(gazetteer: Gazetteer, draft: PlaceDraft, parent: Place | None) -> tuple[AdminRef, ...]:
    """The admin parents of the place to pin: its parent's, the parent itself when an admin area,
    then the levels still missing from the admin polygons covering its point."""
    from gazetteer import complete_parents  # shapely: only when a place is pinned

    known: dict[int, AdminRef] = {}
    if parent is not None:
        known.update((p.level, p) for p in parent.parents)
        level = ADMIN_LEVELS.get(parent.type)
        if level is not None:
            known[level] = AdminRef(level, parent.name, parent.name_ar, parent.pcode)
    place = Place(
        id="new",
        name=draft.name,
        name_ar=draft.name_ar,
        type=draft.type,
        lat=draft.lat,
        lon=draft.lon,
        parents=tuple(sorted(known.values(), key=lambda p: p.level)),
    )
    areas = [p for p in gazetteer if p.type in ADMIN_LEVELS and p.in_syria and p.geometry]
    return complete_parents([*areas, place])[-1].parents


def _name(data: dict[str, Any], field: str, value: object) -> str:
    if not isinstance(value, str) or not value.strip() or len(value) > MAX_NAME:
        raise InvalidPlace.bad_value(field, value, "text", limit=MAX_NAME)
    # JSON carries what no database column stores: a NUL (PostgreSQL) or half a surrogate pair (any).
    if "\x00" in value:
        raise InvalidPlace.bad_value(field, value.replace("\x00", "\\0"), "no_nul")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        shown = value.encode("utf-8", "backslashreplace").decode()
        raise InvalidPlace.bad_value(field, shown, "unicode") from None
    if not normalize_name(value):
        raise InvalidPlace.bad_value(field, value, "text", limit=MAX_NAME)
    return " ".join(value.split())


def _type(value: object) -> PlaceType:
    try:
        return PlaceType(value)
    except ValueError:
        choices = ", ".join(t.value for t in PlaceType)
        raise InvalidPlace.bad_value("type", value, "place_type", choices=choices) from None


def _number(data: dict[str, Any], name: str, bound: float, expected: str) -> float:
    value = data[name]
    if isinstance(value, str):  # a form's field
        try:
            value = float(value)
        except ValueError:
            raise InvalidPlace.bad_value(name, data[name], expected) from None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise InvalidPlace.bad_value(name, value, expected)
    if not -bound <= value <= bound:
        raise InvalidPlace.bad_value(name, value, expected)
    return float(value)
