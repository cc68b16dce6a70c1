"""Numbers and counts in Arabic and English text: «بـ11 غارة», «ثماني طائرات», "five civilians were killed".

Numbers are digits (Western or Arabic-Indic, which normalisation folds) or
number words (``data/lexicon/numbers.yaml``), composed the usual way:
«أحد عشر» 11, «خمسة وعشرون» 25, «ثلاث مئة» 300, «ثلاثة آلاف» 3000,
"twenty one" 21, "two hundred" 200.  A count is a number tied to what it
counts by the noun after it or the word before it (:func:`find_counts`).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

from ..geoparser.lexicon import (
    PhraseMatch,
    PhraseMatcher,
    WordClass,
    forms_of,
    load_lexicon,
    positions,
    word_set,
)
from ..places.normalize import Token, normalize_token, tokenize
from .dates import month_positions

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
class Count:
    """A number tied to what it counts.

    ``category``: strikes, aircraft, shells, fatalities, injuries, or events
    (how many incidents a sentence reports: "two incidents", «هجومين»).
    """

    category: str
    value: int
    first: int
    last: int


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
    """Read and compile the number words and count nouns now rather than on first use.

    Raises :class:`gazetteer.errors.GazetteerDataError` when the lexicon is broken.
    """
    _words()
    _count_lexicon()


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


def parse_number(tokens: Sequence[Token], i: int) -> NumberSpan | None:
    """The number that starts at ``tokens[i]``, or None when it does not start one."""
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


def find_numbers(tokens: Sequence[Token]) -> list[NumberSpan]:
    """Every number in ``tokens``, left to right, without overlaps."""
    out = []
    free = 0  # the first token not inside a number already found
    # Only a token that reads as a number word or digits can start one: most tokens cannot.
    starters = _NUMBER_STARTS.among(tokens)
    if not starters:
        return out
    for i in positions(tokens, starters):
        if i < free:
            continue
        span = parse_number(tokens, i)
        if span is not None:
            out.append(span)
            free = span.last
    return out


@dataclass(frozen=True, slots=True)
class _CountLexicon:
    after: PhraseMatcher[str]
    before: PhraseMatcher[str]
    verb_after: PhraseMatcher[str]
    dual: dict[str, str]
    order: tuple[str, ...]


@functools.cache
def _count_lexicon() -> _CountLexicon:
    counts = load_lexicon("numbers")["counts"]
    roles: dict[str, list[tuple[str, str]]] = {"after": [], "before": [], "verb_after": []}
    dual: dict[str, str] = {}
    for category, spec in counts.items():
        for role, items in roles.items():
            for lang_words in (spec.get(role) or {}).values():
                items.extend((w, category) for w in lang_words)
        for w in word_set((spec.get("dual") or {}).get("ar", ())):
            dual[w] = category
    return _CountLexicon(
        PhraseMatcher(roles["after"]),
        PhraseMatcher(roles["before"]),
        PhraseMatcher(roles["verb_after"]),
        dual,
        tuple(counts),
    )


def _is_year(tokens: Sequence[Token], span: NumberSpan, months: frozenset[int]) -> bool:
    """«21 آب 2013», "21 August 2013, rockets ...": a year after a month is a date, not a count."""
    if not 1900 <= span.value <= 2100 or span.last - span.first != 1:
        return False
    return any(k in months for k in range(span.first - 2, span.first))


def find_counts(tokens: Sequence[Token]) -> list[Count]:
    """Counts in a token list: each number tied to the category of the noun it counts.

    An adjacent word decides first: the noun right after the number
    («11 غارة»), then the word right before it («مقتل 5», "killing five");
    then the same one word further away ("11 Russian airstrikes"); then a verb shortly after ("five civilians
    were killed").  Arabic duals («غارتين») count two on their own.  Numbers
    tied to nothing (years, days of the month) are ignored.
    """
    lex = _count_lexicon()
    out: list[Count] = []
    numbers = find_numbers(tokens)
    used: set[int] = set()
    if numbers:  # the lexicon passes are for tying numbers: without one, only duals count
        after = {m.first: m for m in lex.after.find(tokens)}
        before = {m.last: m for m in lex.before.find(tokens)}
        verb_after = {m.first: m for m in lex.verb_after.find(tokens)}
        months = month_positions(tokens)
    for span in numbers:
        used.update(range(span.first, span.last))
        if _is_year(tokens, span, months):
            continue
        match: PhraseMatch[str] | None = (
            after.get(span.last)
            or before.get(span.first)
            or after.get(span.last + 1)
            or before.get(span.first - 1)
            or next((verb_after[k] for k in range(span.last, span.last + 4) if k in verb_after), None)
        )
        if match is not None:
            out.append(Count(match.value, span.value, span.first, span.last))
    duals = _DUALS.among(tokens)
    if duals:
        for i in positions(tokens, duals):
            category = _dual_category(tokens[i].norm)
            if category is not None and i not in used:
                out.append(Count(category, 2, i, i + 1))
    return out


@functools.lru_cache(maxsize=1 << 16)
def _dual_category(norm: str) -> str | None:
    """The category an Arabic dual counts two of («غارتين» → strikes), behind any proclitic; memoised."""
    dual = _count_lexicon().dual
    return next((dual[form] for form, _ in forms_of(norm) if form in dual), None)


_NUMBER_STARTS = WordClass(lambda norm: _read_norm(norm, True) is not None)
_DUALS = WordClass(lambda norm: _dual_category(norm) is not None)


def count_dict(text: str) -> dict[str, int]:
    """Counts of ``text`` by category; a category stated twice keeps its largest value."""
    result: dict[str, int] = {}
    for count in find_counts(tokenize(text)):
        result[count.category] = max(result.get(count.category, 0), count.value)
    return result
