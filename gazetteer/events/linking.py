"""Where a sentence's event happens: which of its place mentions the event is tied to.

Among the sentence's Syrian mentions the incident goes to the one an event
happens at: the object of في/على/ب/in/on/at or of the trigger verb («استهدف
قرية X»), the most specific (a village beats its governorate), never where a
source speaks from («مصدر من مدينة إدلب»).  Foreign places and the country as
a whole are never incident locations.  The words that tie a place to the event
are ``data/lexicon/linking.yaml``'s.  Each mention is scored here
(:func:`place_candidates`); :mod:`gazetteer.events.targets` chooses among them.
"""

from __future__ import annotations

import functools
import math
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace
from operator import attrgetter

from ..geoparser.containers import connective
from ..geoparser.lexicon import form_set, forms_of, with_form_in
from ..geoparser.result import Location, Mention
from ..geoparser.roadjoins import joined_road
from ..places.normalize import Token, normalize_token
from ..places.place import AREA_TYPES, Place, PlaceType
from .classify import SentenceEvent, event_lexicon
from .linkingwords import linking_lexicon
from .placeanaphora import place_anaphors
from .placerelations import contains, coordinated, header_countryside
from .sourcephrases import quoted_source_before

__all__ = [
    "Candidate",
    "location_of",
    "names_a_place",
    "place_candidates",
    "token_at",
]

_END_OF = attrgetter("end")

#: How specific a place type is as an incident location (higher wins).
_SPECIFICITY: dict[PlaceType, float] = {
    PlaceType.VILLAGE: 3.0,
    PlaceType.NEIGHBOURHOOD: 3.0,
    PlaceType.CAMP: 3.0,
    PlaceType.LANDMARK: 3.0,
    PlaceType.PRISON: 3.0,
    PlaceType.AIRPORT: 3.0,
    PlaceType.MILITARY_BASE: 3.0,
    PlaceType.DAM: 3.0,
    PlaceType.HOSPITAL: 3.0,
    PlaceType.BORDER_CROSSING: 3.0,
    PlaceType.TOWN: 2.5,
    PlaceType.CITY: 2.0,
    PlaceType.ROAD: 2.0,
    PlaceType.REGION: 1.0,
    PlaceType.SUBDISTRICT: 1.0,
    PlaceType.DISTRICT: 0.5,
    PlaceType.GOVERNORATE: 0.0,
}
_LINK_BONUS = 3.0  # object of a preposition or of the trigger verb
_SOURCE_PENALTY = 6.0  # where a source speaks from
_ROAD_BONUS = 3.0  # patrols happen on roads
#: What a capture takes is its verb's object ("fighters cut the X road, the only supply line into Y"):
#: it outranks a place a preposition ties to the event further on.
_TAKEN_BONUS = 1.0
#: So does what a trigger verb of the event's own clause acts on ("artillery shelled X ..., as
#: reinforcements massed near the town of Y"): a town named in a later clause is not the event's place,
#: nor the object of a verb there ("..., in coordinated attacks that also hit Y").
_OBJECT_BONUS = 1.0
_CLAUSE_BREAKS = frozenset(",;:")
_AFTER_TRIGGER_BONUS = 0.5
_PRECISION_PENALTY = 0.5  # per geo_precision step above 1
#: A place named after "demanding", "missing in", «تنديدا» that follow the event word belongs to what
#: the subordinate phrase tells, not to the event: it outweighs being linked and after the trigger.
_SUBORDINATE_PENALTY = 4.0
_SOURCE_WINDOW = 4  # words before «من» / "from" searched for a source noun


@functools.cache
def _one_word_prepositions() -> frozenset[str]:
    """The prepositions of ``linking.yaml`` that are one word ("near", «قرب»)."""
    return frozenset(p[0] for p in linking_lexicon().prepositions if len(p) == 1)


def names_a_place(tokens: Sequence[Token], *, words: frozenset[str] | None = None) -> bool:
    """True when a word such as «منطقة», «حي», "district" announces a place (resolved or not).

    ``words``: the tokens' distinct normalised words, when at hand.
    """
    nouns = linking_lexicon().place_nouns
    return bool(with_form_in(nouns).among(tokens, words=words))


