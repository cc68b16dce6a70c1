"""Organisation names told by their shape, not by a listed phrase next to the place name in them.

:func:`gazetteer.geoparser.masks.in_organisation_name` reads listed phrases ("X Media Center",
«شبكة أخبار X»).  Outlets and NGOs are named in more ways than a list holds, so
:func:`organisation_shape` also reads the shape of the name around a place word:

- English: a run of capitalised words around the place ("the Idlib Response Coordinators", "Raqqa
  Direct") that ends on an organisation's head noun, or that a source is quoted by ("told X Y",
  "according to the X Y", "X Y said").  A cue word in the run keeps the place ("Idlib City",
  "Aleppo Central Prison"), and a run of the place alone is never an organisation ("the Civil Defence
  in Idlib said").  The country may also end one after "in" or "of" ("the Local Coordination
  Committees in Syria"); another place there is where the organisation sits ("the Military Council
  in Dhiban").
- Arabic: a head noun, then one or two indefinite nouns of its construct chain, then the place
  («فوج إطفاء X», «قيادة شرطة X», «منسقو استجابة X»).
- Arabic, where a source is quoted only: a head noun and up to three words, then «في X»
  («بحسب مكتب توثيق … في X», «من قبل فريق الدفاع المدني في X»); elsewhere «في X» is where the event
  happened («قصفت الطائرات مكتب الدفاع المدني في X»).

The words come from ``data/cues.yaml`` (``organisation_heads``, ``organisation_heads_quoted``,
``attribution_before``, ``attribution_after``, ``outlet_words``).
"""

from __future__ import annotations

from collections.abc import Container, Sequence
from dataclasses import dataclass
from functools import cache

from ..places.normalize import Token
from .cues import load_cues
from .lexicon import form_set
from .masks import joined, phrase_ends_at, phrase_starts_at

_FUNCTION_WORDS = frozenset(
    {"the", "a", "an", "of", "in", "on", "at", "and", "for", "from", "to", "by", "with"}
)
_IN = "في"
_CHAIN_MAX = 2  # indefinite nouns between an Arabic head and the place («فوج إطفاء X»)
_QUOTED_MAX = 3  # words between a quoted head and «في» («مكتب توثيق الشهداء في X»)
_ATTRIBUTION_REACH = 5  # words between an attribution and the head («نقلته وكالة سانا عن قائد شرطة X»)
_QUOTES = frozenset("\"«“'")  # marks that open a quoted name
_LONGEST = 3  # the most words in an attribution or outlet phrase
#: Between an organisation's head noun and the country ending its name ("Committees in Syria").
_IN_OF = frozenset({"in", "of"})
#: Words of a region of the country in such a name ("of North and East Syria").
_COMPASS = frozenset(
    {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "northeast", "northwest",
     "southeast", "southwest", "and"}
)  # fmt: skip
#: Heads that end an organisation's name only before a country: "the Civil Administration" of a town
#: is also said of the town's own offices.
_COUNTRY_ORG_HEADS = frozenset({"administration", "government"})


@dataclass(frozen=True, slots=True)
class _Words:
    heads: frozenset[str]
    quoted_heads: frozenset[str]
    before: frozenset[tuple[str, ...]]
    after: frozenset[tuple[str, ...]]
    outlets: frozenset[tuple[str, ...]]
    breaks: frozenset[str]  # cue words: a run through one of them names a place, not an organisation
    stops: frozenset[str]  # Arabic prepositions and particles: no part of a construct chain


@cache
def _words() -> _Words:
    cues = load_cues()
    return _Words(
        cues.organisation_heads,
        cues.organisation_heads_quoted,
        cues.attribution_before,
        cues.attribution_after,
        cues.outlet_words,
        cues.all_words | cues.type_after_heads | cues.facility_heads | cues.type_word_names,
        cues.facility_stops,
    )


