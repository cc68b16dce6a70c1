"""Readings that need support, and what supports them: the tests :mod:`resolve` ranks with.

A common word or a near miss read as a place is believed only with corroboration: a place of the
article near it (:data:`SUPPORT_KM`), a cue naming its kind, a governorate the text names as an
area, or, when the text names no other place, a spelling close enough to one place alone.
"""

from __future__ import annotations

from ..places.normalize import normalize_name
from ..places.place import SETTLEMENT_TYPES, Place, PlaceType
from .toponym import Match

__all__ = [
    "CAPITAL_POPULATION",
    "SMALL_PLACE_POPULATION",
    "SUPPORT_KM",
    "in_named_area",
    "is_capital_like",
    "is_weak",
    "kind_cued",
    "named_areas",
    "outside_named_areas",
    "sure_near_miss",
    "sure_variant",
    "weak_in_named_area",
]

#: A common word or near-miss reading needs an anchor at most this far away.
SUPPORT_KM = 30.0
#: A foreign place counts as a capital-like reading from this population up.
CAPITAL_POPULATION = 1_000_000
#: A Syrian settlement below this population, named by one uncued word, needs corroboration.
SMALL_PLACE_POPULATION = 10_000


def is_capital_like(place: Place, key: str | None = None) -> bool:
    """A country, or a capital or very large foreign city (named by more than a short alias)."""
    if place.type is PlaceType.COUNTRY:
        return True
    if place.type is not PlaceType.FOREIGN_CITY:
        return False
    if key is not None and len(key.replace(" ", "")) < 4:
        return False  # a short alias («Cham», «صور») is too likely a common word
    return place.code == "PPLC" or place.population >= CAPITAL_POPULATION


def _is_curated(place: Place) -> bool:
    return place.id.startswith("cur:") or "curat" in place.source.lower()


def is_weak(place: Place, match: Match) -> bool:
    """True when reading ``match`` as ``place`` needs corroboration from the article.

    Weak readings: a foreign place that is neither a country nor a
    capital-like city (Arabic common words such as «الصور» are alternate
    names of foreign towns), and a small Syrian place from bulk data named
    by a single uncued word («قنوات», «بصري» are also ordinary words).
    Curated places and multi-word names are not weak.
    """
    if match.cue_types and place.type in match.cue_types:
        return False
    if not place.in_syria:
        return not is_capital_like(place, match.key)
    if _is_curated(place) or " " in match.key or match.cue or _names_its_subdistrict(place, match.key):
        return False
    return place.type in SETTLEMENT_TYPES and place.population < SMALL_PLACE_POPULATION


def _names_its_subdistrict(place: Place, key: str) -> bool:
    """Whether Latin ``key`` is the admin name of the sub-district (or district) ``place`` is the seat of.

    "Government shelling hit Ariqa": the seat of the Ariqa sub-district is a town of some
    standing, though the data give most such places no population, and its official
    spelling, capitalised, is no English word.  Not in Arabic script, where a seat's
    name is as often an ordinary word («الروضة», «الشجرة»), nor by a variant alone
    (GeoNames lists "Khan" for a hamlet whose sub-district is Kherbet Tin Noor).
    """
    if not key.isascii() or place.type not in SETTLEMENT_TYPES:
        return False
    seats = {normalize_name(ref.name) for ref in place.parents if ref.level >= 2}
    return key in seats and any(normalize_name(n) == key for n in place.names)


def kind_cued(place: Place, match: Match, *, alone: bool) -> bool:
    """True when a cue names the reading's own kind and that is support enough for a spelling variant.

    A city ("Afreen city", «مدينة ...»): every Syrian city is in the gazetteer, so
    a variant cued as one needs no other support.  A neighbourhood ("the Al
    Saleheen district", «حي ...») in a text that names no other place (``alone``):
    reports on a city's quarters often leave the city unsaid; when they do name a
    place, the neighbourhood must lie near it (:data:`SUPPORT_KM`), as any variant must.
    """
    if not place.in_syria or place.type not in match.cue_types:
        return False
    return place.type is PlaceType.CITY or (place.type is PlaceType.NEIGHBOURHOOD and alone)