def location_of(mention: Mention) -> Location | None:
    """Where a mention points, if it may be an incident location (Syrian, not the whole country)."""
    place = mention.place
    if place is None:
        # a place the gazetteer lacks, located at its container, or a road it lacks between two places
        return mention.location
    if place is None or not place.in_syria or place.type is PlaceType.COUNTRY:
        return None
    if mention.location is not None:
        return mention.location
    # A resolver that left no Location: the place itself, areas approximate.
    precision = 3 if place.type in AREA_TYPES else 1
    return Location(place.lat, place.lon, precision, place=place, geometry=place.geometry)


def token_at(tokens: Sequence[Token], offset: int) -> int | None:
    """The token holding ``offset``, else the first after it; None past the last token."""
    i = bisect_right(tokens, offset, key=_END_OF)  # the first token ending after ``offset``
    return i if i < len(tokens) else None


def _forms(token: Token) -> list[tuple[str, str]]:
    """(form, stripped proclitic) pairs of a token."""
    return [(f, token.norm[:cut]) for f, cut in forms_of(token.norm)]


@dataclass(frozen=True, slots=True)
class _Link:
    linked: bool  # object of a preposition or of a trigger verb
    source: bool  # where a source speaks from
    taken: bool = False  # the trigger verb's own object, no preposition between
    own_clause: bool = False  # in the clause of the deciding trigger: no comma between them


def _ends_with(tokens: Sequence[Token], j: int, phrase: tuple[str, ...]) -> bool:
    start = j - len(phrase) + 1
    if start < 0:
        return False
    for k, word in enumerate(phrase):
        if (word not in form_set(tokens[start + k].norm)) if k == 0 else (word != tokens[start + k].norm):
            return False
    return True


def _link(tokens: Sequence[Token], tok: int, clitic: str, trigger_ends: frozenset[int]) -> _Link:
    """How the mention at token ``tok`` (behind proclitic ``clitic``) is tied to the sentence's event.

    ``trigger_ends``: the last token of each trigger phrase of the sentence.
    """
    lex = linking_lexicon()
    linked = any(c in lex.clitic_prepositions for c in clitic)
    j = tok - 1
    while j >= 0 and not linked:
        skip = [(f, c) for f, c in _forms(tokens[j]) if f in lex.skip]
        if not skip:
            break
        # «بمدينة إدلب»: the preposition rides on the cue word; "near the village of X": the
        # skipped word is a preposition itself.
        linked = any(ch in lex.clitic_prepositions for _, c in skip for ch in c) or (
            tokens[j].norm in _one_word_prepositions()
        )
        j -= 1
    if linked or j < 0:
        return _Link(linked, False)
    prev = tokens[j]
    forms = form_set(prev.norm)
    taken = j in trigger_ends
    linked = (
        # a phrase ends on this word: one word in any clitic form, a longer one on the word itself
        any(
            (p[0] in forms) if len(p) == 1 else (p[-1] == prev.norm and _ends_with(tokens, j, p))
            for p in lex.prepositions
        )
        or not forms.isdisjoint(lex.object_verbs)
        or j in trigger_ends
    )
    source = prev.norm in lex.from_words and any(
        not lex.source_nouns.isdisjoint(form_set(t.norm)) for t in tokens[max(0, j - _SOURCE_WINDOW) : j]
    )
    source = source or quoted_source_before(tokens, j, lex.source_nouns)
    return _Link(linked and not source, source, taken and not source)


@dataclass(slots=True)
class Candidate:
    """A place mention that may be where a sentence's event happens, scored by how likely it is."""

    index: int  # into the article's mentions
    location: Location
    place: Place | None  # the container of a place the gazetteer lacks; None for a road it lacks
    tok: int
    score: float
    linked: bool = False  # object of a preposition or of the trigger verb


