"""Toponym resolution: rank each match's candidate places using the whole article.

Score of a candidate = prior (type and population) + Syria-first + cue
agreement + admin context + proximity to the article's anchors.  Anchors
are the matches whose reading is not in doubt (one candidate, or all
candidates within :data:`ANCHOR_SPREAD_KM` of each other): they vote for
the readings of the others by distance.  Common words and near-miss
(fuzzy) readings survive only with corroboration: a candidate within
:data:`SUPPORT_KM` of another anchor in the article (or, for common
words, a cue word before them, which the matcher already recorded).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from ..places.index import distance_km
from ..places.normalize import normalize_name
from ..places.place import SETTLEMENT_TYPES, Place, PlaceType
from .cues import load_cues
from .geometry import PointTree
from .readings import (
    SUPPORT_KM,
    in_named_area,
    is_capital_like,
    is_weak,
    kind_cued,
    named_areas,
    outside_named_areas,
    sure_near_miss,
    sure_variant,
    weak_in_named_area,
)
from .result import Candidate
from .toponym import Match

#: Anchors too coarse to corroborate a very common word: an article about Damascus
#: does not make every «دمر» ("destroyed") the Dummar neighbourhood.
_COARSE_ANCHOR_TYPES = frozenset(
    {PlaceType.CITY, PlaceType.GOVERNORATE, PlaceType.DISTRICT, PlaceType.SUBDISTRICT, PlaceType.REGION}
)
#: Matches whose candidates all lie within this distance are unambiguous anchors.
ANCHOR_SPREAD_KM = 30.0
#: Distance scale of the proximity bonus (the bonus halves every ~17 km).
PROXIMITY_SCALE_KM = 25.0
#: Administrative areas, which most often take their name from their seat.
_AREA_TYPES = frozenset({PlaceType.GOVERNORATE, PlaceType.DISTRICT, PlaceType.SUBDISTRICT})

_TYPE_PRIOR = {
    PlaceType.GOVERNORATE: 2.0,
    PlaceType.COUNTRY: 2.0,
    PlaceType.CITY: 1.5,
    PlaceType.DISTRICT: 1.2,
    PlaceType.TOWN: 1.0,
    PlaceType.ROAD: 1.0,
    PlaceType.REGION: 1.0,
    PlaceType.SUBDISTRICT: 0.8,
    PlaceType.FOREIGN_CITY: 0.8,
    PlaceType.VILLAGE: 0.6,
}
# Cue types that only a Syrian reading can satisfy (a foreign capital is no «قرية»).
_SYRIAN_CUE_TYPES = frozenset(
    {
        PlaceType.VILLAGE,
        PlaceType.TOWN,
        PlaceType.GOVERNORATE,
        PlaceType.DISTRICT,
        PlaceType.SUBDISTRICT,
        PlaceType.NEIGHBOURHOOD,
        PlaceType.CAMP,
    }
)


@dataclass(slots=True)
class Resolution:
    """A match with its ranked candidates (winner first); ``place`` is None when unresolved."""

    match: Match
    candidates: list[Candidate] = field(default_factory=list)

    @property
    def place(self) -> Place | None:
        return self.candidates[0].place if self.candidates else None

    @property
    def score(self) -> float:
        return self.candidates[0].score if self.candidates else 0.0

    @property
    def reason(self) -> str:
        return self.candidates[0].reason if self.candidates else ""


def _prior(place: Place) -> tuple[float, list[str]]:
    """The score a place starts with (type and population) and its reasons, as a fresh list."""
    score, why = _type_prior(place.type, place.population)
    return score, list(why)


@lru_cache(maxsize=100_000)
def _type_prior(kind: PlaceType, population: int) -> tuple[float, tuple[str, ...]]:
    score = _TYPE_PRIOR.get(kind, 0.8)
    if population > 0:
        return score + 0.3 * math.log10(population + 1), (f"pop {population:,}",)
    return score, ()


def _anchor_of(match: Match) -> Place | None:
    """The place a match surely means, or None when its reading is in doubt or unsuitable as an anchor."""
    if match.needs_support or match.fuzzy or not match.places:
        return None
    for place in match.places:
        if is_weak(place, match):
            return None
    syrian = [p for p in match.places if p.in_syria and p.type not in (PlaceType.COUNTRY, PlaceType.ROAD)]
    if not syrian or len(syrian) < len([p for p in match.places if p.type is not PlaceType.COUNTRY]):
        return None  # foreign or mixed readings do not anchor Syrian ones
    best = max(syrian, key=lambda p: (_prior(p)[0], p.id))
    if all(distance_km(best.lat, best.lon, p.lat, p.lon) <= ANCHOR_SPREAD_KM for p in syrian):
        return best
    return None


def _admin_names(place: Place) -> set[str]:
    names = set()
    if place.type is PlaceType.GOVERNORATE:
        names.update(normalize_name(n) for n in place.names)
    parent = place.parent(1)
    if parent is not None:
        names.update(normalize_name(n) for n in (parent.name, parent.name_ar) if n)
    names.discard("")
    return names


class _Anchors:
    """The article's anchors, each distinct place once, searchable for the one nearest a place.

    A place named ten times is one anchor place with ten occurrences.  The
    places sit in a :class:`~gazetteer.geoparser.geometry.PointTree`, and the nearest
    to each candidate place is memoised: an article naming hundreds of places,
    each with several readings, does not measure every reading against every anchor.
    """

    def __init__(self, anchors: list[tuple[int, Place]]) -> None:
        occurrences: dict[int, tuple[Place, list[tuple[int, int]]]] = {}
        for pos, (k, place) in enumerate(anchors):
            occurrences.setdefault(id(place), (place, []))[1].append((pos, k))
        # Excluding one match leaves each place's first or second occurrence: two are enough.
        self._places = [(place, occ[:2]) for place, occ in occurrences.values()]
        # The anchor place named by one match alone, by that match: leaving the match out leaves
        # the place out (a match is the occurrence of one anchor place at most).
        self._only_in = {occ[0][1]: i for i, (_, occ) in enumerate(self._places) if len(occ) == 1}
        self._nearest: dict[tuple[int, int | None], tuple[float, list[int]]] = {}

    @cached_property
    def _tree(self) -> PointTree:
        # Built when first asked: most articles never ask about their finer anchors.
        return PointTree([(place.lat, place.lon) for place, _ in self._places])

    def nearest(self, place: Place, own: int) -> tuple[float, str]:
        """(distance, name) of the anchor nearest ``place``, ignoring match ``own``; (inf, "") if none.

        Ties go to the anchor listed first, as a scan of the anchors in order would have it.
        Memoised per place.
        """
        if not self._places:
            return math.inf, ""  # most texts (a tweet, a comment) have no anchor
        km, nearest = self._nearest_to(place, None)
        excluded = self._only_in.get(own)
        if excluded in nearest:  # the nearest is the place only match ``own`` names: the next one
            km, nearest = self._nearest_to(place, excluded)
        if not nearest:
            return math.inf, ""
        # Each anchor is listed where it first occurs outside match ``own``.
        listed = []
        for anchor in nearest:
            occ = self._places[anchor][1]
            listed.append((occ[1][0] if occ[0][1] == own else occ[0][0], anchor))
        first = self._places[min(listed)[1]][0]
        return km, first.name_ar or first.name

    def _nearest_to(self, place: Place, excluded: int | None) -> tuple[float, list[int]]:
        key = (id(place), excluded)
        found = self._nearest.get(key)
        if found is None:
            found = self._nearest[key] = self._tree.nearest(place.lat, place.lon, exclude=excluded)
        return found


def _score(place: Place, match: Match, nearest: tuple[float, str], admin: set[str]) -> tuple[float, str]:
    """(score, reason) of reading ``match`` as ``place``; ``nearest``: (km, name) of the nearest anchor."""
    score, why = _prior(place)
    if place.in_syria:
        score += 1.0
    elif is_capital_like(place, match.key) and not (match.cue_types & _SYRIAN_CUE_TYPES):
        score += 1.0
        why.append("capital/country")
    else:
        score -= 1.0
        why.append("outside Syria")
    if match.cue_types:
        if place.type in match.cue_types:
            score += 3.0
            why.insert(0, f"cue '{match.cue}' matches {place.type.value}")
        elif not (place.type in SETTLEMENT_TYPES and match.cue_types & SETTLEMENT_TYPES):
            score -= 1.0
    if place.type in _AREA_TYPES and _seat_named_without_area_cue(match):
        score -= 1.0
        why.append("an area needs its cue")
    parent = place.parent(1)
    if admin and parent is not None and admin & {normalize_name(parent.name), normalize_name(parent.name_ar)}:
        score += 1.0
        why.append(f"in {parent.name or parent.name_ar}")
    km, name = nearest
    if km < math.inf and place.type is not PlaceType.COUNTRY:
        score += 3.0 * math.exp(-km / PROXIMITY_SCALE_KM)
        if km <= 100:
            why.append(f"{km:.0f} km from {name}")
    return score, "; ".join(why) or place.type.value


def _seat_named_without_area_cue(match: Match) -> bool:
    """True when ``match`` also reads as a Syrian settlement and nothing says it means an area.

    A district or governorate takes its name from its seat: "a market in Tal Abyad" and «الحفة»
    alone are the towns; "Tal Abyad district", «منطقة الحفة», «ريف الحفة» and «محافظة حماة» are areas.
    """
    if match.cue_types & _AREA_TYPES or match.relation == "countryside":
        return False
    return any(p.in_syria and p.type in SETTLEMENT_TYPES for p in match.places)


def resolve_matches(matches: list[Match]) -> list[Resolution]:
    """Rank the candidates of every match; one :class:`Resolution` per match, in order.

    A common-word or fuzzy match without corroboration gets no candidates
    (and so no place): the caller drops it.  Deterministic: ties break on
    place id.
    """
    anchors = [(k, p) for k, m in enumerate(matches) if (p := _anchor_of(m)) is not None]
    admin: set[str] = set()
    for _, anchor in anchors:
        admin |= _admin_names(anchor)
    # Countries named, or with places not in doubt, in or beside a sentence
    # corroborate its weak foreign readings («صور» after «لبنان»).
    countries: dict[int, set[str]] = {}  # sentence → countries named there
    for m in matches:
        if not m.needs_support and not m.fuzzy and len(set(m.places)) == 1:
            for p in m.places:
                if p.type is PlaceType.COUNTRY or not is_weak(p, m):
                    countries.setdefault(m.sentence, set()).add(p.country)
    areas = named_areas(anchors, matches)
    # The areas each sentence names: they rule out its names' homonyms in other governorates.
    by_sentence: dict[int, list[tuple[int, Place]]] = {}
    for k, anchor in anchors:
        by_sentence.setdefault(matches[k].sentence, []).append((k, anchor))
    sentence_areas = {s: named_areas(found, matches) for s, found in by_sentence.items()}
    stop_keys = load_cues().stop_keys
    distinct_anchors = _Anchors(anchors)
    # Anchors finer than a city: the ones that may corroborate a very common word.
    fine_anchors = _Anchors([(k, a) for k, a in anchors if a.type not in _COARSE_ANCHOR_TYPES])
    # The one match that names a known place, if only one does (-1 when none or several do).  A
    # country ("… in Syria") is too coarse to agree or disagree with a town, so it does not count.
    with_places = [k for k, m in enumerate(matches) if any(p.type is not PlaceType.COUNTRY for p in m.places)]
    named = with_places[0] if len(with_places) == 1 else -1
    out = []
    for k, match in enumerate(matches):
        scored = []
        syrian_cue = bool(match.cue_types & _SYRIAN_CUE_TYPES) and not (
            match.cue_types & {PlaceType.FOREIGN_CITY, PlaceType.COUNTRY}
        )
        elsewhere = outside_named_areas(
            list(dict.fromkeys(match.places)), sentence_areas.get(match.sentence, frozenset())
        )
        for place in dict.fromkeys(match.places):
            if place in elsewhere:
                continue  # «ريف حمص | الغسانية» is not Hama's Ghassaniya
            if syrian_cue and not place.in_syria:
                continue  # «حي المشهد» is no district of Iran's Mashhad
            nearest_anchor = distinct_anchors.nearest(place, k)
            nearest = nearest_anchor[0]
            if (
                (match.fuzzy or match.needs_support)
                and nearest > SUPPORT_KM
                and not kind_cued(place, match, alone=named == k)
                and not in_named_area(place, match, areas)
                and not sure_variant(place, match, alone=named == k)
                and not sure_near_miss(place, match, alone=named == k)
            ):
                continue
            if (
                match.needs_support
                and not match.cue
                and match.key in stop_keys
                and fine_anchors.nearest(place, k)[0] > SUPPORT_KM
            ):
                continue  # a very common word needs a cue or a nearby place finer than its city
            if is_weak(place, match) and nearest > SUPPORT_KM and not weak_in_named_area(place, match, areas):
                s = match.sentence
                nearby = set().union(countries.get(s - 1, ()), countries.get(s, ()), countries.get(s + 1, ()))
                if place.in_syria or place.country not in nearby - {"SY"}:
                    continue
            score, reason = _score(place, match, nearest_anchor, admin)  # only for a reading kept
            if match.fuzzy:
                reason = f"near-miss of '{place.name_ar or place.name}'; {reason}"
            scored.append(Candidate(place, round(score, 3), reason))
        scored.sort(key=lambda c: (-c.score, c.place.id))
        out.append(Resolution(match, scored))
    return out
