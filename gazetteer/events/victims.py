"""The people a casualty word counts without a number: "a woman and her two sons", «مقتل ممرض».

The words (``data/lexicon/numbers.yaml``'s ``victims``) are read by :func:`read_victims`, with
the Arabic forms of each noun (possessives, duals); :func:`victim_count` reads how many people
a run of words names.  :mod:`gazetteer.events.counting` ties the total to a casualty word or verb.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

from ..geoparser.lexicon import form_set
from ..places.normalize import Token, normalize_token
from .numbers import parse_number, reads_as_number

_MODIFIERS = 5  # words between "a" and its noun: "a 24-year-old farm worker"
_OF_PHRASE = 4  # words of the "of"-phrase after a noun of people: "four members of the local police"


@dataclass(frozen=True, slots=True)
class Victims:
    """The words of the people a casualty word counts (``numbers.yaml``'s ``victims``)."""

    singular: frozenset[str]
    plural: frozenset[str]
    dual: frozenset[str]
    determiners: frozenset[str]
    pronouns: frozenset[str]
    groups: frozenset[str]
    people: frozenset[str] = frozenset()  # singular and plural
    people_or_groups: frozenset[str] = frozenset()
    named: frozenset[str] = frozenset()  # singular, dual and plural


def _with_unions(v: Victims) -> Victims:
    """``v`` with the unions of its word sets that counting asks about, made once."""
    return dataclasses.replace(
        v,
        people=v.singular | v.plural,
        people_or_groups=v.singular | v.plural | v.groups,
        named=v.singular | v.dual | v.plural,
    )


# Arabic possessive suffixes a victim noun may carry: «زوجته», «أطفالها», «طفليه».
_POSSESSIVES = ("", "ه", "ها", "هم", "هما", "ي")


def _arabic_forms(noun: str) -> tuple[set[str], set[str]]:
    """A normalised Arabic noun's singular forms (with possessives) and dual forms («طفل» → «طفلين»).

    A noun ending in «ي» (nisba: «مدني») has no «ين» dual: «مدنيين» is its plural.
    """
    stem = noun[:-1] + "ت" if noun.endswith("ه") else noun  # «زوجة» (normalised «زوجه») → «زوجت»
    singular = {noun} | {stem + p for p in _POSSESSIVES if p}
    dual = {stem + "ان", stem + "ا" + "ه", stem + "اها"}
    if not noun.endswith("ي"):
        dual |= {stem + "ين", stem + "يه", stem + "يها", stem + "يهم"}
    return singular, dual


def read_victims(spec: dict) -> Victims:
    """The victim words of ``numbers.yaml``'s ``victims`` section, normalised, with the Arabic forms."""

    def words(section: str, lang: str) -> list[str]:
        # The tokenizer splits a hyphenated noun ("passers-by"): it is known by its first word.
        return [normalize_token(w.split("-")[0]) for w in (spec.get(section) or {}).get(lang, ())]

    singular = set(words("singular", "en"))
    plural = set(words("plural", "en"))
    dual: set[str] = set()
    for noun in words("singular", "ar"):
        forms, duals = _arabic_forms(noun)
        singular |= forms
        dual |= duals
    for noun in words("plural", "ar"):
        plural |= {noun} | {noun + p for p in _POSSESSIVES if p}
    return _with_unions(
        Victims(
            frozenset(singular),
            frozenset(plural),
            frozenset(dual - singular - plural),
            frozenset(words("determiners", "en")),
            frozenset(words("pronouns", "en")),
            frozenset(words("groups", "en") + words("groups", "ar")),
        )
    )


def _is_victim(token: Token, words: frozenset[str]) -> bool:
    """Whether ``token``, in any of its clitic forms, is one of ``words``."""
    return not words.isdisjoint(form_set(token.norm))


def victim_count(
    tokens: Sequence[Token], i: int, v: Victims, text: str | None = None
) -> tuple[int | None, int]:
    """How many people the words from ``tokens[i]`` name (None for no number) and where they end.

    "a woman and her two sons" 3, "the owner and two customers" 3, "him and his son" 2,
    "a family of four" 4, «ممرض» 1, «مدنيين اثنين» 2, «عنصرين» 2; a plural without its
    number ("civilians") makes the whole unknown.  ``text``: what the offsets point into, when at
    hand, for numbers with a thousands separator ("1,600 civilians").
    """
    total, j, n = 0, i, len(tokens)
    while j < n:
        token = tokens[j]
        number = parse_number(tokens, j, text) if reads_as_number(token) else None
        if number is not None:
            k = number.last
            while k < min(n, number.last + 2) and not _is_victim(tokens[k], v.people):
                k += 1
            if k >= n or not _is_victim(tokens[k], v.people):
                return (total or None, j)
            total, j = total + number.value, k + 1
        elif _is_victim(token, v.dual):
            total, j = total + 2, j + 1
        elif _is_victim(token, v.plural):
            after = parse_number(tokens, j + 1) if j + 1 < n else None  # «مدنيين اثنين»
            if after is None:
                return None, j
            total, j = total + after.value, after.last
        elif _is_victim(token, v.singular):
            total, j = total + 1, j + 1
        elif _is_victim(token, v.groups) and j + 2 < n and tokens[j + 1].norm in ("of", "من"):
            group = parse_number(tokens, j + 2)
            if group is None:
                return (total or None, j)
            total, j = total + group.value, group.last
        elif token.norm in v.determiners:
            nxt = tokens[j + 1] if j + 1 < n else None
            if nxt is not None and (reads_as_number(nxt) or nxt.norm in v.determiners):
                j += 1  # "her two sons", "the two men": the number follows
                continue
            k = next(
                (
                    k
                    for k in range(j + 1, min(n, j + 1 + _MODIFIERS))
                    if _is_victim(tokens[k], v.people_or_groups) or tokens[k].norm == "and"
                ),
                None,
            )
            if k is None or tokens[k].norm == "and":
                if token.norm in v.pronouns:
                    total, j = total + 1, j + 1  # "wounding her"
                else:
                    return (total or None, j)
            else:
                j = k
                continue
        elif token.norm in v.pronouns:
            total, j = total + 1, j + 1
        else:
            break
        j = _past_of_phrase(tokens, j)
        # "and" ("a woman and her two sons"), or «و» on the next noun («طفل ووالدته»).
        if j < n and tokens[j].norm == "and":
            j += 1
        elif not (j < n and tokens[j].norm[:1] == "و" and _is_victim(tokens[j], v.named)):
            break
    return (total or None, j)


def _past_of_phrase(tokens: Sequence[Token], j: int) -> int:
    """Where the people named go on after the "of"-phrase at ``j`` that says whose they are, or ``j``.

    "four members of the Asayish and two passers-by": the phrase ends at the "and" that
    joins the next people, a few words on; without that "and" the people named end at "of".
    """
    if j >= len(tokens) or tokens[j].norm != "of":
        return j
    end = min(len(tokens), j + 2 + _OF_PHRASE)
    return next((k for k in range(j + 2, end) if tokens[k].norm == "and"), j)
