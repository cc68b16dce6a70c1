"""What event a sentence reports: the trigger lexicon of ``events.yaml`` and sentence classification.

Trigger phrases are matched on normalised, clitic-stripped tokens; the
highest-priority trigger decides the ACLED event and sub-event type (a «غارة»
beats a generic «قصف»).  Aircraft words are a strike only beside another
trigger or a strike verb, so «طائرات ... تحلق» is not one.  A sentence with a
modality word (warning, forecast, analysis: «حذر»، «وشيك»، «سيستمر»,
"imminent") or a background one ("since 2011", "not the first time") yields
nothing.  Refinements (``refine`` in events.yaml) give a protest with violence,
lethal force or arrests its ACLED sub-type; every type is one of
:data:`gazetteer.events.acled.ACLED_TYPES`.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..errors import GazetteerDataError
from ..geoparser.lexicon import PhraseMatch, PhraseMatcher, load_lexicon, word_set
from ..places.normalize import Token
from .acled import ACLED_TYPES

__all__ = ["EventEntry", "EventLexicon", "Refinement", "SentenceEvent", "classify", "event_lexicon"]


@dataclass(frozen=True, slots=True)
class EventEntry:
    """One trigger list of ``events.yaml``."""

    event_type: str
    sub_event_type: str
    priority: int
    kind: str = "trigger"  # trigger | generic | aircraft | support | casualty
    territory: bool = False
    needs: PhraseMatcher[bool] | None = None
    otherwise: EventEntry | None = None  # what the trigger reports when ``needs`` is not met
    unless: PhraseMatcher[bool] | None = None  # the trigger reports nothing beside one of these
    answers: bool = False  # fire returned: an answer to the event just told, at its place


@dataclass(frozen=True, slots=True)
class Refinement:
    """A rule of ``events.yaml``'s ``refine``: an event of a ``sources`` type reported with a ``when``
    phrase is the event ``entry`` («مظاهرة» + «أحرقوا» is a violent demonstration)."""

    sources: frozenset[tuple[str, str]]
    when: PhraseMatcher[bool]  # True for a ``when`` phrase, False for a longer ``except`` one
    entry: EventEntry


@dataclass(frozen=True, slots=True)
class EventLexicon:
    """The compiled word lists of ``events.yaml``: triggers, refinements, and the words that
    mark a sentence as modal or background, an event as distinct, subordinate or referred to."""

    events: PhraseMatcher[EventEntry]
    refinements: tuple[Refinement, ...]
    modality: PhraseMatcher[bool]
    distinct: frozenset[str]
    anaphora: frozenset[str]
    subordinate: PhraseMatcher[bool]
    reference_before: frozenset[str]
    reference_after: frozenset[str]


def _all_words(section: dict) -> list[str]:
    return [w for words in section.values() for w in words]


def type_pair(name: str) -> tuple[str, str]:
    """``"Protests/Peaceful protest"`` → ``("Protests", "Peaceful protest")`` (sub-types may hold a "/")."""
    for event_type in ACLED_TYPES:
        if name.startswith(event_type + "/") and name[len(event_type) + 1 :] in ACLED_TYPES[event_type]:
            return event_type, name[len(event_type) + 1 :]
    raise GazetteerDataError(f"events.yaml: {name!r} is not an ACLED event type/sub-event type")


def _checked(event_type: str, sub_type: str) -> None:
    if sub_type not in ACLED_TYPES.get(event_type, ()):
        raise GazetteerDataError(
            f"events.yaml: {event_type}/{sub_type} is not an ACLED event type/sub-event type"
        )


def _entry(spec: dict) -> EventEntry:
    needs = spec.get("needs")
    otherwise = spec.get("otherwise")
    _checked(spec["type"], spec["sub_type"])
    return EventEntry(
        spec["type"],
        spec["sub_type"],
        int(spec["priority"]),
        spec.get("kind", "trigger"),
        bool(spec.get("territory")),
        PhraseMatcher((w, True) for w in _all_words(needs)) if needs else None,
        _entry(otherwise) if otherwise else None,
        PhraseMatcher((w, True) for w in _all_words(spec["unless"])) if spec.get("unless") else None,
        bool(spec.get("answers")),
    )


@functools.cache
def event_lexicon() -> EventLexicon:
    """The word lists of ``events.yaml``, read and compiled once.

    Raises :class:`gazetteer.errors.GazetteerDataError` when a type is not an ACLED one.
    """
    events = load_lexicon("events")
    items: list[tuple[str, EventEntry]] = []
    for spec in events["events"]:
        entry = _entry(spec)
        items.extend((p, entry) for p in _all_words({k: spec.get(k, ()) for k in ("ar", "en")}))
    refinements = []
    for rule in events.get("refine", ()):
        event_type, sub_type = type_pair(rule["to"])
        refinements.append(
            Refinement(
                frozenset(type_pair(name) for name in rule["from"]),
                PhraseMatcher(
                    [(w, True) for w in _all_words(rule["when"])]
                    + [(w, False) for w in _all_words(rule.get("except", {}))]
                ),
                EventEntry(event_type, sub_type, int(rule["priority"])),
            )
        )
    return EventLexicon(
        events=PhraseMatcher(items),
        refinements=tuple(refinements),
        # A background sentence, like a modal one, reports no event.
        modality=PhraseMatcher(
            [(w, True) for w in _all_words(events["modality"]) + _all_words(events["background"])]
            + [(w, False) for w in _all_words(events["not_modal"])]
        ),
        distinct=word_set(_all_words(events["distinct"])),
        anaphora=word_set(_all_words(events["anaphora"])),
        subordinate=PhraseMatcher((w, True) for w in _all_words(events["subordinate"])),
        reference_before=word_set(_all_words(events["reference"]["before"])),
        reference_after=word_set(_all_words(events["reference"]["after"])),
    )


# ---------------------------------------------------------------- event type


@dataclass(frozen=True, slots=True)
class SentenceEvent:
    """The event a sentence reports: its deciding trigger and every trigger span (for actors)."""

    entry: EventEntry
    trigger: PhraseMatch[EventEntry]
    spans: tuple[tuple[int, int], ...]
    generic_starts: tuple[int, ...] = ()  # first tokens of the generic triggers

    @property
    def generic(self) -> bool:
        return self.entry.kind == "generic"


#: "before" opens a clause of what the event forestalled: "... before the police could take him away".
_BEFORE = frozenset({"before"})
_BEFORE_WINDOW = 4  # words from "before" to the modal word of its clause: "before the local police could"


def _modal_matches(tokens: Sequence[Token], words: frozenset[str] | None) -> list[PhraseMatch[bool]]:
    """The modality or background words of ``tokens`` that make the sentence report no event.

    A modal word in a "before" clause is not one: "a crowd beat him to death before the police
    could take him away" reports the beating; the clause says what it came ahead of.
    """
    return [
        m
        for m in event_lexicon().modality.find(tokens, words=words)
        if m.value
        and not any(tokens[k].norm in _BEFORE for k in range(max(0, m.first - _BEFORE_WINDOW), m.first))
    ]


def is_modal(tokens: Sequence[Token], *, words: frozenset[str] | None = None) -> bool:
    """True when ``tokens`` hold a modality or background word (a warning, a forecast, a
    hypothesis, a period): the sentence reports no event.  "Without warning" is none, nor a
    modal word in a "before" clause (:func:`_modal_matches`)."""
    return bool(_modal_matches(tokens, words))


#: English words that open what a protest is against ("protest against threats of an offensive").
_PROTEST_OBJECT = frozenset({"against", "over"})
_PROTEST_OBJECT_GAP = 2  # words from the end of a protest word to what opens its object


def _modal_before(tokens: Sequence[Token], end: float, words: frozenset[str] | None) -> bool:
    """Whether a modality word before token ``end`` makes the sentence report no event
    (:func:`is_modal`): one inside what a protest is against does not ("marched to protest
    against threats of an offensive" reports the march, the threat being its object)."""
    return any(m.first < end for m in _modal_matches(tokens, words))


def _protest_object_start(
    tokens: Sequence[Token], matches: Sequence[PhraseMatch[EventEntry]], words: frozenset[str] | None
) -> float:
    """Where the object of an English protest word starts, or infinity: "against" or "over" right
    after it, or a subordinate phrase anywhere after it ("..., demanding news of people abducted")."""
    ends = [m.last for m in matches if m.value.event_type == "Protests" and tokens[m.first].text.isascii()]
    if not ends:
        return float("inf")
    first = min(ends)
    opens = [m.first for m in event_lexicon().subordinate.find(tokens, words=words) if m.first >= first]
    opens += [
        k
        for end in ends
        for k in range(end, min(len(tokens), end + _PROTEST_OBJECT_GAP + 1))
        if tokens[k].norm in _PROTEST_OBJECT
    ]
    return min(opens, default=float("inf"))


#: Spans of time before "after"/"since" that date the sentence's event by an earlier one ("a year after").
_SPANS = frozenset(
    {"hour", "hours", "day", "days", "week", "weeks", "month", "months", "year", "years", "decade", "decades"}
)
_SPAN_LINKS = frozenset({"after", "since"})


def _dated_by_earlier(tokens: Sequence[Token], valid: Sequence[PhraseMatch[EventEntry]]) -> float:
    """Where an English phrase dating the event by an earlier one starts ("..., a year after the last
    fighters left the district under a deal", "days after slogans were sprayed"), or infinity: the
    event words after it tell that earlier event.  Only after an event word: "Two days after the
    shelling, rebels attacked X" opens with it, and its main clause follows."""
    first = min((m.first for m in valid), default=len(tokens))
    for k in range(first + 1, len(tokens) - 1):
        if tokens[k].norm in _SPANS and tokens[k + 1].norm in _SPAN_LINKS and tokens[k].text.isascii():
            return k
    return float("inf")


def classify(
    tokens: Sequence[Token], starts: Iterable[int] | None = None, *, words: frozenset[str] | None = None
) -> SentenceEvent | None:
    """The event reported by a tokenised sentence, or None (no trigger, or a modal statement).

    ``starts``: where a trigger may start, if known, and ``words``: the tokens' distinct
    normalised words, when at hand (see :meth:`PhraseMatcher.find`).
    """
    lex = event_lexicon()
    matches = lex.events.find(tokens, starts, words=words)
    if not matches:
        return None
    # what a protest is against is its cause: neither a warning nor the sentence's event
    protested = _protest_object_start(tokens, matches, words)
    if _modal_before(tokens, protested, words):
        return None
    # Each list of needed words is looked for once: a sentence may repeat a trigger that needs one.
    needed = {w for m in matches for w in (m.value.needs, m.value.unless) if w is not None}
    found = {needs: bool(needs.find(tokens, words=words)) for needs in needed}
    # Aircraft make an event only beside another event word, and not one that its "unless" words
    # rule out ("intercepting the communication of flights" is no air strike).
    has_other = any(
        m.value.kind != "aircraft" and not (m.value.unless is not None and found[m.value.unless])
        for m in matches
    )
    valid = []
    for m in matches:
        entry: EventEntry | None = m.value
        if entry.unless is not None and found[entry.unless]:
            continue
        if entry.needs is not None and not found[entry.needs]:
            entry = entry.otherwise
        if entry is None or entry.kind == "support" or (entry.kind == "aircraft" and not has_other):
            continue
        valid.append(m if entry is m.value else PhraseMatch(m.first, m.last, entry, m.phrase, m.clitic))
    if not valid:
        return None
    valid = _main(tokens, valid, lex.subordinate, words)
    valid = [m for m in valid if m.first < protested] or valid
    dated_by = _dated_by_earlier(tokens, valid)
    valid = [m for m in valid if m.first < dated_by] or valid
    valid += _refined(tokens, valid, lex.refinements, words, protested)
    best = max(valid, key=lambda m: (m.value.priority, -m.first))
    generic = tuple(m.first for m in valid if m.value.kind == "generic")
    return SentenceEvent(best.value, best, tuple((m.first, m.last) for m in matches), generic)


#: Words before a participle that make it an adjective rather than a verb.
_DETERMINERS = frozenset({"the", "a", "an", "their", "its", "his", "her", "our", "whose", "of"})
_SUBORDINATE_WINDOW = 4  # "backed by Russian air strikes": words from the cue to the trigger


def _main(
    tokens: Sequence[Token],
    valid: list[PhraseMatch[EventEntry]],
    cues: PhraseMatcher[bool],
    words: frozenset[str] | None,
) -> list[PhraseMatch[EventEntry]]:
    """The triggers that may decide the event: not those just after "backed by", "suspected of"
    (see ``subordinate`` in events.yaml), unless every trigger is."""
    found = cues.find(tokens, words=words)
    if not found:
        return valid
    # Each cue governs the first trigger after it, a few words away at most, unless that is
    # the sentence's own verb ("forces backed by Hezbollah captured X": a past tense in English).
    governed = set()
    for cue in found:
        after = [m.first for m in valid if 0 <= m.first - cue.last < _SUBORDINATE_WINDOW]
        if after and not _own_verb(tokens, after[0]):
            governed.add(after[0])
    main = [m for m in valid if m.first not in governed]
    return main or valid


def _own_verb(tokens: Sequence[Token], k: int) -> bool:
    """Whether the English trigger at ``k`` is a past tense, the sentence's own verb, not a participle.

    A determiner before it makes it an adjective: "the return of their seized homes".
    """
    word = tokens[k]
    if not (word.text.isascii() and word.norm.endswith("ed")):
        return False
    return k == 0 or tokens[k - 1].norm not in _DETERMINERS


def _refined(
    tokens: Sequence[Token],
    valid: Sequence[PhraseMatch[EventEntry]],
    rules: Sequence[Refinement],
    words: frozenset[str] | None,
    protested: float = float("inf"),
) -> list[PhraseMatch[EventEntry]]:
    """The refined event of the first rule that applies, as a match on its source trigger (or none).

    ``protested``: where a protest's object starts (:func:`_protest_object_start`).  A ``when``
    phrase that tells the protest's cause rather than what happened at it does not apply
    (see :func:`_tells_cause`)."""
    for rule in rules:
        source = next(
            (m for m in valid if (m.value.event_type, m.value.sub_event_type) in rule.sources), None
        )
        if source is None:
            continue
        found = rule.when.find(tokens, words=words)
        if any(m.value and not _tells_cause(tokens, m, source.first, protested) for m in found):
            return [PhraseMatch(source.first, source.last, rule.entry, source.phrase, source.clitic)]
    return []


#: Verbs of causing between a violent word and the protest word: "The killing set off protests".
_CAUSING = frozenset(
    {"sparked", "triggered", "prompted", "provoked", "ignited", "fuelled", "fueled", "caused"}
)
_CAUSING_PAIRS = frozenset({("set", "off"), ("touched", "off"), ("led", "to")})
#: Relative pronouns that open a clause about someone the protest names ("the officer who shot ...").
_RELATIVE = frozenset({"who", "whom", "which", "that"})
_RELATIVE_WINDOW = 2  # "who shot", "who had shot": words from the pronoun to the phrase


def _tells_cause(tokens: Sequence[Token], cue: PhraseMatch[bool], trigger: int, protested: float) -> bool:
    """True when the refining phrase ``cue`` tells why people protested, not what the protest met
    or did: before the protest word at ``trigger`` with a verb of causing between them ("The
    killing of a driver set off protests"), or in the protest's object (from ``protested`` on) in a
    relative clause ("demanding the trial of the officer who shot dead a driver")."""
    if cue.last <= trigger:
        between = [t.norm for t in tokens[cue.last : trigger]]
        return any(w in _CAUSING for w in between) or any(
            pair in _CAUSING_PAIRS for pair in zip(between, between[1:], strict=False)
        )
    if cue.first < protested:
        return False
    return any(t.norm in _RELATIVE for t in tokens[max(0, cue.first - _RELATIVE_WINDOW) : cue.first])
