"""Incident extraction: which sentences report events, of what ACLED type, where, when, by whom.

:func:`extract_incidents` is called by the pipeline with the article's
sentences and its resolved place mentions.  For each sentence:

1. **Type** (:mod:`gazetteer.events.classify`).  Trigger phrases (``data/lexicon/events.yaml``) are matched on
   normalised, clitic-stripped tokens; the highest-priority trigger decides
   the ACLED event and sub-event type (a «غارة» beats a generic «قصف»).
   Aircraft words are a strike only beside another trigger or a strike verb,
   so «طائرات ... تحلق» is not one.  A sentence with a modality word
   (warning, forecast, analysis: «حذر»، «وشيك»، «سيستمر»، "imminent") or a
   background one ("since 2011", "not the first time") yields nothing.
   Refinements (``refine`` in events.yaml) give a protest with violence, lethal
   force or arrests its ACLED sub-type; every type is one of :data:`ACLED_TYPES`.
2. **Place** (:mod:`gazetteer.events.linking`, :mod:`gazetteer.events.targets`).  Among the
   sentence's Syrian mentions the incident goes to the one an event happens at: the object
   of في/على/ب/in/on/at or of the trigger verb («استهدف قرية X»), the most specific (a
   village beats its governorate), never where a source speaks from («مصدر من مدينة إدلب»).
   Places joined to it by «و»/"and" («قرية X ومحيط Y») are further targets of
   the same event and get incidents of their own.  Foreign places and the
   country as a whole are never incident locations.
3. **Date** (:mod:`gazetteer.events.dates`), **actors** (:mod:`gazetteer.events.actors`),
   **counts** (:mod:`gazetteer.events.counting`) of the sentence; an incident with no
   named perpetrator takes the one of the same sub-type of event a sentence or
   two before (the lead usually names it, the details do not).
4. **One incident per event.** A generic report («أكدت ... القصف الروسي على
   محيط إدلب») merges into the earlier incident of the same event type at the
   same place, or, without a place, into the last recent one; a specific one
   merges into an earlier one of the same sub-type at the same place.  Never
   merged: reports that state another day, that are marked as another event
   ("the second incident", «هجوم آخر»), or that count events.  The first
   sentence stays the source; actors are united and counts take their maximum
   (:mod:`gazetteer.events.drafts` keeps the incidents told so far, indexed for this).
5. **Reports that are not events** (:mod:`gazetteer.events.anaphora`).  A reference («هذه الحادثة», "this
   attack") adds to the event it refers to; a placeless sentence that neither
   dates itself nor counts victims, once the article has told an event, is
   a comment.  A sentence that counts a few dated events ("two incidents on
   9 July, one in X and one in Y") gives one incident per place it names; with
   no place it is a heading for the sentences that follow, whose opening
   ordinal («الأولى في حي X», "The second occurred in Y") continues its kind.
   A definite event word after "after", "victims of", «عقب» ("after the
   attack") refers to an event told elsewhere, like "this attack".
6. **Clauses** (:mod:`gazetteer.events.clauses`).  A sentence whose clauses each report an event at a place of
   their own ("X shelled A, and artillery responded by shelling B", «اشتباكات
   في A وقصف يطال B») gives one incident per clause.
7. **Told again.** The headline, or a report without a place, that the next
   sentence or two tell again at a place is one incident with that report
   (:func:`gazetteer.events.drafts.retold_by`): the lead's, or the earlier report's
   when the later one points back ("This airstrike, on ... in X").
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections.abc import Sequence

from ..geoparser.lexicon import distinct_norms
from ..geoparser.result import Incident, Mention, Role, Sentence
from ..places.normalize import Token, read_article, word_range, words_in
from . import actors, counting, dates, numbers
from .acled import ACLED_TYPES
from .actors import UNIDENTIFIED, Actor, attribute
from .anaphora import (
    ELLIPSIS_SENTENCES,
    anaphoric,
    elliptical,
    has_distinct_marker,
    is_headline,
    opens_with_anaphor,
    stands_alone,
)
from .antecedents import place_from_context
from .classify import SentenceEvent, classify, event_lexicon, is_modal
from .clauses import split_clauses
from .counting import Count, events_stated, find_counts, sums_up
from .dates import may_hold_numeric_date, month_starts, resolve_tokens, told_offset
from .drafts import Draft, Drafts, untold_again
from .framing import framing, framing_lexicon
from .linking import Candidate, linking_lexicon, names_a_place, place_candidates
from .records import dominant_type, opens_list_item, opens_with_place
from .targets import MAX_LISTED_EVENTS, incident_targets

__all__ = ["ACLED_TYPES", "article_date", "extract_incidents", "load_word_lists"]

_ACTOR_INHERIT_SENTENCES = 2
_SUMMARY = MAX_LISTED_EVENTS + 1
_CIVILIANS = "Civilians"
#: Event types with participants rather than perpetrators and targets (clashes have two sides too).
_NON_VIOLENT = frozenset({"Strategic developments"})


def load_word_lists() -> None:
    """Read and compile every word list of incident extraction now rather than on first use.

    Events, framing and linking words, and the lexicons of :mod:`gazetteer.events.actors`,
    :mod:`gazetteer.events.dates`, :mod:`gazetteer.events.numbers` and
    :mod:`gazetteer.events.counting`.  Raises :class:`gazetteer.errors.GazetteerDataError`
    when one is broken.
    """
    event_lexicon()
    framing_lexicon()
    linking_lexicon()
    actors.load_word_lists()
    dates.load_word_lists()
    numbers.load_word_lists()
    counting.load_word_lists()


# ---------------------------------------------------------------- incidents


def _sub_type(event: SentenceEvent, actor1: Actor | None, actor2: list[Actor]) -> tuple[str, str]:
    entry = event.entry
    if entry.territory:
        gained = "Government regains territory" if actor1 and actor1.government_side else None
        return entry.event_type, gained or entry.sub_event_type
    if event.generic and entry.event_type == "Battles" and any(a.name == _CIVILIANS for a in actor2):
        return "Violence against civilians", "Attack"  # an "attack" on civilians is not a battle
    return entry.event_type, entry.sub_event_type


def _apply_counts(incident: Incident, counts: Sequence[Count]) -> None:
    for count in counts:
        if count.category == "events":
            continue  # how many incidents the sentence tells, not a property of one
        if count.category in ("fatalities", "injuries"):
            current = getattr(incident, count.category)
            setattr(incident, count.category, max(current or 0, count.value))
        else:
            incident.counts[count.category] = max(incident.counts.get(count.category, 0), count.value)


def _finish(draft: Draft) -> Incident:
    inc = draft.incident
    actor1 = draft.actor1.name if draft.actor1 else (UNIDENTIFIED if draft.actor2 else None)
    inc.actors = ([actor1] if actor1 else []) + [a.name for a in draft.actor2 if a.name != actor1]
    return inc


def extract_incidents(
    text: str,
    sentences: list[Sentence],
    mentions: list[Mention],
    *,
    published: dt.date | None,
    language: str,
) -> list[Incident]:
    """The incidents an article reports, one per distinct event, in text order.

    ``sentences`` and ``mentions`` are the pipeline's (mentions resolved, each
    with its ``sentence`` index).  Each incident's ``mention`` indexes
    ``mentions``, and every mention an incident is placed at gets
    ``role = Role.INCIDENT`` (the list is updated in place).  Dates resolve
    against ``published`` (an undated sentence takes it, precision "day");
    without it, against the article's own date (:func:`article_date`), and an
    undated sentence takes the date the text stated last.
    ``language`` is accepted for the pipeline's contract; the lexicons hold
    both languages and every match is normalised, so it changes nothing.
    Raises nothing for well-formed input.
    """
    del language
    read = read_article(text)  # the article's words, read once for every stage
    article = read.tokens
    # Without a publication date, the dates the text writes out stand for it.
    reference = published if published is not None else article_date(text, sentences, article)
    told: tuple[dt.date, str] | None = None  # the date the article stated last
    by_sentence: dict[int, list[int]] = {}
    for k, mention in enumerate(mentions):
        by_sentence.setdefault(mention.sentence, []).append(k)
    drafts = Drafts()
    records: list[Incident] = []  # list items that record an event without a word for it
    events = event_lexicon().events
    # Where the article's trigger phrases may start, once for all.
    triggers = events.starts(article, norms=read.norms, texts=read.texts)
    for sentence in sentences:
        span = word_range(text, sentence.start, sentence.end)
        starts: list[int] | None = None
        if span is None:  # glued to a word at an end: read on its own
            tokens: Sequence[Token] = words_in(text, sentence.start, sentence.end)
            trigger = events.may_match(tokens)
        else:
            first, last = span
            k, end = bisect_left(triggers, first), bisect_left(triggers, last)
            starts = [j - first for j in triggers[k:end]]
            trigger = bool(starts)
            tokens = article[first:last]  # offsets into ``text``
        if opens_list_item(sentence.text) and (not trigger or classify(tokens, starts) is None):
            record = _record(text, tokens, sentence, mentions, by_sentence.get(sentence.index, ()), reference)
            if record is not None:
                records.append(record)
                continue
        if not trigger and sentence.index - drafts.latest_sentence > ELLIPSIS_SENTENCES:
            continue  # no trigger, and no event just before that an ordinal or a toll could continue
        clauses = split_clauses(text, tokens, starts, mentions, by_sentence.get(sentence.index, ()))
        clause_of = None  # the sentence's date, for a clause that states none
        if len(clauses) > 1:
            clause_of = resolve_tokens(sentence.text, tokens, reference)
            clause_of = clause_of if clause_of[0] is not None else None
        for tokens, starts, indices in clauses:
            # The clause's distinct words, read once for the dozens of word lists looked up in it.
            words = distinct_norms(tokens)
            event = classify(tokens, starts, words=words) or elliptical(
                tokens, drafts, sentence.index, words=words
            )
            candidates = (
                place_candidates(text, tokens, mentions, indices, event, words=words) if event else []
            )
            toll_only = event is not None and event.entry.kind == "casualty" and not candidates
            if event is None or (toll_only and _follows(drafts, sentence)):
                _donate_counts(drafts, sentence, tokens, words, text)
                continue
            # A generic ground attack has a target (civilians make it an attack on civilians).
            two_sided = event.entry.event_type in _NON_VIOLENT or (
                event.entry.sub_event_type == "Armed clash" and not event.generic
            )
            actor1, actor2 = attribute(
                tokens, event.spans, violent=not two_sided, capture=event.entry.territory, words=words
            )
            if actor1 is None:
                actor1 = _inherited_actor(drafts, event, sentence.index)
            event_type, sub_type = _sub_type(event, actor1, actor2)
            said = sentence.text if len(clauses) == 1 else text[tokens[0].start : tokens[-1].end]
            date, precision = resolve_tokens(said, tokens, reference, words=words)
            if date is None and clause_of is not None:
                date, precision = clause_of  # a clause without a date of its own: its sentence's
            offset = told_offset(tokens, words=words) if date is None else None
            if offset is not None and told is not None and told[1] == "day":
                date, precision = (
                    told[0] + dt.timedelta(days=offset),
                    "day",
                )  # "the same day", «في اليوم التالي»
            stated = (date, precision) if date is not None and precision is not None else None
            if stated is not None:
                told = stated
            if date is None:
                # Undated: the publication date, else the date the article told last, else its own date.
                date, precision = (
                    (published, "day") if published is not None else (told or (reference, "day"))
                )
            counts = find_counts(tokens, words=words, text=text)
            if sums_up(counts, stated):
                continue  # "648 barrel bombs dropped on Aleppo in December": a statistic, not an event
            first_told = next(iter(drafts), None)
            told_on = first_told.incident.date if first_told is not None else None
            if framing(
                text,
                tokens,
                event,
                counts,
                stated,
                told=bool(drafts),
                placed=bool(candidates),
                told_on=told_on,
                words=words,
            ):
                continue  # denied, planned, counted, filmed, reacted to or recalled: not reported here
            stated_events = events_stated(counts)
            if stated_events > 1 and (stated is None or stated[1] != "day"):
                stated_events = _SUMMARY  # "three attacks in Daraa" with no day: a summary, one incident
            heading = stated_events > 1 and not candidates and not names_a_place(tokens, words=words)
            targets: list[Candidate | None] = list(
                incident_targets(text, mentions, candidates, stated_events)
            ) or [None]
            if heading:
                # "Two incidents were identified on 22 September." names no place: the next
                # sentences («الأولى في …», "The second occurred in …") tell them one by one.
                targets = [None]
            elif stated_events <= MAX_LISTED_EVENTS:
                # "two more incidents, both in X": as many events as the text counts, at the places it gives.
                targets += [targets[0]] * (stated_events - len(targets))
            _mark_incident_mentions(mentions, indices, [t for t in targets if t is not None])
            for n, target in enumerate(targets):
                trigger = text[tokens[event.trigger.first].start : tokens[event.trigger.last - 1].end]
                incident = Incident(
                    event_type,
                    sub_type,
                    sentence.index,
                    trigger,
                    date=date,
                    date_precision=precision or "day",
                    location=target.location if target else None,
                    mention=target.index if target else None,
                )
                if n == 0:
                    _apply_counts(incident, counts)  # counts describe the event once, not per place
                draft = Draft(
                    incident,
                    event.entry,
                    actor1,
                    list(actor2),
                    sentence.index,
                    stated,
                    distinct=n > 0 or has_distinct_marker(tokens, words=words),
                    aggregate=stated_events > 1,
                    anaphoric=anaphoric(tokens, event),
                    heading=heading,
                    headline=is_headline(text, sentence, sentences),
                    points_back=opens_with_anaphor(tokens, event),
                )
                into = drafts.merge_target(draft, sentence.index)
                if into is not None and into.headline:
                    into = None  # the lead is the event; the headline folds into it at the end
                if into is not None:
                    drafts.merge(into, draft, sentence.index)
                elif draft.heading or stands_alone(draft, drafts):
                    drafts.add(draft)
    incidents = [_finish(d) for d in untold_again(list(drafts)) if not d.heading]
    place_from_context(text, sentences, mentions, by_sentence, incidents)
    if records:
        # A record is of the kind of event the article tells; sorted() keeps text order within a sentence.
        event_type, sub_type = dominant_type(incidents)
        for record in records:
            record.event_type, record.sub_event_type = event_type, sub_type
        incidents = sorted(incidents + records, key=lambda inc: inc.sentence)
    return incidents


def _record(
    text: str,
    tokens: Sequence[Token],
    sentence: Sentence,
    mentions: list[Mention],
    indices: Sequence[int],
    reference: dt.date | None,
) -> Incident | None:
    """The incident a list item records (:mod:`gazetteer.events.records`), typed later; None when the
    line does not open with its place, names no Syrian place, states no day, or is a modal statement."""
    if not indices or is_modal(tokens):
        return None
    if not opens_with_place(sentence.text, sentence.start, tokens, [mentions[k].start for k in indices]):
        return None
    date, precision = resolve_tokens(sentence.text, tokens, reference)
    if date is None or precision != "day":
        return None
    targets = incident_targets(text, mentions, place_candidates(text, tokens, mentions, indices, None))
    if not targets:
        return None
    target = targets[0]
    _mark_incident_mentions(mentions, indices, [target])
    return Incident("", "", sentence.index, "", date=date, location=target.location, mention=target.index)


def article_date(text: str, sentences: Sequence[Sentence], article: Sequence[Token]) -> dt.date | None:
    """The latest full date (day, month and year) the article writes out, or None.

    An article given without its publication date is dated by its text: a
    dateline («الأربعاء 5 شباط 2020») or the dates of its events; relative dates
    ("on Monday") and dates without a year ("on 23 October") are read against it.
    ``article`` is the text's tokens (:func:`read_article`).
    """
    read = read_article(text)
    # A full date needs a month name or a numeric date: the article's month names are found
    # once, and only the sentences that may hold one are read.
    months = month_starts(article, norms=read.norms, texts=read.texts)
    latest: dt.date | None = None
    for sentence in sentences:
        span = word_range(text, sentence.start, sentence.end)
        if span is None:  # glued to a word at an end: read on its own
            tokens = words_in(text, sentence.start, sentence.end)
        elif _any_between(months, *span) or may_hold_numeric_date(sentence.text):
            tokens = article[span[0] : span[1]]
        else:
            continue
        date, precision = resolve_tokens(sentence.text, tokens, None)
        if date is not None and precision == "day" and (latest is None or date > latest):
            latest = date
    return latest


def _any_between(positions: list[int], first: int, last: int) -> bool:
    """Whether some of the sorted ``positions`` lie in ``[first, last)``."""
    k = bisect_left(positions, first)
    return k < len(positions) and positions[k] < last


def _inherited_actor(drafts: Drafts, event: SentenceEvent, sentence: int) -> Actor | None:
    for draft in reversed(drafts):
        if sentence - draft.last_sentence > _ACTOR_INHERIT_SENTENCES:
            break
        if draft.incident.sub_event_type == event.entry.sub_event_type and draft.actor1 is not None:
            return draft.actor1
    return None


def _follows(drafts: Drafts, sentence: Sentence) -> bool:
    """True when the sentence right before this one reported (or confirmed) an incident."""
    return drafts.latest_sentence == sentence.index - 1


def _donate_counts(
    drafts: Drafts, sentence: Sentence, tokens: Sequence[Token], words: frozenset[str], text: str
) -> None:
    """A toll in a sentence with no event of its own («وأسفر عن مقتل 3») belongs to the event just
    before (``words``: the tokens' distinct normalised words; ``text``: the article)."""
    latest = drafts.latest
    if latest is None or not _follows(drafts, sentence) or is_modal(tokens, words=words):
        return
    for actor in attribute(tokens, (), words=words)[1]:  # the victims named with the toll
        if actor not in latest.actor2 and actor != latest.actor1:
            latest.actor2.append(actor)
    for count in find_counts(tokens, words=words, text=text):
        if count.category in ("fatalities", "injuries"):
            current = getattr(latest.incident, count.category)
            setattr(latest.incident, count.category, max(current or 0, count.value))


def _mark_incident_mentions(
    mentions: list[Mention], indices: Sequence[int], targets: Sequence[Candidate]
) -> None:
    """Give ``Role.INCIDENT`` to the mentions among ``indices`` of the places of ``targets``.

    A target with no place (a road the gazetteer lacks) marks its own mention.
    """
    places = {t.place for t in targets if t.place is not None}
    own = {t.index for t in targets if t.place is None}
    for k in indices:
        if mentions[k].place in places or k in own:
            mentions[k].role = Role.INCIDENT