def place_candidates(
    text: str,
    tokens: Sequence[Token],
    mentions: Sequence[Mention],
    indices: Sequence[int],
    event: SentenceEvent | None,
    *,
    words: frozenset[str] | None = None,
) -> list[Candidate]:
    """The Syrian place mentions among ``mentions[k]`` for ``k`` in ``indices`` that may locate ``event``.

    ``tokens`` are the sentence's (offsets into ``text``).  Each candidate is scored by its
    specificity and precision, raised when tied to the event (object of a preposition or of the
    trigger verb) and lowered when it is where a source speaks from; a mention whose place is
    foreign, the country, or outside the tokens gives none.  ``event`` is None for a line that
    tells an event without a word for it (a list record): no trigger then ties a place.
    ``words``: the tokens' distinct normalised words, when at hand.
    """
    spans = event.spans if event is not None else ()
    # Read off the trigger spans once for the sentence: a long one holds many mentions.
    trigger_ends = frozenset(last - 1 for _, last in spans)
    first_end = min((last for _, last in spans), default=math.inf)
    subordinate = _subordinate_start(tokens, event, words)
    clause = _trigger_clause(text, tokens, event.trigger.first) if event is not None and tokens else None
    out = []
    for k in indices:
        mention = mentions[k]
        location = location_of(mention)
        if location is None:
            continue
        # a place the gazetteer lacks is a village or the like, at its container, or a road
        kind = mention.place.type if mention.place is not None else _unknown_kind(mention)
        tok = token_at(tokens, mention.start)
        if tok is None:
            continue
        tok_start = tokens[tok].start
        clitic = normalize_token(text[tok_start : max(tok_start, mention.start)])
        link = _link(tokens, tok, clitic, trigger_ends)
        if link.taken and clause is not None:
            link = replace(link, own_clause=_in_clause(clause, tokens[tok]))
        score = _score(kind, location, link, tok, first_end, subordinate, event)
        score += _settlement_cue_bonus(mention)
        out.append(Candidate(k, location, mention.place or mention.container, tok, score, link.linked))
    for a in place_anaphors(text, tokens, mentions, location_of):
        link = _link(tokens, a.tok, a.clitic, trigger_ends)
        mention, location = mentions[a.index], location_of(mentions[a.index])
        if not link.linked or location is None:
            continue
        kind = mention.place.type if mention.place is not None else _unknown_kind(mention)
        score = _score(kind, location, link, a.tok, first_end, subordinate, event)
        named = next((c for c in out if c.index == a.index), None)
        if named is None:
            out.append(Candidate(a.index, location, mention.place or mention.container, a.tok, score, True))
        elif score > named.score:
            named.score, named.linked = score, True
    _inner_over_container(text, tokens, mentions, out)
    return out


def _score(
    kind: PlaceType,
    location: Location,
    link: _Link,
    tok: int,
    first_end: float,
    subordinate: float,
    event: SentenceEvent | None,
) -> float:
    """A place of ``kind`` named at token ``tok``: its specificity and precision, and how it is tied."""
    score = _SPECIFICITY.get(kind, 1.0) - _PRECISION_PENALTY * (location.geo_precision - 1)
    if link.linked:
        score += _LINK_BONUS
    if link.source:
        score -= _SOURCE_PENALTY
    if first_end <= tok:  # after a trigger
        score += _AFTER_TRIGGER_BONUS
    if subordinate <= tok:
        score -= _SUBORDINATE_PENALTY
    if kind is PlaceType.ROAD and event is not None and event.entry.sub_event_type == "Other":
        score += _ROAD_BONUS
    if link.taken and event is not None and event.entry.territory:
        score += _TAKEN_BONUS
    elif link.taken and link.own_clause:
        score += _OBJECT_BONUS
    return score


