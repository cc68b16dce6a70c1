"""Incident extraction: which sentences report events, of what ACLED type, where, when, by whom.

:func:`extract_incidents` is called by the pipeline with the article's
sentences and its resolved place mentions; it walks the article, and each clause's
incidents are read by :mod:`gazetteer.events.clauseincidents`.  For each sentence:

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

from ..geoparser.result import Incident, Mention, Sentence
from ..geoparser.sentences import opens_list_item
from ..places.normalize import Token, read_article, word_range, words_in
from . import actors, counting, dates, numbers
from .acled import ACLED_TYPES
from .actors import UNIDENTIFIED
from .anaphora import ELLIPSIS_SENTENCES
from .antecedents import place_from_context
from .classify import classify, event_lexicon
from .clauseincidents import ArticleContext, add_clause_incidents, record_incident
from .clauses import split_clauses
from .dates import may_hold_numeric_date, month_starts, resolve_tokens
from .drafts import Draft, Drafts, untold_again
from .framing import framing_lexicon
from .linkingwords import linking_lexicon
from .records import dominant_type

__all__ = ["ACLED_TYPES", "article_date", "extract_incidents", "load_word_lists"]


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


def _finish(draft: Draft) -> Incident:
    """The draft's incident with its actors: the perpetrator (unidentified when only victims are
    named) first, then the others."""
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
    spans = sentence_spans(text, sentences)
    # Without a publication date, the dates the text writes out stand for it.
    reference = published if published is not None else article_date(text, sentences, spans)
    told: tuple[dt.date, str] | None = None  # the date the article stated last
    by_sentence: dict[int, list[int]] = {}
    for k, mention in enumerate(mentions):
        by_sentence.setdefault(mention.sentence, []).append(k)
    context = ArticleContext(text, sentences, mentions, published, reference)
    drafts = Drafts()
    records: list[Incident] = []  # list items that record an event without a word for it
    events = event_lexicon().events
    # Where the article's trigger phrases may start, once for all.
    triggers = events.starts(article, norms=read.norms, texts=read.texts, words=read.distinct)
    for sentence, span in zip(sentences, spans, strict=True):
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
            record = record_incident(context, tokens, sentence, by_sentence.get(sentence.index, ()))
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
        for clause in clauses:
            told = add_clause_incidents(
                context, clause, sentence, drafts, told=told, sentence_date=clause_of, whole=len(clauses) == 1
            )
    incidents = [_finish(d) for d in untold_again(list(drafts)) if not d.heading]
    place_from_context(text, sentences, mentions, by_sentence, incidents)
    if records:
        # A record is of the kind of event the article tells; sorted() keeps text order within a sentence.
        event_type, sub_type = dominant_type(incidents)
        for record in records:
            record.event_type, record.sub_event_type = event_type, sub_type
        incidents = sorted(incidents + records, key=lambda inc: inc.sentence)
    return incidents


def sentence_spans(text: str, sentences: Sequence[Sentence]) -> list[tuple[int, int] | None]:
    """Each sentence's ``(first, last)`` words of :func:`read_article`, or None when it is
    glued to a word at an end and must be read on its own (:func:`word_range`)."""
    return [word_range(text, sentence.start, sentence.end) for sentence in sentences]


def article_date(
    text: str, sentences: Sequence[Sentence], spans: Sequence[tuple[int, int] | None]
) -> dt.date | None:
    """The latest full date (day, month and year) the article writes out, or None.

    An article given without its publication date is dated by its text: a
    dateline («الأربعاء 5 شباط 2020») or the dates of its events; relative dates
    ("on Monday") and dates without a year ("on 23 October") are read against it.
    ``spans`` are the sentences' words (:func:`sentence_spans`).
    """
    read = read_article(text)
    article = read.tokens
    # A full date needs a month name or a numeric date: the article's month names are found
    # once, and only the sentences that may hold one are read.
    months = month_starts(article, norms=read.norms, texts=read.texts, words=read.distinct)
    latest: dt.date | None = None
    for sentence, span in zip(sentences, spans, strict=True):
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
