"""The incidents one clause reports, and the one a list record gives, as drafts of the article's.

:func:`add_clause_incidents` reads a clause's event (:mod:`gazetteer.events.classify`), its
actors, date, counts and places, and adds one draft per place it happens at to the incidents
told so far (:class:`gazetteer.events.drafts.Drafts`), merging with the one it tells again;
:func:`record_incident` reads a list item that records an event by place and day.  The article
is walked by :func:`gazetteer.events.extract.extract_incidents`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from ..geoparser.lexicon import distinct_norms
from ..geoparser.result import Incident, Mention, Role, Sentence
from ..places.normalize import Token
from .actors import Actor, attribute
from .anaphora import (
    anaphoric,
    elliptical,
    has_distinct_marker,
    is_headline,
    opens_with_anaphor,
    stands_alone,
)
from .classify import SentenceEvent, classify, is_modal
from .clauses import Clause
from .counting import Count, events_stated, find_counts, sums_up
from .dates import resolve_tokens, told_offset
from .drafts import Draft, Drafts, Stated
from .framing import framing
from .linking import Candidate, names_a_place, place_candidates
from .records import opens_with_place
from .targets import MAX_LISTED_EVENTS, incident_targets

__all__ = ["ArticleContext", "add_clause_incidents", "record_incident"]

_ACTOR_INHERIT_SENTENCES = 2
_SUMMARY = MAX_LISTED_EVENTS + 1
_CIVILIANS = "Civilians"
#: Event types with participants rather than perpetrators and targets (clashes have two sides too).
_NON_VIOLENT = frozenset({"Strategic developments"})
#: The geo-precision of an area (a governorate, a district, a countryside): a place no finer than it
#: does not pin a sentence's event down (see :func:`gazetteer.events.framing.framing`).
_AREA_PRECISION = 3


@dataclass(frozen=True, slots=True)
class ArticleContext:
    """What every clause of one article is read against."""

    text: str
    sentences: Sequence[Sentence]
    mentions: list[Mention]  # resolved; those an incident is placed at get ``Role.INCIDENT``
    published: dt.date | None
    reference: dt.date | None  # the publication date, else the article's own date


def add_clause_incidents(
    article: ArticleContext,
    clause: Clause,
    sentence: Sentence,
    drafts: Drafts,
    *,
    told: Stated | None,
    sentence_date: tuple[dt.date, str | None] | None,
    whole: bool,
) -> Stated | None:
    """Add the incidents one clause of ``sentence`` reports to ``drafts``; return the date told last
    by a clause that reports an event (one that reports none dates no later clause).

    ``clause``: the clause's tokens (offsets into the article's text), its trigger starts and the
    indices of its mentions; ``whole``: the clause is the whole sentence; ``sentence_date``: the
    date the sentence states, for a clause that states none; ``told``: the date (and precision) the
    article stated last, which a clause dated "the same day" counts from.  A clause with no event
    gives its toll to the event just before; one that is a tally or is framed (denied, planned, …)
    gives nothing.  The mentions an incident is placed at get ``Role.INCIDENT``.
    """
    tokens, starts, indices = clause
    text, mentions = article.text, article.mentions
    published, reference = article.published, article.reference
    # The clause's distinct words, read once for the dozens of word lists looked up in it.
    words = distinct_norms(tokens)
    event = classify(tokens, starts, words=words) or elliptical(tokens, drafts, sentence.index, words=words)
    candidates = place_candidates(text, tokens, mentions, indices, event, words=words) if event else []
    toll_only = event is not None and event.entry.kind == "casualty" and not candidates
    if event is None or (toll_only and _follows(drafts, sentence)):
        _donate_counts(drafts, sentence, tokens, words, text)
        return told
    # A generic ground attack has a target (civilians make it an attack on civilians).
    two_sided = event.entry.event_type in _NON_VIOLENT or (
        event.entry.sub_event_type == "Armed clash" and not event.generic
    )
    actor1, actor2 = attribute(
        tokens, _perpetrator_spans(event), violent=not two_sided, capture=event.entry.territory, words=words
    )
    if actor1 is None and event.entry.territory:
        actor1 = attribute(tokens, event.spans, capture=True, words=words)[0]
    if actor1 is None:
        actor1 = _inherited_actor(drafts, event, sentence.index)
    event_type, sub_type = _sub_type(event, actor1, actor2)
    said = sentence.text if whole else text[tokens[0].start : tokens[-1].end]
    date, precision = resolve_tokens(said, tokens, reference, words=words)
    if date is None and sentence_date is not None:
        date, precision = sentence_date  # a clause without a date of its own: its sentence's
    if date is None and told is not None and told[1] == "day":
        # "the same day", «في اليوم التالي»: counted from a day the article told before, if any
        offset = told_offset(tokens, words=words)
        if offset is not None:
            date, precision = told[0] + dt.timedelta(days=offset), "day"
    stated = (date, precision) if date is not None and precision is not None else None
    told_before = told  # what the article told before: kept when this clause reports no event
    if stated is not None:
        told = stated
    if date is None:
        # Undated: the day the article told last (a report's later sentences go on telling that day),
        # else the publication date, else the month or year told last, else the article's own date.
        if told is not None and told[1] == "day":
            date, precision = told
        else:
            date, precision = (published, "day") if published is not None else (told or (reference, "day"))
    counts = find_counts(tokens, words=words, text=text)
    if sums_up(counts, stated, tokens):
        return told_before  # "648 barrel bombs dropped on Aleppo in December": a statistic, not an event
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
        pinpointed=any(c.location.geo_precision < _AREA_PRECISION for c in candidates),
        told_on=told_on,
        words=words,
    ):
        # denied, planned, counted, filmed, reacted to or recalled: not reported here, and its date is
        # none of the next sentences' ("The deal was signed on Friday. Shells hit X." is not Friday)
        return told_before
    stated_events = events_stated(counts)
    if stated_events > 1 and (stated is None or stated[1] != "day"):
        stated_events = _SUMMARY  # "three attacks in Daraa" with no day: a summary, one incident
    heading = stated_events > 1 and not candidates and not names_a_place(tokens, words=words)
    targets: list[Candidate | None] = list(incident_targets(text, mentions, candidates, stated_events))
    targets = targets or [None]
    if heading:
        # "Two incidents were identified on 22 September." names no place: the next
        # sentences («الأولى في …», "The second occurred in …") tell them one by one.
        targets = [None]
    elif stated_events <= MAX_LISTED_EVENTS:
        # "two more incidents, both in X": as many events as the text counts, at the places it gives.
        targets += [targets[0]] * (stated_events - len(targets))
    _mark_incident_mentions(mentions, indices, [t for t in targets if t is not None])
    kept = False  # whether the clause reports an event: made or merged into one
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
            headline=is_headline(text, sentence, article.sentences),
            points_back=opens_with_anaphor(tokens, event),
        )
        into = drafts.merge_target(draft, sentence.index)
        if into is not None and into.headline:
            into = None  # the lead is the event; the headline folds into it at the end
        if into is not None:
            drafts.merge(into, draft, sentence.index)
            kept = True
        elif draft.heading or stands_alone(draft, drafts):
            drafts.add(draft)
            kept = True
    # A report about an event already told ("On 14 June the UN condemned the attack") dates nothing after it.
    return told if kept else told_before


def record_incident(
    article: ArticleContext, tokens: Sequence[Token], sentence: Sentence, indices: Sequence[int]
) -> Incident | None:
    """The incident a list item records (:mod:`gazetteer.events.records`), typed later; None when the
    line does not open with its place, names no Syrian place, states no day, or is a modal statement.

    ``indices``: those of the article's mentions in the item's sentence."""
    text, mentions = article.text, article.mentions
    if not indices or is_modal(tokens):
        return None
    if not opens_with_place(sentence.text, sentence.start, tokens, [mentions[k].start for k in indices]):
        return None
    date, precision = resolve_tokens(sentence.text, tokens, article.reference)
    if date is None or precision != "day":
        return None
    targets = incident_targets(text, mentions, place_candidates(text, tokens, mentions, indices, None))
    if not targets:
        return None
    target = targets[0]
    _mark_incident_mentions(mentions, indices, [target])
    return Incident("", "", sentence.index, "", date=date, location=target.location, mention=target.index)


def _perpetrator_spans(event: SentenceEvent) -> tuple[tuple[int, int], ...]:
    """The trigger spans the perpetrator is looked for beside: for ground taken, the verb of taking
    alone, since the side by another event word lost it ("IS fighters took control of X after
    government troops withdrew"); for any other event, every trigger."""
    if event.entry.territory:
        return ((event.trigger.first, event.trigger.last),)
    return event.spans


def _sub_type(event: SentenceEvent, actor1: Actor | None, actor2: list[Actor]) -> tuple[str, str]:
    """The ACLED event and sub-event type of ``event``, given who did it and to whom."""
    entry = event.entry
    if entry.territory:
        gained = "Government regains territory" if actor1 and actor1.government_side else None
        return entry.event_type, gained or entry.sub_event_type
    if event.generic and entry.event_type == "Battles" and any(a.name == _CIVILIANS for a in actor2):
        return "Violence against civilians", "Attack"  # an "attack" on civilians is not a battle
    return entry.event_type, entry.sub_event_type


def _apply_counts(incident: Incident, counts: Sequence[Count]) -> None:
    """Raise ``incident``'s casualties and counts to those of ``counts`` (each keeps its largest)."""
    for count in counts:
        if count.category == "events":
            continue  # how many incidents the sentence tells, not a property of one
        if count.category in ("fatalities", "injuries"):
            current = getattr(incident, count.category)
            setattr(incident, count.category, max(current or 0, count.value))
        else:
            incident.counts[count.category] = max(incident.counts.get(count.category, 0), count.value)


def _inherited_actor(drafts: Drafts, event: SentenceEvent, sentence: int) -> Actor | None:
    """The perpetrator of the same sub-type of event a sentence or two before (the lead names it)."""
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
