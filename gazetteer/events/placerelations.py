"""How two place mentions of a sentence stand to each other: one holds the other ("X, Homs"), the
second is joined to the first by «و»/"and", or it is the next item of a comma list ("Talbisseh,
al-Rastan").  :mod:`gazetteer.events.linking` and :mod:`gazetteer.events.targets` read them."""

from __future__ import annotations

from ..geoparser.containment import lies_in, rank_of
from ..geoparser.lexicon import form_set
from ..geoparser.result import Mention
from ..places.normalize import words_in
from ..places.place import AREA_TYPES
from .linkingwords import linking_lexicon

__all__ = ["contains", "coordinated", "listed"]

_COMMAS = ",،"


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
