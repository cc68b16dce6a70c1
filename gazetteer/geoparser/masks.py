"""Place names inside the names of armed groups, organisations and time zones are no place.

"al-Sham" in "Hay'at Tahrir al-Sham", "Aleppo" in "Aleppo Media Center" and
«دمشق» in «بتوقيت دمشق» name no incident location.  Two mechanisms find them:

- the actor lexicon (``data/lexicon/actors.yaml``): a place name lying inside
  a longer actor name ("Ahrar al-Sham", «قوات سوريا الديمقراطية») is part of it;
- organisation patterns (``organisation_before``/``organisation_after`` in
  ``data/cues.yaml``): words that make the name next to them an outlet's, a
  council's or a time zone's ("X Media Center", "X 24", "X time", «شبكة أخبار X»);
  :mod:`gazetteer.geoparser.orgnames` reads the names no listed phrase gives away by their shape
  (a head noun, a source's place: "told X Direct", «فوج إطفاء X»).

A third finds Arabic adjectives that spell a place name (:func:`adjective_reading`): a word
written indefinite («سائق شاحنة تركياً», a Turkish driver) or a country's nisba form joined to
another nisba adjective («غارات روسية أو سورية», Russian or Syrian strikes).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from ..events.actors import find_actors
from ..places.normalize import Token
from .cues import load_cues
from .lexicon import form_set

_PUNCTUATION = frozenset(",.،؛;:()[]|!?\n")
#: Tanween: a proper name is never written indefinite, an adjective or a common noun is («تركياً»).
_TANWEEN = frozenset("\u064b\u064c\u064d")
_NISBA = "يه"  # the feminine nisba ending, normalised («سورية», «روسية»)
_OR_AND = frozenset({"او", "و"})
#: Compass words, normalised: a country after one, at the end of a group's name, is the part of it
#: the name claims («الإدارة الذاتية لشمال وشرق سوريا»), not the country named as a backer.
_COMPASS = frozenset({"شمال", "شرق", "غرب", "جنوب", "north", "east", "west", "south"})
_COMPASS_CLITICS = ("", "و", "ل", "ول", "ب")


@dataclass(frozen=True, slots=True)
class OrganisationWords:
    """Phrases (tuples of normalised words) that turn a neighbouring place name into an organisation's."""

    before: frozenset[tuple[str, ...]]
    after: frozenset[tuple[str, ...]]
    longest: int  # the most words in a phrase
    before_ends: frozenset[str]  # the last word of each ``before`` phrase
    after_starts: frozenset[str]  # the first word of each ``after`` phrase


@cache
def organisation_words() -> OrganisationWords:
    """The organisation patterns of the cue lexicon, with what the checks look up first."""
    cues = load_cues()
    before, after = cues.organisation_before, cues.organisation_after
    return OrganisationWords(
        before,
        after,
        max(map(len, before | after), default=0),
        frozenset(p[-1] for p in before),
        frozenset(p[0] for p in after),
    )


def joined(text: str, left: Token, right: Token) -> bool:
    """Whether only spaces or hyphens lie between two tokens (no punctuation ends the name)."""
    return not _PUNCTUATION.intersection(text[left.end : right.start])


def phrase_ends_at(
    text: str, toks: Sequence[Token], last: int, phrases: frozenset[tuple[str, ...]], longest: int
) -> bool:
    """Whether a phrase of ``phrases`` ends on token ``last`` (its first word in any clitic form)."""
    for n in range(1, min(last + 1, longest) + 1):
        first = last - n + 1
        if not all(joined(text, toks[k], toks[k + 1]) for k in range(first, last)):
            break
        rest = tuple(t.norm for t in toks[first + 1 : last + 1])
        if any((form, *rest) in phrases for form in form_set(toks[first].norm)):
            return True
    return False


def phrase_starts_at(
    text: str, toks: Sequence[Token], first: int, phrases: frozenset[tuple[str, ...]], longest: int
) -> bool:
    """Whether a phrase of ``phrases`` starts at token ``first``."""
    for n in range(1, min(len(toks) - first, longest) + 1):
        last = first + n - 1
        if last > first and not joined(text, toks[last - 1], toks[last]):
            break
        if tuple(t.norm for t in toks[first : last + 1]) in phrases:
            return True
    return False


def in_organisation_name(text: str, toks: Sequence[Token], first: int, last: int) -> bool:
    """Whether the name on tokens ``[first, last)`` of a sentence is part of an organisation's name.

    ``toks`` are the sentence's tokens (offsets into ``text``).  True when an
    organisation word is joined to the name before or after it.
    """
    words = organisation_words()
    before = (
        first > 0
        and not words.before_ends.isdisjoint(form_set(toks[first - 1].norm))
        and joined(text, toks[first - 1], toks[first])
    )
    after = (
        last < len(toks)
        and toks[last].norm in words.after_starts
        and joined(text, toks[last - 1], toks[last])
    )
    return (before and phrase_ends_at(text, toks, first - 1, words.before, words.longest)) or (
        after and phrase_starts_at(text, toks, last, words.after, words.longest)
    )


def actor_spans(toks: Sequence[Token], starts: Sequence[int]) -> dict[int, tuple[int, int]]:
    """Each token inside an actor named in ``toks`` by more than one word, with that name's token range.

    ``starts``: where an actor's name may start in ``toks``
    (:func:`gazetteer.events.actors.actor_starts`, found once per article).
    """
    if not starts:
        return {}  # most sentences name no actor
    return {
        k: (a.first, a.last)
        for a in find_actors(toks, starts)
        if a.last - a.first > 1
        for k in range(a.first, a.last)
    }


def after_compass_word(toks: Sequence[Token], first: int) -> bool:
    """Whether the word before token ``first`` is a compass word («لشمال وشرق سوريا», "North and
    East Syria"), in any of its clitic forms."""
    if first == 0:
        return False
    word = toks[first - 1].norm
    return any(word.startswith(c) and word[len(c) :] in _COMPASS for c in _COMPASS_CLITICS)


def masked(spans: dict[int, tuple[int, int]], first: int, last: int) -> bool:
    """Whether tokens ``[first, last)`` lie inside a longer actor name of ``spans``."""
    span = spans.get(first)
    return span is not None and last <= span[1] and span[1] - span[0] > last - first


def adjective_reading(toks: Sequence[Token], first: int, last: int, countries: bool) -> bool:
    """Whether the Arabic name on tokens ``[first, last)`` of a sentence is an adjective, not a place.

    True when a word carries tanween («تركياً»), or when a one-word country name (``countries``: its
    readings are all countries) in the nisba form follows «أو»/«و» and another indefinite nisba
    adjective («روسية أو سورية», «قوات روسية وسورية»); «تركيا وسورية», «السعودية وسورية» are places.
    """
    if any(not _TANWEEN.isdisjoint(t.text) for t in toks[first:last]):
        return True
    if not countries or last - first != 1 or not toks[first].norm.endswith(_NISBA):
        return False
    k = first - 1
    if k >= 0 and toks[k].norm in _OR_AND:
        k -= 1
    elif not toks[first].norm.startswith("و"):
        return False  # no «أو»/«و» joins it to the word before
    return k >= 0 and toks[k].norm.endswith(_NISBA) and not toks[k].norm.startswith("ال")
