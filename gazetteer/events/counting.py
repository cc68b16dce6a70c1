"""Counts in Arabic and English text: «بـ11 غارة», «ثماني طائرات», "five civilians were killed".

A count is a number (:mod:`gazetteer.events.numbers`) tied to what it counts by
the noun after it or the word before it (:func:`find_counts`); the categories
and their words are ``data/lexicon/numbers.yaml``'s ``counts``.  Incident
extraction also asks whether the counts make a sentence a tally
(:func:`sums_up`) and how many events it tells (:func:`events_stated`).  The people a
casualty word names without a number are read by :mod:`gazetteer.events.victims`.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from dataclasses import dataclass

from ..geoparser.lexicon import (
    PhraseMatch,
    PhraseMatcher,
    WordClass,
    distinct_norms,
    form_set,
    forms_of,
    load_lexicon,
    positions,
    word_set,
)
from ..places.normalize import Token, tokenize
from .dates import month_positions
from .numbers import NumberSpan, find_numbers
from .victims import Victims, read_victims, victim_count

__all__ = ["Count", "count_dict", "events_stated", "find_counts", "load_word_lists", "sums_up", "writes_year"]


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


def load_word_lists() -> None:
    """Read and compile the count nouns now rather than on first use.

    Raises :class:`gazetteer.errors.GazetteerDataError` when the lexicon is broken.
    """
    _count_lexicon()


@dataclass(frozen=True, slots=True)
class _CountLexicon:
    after: PhraseMatcher[str]
    before: PhraseMatcher[str]
    verb_after: PhraseMatcher[str]
    dual: dict[str, str]
    order: tuple[str, ...]
    quantifiers: frozenset[str]
    victims: Victims
    none: PhraseMatcher[str]


@functools.cache
def _count_lexicon() -> _CountLexicon:
    data = load_lexicon("numbers")
    counts = data["counts"]
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
        word_set(w for ws in data["quantifiers"].values() for w in ws),
        read_victims(data["victims"]),
        PhraseMatcher(
            (w, category) for category, langs in data["none"].items() for ws in langs.values() for w in ws
        ),
    )


#: Words right before a year that make it a date: "in 2019, 1,600 were killed", «عام 2019».
_YEAR_WORDS = frozenset(
    {"in", "since", "during", "until", "throughout", "عام", "العام", "لعام", "سنة", "خلال"}
)


def _is_year(tokens: Sequence[Token], span: NumberSpan, months: frozenset[int]) -> bool:
    """«21 آب 2013», "21 August 2013, rockets ...": a year after a month is a date, not a count;
    so is one right after "in", "since", «عام» ("In 2019, 1,600 civilians were killed")."""
    if not 1900 <= span.value <= 2100 or span.last - span.first != 1:
        return False
    return writes_year(tokens, span.first, months)


def writes_year(tokens: Sequence[Token], index: int, months: frozenset[int]) -> bool:
    """True when the number at ``index`` of ``tokens`` stands where a date writes its year: right
    after "in", "since", «عام» ("In 2019, jets struck X"), or a word or two after a month in
    ``months`` (:func:`gazetteer.events.dates.month_positions`: "In May 2019 jets struck X").
    The caller checks that the number is a year's."""
    if index > 0 and tokens[index - 1].norm in _YEAR_WORDS:
        return True
    return any(k in months for k in range(index - 2, index))


def _is_day_of_month(span: NumberSpan, months: frozenset[int]) -> bool:
    """ "wounded on 9 February", «في 5 شباط»: a number right before a month is its day, not a count."""
    return 1 <= span.value <= 31 and span.last - span.first == 1 and span.last in months


def _in_clock_time(text: str, tokens: Sequence[Token], span: NumberSpan) -> bool:
    """ "At 10:30 two airstrikes", «الساعة 10:30 قتل 3»: the hour or the minutes of a time, no count.

    A time is an hour (up to 24, one or two digits), a colon and two digits of minutes."""
    if span.last - span.first != 1:
        return False
    for hour, minutes in ((span.first - 1, span.first), (span.first, span.first + 1)):
        if hour < 0 or minutes >= len(tokens):
            continue
        h, m = tokens[hour], tokens[minutes]
        if (
            text[h.end : m.start] == ":"
            and h.text.isdigit()
            and m.text.isdigit()
            and len(h.text) <= 2
            and len(m.text) == 2
            and int(h.text) <= 24
            and int(m.text) <= 59
        ):
            return True
    return False


