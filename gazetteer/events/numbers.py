"""Numbers in Arabic and English text: «بـ11», «ثماني», «أحد عشر», "twenty one".

Numbers are digits (Western or Arabic-Indic, which normalisation folds) or
number words (``data/lexicon/numbers.yaml``), composed the usual way:
«أحد عشر» 11, «خمسة وعشرون» 25, «ثلاث مئة» 300, «ثلاثة آلاف» 3000,
"twenty one" 21, "two hundred" 200.  What a number counts is
:mod:`gazetteer.events.counting`'s business.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..geoparser.lexicon import WordClass, forms_of, load_lexicon, positions
from ..places.normalize import Token, normalize_token

__all__ = ["NumberSpan", "find_numbers", "load_word_lists", "parse_number", "reads_as_number"]

# Proclitics a number may carry: «بـ11», «وعشرين», «لثلاثة».  Not the article:
# «الأحد» is Sunday, not "one".
_NUMBER_CLITICS = frozenset("وفبلك")
#: Digits a number may have, leading zeros aside: up to 999,999,999.
_MAX_DIGITS = 9


@dataclass(frozen=True, slots=True)
class NumberSpan:
    """A number found in a token list: tokens ``[first, last)`` and its value."""

    first: int
    last: int
    value: int


@dataclass(frozen=True, slots=True)
class _Word:
    kind: str  # unit | ten | tens | hundreds | thousand | thousand_plural | thousands
    value: int


@functools.cache
def _words() -> dict[str, _Word]:
    data = load_lexicon("numbers")
    table: dict[str, _Word] = {}
    for lang in ("ar", "en"):
        section = data[lang]
        for kind in ("units", "tens", "hundreds", "thousands"):
            for value, words in section.get(kind, {}).items():
                for w in words:
                    name = "unit" if kind == "units" else kind
                    table[normalize_token(w)] = _Word(name, int(value))
        for w in section.get("ten", ()):
            table[normalize_token(w)] = _Word("ten", 10)
        for w in section.get("thousand", ()):
            table[normalize_token(w)] = _Word("thousand", 1000)
        for w in section.get("thousand_plural", ()):
            table[normalize_token(w)] = _Word("thousand_plural", 1000)
    return table


def load_word_lists() -> None:
    """Read the number words now rather than on first use.

    Raises :class:`gazetteer.errors.GazetteerDataError` when the lexicon is broken.
    """
    _words()


def reads_as_number(token: Token) -> bool:
    """True when ``token`` is a number word or digits that may start a number («بـ11», «ثلاثة», "five")."""
    return _read_norm(token.norm, True) is not None


def _read(token: Token, *, first: bool) -> _Word | None:
    return _read_norm(token.norm, first)


@functools.lru_cache(maxsize=1 << 16)
def _read_norm(norm: str, first: bool) -> _Word | None:
    """The number word (or digits) a normalised token is, behind any proclitic a number may take."""
    for form, cut in forms_of(norm):
        prefix = norm[:cut]
        if not (all(c in _NUMBER_CLITICS for c in prefix) and (first or prefix in ("", "و"))):
            continue
        if form.isdigit():
            # A count has a few digits (a longer number is an id or a phone number, and int() of
            # one is slow or refused); only decimal digits are read (int() refuses "𐩀").
            significant = form.lstrip("0")
            if not first or not form.isdecimal() or len(significant) > _MAX_DIGITS:
                return None
            return _Word("digits", int(significant or "0"))
        word = _words().get(form)
        if word is not None:
            return word
    return None


#: Thousands separators between digit groups: "1,600" is one number, «١٬٦٠٠» too.
_THOUSANDS_SEPARATORS = frozenset({",", "\u066c"})
_GROUP_HEAD = re.compile(r"\D*\d{1,3}")  # a group before a separator: one to three digits
_GROUP = re.compile(r"\d{3}")  # a group after one: three digits


def _continues_thousands(tokens: Sequence[Token], j: int, text: str | None) -> bool:
    """Whether ``tokens[j]`` continues the digits before it past a thousands separator ("1,600").

    The tokenizer splits "1,600" at the comma; a group of three digits right after a comma that
    follows one to three digits is the same number.  ``text``: what the offsets point into (without
    it, no group is joined); "2019, 600 people" (a space, four digits before) stays two numbers.
    """
    if text is None or j == 0:
        return False
    before, group = tokens[j - 1], tokens[j]
    return (
        text[before.end : group.start] in _THOUSANDS_SEPARATORS
        and _GROUP_HEAD.fullmatch(before.norm) is not None
        and _GROUP.fullmatch(group.norm) is not None
    )


def parse_number(tokens: Sequence[Token], i: int, text: str | None = None) -> NumberSpan | None:
    """The number that starts at ``tokens[i]``, or None when it does not start one.

    ``text``: the text the tokens' offsets point into, when at hand, to read digit groups
    split by a thousands separator as one number ("1,600" 1600, see :func:`_continues_thousands`).
    """
    word = _read(tokens[i], first=True)
    if word is None or word.kind == "thousand_plural":
        return None
    total, current = 0, 0
    first_kind = word.kind
    j = i
    while word is not None:
        if word.kind in ("digits", "unit", "tens", "thousands"):
            current += word.value
        elif word.kind == "ten":
            current += 10  # «أحد عشر» = 1 + 10; «عشرة» alone = 10
        elif word.kind == "hundreds":
            current = current * word.value if word.value == 100 and current else current + word.value
        else:  # thousand
            total += max(current, 1) * 1000
            current = 0
        j += 1
        if j >= len(tokens):
            break
        nxt = tokens[j]
        if nxt.norm == "and" and j + 1 < len(tokens) and _read(tokens[j + 1], first=False):
            j += 1
            nxt = tokens[j]
        if first_kind == "digits" and _continues_thousands(tokens, j, text):
            # "1,600": the digits read so far are thousands, the group after the separator adds to them
            word = _Word("digits", int(nxt.norm))
            current *= 1000
            continue
        word = _read(nxt, first=False)
        if word is not None and word.kind == "digits":
            break
        if word is not None and word.kind == "hundreds" and word.value == 100 and current >= 100:
            break  # «مئة» multiplies a number below a hundred («ثلاث مئة»): «مئة مئة» is two numbers
        if (
            first_kind == "digits"
            and word is not None
            and word.kind not in ("hundreds", "thousand", "thousand_plural")
        ):
            break  # "2016, two incidents": digits take a multiplier word, never another number
    return NumberSpan(i, j, total + current)


def find_numbers(
    tokens: Sequence[Token], *, words: frozenset[str] | None = None, text: str | None = None
) -> list[NumberSpan]:
    """Every number in ``tokens``, left to right, without overlaps.

    ``words``: the tokens' distinct normalised words, when at hand; ``text``: what their offsets
    point into, when at hand (see :func:`parse_number`).
    """
    out = []
    free = 0  # the first token not inside a number already found
    # Only a token that reads as a number word or digits can start one: most tokens cannot.
    starters = _NUMBER_STARTS.among(tokens, words=words)
    if not starters:
        return out
    for i in positions(tokens, starters):
        if i < free:
            continue
        span = parse_number(tokens, i, text)
        if span is not None:
            out.append(span)
            free = span.last
    return out


_NUMBER_STARTS = WordClass(lambda norm: _read_norm(norm, True) is not None)
