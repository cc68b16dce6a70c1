"""Sentences that name an event without reporting one: denied, reacted to, planned, counted, filmed, recalled.

An event word makes an incident only when the sentence reports that the event
happened.  :func:`framing` reads the cues of ``data/lexicon/framing.yaml`` around
a classified sentence's event words and says why it does not:

* ``negated``: a negation just before the event word ("no reports of clashes in
  X", «لم تسجل اشتباكات في أريحا»), unless a verb of stopping follows it («لم يتوقف
  القصف»: the shelling goes on);
* ``plan``: a preparation or a call ("forces are preparing an assault on X",
  «دعا ناشطون إلى مظاهرة»), or what a position serves for («منطلقاً لقصف القرى»);
* ``claim``: an allegation, a hoax or a reading the text weighs ("allegations that jets are
  striking X", "a mosque supposedly destroyed");
* ``statistic``: a count of several events without a day or a part of one ("25 raids
  on X last week", not "nine raids on X overnight"), the plural of the generic word for an
  attack or of a weapon with no day of its own and no place finer than an area («قُتل في ذلك
  اليوم … في هجمات متزامنة على المحافظة»), or how often events happen, a
  trend, a share ("a daily occurrence", «ارتفعت وتيرة الغارات»), a running count
  ("has documented", "its monthly tally", "this year") when the sentence states no day, and
  events summed over a stretch between two dates even when it writes them («خلال الفترة الممتدة من …»);
* ``media``: an event word governed by a video, a database, a study or a report ("350
  videos of attacks on hospitals", "videos captured in Aleppo", «تقريرًا عن الهجمات»);
* ``title``: a markdown heading, a cited title ("- MSF (Feb. 2017): ...", "a report titled
  Attacks on ..."), or an English event word inside a capitalised name ("the Chemical Weapons
  Convention"); a heading or cited title that is the whole text and writes a day is a caption;
* ``vague``: the article's first event word with no place, day, victims or count of events
  ("This section provides a summary of attacks identified");
* once the article has told an event, ``reaction`` (condemned, blamed, called
  for, «أدان»، «حمّل ... مسؤولية») and ``recall`` (a past perfect, «وكانت ... قد»,
  «سبق أن», "last year", or "the shelling came hours after ..." whatever day it names):
  comments on the event told, or an earlier one recalled;
* ``recall`` too, told or not, whatever day the sentence states (the day it is
  remembered): an anniversary of the event ("the anniversary of the sarin attack",
  «ذكرى مجزرة الكيماوي»).

A lead stands even when it reacts or recalls: the article's first event is
reported however it is worded.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from dataclasses import dataclass

from ..geoparser.lexicon import PhraseMatch, PhraseMatcher, WordClass, distinct_norms, form_set, load_lexicon
from ..places.normalize import Token
from .classify import SentenceEvent, event_lexicon
from .counting import Count, writes_year
from .dates import month_positions
from .pastperfect import arabic_perfect, before_that, past_perfect
from .targets import MAX_LISTED_EVENTS
from .titles import after_titled, titled

__all__ = ["framing", "framing_lexicon"]

_NEGATION_WINDOW = 4  # "no group claimed the attack": words from the negation to the event word
#: «ذكرى مجزرة», "the anniversary of the massacre": words from the anniversary to the event word.
_ANNIVERSARY_WINDOW = 4
_DAYS = 31
_MAX_DIGITS = 9
_NUMBER_WINDOW = 2  # "49 chemical attacks", "25 Russian airstrikes": a number this close counts the events
#: The count categories of events, air strikes and raids (data/lexicon/numbers.yaml).
_EVENT_COUNTS = frozenset({"events", "strikes"})
_VICTIMS = frozenset({"fatalities", "injuries"})
_MEDIA_WINDOW = 4
_CAUSE_WINDOW = 2  # "by the bombing", «جراء القصف»: the cause names the event word next
_PURPOSE_WINDOW = 3  # «منطلقاً لقصف», "a launchpad for its attacks": at most two words between
_RECALL_DAYS = 366
_SPAN_WINDOW = (
    10  # «الفترة الممتدة من 03 يناير 2018 وحتى 05 فبراير 2018»: words from the cue to its second month
)
_PERIOD_WINDOW = 8  # "since it was captured from IS in October 2017": words from "since" to its month
#: Arabic forms of «كان» that, with «قد» a few words on, make a past perfect («وكانت المدينة قد تعرضت»).


@dataclass(frozen=True, slots=True)
class FramingLexicon:
    """The cues of ``framing.yaml``, one matcher whose values name the cue's list."""

    cues: PhraseMatcher[str]


