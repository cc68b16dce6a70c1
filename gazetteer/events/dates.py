"""Dates in a sentence, resolved against the article's publication date.

Explicit dates ("September 20, 2020", «20 أيلول 2020», «٢٠ سبتمبر ٢٠٢٠»,
2020-09-20, 20/9/2020) with Levantine and Egyptian/Gulf month names, and
relative ones («اليوم الأحد», «أمس السبت», «أول أمس», «الأحد الماضي»,
«الأسبوع الماضي», «الشهر الماضي», «في شهر آب الماضي», "yesterday",
"on Saturday", "last week", "last month"), and days counted from the date
the text stated last ("the same day", «في اليوم التالي»: :func:`told_offset`).
Each comes with its time
precision: ``day``, ``week``, ``month`` or ``year``.  The word lists are in
``data/lexicon/dates.yaml``.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Literal

from ..geoparser.lexicon import PhraseMatcher, load_lexicon, word_set
from ..places.normalize import Token, clitic_variants, normalize_token, tokenize

Precision = Literal["day", "week", "month", "year"]

_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}
_DIGITS = str.maketrans(
    {chr(0x0660 + i): str(i) for i in range(10)} | {chr(0x06F0 + i): str(i) for i in range(10)}
)
_DATE_SEPARATED_RE = re.compile(r"\d[-/.]\d")
_ISO_RE = re.compile(r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")
# Day first, as Syrian and European sources write it.
_DMY_RE = re.compile(r"(?<!\d)(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?!\d)")
# A caption's closing date written with spaces («… في مدينة البصيرة 30 08 2023»): only at the end.
_DMY_SPACED_END_RE = re.compile(r"(?<![\d\w])(\d{1,2}) (\d{1,2}) (\d{4})\s*$")
# Month names that are also common words (آب "father", مارس "practised", "May"):
# trusted only beside a day or a year, or after «شهر» / "month of".
_AMBIGUOUS_MONTHS = frozenset(
    normalize_token(w)
    for w in (
        "آب",
        "مارس",
        "May",
        "Mar",
        "Jun",
        "Jul",
        "Aug",
        "Sep",
        "Sept",
        "Oct",
        "Nov",
        "Dec",
        "Jan",
        "Feb",
        "Apr",
    )
)
_MONTH_WORDS = word_set(("شهر", "month"))
#: Between a day and its month: "the 5th of February", «في 18 من آب» (Enab Baladi's usual form).
_DAY_OF = frozenset({"of", "من"})


@dataclass(frozen=True, slots=True)
class _Lexicon:
    months: PhraseMatcher[int]
    weekdays: PhraseMatcher[int]
    relative: PhraseMatcher[str]
    past: frozenset[str]
    day_words: frozenset[str]
    ambiguous_weekdays: frozenset[str]
    told_offsets: PhraseMatcher[int]


@functools.cache
def _lexicon() -> _Lexicon:
    data = load_lexicon("dates")

    def pairs(section: dict) -> list[tuple[str, int]]:
        return [(w, int(k)) for k, langs in section.items() for ws in langs.values() for w in ws]

    return _Lexicon(
        months=PhraseMatcher(pairs(data["months"])),
        weekdays=PhraseMatcher(pairs(data["weekdays"])),
        relative=PhraseMatcher(
            [(w, kind) for kind, langs in data["relative"].items() for ws in langs.values() for w in ws]
        ),
        past=word_set(w for ws in data["past_markers"].values() for w in ws),
        day_words=word_set(w for ws in data["day_words"].values() for w in ws),
        ambiguous_weekdays=word_set(data["ambiguous_weekdays"]),
        told_offsets=PhraseMatcher(pairs(data["told_offsets"])),
    )


def load_word_lists() -> None:
    """Read and compile the date lexicon now, not on first use; raises GazetteerDataError if broken."""
    _lexicon()


@dataclass(frozen=True, slots=True)
class _Found:
    date: dt.date
    precision: Precision
    position: int
    explicit: bool = False  # written out («5 شباط 2020»), not relative («اليوم»)


_PLAUSIBLE_YEARS = (1900, 2100)
_WEEKDAY_WINDOW = 3  # «الأربعاء 5 شباط», "Friday, 4 January", "Wednesday the 5th of"


def _weekday_agrees(tokens: Sequence[Token], day_at: int, date: dt.date, lex: _Lexicon) -> bool:
    """False when a weekday named just before the day («الخميس 5 شباط 2020») is not the date's."""
    window = tokens[max(0, day_at - _WEEKDAY_WINDOW) : max(0, day_at)]
    named = [m.value for m in lex.weekdays.find(window)]
    return not named or named[-1] == date.weekday()


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


