"""Whether a report tells a new incident or one already told: headlines, ordinals, anaphora.

A reference («هذه الحادثة», "this attack") adds to the event it refers to, and
so does a definite event word after "after", "victims of", «عقب» ("after the
attack").  A sentence opening with an ordinal («الأولى في حي X», "The second
occurred in Y") continues the kind of event just told.  A placeless sentence
that neither dates itself nor counts victims, once the article has told an
event, is a comment.  The headline is the article's first short line; whether
the lead tells it again is :func:`gazetteer.events.drafts.retold_by`'s call.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from ..geoparser.lexicon import PhraseMatch, form_set, with_form_in
from ..geoparser.result import Sentence
from ..places.normalize import Token
from .classify import SentenceEvent, event_lexicon, is_modal
from .drafts import Draft, Drafts

__all__ = [
    "ELLIPSIS_SENTENCES",
    "anaphoric",
    "elliptical",
    "has_distinct_marker",
    "is_headline",
    "opens_with_anaphor",
    "stands_alone",
]

_TERMINATORS = ".!?؟…:"
_HEADLINE_WORDS = 20


def is_headline(text: str, sentence: Sentence, sentences: Sequence[Sentence]) -> bool:
    """True for the article's title: its first line, short, with no full stop, more text below."""
    if sentence.index != 0 or len(sentences) < 2:
        return False
    gap = text[sentence.end : sentences[1].start]
    return (
        "\n" in gap
        and sentence.text.rstrip()[-1:] not in _TERMINATORS
        and len(sentence.text.split()) <= _HEADLINE_WORDS
    )


_ELLIPSIS_TOKENS = 3  # an ordinal this close to the start stands for the event noun
#: An ordinal («الأولى», "the second") continues an event told at most this many sentences before.
ELLIPSIS_SENTENCES = 2
_ANAPHORA_WINDOW = 2  # "this attack", "these two incidents"


def elliptical(
    tokens: Sequence[Token], drafts: Drafts, sentence: int, *, words: frozenset[str] | None = None
) -> SentenceEvent | None:
    """«الأولى في حي X», "The second occurred in Y": another event of the kind just reported.

    ``words``: the tokens' distinct normalised words, when at hand.
    """
    latest = drafts.latest
    if latest is None:
        return None
    if sentence - latest.last_sentence > ELLIPSIS_SENTENCES or is_modal(tokens, words=words):
        return None
    i = _opens_with_ordinal(tokens)
    if i is None:
        return None
    return SentenceEvent(latest.entry, PhraseMatch(i, i + 1, latest.entry, tokens[i].text), ((i, i + 1),))


def anaphoric(tokens: Sequence[Token], event: SentenceEvent) -> bool:
    """True when every generic event word is preceded by "this", «هاتين», "these two" ...

    or names an event told elsewhere ("after the attack", see :func:`_refers_back`).
    A demonstrative does not count in an elliptical sentence («الأولى منها في حي X ...
    بهذه الحادثة»), whose ordinal opens a new event before the reference.  An aircraft makes
    an event only beside another event word (:func:`gazetteer.events.classify.classify`): beside
    generic words that all refer back («طائرة يُزعم أنها شاركت في الهجوم ذاته»), it tells the
    event told already, too.
    """
    aircraft = event.entry.kind == "aircraft" and bool(event.generic_starts)
    if not (event.generic or aircraft):
        return False
    anaphora = event_lexicon().anaphora if _opens_with_ordinal(tokens) is None else frozenset()
    return all(
        any(
            not anaphora.isdisjoint(form_set(t.norm)) and not _disagrees(t, tokens[first])
            for t in tokens[max(0, first - _ANAPHORA_WINDOW) : first]
        )
        or _refers_back(tokens, first)
        for first in event.generic_starts or (event.trigger.first,)
    )


#: Arabic demonstratives of one masculine thing: never the determiner of a plural in «ات».
_SINGULAR_MASCULINE = frozenset({"هذا", "ذلك"})


