"""Misspelt Latin names of prominent places: "Allepo", "Hamma", "Deir Ezzour".

English copy misspells the names everyone knows by doubling or undoubling a
letter and by a slip or two in a long name.  Neither the consonant skeletons
of :mod:`~gazetteer.geoparser.romanize` (too short for "Allepo": ``alb``) nor
the one-edit index (two edits off "Aleppo") reads those.  Here a one-word name
is compared with the Latin keys of prominent Syrian places after doubled
letters are collapsed in both, within an edit bound scaled to the name's
length (:func:`edit_bound`).  The readings found are weak: the caller must
have them corroborated by the article's other places or a container.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rapidfuzz.distance import OSA

_DOUBLED = re.compile(r"(.)\1+")
#: Below this many letters (doubled letters collapsed) a name must match exactly: one
#: edit off a shorter name reads personal names, months and unknown villages as towns
#: ("Hassan" Hayyan, "March" Maareh, "Kabana" Katana).
ONE_EDIT_LETTERS = 7
#: A shorter word (doubled letters collapsed) is no misspelling of anything.
MIN_LETTERS = 4
#: From this many letters a name may be two edits off.
TWO_EDIT_LETTERS = 9


def collapsed(word: str) -> str:
    """``word`` with every run of one letter written once: "allepo" → "alepo"."""
    return _DOUBLED.sub(r"\1", word)


def edit_bound(letters: int) -> int:
    """The edits allowed to a name of ``letters`` letters: 0 below 7, 1 for 7 or 8, 2 from 9."""
    if letters < ONE_EDIT_LETTERS:
        return 0
    return 1 if letters < TWO_EDIT_LETTERS else 2


def edit_distance(a: str, b: str, limit: int) -> int:
    """The optimal-string-alignment distance of ``a`` and ``b``, or ``limit + 1`` when it exceeds ``limit``.

    Substitutions, insertions, deletions and swaps of two neighbouring letters count one each
    (rapidfuzz's ``OSA``, which stops counting past the limit).
    """
    return OSA.distance(a, b, score_cutoff=limit)


def _deletions(word: str, n: int) -> set[str]:
    """Every form of ``word`` with up to ``n`` letters deleted (``word`` included)."""
    forms = {word}
    shorter = {word}
    for _ in range(n):
        shorter = {form[:k] + form[k + 1 :] for form in shorter for k in range(len(form))}
        forms |= shorter
    return forms


class MisspellingIndex:
    """Latin one-word keys by the forms their collapsed spelling takes with letters deleted.

    The symmetric-delete scheme: two words within ``k`` edits share a form with
    at most ``k`` letters deleted from each.  Each key is indexed up to its own
    :func:`edit_bound`, so a short name is found only by an exact collapsed spelling.
    """

    def __init__(self, keys: Iterable[str]) -> None:
        """``keys``: one-word, all-letter Latin name keys."""
        index: dict[str, set[str]] = {}
        ends: set[tuple[str, str]] = set()
        for key in keys:
            short = collapsed(key)
            ends.add((short[0], short[-1]))
            for probe in _deletions(short, edit_bound(len(short))):
                index.setdefault(probe, set()).add(key)
        self._index = {probe: tuple(sorted(found)) for probe, found in index.items()}
        # An edit leaves a name's first and last letters alone (see _within_bound): a word
        # whose ends no key has is near none of them.
        self._ends = frozenset(ends)

    def keys_near(self, word: str) -> tuple[str, ...]:
        """The keys within the edit bound of the one-word ``word`` (doubled letters collapsed), sorted.

        ``word`` itself is never among them.
        """
        short = collapsed(word)
        if len(short) < MIN_LETTERS or not (word.isascii() and word.isalpha()):
            return ()  # "Tal" is a word of many names, not At-Tall
        if (short[0], short[-1]) not in self._ends:
            return ()
        found: set[str] = set()
        for probe in _deletions(short, edit_bound(len(short))):
            found.update(self._index.get(probe, ()))
        found.discard(word)
        return tuple(sorted(key for key in found if _within_bound(short, collapsed(key))))


def _within_bound(word: str, key: str) -> bool:
    """Whether the collapsed ``word`` is within the edit bound of the shorter of it and the collapsed ``key``.

    An edit must leave the first and last letters alone: slips garble a name's
    middle ("Damascas"), while a personal name one letter off a town's differs
    at its end ("Khaled", "Khaleb").
    """
    if word == key:
        return True
    bound = edit_bound(min(len(word), len(key)))  # "Sarin" is no Sarmin
    return word[0] == key[0] and word[-1] == key[-1] and edit_distance(word, key, bound) <= bound
