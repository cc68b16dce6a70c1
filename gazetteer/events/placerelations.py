"""How two place mentions of a sentence stand to each other: one holds the other ("X, Homs"), the
second is joined to the first by «و»/"and", it is the next item of a comma list ("Talbisseh,
al-Rastan"), or a caption's header names it after the countryside it lies in («ريف X الشمالي | Y ::»).
:mod:`gazetteer.events.linking` and :mod:`gazetteer.events.targets` read them."""

from __future__ import annotations

from ..geoparser.containment import in_capitals_countryside, lies_in, rank_of
from ..geoparser.lexicon import form_set
from ..geoparser.result import Mention
from ..places.normalize import normalize_token, words_in
from ..places.place import AREA_TYPES
from .linkingwords import linking_lexicon

__all__ = ["contains", "coordinated", "header_countryside", "listed"]

_COMMAS = ",،"
#: A caption header's marks between its area and its place.
_HEADER_MARKS = "|-–—"
#: The word that makes a caption's opening name its countryside, and the directions that may follow it.
_COUNTRYSIDE = normalize_token("ريف")
#: How far into a caption its header's area may start: the countryside word, a clitic, spaces.
#: The bound keeps the test from reading an article's words up to every place it names.
_HEADER_AREA_REACH = 16
_DIRECTIONS = frozenset(normalize_token(w) for w in ("الشمالي", "الجنوبي", "الشرقي", "الغربي"))


def contains(outer: Mention, inner: Mention) -> bool:
    """Whether ``inner``'s place lies in a reading of ``outer`` that stands higher than it."""
    if inner.place is None:
        return False  # a place the gazetteer lacks is already located at its container
    rank = rank_of(inner.place)
    readings = [outer.place] + [c.place for c in outer.candidates]
    return any(
        p is not None and p.in_syria and rank_of(p) > rank and lies_in(inner.place, p) for p in readings
    )


def coordinated(text: str, first: Mention, second: Mention) -> bool:
    """True when ``second`` is joined to ``first`` by «و»/"and" (cue words allowed between)."""
    lex = linking_lexicon()
    between = words_in(text, first.end, second.start)  # the article's own words when not cut
    if not between:
        return False
    head = between[0]
    if head.norm in lex.coordination:
        rest = between[1:]
    elif head.norm[:1] in lex.coordination and head.norm[1:] in lex.skip:
        rest = between[1:]
    else:
        return False
    return all(not lex.skip.isdisjoint(form_set(t.norm)) for t in rest)


def _holds(outer: Mention, inner: Mention) -> bool:
    """Whether ``outer`` names an area, or a governorate's capital, that holds ``inner``'s place:
    "X, Homs" says where X is.  A town next to another ("Talbisseh, al-Rastan") does not."""
    if outer.place is None:
        return False
    if not (outer.place.type in AREA_TYPES or outer.place.is_governorate_capital):
        return False
    return contains(outer, inner)


def listed(text: str, first: Mention, second: Mention) -> bool:
    """True when ``second`` follows ``first`` after a comma, as the next item of a list of places
    ("Talbisseh, al-Rastan", «بنش، تفتناز»; list words allowed after the comma: "A, the town of B"),
    and does not contain it ("X, Homs" names X's city or governorate, not a further place).
    Whether «و»/"and" closes the list is the caller's to check (:func:`coordinated`)."""
    gap = text[first.end : second.start]
    opening = gap.lstrip()
    if opening[:1] not in _COMMAS or _holds(second, first):
        return False
    after = second.start - len(opening) + 1
    words = linking_lexicon().list_item
    return all(not words.isdisjoint(form_set(t.norm)) for t in words_in(text, after, second.start))


def header_countryside(text: str, area: Mention, place: Mention) -> bool:
    """Whether a caption's header names ``place`` after the countryside ``area`` opens with, and
    ``place`` lies in that countryside: «ريف اللاذقية الشمالي | جبل التركمان :: …» is about Jabal
    al-Turkman, not the countryside's point (directions allowed after the area, then the bar or
    dash, then the place).  The countryside of a governorate's capital is its governorate's rural land.
    """
    if place.place is None or area.place is None or area.start > _HEADER_AREA_REACH:
        return False
    if [t.norm for t in words_in(text, 0, area.start)] != [_COUNTRYSIDE]:
        return False
    between = text[area.end : place.start]
    mark = next((k for k, ch in enumerate(between) if ch in _HEADER_MARKS), None)
    if mark is None or between[mark + 1 :].strip():
        return False
    if any(t.norm not in _DIRECTIONS for t in words_in(text, area.end, area.end + mark)):
        return False
    return in_capitals_countryside(place.place, area.place) or lies_in(place.place, area.place, relative=True)