def _disagrees(demonstrative: Token, word: Token) -> bool:
    """Whether an Arabic masculine singular demonstrative cannot point at ``word``, a plural in «ات»:
    in «يتضمن ذلك الهجمات» (that includes the attacks) «ذلك» is the verb's subject, while «هذه
    الهجمات» (these attacks) points back."""
    return not _SINGULAR_MASCULINE.isdisjoint(form_set(demonstrative.norm)) and word.norm.endswith("ات")


_DEFINITE_AR = ("ال", "وال", "بال", "فال", "لل", "وبال", "ولل")


def _refers_back(tokens: Sequence[Token], first: int) -> bool:
    """True for a definite event word that names an event told elsewhere: "victims of the attack",
    "after the attack", «عقب الهجوم», «الهجوم نفسه» (see ``reference`` in events.yaml)."""
    lex = event_lexicon()
    word = tokens[first]
    if word.text.isascii():
        definite = first > 0 and tokens[first - 1].norm == "the"
        before = first - 2
    else:
        definite = word.norm.startswith(_DEFINITE_AR)
        before = first - 1
    if not definite:
        return False
    if before >= 0 and not lex.reference_before.isdisjoint(form_set(tokens[before].norm)):
        return True
    return first + 1 < len(tokens) and not lex.reference_after.isdisjoint(form_set(tokens[first + 1].norm))


def opens_with_anaphor(tokens: Sequence[Token], event: SentenceEvent) -> bool:
    """True when the sentence opens with "This airstrike", "The airstrike", «هذه الغارة», «الغارة
    الجوية التي»: an event named as one already known."""
    if not tokens:
        return False
    starts = {first for first, _ in event.spans}
    if 0 in starts and not tokens[0].text.isascii():
        return tokens[0].norm.startswith("ال")
    head = tokens[0].norm
    return 1 in starts and (head == "the" or not event_lexicon().anaphora.isdisjoint(form_set(head)))


def _opens_with_ordinal(tokens: Sequence[Token]) -> int | None:
    """The index of an ordinal («الأولى», "the second") among the first words, if any."""
    distinct = event_lexicon().distinct
    for i, token in enumerate(tokens[:_ELLIPSIS_TOKENS]):
        if not distinct.isdisjoint(form_set(token.norm)):
            return i
    return None


def stands_alone(draft: Draft, drafts: Drafts) -> bool:
    """Whether a report that merged with nothing is a new incident.

    A report about an event already told is not; nor is a placeless sentence
    that neither dates itself nor counts victims once the article has told an
    event (a method note, a summary, a comment) - but the article's first
    event stands even without a place.
    """
    if draft.anaphoric:
        return False
    if draft.incident.location is not None or not drafts:
        return True
    inc = draft.incident
    if _another_kind_here(draft, drafts):
        return True
    return draft.stated_date is not None or inc.fatalities is not None or inc.injuries is not None


#: Events that befall people during an operation told just before (arrests, disappearances,
#: looting, protests); strikes and battles name their own places.
_DURING = frozenset({"Violence against civilians", "Strategic developments", "Protests", "Riots"})


def _another_kind_here(draft: Draft, drafts: Drafts) -> bool:
    """A placeless report of people arrested, disappeared, robbed ... right after an event of another
    kind told at a place ("forces advanced into X. Many people were disappeared during the
    evacuation."), or of fire returned ("X shelled A. Y's fighters returned fire."), is a new event
    there: it takes that place, as an approximation (geo_precision 2 at best)."""
    latest = drafts.latest
    if latest is None or latest.incident.location is None or draft.generic or draft.points_back:
        return False
    if draft.entry.kind == "casualty" or not (draft.incident.event_type in _DURING or draft.entry.answers):
        return False
    if (
        draft.incident.sentence - latest.last_sentence != 1
        or latest.incident.event_type == draft.incident.event_type
    ):
        return False
    where = latest.incident.location
    draft.incident.location = dataclasses.replace(where, geo_precision=max(2, where.geo_precision))
    draft.incident.mention = latest.incident.mention
    return True


def has_distinct_marker(tokens: Sequence[Token], *, words: frozenset[str] | None = None) -> bool:
    """True when a word marks the report as another event ("the second incident", «هجوم آخر»).

    ``words``: the tokens' distinct normalised words, when at hand.
    """
    distinct = event_lexicon().distinct
    return bool(with_form_in(distinct).among(tokens, words=words))