def organisation_shape(
    text: str,
    toks: Sequence[Token],
    first: int,
    last: int,
    placed: Container[int],
    *,
    english: bool,
    country: bool = False,
) -> bool:
    """Whether the name on tokens ``[first, last)`` of a sentence lies in an organisation's name by its shape.

    ``placed``: the sentence's tokens inside place names (never one of an organisation's other
    words here); ``english`` chooses the reading (see the module's docstring); ``country``: every
    reading of the name is a country, which may end an English name after "in" or "of".
    """
    if english:
        return _english_run(text, toks, first, last, placed) or (
            country and _country_ends_name(text, toks, first)
        )
    return (
        _arabic_chain(text, toks, first, placed)
        or _arabic_quoted(text, toks, first)
        or _arabic_in_quotes(text, toks, first)
    )


def _capitalised_word(tok: Token) -> bool:
    return tok.text[:1].isupper()


def _head_word(tok: Token) -> str:
    """The word without an English possessive ("Direct's" → "direct")."""
    return tok.norm[:-1] if tok.text.endswith(("'s", "’s")) else tok.norm


def _run_end(
    text: str, toks: Sequence[Token], k: int, step: int, placed: Container[int], words: _Words
) -> int | None:
    """The last token of the capitalised run going on from token ``k`` by ``step`` (±1); None at a cue word.

    The run takes capitalised words joined to it that are neither function words nor in another
    place name; a cue word or a place name joined to it makes the whole a place's name.
    """
    while 0 <= k + step < len(toks):
        nxt = toks[k + step]
        left, right = (toks[k], nxt) if step > 0 else (nxt, toks[k])
        if not joined(text, left, right) or not _capitalised_word(nxt) or nxt.norm in _FUNCTION_WORDS:
            break
        if nxt.norm in words.breaks or (k + step) in placed:
            return None
        k += step
    return k


def _english_run(text: str, toks: Sequence[Token], first: int, last: int, placed: Container[int]) -> bool:
    """Whether capitalised words around the place make an outlet's name: ended by a head noun, or quoted."""
    words = _words()
    if _head_word(toks[last - 1]) != toks[last - 1].norm:
        return False  # "Russia's Major-General X said": the place owns what follows, it is not named in it
    end = _run_end(text, toks, last - 1, 1, placed, words)
    start = _run_end(text, toks, first, -1, placed, words)
    if end is None or start is None or (start, end) == (first, last - 1):
        return False  # a cue word in the run, or the place alone
    if end >= last and _head_word(toks[end]) in words.heads:
        return True
    return _quoted_before(text, toks, start, words) or _quoted_after(text, toks, end + 1, words)


def _country_ends_name(text: str, toks: Sequence[Token], first: int) -> bool:
    """ "the Local Coordination Committees in Syria", "the Autonomous Administration of North and East
    Syria": a country after "in"/"of" (and compass words) that a capitalised head noun comes before.

    Only a country: "the Military Council in Dhiban" is a council that sits in a place, which an
    incident may be at; no incident is at a country.
    """
    heads = _words().heads | _COUNTRY_ORG_HEADS
    k = first - 1
    while k >= 0 and toks[k].norm in _COMPASS and joined(text, toks[k], toks[k + 1]):
        k -= 1
    if k < 1 or toks[k].norm not in _IN_OF or not joined(text, toks[k], toks[k + 1]):
        return False
    head = toks[k - 1]
    return joined(text, head, toks[k]) and _capitalised_word(head) and _head_word(head) in heads


def _quoted_before(text: str, toks: Sequence[Token], k: int, words: _Words) -> bool:
    """Whether an attribution ("told", "according to") ends right before token ``k``, "the" allowed."""
    if k > 0 and toks[k - 1].norm == "the":
        k -= 1
    return k > 0 and phrase_ends_at(text, toks, k - 1, words.before, _LONGEST)


def _quoted_after(text: str, toks: Sequence[Token], k: int, words: _Words) -> bool:
    """Whether an attribution ("said", "reported") starts at token ``k``, after an outlet word if any."""
    if k < len(toks) and phrase_starts_at(text, toks, k, words.after, _LONGEST):
        return True
    return any(
        tuple(t.norm for t in toks[k : k + n]) in words.outlets
        and phrase_starts_at(text, toks, k + n, words.after, _LONGEST)
        for n in range(1, min(_LONGEST, len(toks) - k - 1) + 1)
    )


def _is_head(tok: Token, heads: frozenset[str]) -> bool:
    return not heads.isdisjoint(form_set(tok.norm))


