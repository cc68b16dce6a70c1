"""Conflict actors in a sentence and who did what to whom.

The actor lexicon (``data/lexicon/actors.yaml``) names Russian, Turkish and
Syrian government forces, HTS, Hurras al-Din, the SDF, ISIS, the coalition,
Israel, the SNA, opposition factions, Iran-backed militias, Hezbollah and
civilians, in Arabic and English.  :func:`attribute` picks the perpetrator
(actor1: the actor next to the event trigger, «طائرات حربية روسية»,
«القصف الروسي», "Russian warplanes") and the targets (actor2: an actor after
a target word, «مقرات لتنظيم حراس الدين», "positions of HTS", or civilians).
"""

from __future__ import annotations

import functools
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate

from ..geoparser.lexicon import PhraseMatcher, form_set, load_lexicon, word_set
from ..places.normalize import Token

#: actor1 when an event has a target but its perpetrator is not named.
UNIDENTIFIED = "Unidentified"

# How close (in words) an actor must be to a trigger to be its perpetrator,
# and to a target word to be the target.
_PERPETRATOR_WINDOW = 3
_TARGET_WINDOW = 3
_NON_PARTICIPANT_WINDOW = 2
_CLAIM_WINDOW = 2


@dataclass(frozen=True, slots=True)
class Actor:
    """A conflict actor: ``name`` as incidents store it."""

    name: str
    government_side: bool = False
    target_only: bool = False


@dataclass(frozen=True, slots=True)
class ActorMention:
    """An actor named in a token list, tokens ``[first, last)``."""

    actor: Actor
    first: int
    last: int


@dataclass(frozen=True, slots=True)
class _Lexicon:
    matcher: PhraseMatcher[Actor]
    actors: dict[str, Actor]
    target_cues: frozenset[str]
    non_participant_cues: frozenset[str]
    claim_cues: frozenset[str]
    loser_cues: frozenset[str]


@functools.cache
def _lexicon() -> _Lexicon:
    data = load_lexicon("actors")
    items: list[tuple[str, Actor]] = []
    actors: dict[str, Actor] = {}
    for entry in data["actors"]:
        actor = Actor(entry["name"], bool(entry.get("government_side")), bool(entry.get("target_only")))
        actors[actor.name] = actor
        items.extend((p, actor) for lang in ("ar", "en") for p in entry.get(lang, ()))
    return _Lexicon(
        PhraseMatcher(items),
        actors,
        word_set(w for ws in data["target_cues"].values() for w in ws),
        word_set(w for ws in data["non_participant_cues"].values() for w in ws),
        word_set(w for ws in data["claim_cues"].values() for w in ws),
        word_set(w for ws in data["loser_cues"].values() for w in ws),
    )


def load_word_lists() -> None:
    """Read and compile the actor lexicon now, not on first use; raises GazetteerDataError if broken."""
    _lexicon()


def find_actors(
    tokens: Sequence[Token], starts: Sequence[int] | None = None, *, words: frozenset[str] | None = None
) -> list[ActorMention]:
    """Every actor named in ``tokens``, left to right.

    ``starts``: where a name may start, in order, when known (:func:`actor_starts` of a
    longer text, shifted to these tokens); only those are tried.  ``words``: the tokens'
    distinct normalised words, when at hand (:func:`gazetteer.geoparser.lexicon.distinct_norms`).
    """
    return [
        ActorMention(m.value, m.first, m.last) for m in _lexicon().matcher.find(tokens, starts, words=words)
    ]


def actor_starts(
    tokens: Sequence[Token],
    *,
    norms: Sequence[str] | None = None,
    texts: Sequence[str] | None = None,
    words: frozenset[str] | None = None,
) -> list[int]:
    """Where an actor's name may start in ``tokens``, in order: a superset, true of any slice of them.

    Found once for a whole article, it spares each sentence its own look.  ``norms``,
    ``texts`` and ``words`` as in :meth:`PhraseMatcher.starts`.
    """
    return _lexicon().matcher.starts(tokens, norms=norms, texts=texts, words=words)


def _cue_before(
    tokens: Sequence[Token], first: int, window: int, cues: frozenset[str], skip: frozenset[int] = frozenset()
) -> bool:
    """Whether one of ``cues`` is within ``window`` words before token ``first``, tokens in ``skip`` aside."""
    for k in range(max(0, first - window), first):
        if k not in skip and not cues.isdisjoint(form_set(tokens[k].norm)):
            return True
    return False


#: English words for a fight whose "with"/"against" names the other side: in a capture, the side that lost.
_FIGHT_WORDS = frozenset({"fighting", "fight", "clashes", "battles", "battle", "combat"})
_FIGHT_WITH = frozenset({"with", "against"})


def _fought(tokens: Sequence[Token], first: int) -> bool:
    """Whether the English actor at ``first`` is the other side of a fight just before it ("captured X
    after heavy fighting with government troops"), not one who fought beside ("together with")."""
    for k in range(max(1, first - _NON_PARTICIPANT_WINDOW), first):
        if tokens[k].norm in _FIGHT_WITH and tokens[k - 1].norm in _FIGHT_WORDS:
            return True
    return False


def _english_target(tokens: Sequence[Token], mention: ActorMention, cues: frozenset[str]) -> bool:
    """English puts the actor before the target noun: "HTS positions", "ISIS fighters"."""
    if mention.last >= len(tokens) or not tokens[mention.first].text.isascii():
        return False
    return tokens[mention.last].norm in cues


def _claims(tokens: Sequence[Token], mention: ActorMention, cues: frozenset[str]) -> bool:
    """«تبنى تنظيم داعش ...», "ISIS claimed responsibility": the actor claimed the event."""
    window = range(max(0, mention.first - _CLAIM_WINDOW), min(len(tokens), mention.last + _CLAIM_WINDOW))
    outside = (k for k in window if not mention.first <= k < mention.last)
    return any(not cues.isdisjoint(form_set(tokens[k].norm)) for k in outside)