_ORDINAL_SUFFIXES = ("st", "nd", "rd", "th")


def _number(token: Token | None, *, low: int, high: int) -> int | None:
    if token is None:
        return None
    norm = token.norm
    if norm[-2:] in _ORDINAL_SUFFIXES and norm[:-2].isdecimal():
        norm = norm[:-2]  # "1st", "23rd": a day of the month
    for form, cut in clitic_variants(norm):
        # Decimal digits only: a superscript or a Kharosthi digit is a digit, but int() refuses it.
        if form.isdecimal() and (cut == 0 or norm[:cut] in ("ف", "في", "ب", "و")):
            if len(form.lstrip("0")) > len(str(high)):
                return None  # out of range, and int() of a long run of digits is slow or refused
            value = int(form)
            return value if low <= value <= high else None
    return None


def _at(tokens: Sequence[Token], i: int) -> Token | None:
    return tokens[i] if 0 <= i < len(tokens) else None


def _is_past(token: Token | None, past: frozenset[str]) -> bool:
    return token is not None and any(f in past for f, _ in clitic_variants(token.norm))


def _year_for(month: int, published: dt.date | None, *, strictly_past: bool) -> int | None:
    """The year of a month named without one: the latest such month not after publication."""
    if published is None:
        return None
    if month > published.month or (strictly_past and month == published.month):
        return published.year - 1
    return published.year


def _explicit(
    tokens: Sequence[Token], published: dt.date | None, lex: _Lexicon, words: frozenset[str] | None
) -> list[_Found]:
    found = []
    months = lex.months.find(tokens, words=words)
    # «أكتوبر/تشرين الأول 2015», "October (Tishreen al-Awwal) 2015": one month in two calendars, the
    # year after the second name.
    same_month_after = {a.first: b for a, b in pairwise(months) if b.first == a.last and a.value == b.value}
    for m in months:
        month = m.value
        head = tokens[m.first]
        day_before = _number(_at(tokens, m.first - 1), low=1, high=31)
        of = _at(tokens, m.first - 1)
        if day_before is None and of is not None and of.norm in _DAY_OF:
            day_before = _number(_at(tokens, m.first - 2), low=1, high=31)  # "5th of February", «18 من آب»
        day_after = _number(_at(tokens, m.last), low=1, high=31)
        day = day_before if day_before is not None else day_after
        year_at = m.last + (1 if day_before is None and day_after is not None else 0)
        if m.first in same_month_after:
            year_at = same_month_after[m.first].last
        year = _number(_at(tokens, year_at), low=1900, high=2100)
        prev = _at(tokens, m.first - 1)
        after_month_word = prev is not None and any(f in _MONTH_WORDS for f, _ in clitic_variants(prev.norm))
        phrase_norm = normalize_token(m.phrase) if " " not in m.phrase else ""
        if phrase_norm in _AMBIGUOUS_MONTHS and day is None and year is None and not after_month_word:
            continue
        if head.text.isascii() and head.text[:1].islower():
            continue  # "march on", "may attack": English month names are capitalised
        past = _is_past(_at(tokens, m.last), lex.past)
        inferred = year is None
        if year is None:
            year = _year_for(month, published, strictly_past=past)
        if year is None:
            continue
        if day is not None:
            date = _safe_date(year, month, day)
            if inferred and date is not None and published is not None and date > published:
                date = _safe_date(year - 1, month, day)  # «26 أيلول» read on 20 September: last year's
            day_at = m.first - 1 if day_before is not None else m.last
            if date is not None and _weekday_agrees(tokens, day_at, date, lex):
                found.append(_Found(date, "day", m.first, explicit=True))
        else:
            found.append(_Found(dt.date(year, month, 1), "month", m.first))
    return found