def _arabic_chain(text: str, toks: Sequence[Token], first: int, placed: Container[int]) -> bool:
    """«فوج إطفاء X»: a head noun, one or two indefinite nouns, then the place, all joined."""
    words = _words()
    k = first - 1
    for _ in range(_CHAIN_MAX):
        if k < 1 or not joined(text, toks[k], toks[k + 1]):
            return False
        tok = toks[k]
        if tok.norm.startswith("ال") or tok.norm in words.stops or k in placed or tok.norm.isdecimal():
            return False  # a definite word ends the chain; a particle or a place is none of it
        if not words.breaks.isdisjoint(form_set(tok.norm)):
            return False  # «مركز مدينة X»: the place's own cue word
        if _is_head(toks[k - 1], words.heads) and joined(text, toks[k - 1], tok):
            return True
        k -= 1
    return False


def _arabic_quoted(text: str, toks: Sequence[Token], first: int) -> bool:
    """A quoted source's organisation named with its place: the head, a few words, then the place.

    The place follows the chain as «في X» («بحسب مكتب توثيق الشهداء في X»), with a preposition
    joined to it or to its cue word («بحسب الهيئة العامة للثورة بحمص», «بحسب المجلس المحلي لمدينة
    X»: the words between are then all definite, the chain of one name), or right after the head
    («نقلته الوكالة عن قائد شرطة X»).  An attribution stands a few words before the head.
    """
    words = _words()
    lead = _source_lead(text, toks, first, words)
    if lead is None:
        return False
    heads = words.heads | words.quoted_heads
    if lead == first and not _clitic(toks[first].norm):
        # the place right after the head, its construct: «شرطة X»
        return _is_head(toks[first - 1], heads) and _attributed(text, toks, first - 1, words)
    for k in range(lead - 1, max(lead - 2 - _QUOTED_MAX, -1), -1):
        if not joined(text, toks[k], toks[k + 1]) or toks[k].norm in words.stops:
            return False
        if _is_head(toks[k], heads):
            return _attributed(text, toks, k, words)
        if toks[lead].norm != _IN and not _definite(toks[k].norm):
            return False  # «وثق المركز مقتل خمسة بحمص»: an indefinite word ends the name
    return False


def _source_lead(text: str, toks: Sequence[Token], first: int, words: _Words) -> int | None:
    """The token that joins a place to a name before it: «في», a cue word with «ب»/«ل», or the place."""
    if first < 2 or not joined(text, toks[first - 1], toks[first]):
        return None
    before = toks[first - 1]
    if before.norm == _IN:
        return first - 1
    if _clitic(before.norm) and not words.breaks.isdisjoint(form_set(before.norm[1:])):
        return first - 1  # «لمدينة X», «بمحافظة X»
    return first


def _clitic(norm: str) -> bool:
    """Whether a word opens with the preposition «ب» or «ل» («بحمص», «لمدينة»), by its spelling."""
    return len(norm) > 3 and norm[0] in "بل"


def _definite(norm: str) -> bool:
    """Whether a word carries the article, alone or after «ل»/«و» («العامة», «للثورة», «والإعلام»)."""
    return norm.startswith(("ال", "لل", "وال"))


def _arabic_in_quotes(text: str, toks: Sequence[Token], first: int) -> bool:
    """«حملة "X تُذبح بصمت"», «شبكة «X الآن»»: the place opens a quoted name right after a head noun."""
    if first < 1:
        return False
    words = _words()
    gap = text[toks[first - 1].end : toks[first].start]
    return not _QUOTES.isdisjoint(gap) and _is_head(toks[first - 1], words.heads | words.quoted_heads)


def _attributed(text: str, toks: Sequence[Token], head: int, words: _Words) -> bool:
    """Whether an attribution («بحسب», «وفق ما نقلته») ends a few joined words before token ``head``."""
    for k in range(head - 1, max(head - 1 - _ATTRIBUTION_REACH, -1), -1):
        if not joined(text, toks[k], toks[k + 1]):
            return False
        if phrase_ends_at(text, toks, k, words.before, _LONGEST):
            return True
    return False