@functools.cache
def framing_lexicon() -> FramingLexicon:
    """The word lists of ``framing.yaml``, read and compiled once.

    Raises :class:`gazetteer.errors.GazetteerDataError` when the file is missing or broken.
    """
    data = load_lexicon("framing")
    items = [
        (phrase, kind)
        for kind, lists in data.items()
        for lang in ("ar", "en")
        for phrase in lists.get(lang, ())
    ]
    return FramingLexicon(PhraseMatcher(items))


def framing(
    text: str,
    tokens: Sequence[Token],
    event: SentenceEvent,
    counts: Sequence[Count],
    stated: tuple[dt.date, str] | None,
    *,
    told: bool,
    placed: bool,
    pinpointed: bool = False,
    told_on: dt.date | None = None,
    words: frozenset[str] | None = None,
) -> str | None:
    """Why the sentence (or clause) ``tokens`` of ``text`` reports no event, or None when it reports one.

    ``event`` is its classification, ``counts`` its counts (:func:`gazetteer.events.counting.find_counts`),
    ``stated`` the date it states with its precision, ``told`` whether the article has told an
    event before it (``told_on``: the date of the first it told, when known), ``placed`` whether
    it names a place the event may be at, ``pinpointed`` whether one of them is finer than an
    area (a town, a quarter, a landmark, or near one: geo-precision 1 or 2); ``words`` the tokens'
    distinct normalised words (:func:`gazetteer.geoparser.lexicon.distinct_norms`), when at hand.
    Returns one of ``negated``, ``plan``, ``claim``, ``statistic``, ``media``, ``title``,
    ``reaction``, ``consequence``, ``recall``, ``vague``.
    """
    if words is None:
        words = distinct_norms(tokens)
    if titled(text, tokens, event) and not _captioned(text, tokens, words):
        return "title"
    cues = framing_lexicon().cues.find(tokens, words=words)
    if after_titled(tokens, cues, event.trigger.first):
        return "title"
    kinds = {c.value for c in cues}
    # A sentence that writes a day ("starting on 4 November") tells events, even if it dates itself by month.
    day = (stated is not None and stated[1] == "day") or _writes_day(tokens, words)
    trigger = [event.trigger.first]  # the event word that decides the sentence's event
    if _before_event(_denials(cues), "negation", trigger, _NEGATION_WINDOW):
        return "negated"
    if "plan" in kinds or _before_event(cues, "purpose", trigger, _PURPOSE_WINDOW):
        return "plan"  # «يستعد لهجوم», or what a position serves for: «منطلقاً لقصف القرى»
    if "claim" in kinds:
        return "claim"  # an allegation or a hoax weighed: even a day it names is the claim's
    if _before_event(cues, "anniversary", trigger, _ANNIVERSARY_WINDOW):
        return "recall"  # the sentence's day, if any, is the commemoration's
    if told and "reaction" in kinds:
        return "reaction"
    if told and _situated(tokens, cues, event):
        return "recall"  # the event told, set beside another happening: its day is that one's
    if "span" in kinds and not _writes_day(tokens, words, skip=_span_bounds(tokens, cues, words)):
        return "statistic"  # events summed over a period: its dates bound it, none is an event's day
    if told and arabic_perfect(tokens) and before_that(tokens):
        # «وكانت الإدارة قد أخلته قبل يومين»: the day it writes is counted back from the event told
        return "recall"
    # Attacks on a governorate or on no place are a sum; «الهجمات على حي X» names them one by one.
    plural = not pinpointed and _plural_event(cues, event.trigger.first)
    if day:
        if plural and told and not _writes_day(tokens, words):
            # «وقُتل في ذلك اليوم أكثر من 200 شخص في هجمات متزامنة»: the day told, summed up over its attacks
            return "statistic"
        return None  # an event word with its day is reported, whatever frames it
    if "frequency" in kinds or "tally" in kinds:
        return "statistic"
    # Several events within one part of a day ("nine raids overnight", «30 غارة خلال ساعات الليل»)
    # are one wave of an incident; without one, a count of events sums up many days.
    first = event.trigger.first
    counted = _many_events(text, tokens, first, counts) or _quantified(tokens, cues, first)
    if counted and "day_part" not in kinds:
        return "statistic"
    if "period" in kinds and _over_a_period(tokens, cues, words):
        return "statistic"
    if _before_event(cues, "media", _unreferred(tokens, trigger), _MEDIA_WINDOW):
        return "media"
    if plural:
        return "statistic"  # «الهجمات الكيماوية على ريف دمشق» with no day: a sum of events
    if told and _before_event(cues, "cause", trigger, _CAUSE_WINDOW):
        return "consequence"
    years = _YEARS.among(tokens, words=words)  # the years the sentence writes, read once
    dated = stated is not None or bool(years)
    if told and ("recall" in kinds or past_perfect(tokens, dated=dated) or _earlier(years, stated, told_on)):
        return "recall"
    if (
        not (told or placed)
        and event.generic
        and not any(c.category in _VICTIMS | _EVENT_COUNTS for c in counts)
    ):
        # The article's first report with no place, no day, no victims, no count of the events that
        # the next sentences may tell one by one: what a method or a summary says of events (after
        # an event, such a report confirms it, see gazetteer.events.anaphora.stands_alone).
        return "vague"
    return None