def month_starts(
    tokens: Sequence[Token],
    *,
    norms: Sequence[str] | None = None,
    texts: Sequence[str] | None = None,
    words: frozenset[str] | None = None,
) -> list[int]:
    """Where a month name may start in ``tokens``, in order: a superset, true of any slice of them.

    A sentence holding none writes out no date by name, so an article's are found once for
    all its sentences.  ``norms``, ``texts`` and ``words`` as in :meth:`PhraseMatcher.starts`.
    """
    return _lexicon().months.starts(tokens, norms=norms, texts=texts, words=words)


def may_hold_numeric_date(text: str) -> bool:
    """False when ``text`` writes no numeric date (2020-09-20, 20/9/2020): no digit, separator, digit."""
    return bool(_DATE_SEPARATED_RE.search(text))


def month_positions(tokens: Sequence[Token], *, words: frozenset[str] | None = None) -> frozenset[int]:
    """Indices of the tokens that name a month, so that a year after one is not read as a count.

    ``words``: the tokens' distinct normalised words, when at hand.
    """
    return frozenset(i for m in _lexicon().months.find(tokens, words=words) for i in range(m.first, m.last))


def _most_recent(weekday: int, anchor: dt.date, *, strictly_before: bool = False) -> dt.date:
    back = (anchor.weekday() - weekday) % 7
    if back == 0 and strictly_before:
        back = 7
    return anchor - dt.timedelta(days=back)


def _relative(
    tokens: Sequence[Token], published: dt.date, lex: _Lexicon, words: frozenset[str] | None
) -> list[_Found]:
    found = []
    weekdays = {m.first: m for m in lex.weekdays.find(tokens, words=words)}
    relatives = lex.relative.find(tokens, words=words)
    # «اليوم» of «في اليوم التالي», «مساء اليوم التالي», «اليوم نفسه» counts from the day told before,
    # not from publication; a sentence with no relative date needs no such phrase looked for.
    told = (
        {k for m in lex.told_offsets.find(tokens, words=words) for k in range(m.first, m.last)}
        if relatives
        else set()
    )
    consumed: set[int] = set()
    for r in relatives:
        if not told.isdisjoint(range(r.first, r.last)):
            continue
        nxt = weekdays.get(r.last)
        if r.value in ("today", "yesterday", "day_before_yesterday"):
            anchor = published - dt.timedelta(days={"today": 0, "yesterday": 1}.get(r.value, 2))
            if nxt is not None:
                consumed.add(nxt.first)
                # The named weekday wins over the offset when they disagree (a report
                # written late on Saturday and published on Sunday still says «اليوم السبت»).
                anchor = _most_recent(nxt.value, anchor)
            found.append(_Found(anchor, "day", r.first))
        elif r.value == "last_week":
            found.append(_Found(published - dt.timedelta(days=7), "week", r.first))
        elif r.value == "last_month":
            first_of_month = published.replace(day=1)
            found.append(_Found((first_of_month - dt.timedelta(days=1)).replace(day=1), "month", r.first))
        elif r.value == "last_year":
            found.append(_Found(dt.date(published.year - 1, 1, 1), "year", r.first))
    for first, w in weekdays.items():
        if first in consumed or _number(_at(tokens, w.last), low=1, high=31) is not None:
            continue  # consumed, or part of a written date («الأربعاء 5 شباط 2020»)
        prev, nxt_token = _at(tokens, first - 1), _at(tokens, w.last)
        past = _is_past(nxt_token, lex.past) or (prev is not None and prev.norm in ("last", "past"))
        day_word = prev is not None and any(f in lex.day_words for f, _ in clitic_variants(prev.norm))
        if tokens[first].norm in lex.ambiguous_weekdays and not (past or day_word):
            continue
        found.append(_Found(_most_recent(w.value, published, strictly_before=past), "day", first))
    return found


