"""The place a toponym is said to lie in, and what that says about its reading.

"Bashqatin, Aleppo", "the village of Kafr Sajna, south of Kafranbel",
«حي الثورة بمدينة إدلب», "Hawash, a village in Hama province": the second
name is the first's *container*.  A container does two things:

- it locates a name the gazetteer lacks: the unresolved mention is put at
  its container, with geo_precision 2 (near a settlement or inside a small
  area) or 3 (somewhere in a district or governorate);
- it checks the reading of a nested name: "the al-Thawra neighbourhood of
  Idlib city" must lie in or near Idlib.  A candidate that does is chosen;
  when none does, the name is a place the gazetteer lacks, located at its
  container, and never a homonym in another governorate.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..places.index import Gazetteer
from ..places.normalize import tokenize
from ..places.place import AREA_TYPES, SETTLEMENT_TYPES, Place, PlaceType
from .containment import ROUGH_BEARING_SLACK, SETTLEMENT_RANK, WIDE_AREAS, within_reach
from .lexicon import form_set
from .nameindex import MatchIndex
from .resolve import Resolution
from .result import Candidate, Location
from .toponym import Match

#: Words that may lie between a name and its container: commas, "in", «في», directions …
CONNECTORS = frozenset(
    {"in", "near", "the", "of", "a", "an", "just", "km", "kilometres", "kilometers", "outskirts", "on",
     "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
     "northern", "southern", "eastern", "western", "north-eastern", "north-western", "south-eastern",
     "south-western", "village", "town", "hamlet", "small", "area", "located", "part",
     "centre", "center", "heart",  # "X Square in the centre of Y"
     "neighbourhood", "neighborhood", "district",  # "the X neighbourhood of Y": the cue of X
     "which", "is", "هي", "هو",  # «X، وهي قرية في Y», "X, which is a village in Y"
     "في", "قرب", "من", "ضمن", "التابعه", "التابع", "الواقعه", "الواقع", "شمال", "جنوب", "شرق", "غرب",
     "شمالي", "جنوبي", "شرقي", "غربي", "بالقرب", "كم", "على", "اطراف", "منطقه", "ناحيه", "مدينه", "ريف",
     "محافظه", "قريه", "بلده", "وسط",  # «ساحة الكرامة وسط مدينة السويداء»: in the centre of
     "ل", "ب"}  # the proclitic of a container's name, left in the gap: «في الريف الجنوبي لإدلب», «بإدلب»
)  # fmt: skip
#: English words after a settlement's name that make the phrase a road named after it ("the Raqqa road").
_ROAD_WORDS = frozenset({"road", "highway", "street"})
_MAX_GAP_WORDS = 6
#: How many names listed after one ("X, Y and Z in W") may lie between it and its container.
_MAX_LISTED = 6
#: How many earlier names of the sentence are searched for an area that contains an unknown one.
_MAX_BACK = 8
_LIST_JOINS = frozenset({"and", "و", ","})
_BREAK = re.compile(r"[.;:!?|()\[\]\n؛]|\s[-–—]|[-–—]\s|[–—]")
#: What parts a caption's countryside from its town: «ريف حلب الغربي - الأتارب».
_DASHES = frozenset({"-", "–", "—"})
_DIGITS = re.compile(r"^\d+$")


def connective(text: str, *, road: bool = False) -> bool:
    """Whether ``text`` (between a name and a later one) holds only connector words ("in the north of").

    ``road``: the name is a road's; the road word after it may open ``text`` ("Al Bab road in"),
    and some word must follow.
    """
    if _BREAK.search(text):
        return False
    words = tokenize(text)
    if road:
        if words and words[0].norm in _ROAD_WORDS:
            words = words[1:]
        if not words:  # «طريق الرقة – تل أبيض»: a dash joins a road's two ends, not a place and its container
            return False
    return len(words) <= _MAX_GAP_WORDS and all(
        _DIGITS.match(w.norm) or not CONNECTORS.isdisjoint(form_set(w.norm)) for w in words
    )


#: Words in the gap before a container that say the name before them is a settlement.
_SETTLEMENT_WORDS = frozenset({"village", "town", "hamlet", "قريه", "بلده"})


def said_to_be_settlement(gap: str) -> bool:
    """Whether ``gap`` (between a name and its container) calls the name a settlement: "X, a village in Y".

    The settlement word must not end the gap: there it is the container's cue («قرب الدير في بلدة Y»).
    """
    words = tokenize(gap)
    return any(not _SETTLEMENT_WORDS.isdisjoint(form_set(w.norm)) for w in words[:-1])


def _listed(text: str) -> bool:
    """Whether ``text`` joins two names of a list: "and", «و», a comma."""
    gap = text.strip()
    return gap in _LIST_JOINS or gap.startswith("و") and len(gap) == 1


def _may_contain(place: Place | None, rank: int) -> bool:
    if place is None or not place.in_syria or place.type not in SETTLEMENT_RANK:
        return False
    return SETTLEMENT_RANK[place.type] > rank


def container_of(
    k: int, resolutions: Sequence[Resolution], text: str, rank: int = 1, *, road: bool = False
) -> int | None:
    """The index of the resolution that names the container of resolution ``k``, if any.

    The container comes right after the name (through a list of names that
    share it: "Lahaya and al-Zakat in northern Hama"), joined by connector
    words only; or, failing that, it is the area named earlier in the same
    sentence («ريف إدلب الجنوبي | قصف … قرية كفرسجنة»).  It must stand
    higher than ``rank`` (the named place's rank; unknown places count as villages).
    ``road``: the name is a road's (:func:`road_named`), whose road word may follow it.
    """
    match = resolutions[k].match
    end = match.end
    for j in range(k + 1, min(len(resolutions), k + 1 + _MAX_LISTED)):
        other = resolutions[j]
        if other.match.sentence != match.sentence:
            break
        if other.place is None and not other.match.unknown:
            continue  # a reading the resolver dropped («مدينة» alone): part of the words between
        gap = text[end : other.match.start]
        if j == k + 1 and match.unknown and match.cue and gap.strip().lower().startswith(match.cue):
            gap = gap.strip()[len(match.cue) :]  # "the X district of Y": the cue that announced X
        if _may_contain(other.place, rank) and connective(gap, road=road and j == k + 1):
            return j
        if not _listed(gap) or other.place is not None and SETTLEMENT_RANK.get(other.place.type, 9) > rank:
            break
        end = other.match.end
    caption = caption_countryside(k, resolutions, text)
    if caption is not None:
        return caption
    if PlaceType.NEIGHBOURHOOD in match.cue_types:
        return _city_before(k, resolutions)
    if resolutions[k].place is not None:
        return None  # a known place needs a container named right after it
    nearby = _settlement_nearby(k, resolutions, text)
    if nearby is not None:
        return nearby
    for j in range(k - 1, max(-1, k - 1 - _MAX_BACK), -1):
        other = resolutions[j]
        if other.match.sentence != match.sentence:
            break
        if (
            other.place is not None
            and other.place.in_syria
            and (
                other.place.type in AREA_TYPES - {PlaceType.COUNTRY} or other.match.relation == "countryside"
            )
        ):
            return j
    return None


#: "the nearby village of Y", "nearby Y": an unknown name placed by the settlement named before it.
_NEARBY = re.compile(r"\bnearby(?:\s+[a-z]+){0,2}(?:\s+of)?\s*$")
_NEARBY_WINDOW = 40  # characters before a name searched for "nearby"


def _settlement_nearby(k: int, resolutions: Sequence[Resolution], text: str) -> int | None:
    """The settlement named last before resolution ``k`` in its sentence when ``k``'s name is
    announced as "nearby" ("shelled Ain Issa and the nearby village of Y"), else None."""
    match = resolutions[k].match
    if not _NEARBY.search(text[max(0, match.start - _NEARBY_WINDOW) : match.start].lower()):
        return None
    for j in range(k - 1, max(-1, k - 1 - _MAX_BACK), -1):
        other = resolutions[j]
        if other.match.sentence != match.sentence:
            return None
        if other.place is not None and other.place.in_syria and other.place.type in SETTLEMENT_TYPES:
            return j
    return None


def _city_before(k: int, resolutions: Sequence[Resolution]) -> int | None:
    """The city named last before resolution ``k`` in its sentence, if any: a quarter's container.

    "In Aleppo, shells fell on a polling centre in the Midan district", «في مدينة حلب … في
    حي الميدان»: a quarter named after a city, with no container of its own, is that city's; so
    is one told in the next sentence («… في مدينة اللاذقية. وبعد يومين، قصفت الزوارق حي X»).
    """
    sentence = resolutions[k].match.sentence
    for j in range(k - 1, max(-1, k - 1 - _MAX_BACK), -1):
        other = resolutions[j]
        if other.match.sentence < sentence - 1:
            return None
        if other.place is not None and other.place.in_syria and other.place.type is PlaceType.CITY:
            return j
    return None


def caption_countryside(k: int, resolutions: Sequence[Resolution], text: str) -> int | None:
    """The countryside a caption names before resolution ``k``'s name, parted by a dash, if any.

    «ريف حلب الغربي - الأتارب», «ريف إدلب - التمانعة»: a video caption opens with the
    countryside and then the town it was filmed in, which lies in that countryside; so does a
    governorate or its capital opening the text («القنيطرة - X |», «دير الزور | X»).
    Returns the countryside's index (``k - 1``), or None for any other form.
    """
    if k == 0:
        return None
    countryside, match = resolutions[k - 1], resolutions[k].match
    before = countryside.match
    if before.sentence != match.sentence or countryside.place is None:
        return None
    if before.relation != "countryside" and not _opens_caption(countryside, text):
        return None
    parts = text[before.end : match.start].split()
    if sum(part in _DASHES or part == "|" for part in parts) != 1:
        return None
    words = tokenize(" ".join(part for part in parts if part not in _DASHES))
    return k - 1 if all(not CONNECTORS.isdisjoint(form_set(w.norm)) for w in words) else None


def _opens_caption(area: Resolution, text: str) -> bool:
    """Whether ``area`` is a Syrian governorate or its capital named first in ``text``'s line."""
    place, start = area.place, area.match.start
    if place is None or not place.in_syria:
        return False
    if place.type is not PlaceType.GOVERNORATE and not place.is_governorate_capital:
        return False
    return not text[text.rfind("\n", 0, start) + 1 : start].strip()


def near_miss_reading(
    resolution: Resolution, container: Resolution, gazetteer: Gazetteer
) -> Resolution | None:
    """A one-word Latin name one letter off a known place within its container's reach ("Saraqip, Idlib").

    The container corroborates the near miss; None when no such place is there.
    """
    key = resolution.match.key
    if not key.isascii() or not key.isalpha():
        return None
    keys = MatchIndex.for_gazetteer(gazetteer).fuzzy_keys(key)
    places = {p for k in keys for p in gazetteer.lookup_key(k)}
    near = sorted((p for p in places if within_reach(p, container)), key=lambda p: p.id)
    if not near:
        return None
    where = container.place.name if container.place is not None else ""
    reasons = [Candidate(p, 0.0, f"near-miss of '{p.name}' in {where}") for p in near]
    return Resolution(resolution.match, reasons)


def corroborated_reading(resolution: Resolution, container: Resolution) -> Resolution | None:
    """A reading dropped for want of corroboration, corroborated by the container named right after it.

    «التمانعة، محافظة ادلب», "Tamanah in Idlib governorate": a small place from bulk
    data, named by one uncued word, needs a place nearby to be believed; its
    container is one when the place lies in it.  The match's Syrian places within
    the container's reach become its candidates; None when none does.
    """
    near = sorted(
        (p for p in set(resolution.match.places) if p.in_syria and within_reach(p, container)),
        key=lambda p: p.id,
    )
    if not near:
        return None
    where = container.place.name if container.place is not None else ""
    return Resolution(resolution.match, [Candidate(p, 0.0, f"in its container {where}") for p in near])


def located_at_container(where: Location | None, container: Place, *, near: bool = False) -> Location | None:
    """Where a place the gazetteer lacks lies, given its container's location ``where``: "in" the
    container, or "near" it when the text says so (``near``: "X, south of Y", "the nearby village")."""
    if where is None:
        return None
    precision = 3 if container.type in WIDE_AREAS or where.geo_precision >= 3 else 2
    name = container.name or container.name_ar
    return Location(where.lat, where.lon, precision, container, None, f"{'near' if near else 'in'} {name}")


#: English words between a name and the place it is located by that say it lies beside it, not in it.
_NEAR_WORDS = re.compile(
    r"\b(?:near|nearby|outside|close to|(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of)\b", re.I
)


def said_near(text: str, name: Match, container: Match) -> bool:
    """Whether the English text places ``name`` beside ``container`` rather than in it: "X, south of
    Y", "X near Y", "Y and the nearby village of X"."""
    if container.start >= name.end:
        return bool(_NEAR_WORDS.search(text[name.end : container.start]))
    return bool(_NEARBY.search(text[max(0, name.start - _NEARBY_WINDOW) : name.start].lower()))


def nested_reading(resolution: Resolution, container: Resolution) -> Resolution:
    """``resolution`` with its candidates narrowed to those within reach of ``container``.

    A direction from the container ("X, west of Y") chooses the readings lying that
    way; when none does, one lying roughly that way (on the side's half-plane) is
    kept: "Ariqa, west of Sweida" lies north-north-west of it, and reports round
    directions.  Returns a resolution with no candidates (an unresolved name) when none is.
    """
    kept = [c for c in resolution.candidates if within_reach(c.place, container)]
    if not kept and container.match.relation == "direction":
        kept = [
            c for c in resolution.candidates if within_reach(c.place, container, slack=ROUGH_BEARING_SLACK)
        ]
    return Resolution(resolution.match, kept)


def cued_settlement(match: Match) -> bool:
    """Whether a settlement cue names ``match`` («قرية», «حي», "village of", "X neighbourhood")."""
    return bool(match.cue_types) and match.cue_types <= SETTLEMENT_TYPES


def road_named(match: Match, place: Place | None) -> bool:
    """Whether ``match`` names a road after a settlement ("the Raqqa road in Aleppo"), not the settlement.

    Such a road runs out of the place it is said to lie in, towards the settlement it is named after.
    """
    return place is not None and place.type in SETTLEMENT_TYPES and PlaceType.ROAD in match.cue_types