def _before_event(cues: Sequence[PhraseMatch[str]], kind: str, starts: Sequence[int], window: int) -> bool:
    """True when each event word at ``starts`` has a ``kind`` cue at most ``window`` words before it."""
    ends = [c.last for c in cues if c.value == kind]
    return bool(ends) and bool(starts) and all(any(0 <= s - end < window for end in ends) for s in starts)


def _plural_event(cues: Sequence[PhraseMatch[str]], trigger: int) -> bool:
    """True when a "plural" cue is the event word at ``trigger`` («في هجمات متزامنة») or the word
    right before it («الهجمات الكيماوية»); a cue's ``last`` is the token after it."""
    return any(c.value == "plural" and c.first <= trigger <= c.last for c in cues)


def _denials(cues: Sequence[PhraseMatch[str]]) -> list[PhraseMatch[str]]:
    """``cues`` without the negations a verb of stopping follows: «لم يتوقف القصف», "did not stop"
    assert that the event goes on."""
    stops = {c.first for c in cues if c.value == "cessation"}
    return [c for c in cues if not (c.value == "negation" and c.last in stops)]


def _over_a_period(tokens: Sequence[Token], cues: Sequence[PhraseMatch[str]], words: frozenset[str]) -> bool:
    """True when "since"/«منذ» has a month or a year a few words on ("since the offensive began in
    December"); ``words``: the tokens' distinct normalised words."""
    months = month_positions(tokens, words=words)
    for cue in cues:
        if cue.value == "period":
            after = range(cue.last, min(len(tokens), cue.last + _PERIOD_WINDOW))
            if any(j in months or _is_year(tokens[j].norm) for j in after):
                return True
    return False


def _quantified(tokens: Sequence[Token], cues: Sequence[PhraseMatch[str]], trigger: int) -> bool:
    """True when a quantity word governs the event word: "hundreds of strikes", «مئات الغارات»
    (not "hundreds of people demonstrated": the people are counted, not the events)."""
    for cue in cues:
        if cue.value != "many":
            continue
        if cue.last == trigger and not tokens[trigger].text.isascii():
            return True
        if cue.last + 1 == trigger and tokens[cue.last].norm == "of":
            return True
    return False


def _earlier(years: set[str], stated: tuple[dt.date, str] | None, told_on: dt.date | None) -> bool:
    """True when a sentence dated by month or year only names a time over a year before the article's
    first event ("a chemical attack in April 2017" in a report of 2018, "hit by a chlorine attack in
    2017"): an event recalled.  A nearer month is often that of the latest of the events a report
    tells («كان آخرها في شهر آب الماضي»).  ``years``: the years the sentence writes (:func:`_is_year`)."""
    if told_on is None:
        return False
    if stated is None:
        return bool(years) and max(map(int, years)) < told_on.year
    date, precision = stated
    if precision == "month":
        return (told_on - date).days > _RECALL_DAYS
    return precision == "year" and date.year < told_on.year


