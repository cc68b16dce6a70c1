"""The place model: one immutable value object per gazetteer entry."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from enum import Enum
from typing import Any

from .normalize import normalize_name


class PlaceType(str, Enum):  # noqa: UP042 - a StrEnum would change str(), which callers format
    """What kind of thing a place is; the value is the stored string."""

    COUNTRY = "country"
    GOVERNORATE = "governorate"
    DISTRICT = "district"
    SUBDISTRICT = "subdistrict"
    CITY = "city"
    TOWN = "town"
    VILLAGE = "village"
    NEIGHBOURHOOD = "neighbourhood"
    CAMP = "camp"
    ROAD = "road"
    BORDER_CROSSING = "border_crossing"
    AIRPORT = "airport"
    MILITARY_BASE = "military_base"
    PRISON = "prison"
    DAM = "dam"
    HOSPITAL = "hospital"
    REGION = "region"
    LANDMARK = "landmark"
    FOREIGN_CITY = "foreign_city"


#: Types that are areas rather than points; an incident placed on one is approximate.
AREA_TYPES = frozenset(
    {PlaceType.COUNTRY, PlaceType.GOVERNORATE, PlaceType.DISTRICT, PlaceType.SUBDISTRICT, PlaceType.REGION}
)
#: Types that are settlements.
SETTLEMENT_TYPES = frozenset(
    {PlaceType.CITY, PlaceType.TOWN, PlaceType.VILLAGE, PlaceType.NEIGHBOURHOOD, PlaceType.CAMP}
)
#: Facilities at a point (not areas, lines or settlements): named by ``reverse``, merged within a few km.
FACILITY_TYPES = frozenset(
    {
        PlaceType.AIRPORT,
        PlaceType.MILITARY_BASE,
        PlaceType.PRISON,
        PlaceType.DAM,
        PlaceType.HOSPITAL,
        PlaceType.BORDER_CROSSING,
        PlaceType.LANDMARK,
    }
)

#: The word that opens a governorate's Arabic name («محافظة حلب»), normalised, with its space.
_GOVERNORATE_WORD = normalize_name("محافظة") + " "


@dataclass(frozen=True, slots=True)
class AdminRef:
    """An administrative parent of a place (level 1 = governorate, 2 = district, 3 = sub-district)."""

    level: int
    name: str
    name_ar: str = ""
    pcode: str = ""


@dataclass(frozen=True, slots=True, eq=False)
class Place:
    """One gazetteer entry.

    ``id`` is stable across builds and namespaced by source (``gn:170063``,
    ``cur:road-m4``, ``ocha:SY07``); equality and hashing use it alone.
    ``geometry`` is an optional GeoJSON geometry mapping (a LineString for
    roads, a (Multi)Polygon for admin areas); ``lat``/``lon`` is always a
    representative point inside Syria for Syrian places.
    """

    id: str
    name: str
    name_ar: str
    type: PlaceType
    lat: float
    lon: float
    country: str = "SY"
    alt_names: tuple[str, ...] = ()
    parents: tuple[AdminRef, ...] = ()
    pcode: str = ""
    code: str = ""
    population: int = 0
    geometry: dict[str, Any] | None = field(default=None, repr=False)
    source: str = ""
    licence: str = ""

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Place) and other.id == self.id

    def __hash__(self) -> int:
        return hash(self.id)

    @property
    def names(self) -> tuple[str, ...]:
        """Every name of the place: primary English, primary Arabic, then variants."""
        return tuple(n for n in (self.name, self.name_ar, *self.alt_names) if n)

    @property
    def in_syria(self) -> bool:
        return self.country == "SY"

    def parent(self, level: int) -> AdminRef | None:
        """The admin parent at ``level`` (1 governorate, 2 district, 3 sub-district), if known."""
        for parent in self.parents:
            if parent.level == level:
                return parent
        return None

    @property
    def governorate_pcode(self) -> str:
        """The P-code of the governorate this place is, or lies in; "" when unknown."""
        if self.type is PlaceType.GOVERNORATE:
            return self.pcode
        governorate = self.parent(1)
        return governorate.pcode if governorate is not None else ""

    @property
    def is_governorate_capital(self) -> bool:
        """Whether this is the city or town whose name its governorate bears (Idlib, Daraa, Raqqa).

        Its countryside («ريف إدلب», "the Daraa countryside") is the governorate's rural land.
        Any of its names counts (GeoNames calls Daraa «أذرِعات» first), normalised as the
        governorate's Arabic name is once «محافظة» is taken off.
        """
        if self.type not in (PlaceType.CITY, PlaceType.TOWN):
            return False
        governorate = self.parent(1)
        if governorate is None or not governorate.pcode or not governorate.name_ar:
            return False
        name = normalize_name(governorate.name_ar).removeprefix(_GOVERNORATE_WORD)
        return any(normalize_name(n) == name for n in self.names)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready mapping; :meth:`from_dict` inverts it.

        ``geometry`` is shared, not copied: deep-copying polygons made saving slow.
        """
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        data["type"] = self.type.value
        data["alt_names"] = list(self.alt_names)
        data["parents"] = [asdict(p) for p in self.parents]
        return {k: v for k, v in data.items() if v not in (None, "", [], 0) or k in ("lat", "lon")}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Place:
        """Build a place from :meth:`to_dict` output; unknown keys raise ``TypeError``."""
        data = dict(data)
        data.setdefault("name_ar", "")  # to_dict omits empty values
        data["type"] = PlaceType(data["type"])
        data["alt_names"] = tuple(data.get("alt_names", ()))
        data["parents"] = tuple(AdminRef(**p) for p in data.get("parents", ()))
        return cls(**data)