def _trigger_clause(text: str, tokens: Sequence[Token], trigger: int) -> tuple[int, int]:
    """The offsets of the last clause break (comma, semicolon, colon) before token ``trigger`` and of
    the first after it, within the sentence (just outside it when there is none).

    Read once per sentence, so that asking of each place whether it lies in the trigger's clause
    (:func:`_in_clause`) costs no reading of the words between them.
    """
    start, end = tokens[0].start, tokens[-1].end
    before = max(text.rfind(c, start, tokens[trigger].start) for c in _CLAUSE_BREAKS)
    after = [i for c in _CLAUSE_BREAKS if (i := text.find(c, tokens[trigger].end, end)) != -1]
    return max(before, start - 1), min(after, default=end)


def _in_clause(clause: tuple[int, int], token: Token) -> bool:
    """Whether ``token`` lies in the clause :func:`_trigger_clause` bounds: no break between them."""
    before, after = clause
    return before < token.end and token.start <= after


#: English settlement cues that present a name as the place where something happened.
_SETTLEMENT_CUES_EN = frozenset({"village of", "town of", "city of"})
_SETTLEMENT_CUE_BONUS = 0.25  # breaks a tie: "relatives of a soldier killed in X stormed ... the town of Y"


def _settlement_cue_bonus(mention: Mention) -> float:
    """A small bonus for a known place an English text presents as a settlement ("the town of Safita"):
    of two places equally tied to the event, the one the text introduces is where it happened.  A name
    the gazetteer lacks gets none: it lies only somewhere in its container."""
    cued = mention.place is not None and mention.cue.lower() in _SETTLEMENT_CUES_EN
    return _SETTLEMENT_CUE_BONUS if cued else 0.0


def _unknown_kind(mention: Mention) -> PlaceType:
    """The kind of place a name the gazetteer lacks is: a road named by its ends, else a village."""
    return PlaceType.ROAD if joined_road(mention) else PlaceType.VILLAGE


def _subordinate_start(
    tokens: Sequence[Token], event: SentenceEvent | None, words: frozenset[str] | None
) -> float:
    """Where the first subordinate phrase after the deciding event word starts ("protested ...,
    demanding news of relatives missing in the fighting in Latakia"), or infinity.
    ``words``: the tokens' distinct normalised words, when at hand."""
    if event is None:
        return math.inf
    found = event_lexicon().subordinate.find(tokens, words=words)
    return min((m.first for m in found if m.first > event.trigger.first), default=math.inf)


#: Marks a caption's header («دير الزور | البوكمال: …», «إدلب - مدينة أريحا: …»): the area, then the place.
_HEADER_MARKS = "|-–—"


def _inner_over_container(
    text: str, tokens: Sequence[Token], mentions: Sequence[Mention], candidates: list[Candidate]
) -> None:
    """A place named with its container is where the event happens, not the container.

    "the market of X in southern Idlib", «مدينة X بريف درعا», and a caption's header
    «دير الزور | X: …»: the container, next to the place and joined to it by
    connector words only (or, opening the sentence, by a bar or dash before it),
    gives the place its tie to the event, and the place, more specific, wins over
    it.  The place must lie in one reading of the container
    (:func:`gazetteer.geoparser.containment.lies_in`).  The last of a list that
    shares the container ("X and Y in Aleppo") is left alone: the container is the list's.
    """
    ordered = sorted(candidates, key=lambda c: mentions[c.index].start)
    for k in range(len(ordered) - 1):
        first, second = ordered[k], ordered[k + 1]
        a, b = mentions[first.index], mentions[second.index]
        gap = text[a.end : b.start]
        if contains(b, a) and connective(gap):
            inner, outer = first, second
            if k > 0 and coordinated(text, mentions[ordered[k - 1].index], a):
                continue
        elif (contains(a, b) and first.tok == 0 and _header_gap(gap)) or header_countryside(text, a, b):
            inner, outer = second, first
        else:
            continue
        if outer.linked and not inner.linked:
            inner.linked = True
            inner.score += _LINK_BONUS
        inner.score = max(inner.score, outer.score + _PRECISION_PENALTY)


def _header_gap(gap: str) -> bool:
    """A caption header's bar or dash between an area and a place, cue words allowed after it."""
    gap = gap.strip()
    return gap[:1] in _HEADER_MARKS and connective(gap[1:])