_CASUALTIES = frozenset({"fatalities", "injuries"})
#: "two were killed and four wounded": a casualty word before "and" counts the people before it only.
_COORDINATORS = frozenset({"and", "و"})


def _coordinator(token: Token) -> bool:
    """Whether ``token`` joins two clauses or phrases ("and", «و» written alone)."""
    return token.norm in _COORDINATORS


_VERB_WINDOW = 4  # "five civilians were killed": a verb this close after the number
_VICTIM_VERB_WINDOW = 8  # "Seven civilians collecting truffles near X were killed": after a noun of people
_MODIFIERS = 5  # words of a quantifier before its number: "at least", «ما لا يقل عن»


def _quantified_start(tokens: Sequence[Token], first: int, quantifiers: frozenset[str]) -> int:
    """Where a number's quantifier begins: "killing at least 52" → the index of "at"."""
    k = first
    while k > 0 and first - k < _MODIFIERS and not quantifiers.isdisjoint(form_set(tokens[k - 1].norm)):
        k -= 1
    return k


_SUBJECT_GAP = 2  # "its pilot was killed": words between the people and the verb


def _subjects_counted(
    tokens: Sequence[Token], used: set[int], lex: _CountLexicon, words: frozenset[str]
) -> list[Count]:
    """People without a number who are the subject of a casualty verb: "its pilot was killed" 1."""
    if not lex.verb_after.may_match(tokens, words=words):
        return []  # most sentences have no casualty verb
    determiners = _DETERMINERS.among(tokens, words=words)
    if not determiners:
        return []
    verbs = {m.first: m for m in lex.verb_after.find(tokens, words=words)}
    out = []
    read_to = 0  # a determiner inside people already read starts no count of its own (nor a second pass)
    for i in positions(tokens, determiners):
        if i in used or i < read_to or not verbs:
            continue
        total, end = victim_count(tokens, i, lex.victims)
        read_to = end
        if total is None:
            continue
        verb = next((verbs[k] for k in range(end, end + _SUBJECT_GAP + 1) if k in verbs), None)
        if verb is not None:
            out.append(Count(verb.value, total, i, end))
            used.update(range(i, end))
    return out


def find_counts(
    tokens: Sequence[Token], *, words: frozenset[str] | None = None, text: str | None = None
) -> list[Count]:
    """Counts in a token list: each number tied to the category of the noun it counts.

    An adjacent word decides first: the noun right after the number
    («11 غارة»), then the word right before it («مقتل 5», "killing five", past
    a quantifier: "killing at least 52"); then the same one word further away
    ("11 Russian airstrikes"); then a verb shortly after ("five civilians were
    killed", further after a noun of people).  Arabic duals («غارتين») count two
    on their own.  Numbers tied to nothing (years, days of the month) are ignored.
    A casualty word also counts the people it names without a number ("killing a
    woman and her two sons" 3, «مقتل ممرض» 1), and "no one was hurt", «دون وقوع
    إصابات» count zero.  ``words``: the tokens' distinct normalised words, when at hand;
    ``text``: the text their offsets point into, when at hand, in which the hour and minutes
    of a time ("at 10:30") are no count.
    """
    lex = _count_lexicon()
    if words is None:
        words = distinct_norms(tokens)  # read once for the dozen word lists looked up below
    out: list[Count] = []
    numbers = find_numbers(tokens, words=words, text=text)
    used: set[int] = set()
    for none in lex.none.find(tokens, words=words):  # "no one was hurt": "one" is no count of one
        used.update(range(none.first, none.last))
        for category in ("fatalities", "injuries") if none.value == "casualties" else (none.value,):
            out.append(Count(category, 0, none.first, none.last))
    before_all = lex.before.find(tokens, words=words)
    if numbers:  # the lexicon passes are for tying numbers: without one, only duals count
        after = {m.first: m for m in lex.after.find(tokens, words=words)}
        before = {m.last: m for m in before_all}
        verb_after = {m.first: m for m in lex.verb_after.find(tokens, words=words)}
        months = month_positions(tokens, words=words)
    read_to = 0  # the end of the people already read from a number
    for span in numbers:
        if span.first in used:
            continue
        used.update(range(span.first, span.last))
        if _is_year(tokens, span, months) or _is_day_of_month(span, months):
            continue
        if text is not None and _in_clock_time(text, tokens, span):
            continue
        quantified = _quantified_start(tokens, span.first, lex.quantifiers)
        match: PhraseMatch[str] | None = (
            after.get(span.last)
            or before.get(span.first)
            or before.get(quantified)
            or after.get(span.last + 1)
            or (before.get(span.first - 1) if not _coordinator(tokens[span.first - 1]) else None)
        )
        value = span.value
        if match is not None and match.value in _CASUALTIES and span.first >= read_to:
            # "killing eight children and two adults": the casualty word counts every person named.
            people, end = victim_count(tokens, span.first, lex.victims, text)
            read_to = max(read_to, end)
            value = max(value, people or 0)
        if match is None:
            # "five civilians were killed"; "one protester and a policeman were killed" counts them all.
            people, end = (
                victim_count(tokens, span.first, lex.victims, text) if span.first >= read_to else (None, 0)
            )
            read_to = max(read_to, end)  # "2 men and 3 women": the chain is read once, from its first number
            if people is None:
                value, end, window = value, span.last, _VERB_WINDOW
            else:
                value, window = people, _VICTIM_VERB_WINDOW
            match = next((verb_after[k] for k in range(end, span.last + window) if k in verb_after), None)
        if match is not None:
            out.append(Count(match.value, value, span.first, span.last))
    for head in before_all:
        if head.value in ("fatalities", "injuries") and head.last < len(tokens):
            people, end = victim_count(tokens, head.last, lex.victims, text)
            if people is not None:
                out.append(Count(head.value, people, head.last, end))
    out += _subjects_counted(tokens, used, lex, words)
    duals = _DUALS.among(tokens, words=words)
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