def sure_variant(place: Place, match: Match, *, alone: bool) -> bool:
    """True for a Latin spelling variant of a town of :data:`SMALL_PLACE_POPULATION` or more, named alone.

    "Russian jets struck Saraqip": a variant is otherwise believed only near the
    article's other places; when the text names none to agree or disagree with it
    (``alone``), a one-letter variant of a Syrian town that large, and of nothing
    else, is that town.  Arabic near misses keep their cue or quote rule.
    """
    return (
        alone
        and match.fuzzy
        and not match.needs_support
        and match.key.isascii()
        and place.in_syria
        and place.type in SETTLEMENT_TYPES
        and place.population >= SMALL_PLACE_POPULATION
        and set(match.places) == {place}
    )


def sure_near_miss(place: Place, match: Match, *, alone: bool) -> bool:
    """True for an Arabic near miss of a several-word Syrian settlement, cued as one and named alone.

    «عين ترنا | قصف على البلدة» (for «عين ترما»): a near miss otherwise needs a place nearby to
    agree with it; when the text names no other place (``alone``), a settlement cue («بلدة X»,
    or the «البلدة» a caption later calls its opening name by), one settlement and nothing else
    one letter off, and a name of two words or more (a one-word name one letter off is too often
    another village the gazetteer lacks) are support enough.
    """
    return (
        alone
        and match.fuzzy
        and not match.needs_support
        and not match.key.isascii()
        and " " in match.key
        and bool(match.cue_types & SETTLEMENT_TYPES)
        and place.in_syria
        and place.type in SETTLEMENT_TYPES
        and set(match.places) == {place}
    )


def named_areas(anchors: list[tuple[int, Place]], matches: list[Match]) -> frozenset[str]:
    """The governorates the text names as areas («ريف إدلب», "Idlib province"), by P-code."""
    codes = set()
    for k, place in anchors:
        m = matches[k]
        if (
            m.relation == "countryside"
            or PlaceType.GOVERNORATE in m.cue_types
            or place.type is PlaceType.GOVERNORATE
        ):
            codes.add(place.governorate_pcode)
    codes.discard("")
    return frozenset(codes)


def in_named_area(place: Place, match: Match, areas: frozenset[str]) -> bool:
    """True for a settlement-cued reading in a governorate the text names as an area.

    «ريف إدلب | غارات على بلدة كفرنبيل» (one letter off): a caption's
    countryside is its places' container however far from the capital they
    lie, so it supports a reading that :data:`SUPPORT_KM` around the capital
    would not reach.
    """
    return bool(match.cue_types & SETTLEMENT_TYPES) and _settlement_in(place, areas)


def weak_in_named_area(place: Place, match: Match, areas: frozenset[str]) -> bool:
    """True for a small Syrian settlement, named by a plain word, in a governorate the text names as an area.

    "Troops took Tall Hazm, a hamlet in the southern Raqqa countryside": a small
    village named by one uncued word is otherwise believed only near another place
    of the article; a countryside or governorate the text names contains its
    villages however far from the capital they lie, so a reading inside it is
    corroborated as :func:`in_named_area` corroborates a cued near miss.  Near
    misses and common words keep their own stricter tests.
    """
    return not match.fuzzy and not match.needs_support and _settlement_in(place, areas)


def _settlement_in(place: Place, areas: frozenset[str]) -> bool:
    """Whether ``place`` is a Syrian settlement in one of the governorates ``areas`` (P-codes)."""
    return place.in_syria and place.type in SETTLEMENT_TYPES and place.governorate_pcode in areas


def outside_named_areas(places: list[Place], areas: frozenset[str]) -> set[Place]:
    """The Syrian readings to rule out, lying in another governorate than the ones ``areas`` names.

    «ريف حمص الجنوبي | الغسانية», "X, in the eastern Hama countryside": a sentence that
    names a countryside places its homonyms there.  When one reading of a name lies in
    a named governorate, readings in other governorates are ruled out; when none does,
    the name lies elsewhere and nothing is ruled out.  Readings of unknown governorate
    and foreign ones are left to the ranking.
    """
    if not areas or not any(p.in_syria and p.governorate_pcode in areas for p in places):
        return set()
    return {p for p in places if p.in_syria and p.governorate_pcode and p.governorate_pcode not in areas}