class TriggerSpans:
    """A sentence's trigger spans, sorted so that each actor is placed against them in a few bisections.

    A long sentence can hold thousands of triggers and actors: measuring each
    actor against every trigger would grow with their product.
    """

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._firsts = [first for first, _ in ordered]
        self._lasts = sorted(last for _, last in ordered)
        # The furthest end among the spans starting before each one (spans may overlap).
        self._reach = list(accumulate((last for _, last in ordered), max))

    def distance(self, mention: ActorMention) -> int:
        """Words between ``mention`` and the nearest trigger, plus one; 0 when they overlap."""
        starting_before = bisect_left(self._firsts, mention.last)  # spans not wholly after it
        if starting_before and self._reach[starting_before - 1] > mention.first:
            return 0
        distances = []
        if starting_before < len(self._firsts):
            distances.append(self._firsts[starting_before] - mention.last + 1)
        ending_before = bisect_right(self._lasts, mention.first)
        if ending_before:
            distances.append(mention.first - self._lasts[ending_before - 1] + 1)
        return min(distances)

    def starts_at(self, token: int) -> bool:
        """Whether some trigger starts at ``token``."""
        k = bisect_left(self._firsts, token)
        return k < len(self._firsts) and self._firsts[k] == token

    def any_before(self, token: int) -> bool:
        """Whether some trigger ends at or before ``token``."""
        return bool(self._lasts) and self._lasts[0] <= token


def attribute(
    tokens: Sequence[Token],
    triggers: Sequence[tuple[int, int]],
    *,
    violent: bool = True,
    capture: bool = False,
    words: frozenset[str] | None = None,
) -> tuple[Actor | None, list[Actor]]:
    """The perpetrator and the targets of the event whose trigger words are ``triggers``.

    ``triggers`` are token spans ``(first, last)``.  Returns ``(actor1, actor2s)``:
    actor1 is the non-target actor closest to a trigger, at most three words
    away (None when there is none); actor2s are the targets, in text order.
    For a non-violent event (``violent=False``: a joint patrol, an agreement)
    there are no targets: actor2s are the other participants named in the sentence.
    An actor just after «موالية لـ», "loyal to", «مصدر» ... describes someone
    else and is neither.  ``capture``: the event is a place taken, and the side
    it was taken "from" is a target.  ``words`` as in :func:`find_actors`.
    """
    mentions = find_actors(tokens, words=words)
    if not mentions:
        return None, []  # most sentences name no actor
    lex = _lexicon()
    spans = TriggerSpans(triggers)
    perpetrators: list[tuple[int, int, Actor]] = []
    targets: list[Actor] = []
    participants: list[Actor] = []
    sides: list[ActorMention] = []  # the actors named as no target, for a pronoun to refer back to
    # The noun of a capture is its trigger, not a description: «بعد سيطرة قوات النظام على القرية» names
    # who took the village, where «مناطق سيطرة النظام» names whose areas they are.
    taking = (
        frozenset(k for first, last in triggers for k in range(first, last + 1)) if capture else frozenset()
    )
    for mention in mentions:
        if _cue_before(tokens, mention.first, _NON_PARTICIPANT_WINDOW, lex.non_participant_cues, taking):
            continue
        if not violent:
            if not mention.actor.target_only and mention.actor not in participants:
                participants.append(mention.actor)
            continue
        if (
            mention.actor.target_only
            or _cue_before(tokens, mention.first, _TARGET_WINDOW, lex.target_cues)
            # "ISIS fighters" is a target, unless they are the subject: "Hezbollah fighters took control".
            or (_english_target(tokens, mention, lex.target_cues) and not spans.starts_at(mention.last + 1))
            or (capture and _cue_before(tokens, mention.first, _NON_PARTICIPANT_WINDOW, lex.loser_cues))
            or (capture and _fought(tokens, mention.first))
        ):
            if mention.actor not in targets:
                targets.append(mention.actor)
            continue
        if _claims(tokens, mention, lex.claim_cues):
            perpetrators.append((-1, 0, mention.actor))  # a claim outranks any distance
            continue
        if not triggers:
            continue
        sides.append(mention)
        distance = spans.distance(mention)
        if distance <= _PERPETRATOR_WINDOW:
            # On a tie the subject side wins: after the verb in Arabic (VSO), before it in English.
            after = spans.any_before(mention.first)
            subject_side = after != tokens[mention.first].text.isascii()
            perpetrators.append((distance, 0 if subject_side else 1, mention.actor))
    if not violent:
        return (participants[0], participants[1:]) if participants else (None, [])
    actor1 = min(perpetrators, key=lambda p: (p[0], p[1]))[2] if perpetrators else None
    if actor1 is None and sides:
        actor1 = _referred(tokens, triggers, sides)
    return actor1, [a for a in targets if a != actor1]


#: English subject pronouns that refer back to an actor named earlier in the sentence.
_PRONOUNS = frozenset({"it", "they"})


def _referred(
    tokens: Sequence[Token], triggers: Sequence[tuple[int, int]], sides: Sequence[ActorMention]
) -> Actor | None:
    """The actor a pronoun subject of the event refers back to: "The army announced that it had taken
    control of X" (the last actor named before the pronoun), or None when no pronoun is the subject."""
    first = min(start for start, _ in triggers)
    for k in range(first - 1, max(-1, first - 1 - _PERPETRATOR_WINDOW), -1):
        if tokens[k].norm in _PRONOUNS and tokens[k].text.isascii():
            before = [m for m in sides if m.last <= k]
            return before[-1].actor if before else None
    return None