_DETERMINERS = WordClass(lambda norm: norm in _count_lexicon().victims.determiners)
_DUALS = WordClass(lambda norm: _dual_category(norm) is not None)


def count_dict(text: str) -> dict[str, int]:
    """Counts of ``text`` by category; a category stated twice keeps its largest value."""
    result: dict[str, int] = {}
    for count in find_counts(tokenize(text), text=text):
        result[count.category] = max(result.get(count.category, 0), count.value)
    return result


_MUNITIONS = frozenset({"strikes", "shells"})
_STATISTIC = 50  # strikes or munitions in a month or a year: a tally, not one event


def sums_up(
    counts: Sequence[Count], stated: tuple[dt.date, str] | None, tokens: Sequence[Token] | None = None
) -> bool:
    """True for a tally of a month or a year: "4,045 barrel bombs in 2016", «650 غارة خلال شهر آب»,
    and the dead of a year ("In 2019, 1,600 civilians were killed in air strikes").

    ``counts`` are a sentence's (:func:`find_counts`), ``stated`` the date it states and its precision;
    without one, a bare year after "in", "since", «عام» in its ``tokens`` states a year.  A month's
    dead are not summed up: one massacre may be told with its month only.
    """
    if stated is None and tokens is not None:
        stated = _bare_year(tokens)
    coarse = stated is not None and stated[1] in ("month", "year")
    if coarse and any(c.category in _MUNITIONS and c.value >= _STATISTIC for c in counts):
        return True
    yearly = stated is not None and stated[1] == "year"
    return yearly and any(c.category == "fatalities" and c.value >= _STATISTIC for c in counts)


def _bare_year(tokens: Sequence[Token]) -> tuple[dt.date, str] | None:
    """The year a sentence states with "in 2019", «عام 2019» (the dates module reads no bare year)."""
    for k in range(1, len(tokens)):
        norm = tokens[k].norm
        if (
            tokens[k - 1].norm in _YEAR_WORDS
            and len(norm) == 4
            and norm.isdecimal()
            and 1900 <= int(norm) <= 2100
        ):
            return dt.date(int(norm), 1, 1), "year"
    return None


def events_stated(counts: Sequence[Count]) -> int:
    """How many events a sentence counts: "two incidents" 2, «هجومين» 2, "49 attacks" 49; else 1."""
    return max((c.value for c in counts if c.category == "events"), default=1)