def _many_events(text: str, tokens: Sequence[Token], trigger: int, counts: Sequence[Count]) -> bool:
    """True when the sentence counts more events than a report lists one by one: "49 chemical
    attacks", "25 raids", «300 غارة» (a number at most a word before the event word counts too),
    unless the number is part of a time ("01:47 -- airstrikes") or a date's year ("In 2019, jets
    struck X": the year is no count of the jets' strikes)."""

    def timeless(first: int) -> bool:
        token = tokens[first]
        return ":" not in text[token.start - 1 : token.end + 1]

    counted = [c.value for c in counts if c.category in _EVENT_COUNTS and timeless(c.first)]
    months: frozenset[int] | None = None  # read only when a number stands before the event word
    for k in range(max(0, trigger - _NUMBER_WINDOW), trigger):
        value = _number(tokens[k].norm)
        if value is None or not timeless(k):
            continue
        if _is_year(tokens[k].norm):
            months = month_positions(tokens) if months is None else months
            if writes_year(tokens, k, months):
                continue
        counted.append(value)
    return max(counted, default=0) > MAX_LISTED_EVENTS


def _unreferred(tokens: Sequence[Token], starts: Sequence[int]) -> list[int]:
    """The event words not pointed at by a demonstrative ("videos of this attack", «مقاطع مرتبطة بهذه
    الحادثة» tell of an event told before, which :mod:`gazetteer.events.anaphora` joins to it)."""
    anaphora = event_lexicon().anaphora
    return [s for s in starts if s == 0 or anaphora.isdisjoint(form_set(tokens[s - 1].norm))]


def _writes_day(
    tokens: Sequence[Token], words: frozenset[str], *, skip: frozenset[int] = frozenset()
) -> bool:
    """True when a day of the month stands just before a month name ("4 November", «4 من تشرين الثاني»),
    a month not at a position in ``skip``; ``words``: the tokens' distinct normalised words."""
    return any(
        1 <= (_number(tokens[j - k].norm) or 0) <= _DAYS
        for j in month_positions(tokens, words=words)
        if j not in skip
        for k in (1, 2)
        if j >= k
    )


def _span_bounds(
    tokens: Sequence[Token], cues: Sequence[PhraseMatch[str]], words: frozenset[str]
) -> frozenset[int]:
    """Where the months bounding a span stand: the first two months within a few words after each
    "span" cue («الفترة الممتدة من 3 يناير وحتى 5 فبراير»).  A day written with another month
    («… ما بين يوليو وديسمبر كانت قد وقعت في 21 تشرين الثاني») is an event's own."""
    months = month_positions(tokens, words=words)
    bounds: set[int] = set()
    for cue in cues:
        if cue.value == "span":
            runs: list[list[int]] = []  # each month's words: «تشرين الثاني» is one month, two words
            for j in sorted(j for j in months if cue.last <= j < cue.last + _SPAN_WINDOW):
                if runs and j - 1 == runs[-1][-1]:
                    runs[-1].append(j)
                else:
                    runs.append([j])
            bounds.update(j for run in runs[:2] for j in run)
    return frozenset(bounds)


def _is_year(word: str) -> bool:
    """True when ``word`` is a year of the conflict's era ("2017", «عام 2017»)."""
    return len(word) == 4 and word.isdecimal() and word[:2] in ("19", "20")


#: The words that write a year, asked of a sentence's distinct words at once.
_YEARS = WordClass(_is_year)


def _number(word: str) -> int | None:
    """The value of a word written in decimal digits (of any script), None for any other word
    (or one too long to be a count: a run of thousands of digits in hostile input)."""
    return int(word) if word.isdecimal() and len(word) <= _MAX_DIGITS else None


def _captioned(text: str, tokens: Sequence[Token], words: frozenset[str]) -> bool:
    """Whether a heading or cited title is the whole text and writes a day: read alone, with no body
    below it to tell the event («## اللحظات الأولى للهجوم على حي X في 9 يوليو 2016»), it is the event's
    report, as a caption is; ``words``: the tokens' distinct normalised words."""
    return "\n" not in text.strip() and _writes_day(tokens, words)


def _situated(tokens: Sequence[Token], cues: Sequence[PhraseMatch[str]], event: SentenceEvent) -> bool:
    """True when "the" and the event word are followed by "came"/"comes" ("The shelling came hours
    after the patrol"): the event already told, set beside another."""
    first, last = event.trigger.first, event.trigger.last
    if first == 0 or tokens[first - 1].norm != "the":
        return False
    return any(c.value == "situated" and c.first == last for c in cues)