def _numeric(text: str) -> list[_Found]:
    found: list[_Found] = []
    closing = _DMY_SPACED_END_RE.search(text[-16:].translate(_DIGITS))
    if closing is not None:
        date = _safe_date(int(closing.group(3)), int(closing.group(2)), int(closing.group(1)))
        if date is not None:
            found.append(_Found(date, "day", -1, explicit=True))
    if not may_hold_numeric_date(text):
        return found  # both forms need a digit, a separator and a digit (any script's digits)
    ascii_text = text.translate(_DIGITS)
    for m in _ISO_RE.finditer(ascii_text):
        date = _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if date is not None:
            found.append(_Found(date, "day", -1, explicit=True))
    for m in _DMY_RE.finditer(ascii_text):
        date = _safe_date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        if date is not None:
            found.append(_Found(date, "day", -1, explicit=True))
    return found


def told_offset(tokens: Sequence[Token], *, words: frozenset[str] | None = None) -> int | None:
    """Days after the date the text stated last that a sentence names: "the same day" 0,
    «في اليوم التالي» 1, "two days later" 2, "a day earlier" -1; None when it names none.  ``words``: the
    tokens' distinct normalised words, when at hand."""
    found = _lexicon().told_offsets.find(tokens, words=words)
    return found[0].value if found else None


def resolve_date(sentence_text: str, published: dt.date | None) -> tuple[dt.date | None, Precision | None]:
    """The date a sentence states, with its precision, or ``(None, None)`` when it states none.

    Relative expressions need ``published``; without it only explicit dates
    (with a year) resolve.  When a sentence has several expressions the most
    precise wins, then a written-out date over a relative one («اليوم التالي
    26 أيلول»), then the first.  Dates are strictly checked: an impossible
    date (31 February), one whose named weekday is not its own («الخميس 5 شباط
    2020»), and one after publication (a day's slack for time zones) are
    ignored.  Never raises on odd input.
    """
    return resolve_tokens(sentence_text, tokenize(sentence_text), published)


def resolve_tokens(
    sentence_text: str,
    tokens: Sequence[Token],
    published: dt.date | None,
    *,
    words: frozenset[str] | None = None,
) -> tuple[dt.date | None, Precision | None]:
    """:func:`resolve_date` for a sentence already tokenised (:func:`gazetteer.places.normalize.tokenize`).

    ``words``: the tokens' distinct normalised words, when at hand.
    """
    lex = _lexicon()
    found = _numeric(sentence_text)
    try:
        found += _explicit(tokens, published, lex, words)
        if published is not None:
            found += _relative(tokens, published, lex, words)
    except (OverflowError, ValueError):
        # A publication date at the calendar's edge (year 1 or 9999, surely a typo) puts
        # "yesterday" or "last December" outside it: such a sentence keeps only its numeric dates.
        pass
    if published is not None and _PLAUSIBLE_YEARS[0] <= published.year <= _PLAUSIBLE_YEARS[1]:
        # Nothing a report tells happened after it was published (a publication date at the
        # calendar's edge is a typo, and bounds nothing).
        latest = published + dt.timedelta(days=1)
        found = [f for f in found if f.date <= latest]
    if not found:
        return None, None
    best = min(found, key=lambda f: (_PRECISION_RANK[f.precision], not f.explicit, f.position))
    return best.date, best.precision
