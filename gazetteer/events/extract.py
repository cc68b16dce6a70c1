"""Incident extraction: which sentences report events, of what ACLED type, where, when, by whom.

:func:`extract_incidents` is called by the pipeline with the article's
sentences and its resolved place mentions.  For each sentence:

1. **Type.** Trigger phrases (``data/lexicon/events.yaml``) are matched on
   normalised, clitic-stripped tokens; the highest-priority trigger decides
   the ACLED event and sub-event type (a «غارة» beats a generic «قصف»).
   Aircraft words are a strike only beside another trigger or a strike verb,
   so «طائرات ... تحلق» is not one.  A sentence with a modality word
   (warning, forecast, analysis: «حذر»، «وشيك»، «سيستمر»، "imminent") or a
   background one ("since 2011", "not the first time") yields nothing.
   Refinements (``refine`` in events.yaml) give a protest with violence, lethal
   force or arrests its ACLED sub-type; every type is one of :data:`ACLED_TYPES`.
2. **Place.** Among the sentence's Syrian mentions the incident goes to the
   one an event happens at: the object of في/على/ب/in/on/at or of the trigger
   verb («استهدف قرية X»), the most specific (a village beats its
   governorate), never where a source speaks from («مصدر من مدينة إدلب»).
   Places joined to it by «و»/"and" («قرية X ومحيط Y») are further targets of
   the same event and get incidents of their own.  Foreign places and the
   country as a whole are never incident locations.
3. **Date** (:mod:`gazetteer.events.dates`), **actors** (:mod:`gazetteer.events.actors`),
   **counts** (:mod:`gazetteer.events.numbers`) of the sentence; an incident with no
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
5. **Reports that are not events.** A reference («هذه الحادثة», "this
   attack") adds to the event it refers to; a placeless sentence that neither
   dates itself nor counts victims, once the article has told an event, is
   a comment.  A sentence that counts a few dated events ("two incidents on
   9 July, one in X and one in Y") gives one incident per place it names; with
   no place it is a heading for the sentences that follow, whose opening
   ordinal («الأولى في حي X», "The second occurred in Y") continues its kind.
   A definite event word after "after", "victims of", «عقب» ("after the
   attack") refers to an event told elsewhere, like "this attack".
6. **Clauses.** A sentence whose clauses each report an event at a place of
   their own ("X shelled A, and artillery responded by shelling B", «اشتباكات
   في A وقصف يطال B») gives one incident per clause.
7. **Told again.** The headline, or a report without a place, that the next
   sentence or two tell again at a place is one incident with that report
   (:func:`gazetteer.events.drafts.retold_by`): the lead's, or the earlier report's
   when the later one points back ("This airstrike, on ... in X").
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import math
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from operator import attrgetter

from ..errors import GazetteerDataError
from ..geoparser.lexicon import (
    PhraseMatch,
    PhraseMatcher,
    form_set,
    forms_of,
    load_lexicon,
    with_form_in,
    word_set,
)
from ..geoparser.result import Incident, Location, Mention, Role, Sentence
from ..places.normalize import (
    Token,
    normalize_token,
    read_article,
    tokenize,
    word_range,
    words_in,
)
from ..places.place import AREA_TYPES, Place, PlaceType
from . import actors, dates, numbers
from .acled import ACLED_TYPES
from .actors import UNIDENTIFIED, Actor, attribute
from .dates import resolve_tokens, told_offset
from .drafts import RETOLD_SENTENCES, Draft, Drafts, fold_into, retold_by
from .numbers import Count, find_counts

_END_OF = attrgetter("end")

#: How specific a place type is as an incident location (higher wins).
_SPECIFICITY: dict[PlaceType, float] = {
    PlaceType.VILLAGE: 3.0,
    PlaceType.NEIGHBOURHOOD: 3.0,
    PlaceType.CAMP: 3.0,
    PlaceType.LANDMARK: 3.0,
    PlaceType.PRISON: 3.0,
    PlaceType.AIRPORT: 3.0,
    PlaceType.MILITARY_BASE: 3.0,
    PlaceType.DAM: 3.0,
    PlaceType.HOSPITAL: 3.0,
    PlaceType.BORDER_CROSSING: 3.0,
    PlaceType.TOWN: 2.5,
    PlaceType.CITY: 2.0,
    PlaceType.ROAD: 2.0,
    PlaceType.REGION: 1.0,
    PlaceType.SUBDISTRICT: 1.0,
    PlaceType.DISTRICT: 0.5,
    PlaceType.GOVERNORATE: 0.0,
}
_LINK_BONUS = 3.0  # object of a preposition or of the trigger verb
_SOURCE_PENALTY = 6.0  # where a source speaks from
_ROAD_BONUS = 3.0  # patrols happen on roads
_AFTER_TRIGGER_BONUS = 0.5
_PRECISION_PENALTY = 0.5  # per geo_precision step above 1
_SOURCE_WINDOW = 4  # words before «من» / "from" searched for a source noun
_ACTOR_INHERIT_SENTENCES = 2
_MAX_LISTED_EVENTS = 6  # "two/three incidents" are listed one by one; "49 attacks" is a summary
_SUMMARY = _MAX_LISTED_EVENTS + 1
_CIVILIANS = "Civilians"
#: Event types with participants rather than perpetrators and targets (clashes have two sides too).
_NON_VIOLENT = frozenset({"Strategic developments"})


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


@dataclass(frozen=True, slots=True)
class Refinement:
    """A rule of ``events.yaml``'s ``refine``: an event of a ``sources`` type reported with a ``when``
    phrase is the event ``entry`` («مظاهرة» + «أحرقوا» is a violent demonstration)."""

    sources: frozenset[tuple[str, str]]
    when: PhraseMatcher[bool]
    entry: EventEntry


@dataclass(frozen=True, slots=True)
class _Lexicon:
    events: PhraseMatcher[EventEntry]
    refinements: tuple[Refinement, ...]
    modality: PhraseMatcher[bool]
    distinct: frozenset[str]
    anaphora: frozenset[str]
    subordinate: PhraseMatcher[bool]
    reference_before: frozenset[str]
    reference_after: frozenset[str]
    prepositions: tuple[tuple[str, ...], ...]
    clitic_prepositions: frozenset[str]
    skip: frozenset[str]
    from_words: frozenset[str]
    source_nouns: frozenset[str]
    object_verbs: frozenset[str]
    coordination: frozenset[str]
    place_nouns: frozenset[str]


def _all_words(section: dict) -> list[str]:
    return [w for words in section.values() for w in words]


def _type_pair(name: str) -> tuple[str, str]:
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
    )


@functools.cache
def _lexicon() -> _Lexicon:
    events = load_lexicon("events")
    items: list[tuple[str, EventEntry]] = []
    for spec in events["events"]:
        entry = _entry(spec)
        items.extend((p, entry) for p in _all_words({k: spec.get(k, ()) for k in ("ar", "en")}))
    refinements = []
    for rule in events.get("refine", ()):
        event_type, sub_type = _type_pair(rule["to"])
        refinements.append(
            Refinement(
                frozenset(_type_pair(name) for name in rule["from"]),
                PhraseMatcher((w, True) for w in _all_words(rule["when"])),
                EventEntry(event_type, sub_type, int(rule["priority"])),
            )
        )
    linking = load_lexicon("linking")
    return _Lexicon(
        events=PhraseMatcher(items),
        refinements=tuple(refinements),
        # A background sentence, like a modal one, reports no event.
        modality=PhraseMatcher(
            (w, True) for w in _all_words(events["modality"]) + _all_words(events["background"])
        ),
        distinct=word_set(_all_words(events["distinct"])),
        anaphora=word_set(_all_words(events["anaphora"])),
        subordinate=PhraseMatcher((w, True) for w in _all_words(events["subordinate"])),
        reference_before=word_set(_all_words(events["reference"]["before"])),
        reference_after=word_set(_all_words(events["reference"]["after"])),
        prepositions=tuple(tuple(t.norm for t in tokenize(p)) for p in _all_words(linking["prepositions"])),
        clitic_prepositions=frozenset(normalize_token(c) for c in linking["clitic_prepositions"]),
        skip=word_set(_all_words(linking["skip"])),
        from_words=word_set(_all_words(linking["from_words"])),
        source_nouns=word_set(_all_words(linking["source_nouns"])),
        object_verbs=word_set(_all_words(linking["object_verbs"])),
        coordination=word_set(_all_words(linking["coordination"])),
        place_nouns=word_set(_all_words(linking["place_nouns"])),
    )


def load_word_lists() -> None:
    """Read and compile every word list of incident extraction now rather than on first use.

    Events and linking words, and the lexicons of :mod:`gazetteer.events.actors`,
    :mod:`gazetteer.events.dates` and :mod:`gazetteer.events.numbers`.  Raises
    :class:`gazetteer.errors.GazetteerDataError` when one is broken.
    """
    _lexicon()
    actors.load_word_lists()
    dates.load_word_lists()
    numbers.load_word_lists()


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


def classify(tokens: Sequence[Token], starts: Iterable[int] | None = None) -> SentenceEvent | None:
    """The event reported by a tokenised sentence, or None (no trigger, or a modal statement).

    ``starts``: where a trigger may start, if known (see :meth:`PhraseMatcher.find`).
    """
    lex = _lexicon()
    matches = lex.events.find(tokens, starts)
    if not matches or lex.modality.find(tokens):
        return None
    has_other = any(m.value.kind != "aircraft" for m in matches)
    # Each list of needed words is looked for once: a sentence may repeat a trigger that needs one.
    needed = {w for m in matches for w in (m.value.needs, m.value.unless) if w is not None}
    found = {needs: bool(needs.find(tokens)) for needs in needed}
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
    valid = _main(tokens, valid, lex.subordinate)
    valid += _refined(tokens, valid, lex.refinements)
    best = max(valid, key=lambda m: (m.value.priority, -m.first))
    generic = tuple(m.first for m in valid if m.value.kind == "generic")
    return SentenceEvent(best.value, best, tuple((m.first, m.last) for m in matches), generic)


_SUBORDINATE_WINDOW = 4  # "backed by Russian air strikes": words from the cue to the trigger


def _main(
    tokens: Sequence[Token], valid: list[PhraseMatch[EventEntry]], cues: PhraseMatcher[bool]
) -> list[PhraseMatch[EventEntry]]:
    """The triggers that may decide the event: not those just after "backed by", "suspected of"
    (see ``subordinate`` in events.yaml), unless every trigger is."""
    found = cues.find(tokens) if cues.may_match(tokens) else []
    if not found:
        return valid
    # Each cue governs the first trigger after it, a few words away at most, unless that is
    # the sentence's own verb ("forces backed by Hezbollah captured X": a past tense in English).
    governed = set()
    for cue in found:
        after = [m.first for m in valid if 0 <= m.first - cue.last < _SUBORDINATE_WINDOW]
        if after and not (tokens[after[0]].text.isascii() and tokens[after[0]].norm.endswith("ed")):
            governed.add(after[0])
    main = [m for m in valid if m.first not in governed]
    return main or valid


def _refined(
    tokens: Sequence[Token], valid: Sequence[PhraseMatch[EventEntry]], rules: Sequence[Refinement]
) -> list[PhraseMatch[EventEntry]]:
    """The refined event of the first rule that applies, as a match on its source trigger (or none)."""
    for rule in rules:
        source = next(
            (m for m in valid if (m.value.event_type, m.value.sub_event_type) in rule.sources), None
        )
        if source is not None and rule.when.find(tokens):
            return [PhraseMatch(source.first, source.last, rule.entry, source.phrase, source.clitic)]
    return []


# ---------------------------------------------------------------- location


def _location(mention: Mention) -> Location | None:
    """Where a mention points, if it may be an incident location (Syrian, not the whole country)."""
    place = mention.place
    if place is None and mention.container is not None:
        return mention.location  # a place the gazetteer lacks, located at its container
    if place is None or not place.in_syria or place.type is PlaceType.COUNTRY:
        return None
    if mention.location is not None:
        return mention.location
    # A resolver that left no Location: the place itself, areas approximate.
    precision = 3 if place.type in AREA_TYPES else 1
    return Location(place.lat, place.lon, precision, place=place, geometry=place.geometry)


def _token_at(tokens: Sequence[Token], offset: int) -> int | None:
    """The token holding ``offset``, else the first after it; None past the last token."""
    i = bisect_right(tokens, offset, key=_END_OF)  # the first token ending after ``offset``
    return i if i < len(tokens) else None


def _forms(token: Token) -> list[tuple[str, str]]:
    """(form, stripped proclitic) pairs of a token."""
    return [(f, token.norm[:cut]) for f, cut in forms_of(token.norm)]


@dataclass(frozen=True, slots=True)
class _Link:
    linked: bool  # object of a preposition or of a trigger verb
    source: bool  # where a source speaks from


def _ends_with(tokens: Sequence[Token], j: int, phrase: tuple[str, ...]) -> bool:
    start = j - len(phrase) + 1
    if start < 0:
        return False
    for k, word in enumerate(phrase):
        if (word not in form_set(tokens[start + k].norm)) if k == 0 else (word != tokens[start + k].norm):
            return False
    return True


def _link(tokens: Sequence[Token], tok: int, clitic: str, trigger_ends: frozenset[int]) -> _Link:
    """How the mention at token ``tok`` (behind proclitic ``clitic``) is tied to the sentence's event.

    ``trigger_ends``: the last token of each trigger phrase of the sentence.
    """
    lex = _lexicon()
    linked = any(c in lex.clitic_prepositions for c in clitic)
    j = tok - 1
    while j >= 0 and not linked:
        skip = [(f, c) for f, c in _forms(tokens[j]) if f in lex.skip]
        if not skip:
            break
        # «بمدينة إدلب»: the preposition rides on the cue word.
        linked = any(ch in lex.clitic_prepositions for _, c in skip for ch in c)
        j -= 1
    if linked or j < 0:
        return _Link(linked, False)
    prev = tokens[j]
    forms = form_set(prev.norm)
    linked = (
        # a phrase ends on this word: one word in any clitic form, a longer one on the word itself
        any(
            (p[0] in forms) if len(p) == 1 else (p[-1] == prev.norm and _ends_with(tokens, j, p))
            for p in lex.prepositions
        )
        or not forms.isdisjoint(lex.object_verbs)
        or j in trigger_ends
    )
    source = prev.norm in lex.from_words and any(
        not lex.source_nouns.isdisjoint(form_set(t.norm)) for t in tokens[max(0, j - _SOURCE_WINDOW) : j]
    )
    return _Link(linked and not source, source)


@dataclass(slots=True)
class _Candidate:
    index: int  # into the article's mentions
    location: Location
    place: Place
    tok: int
    score: float
    linked: bool = False  # object of a preposition or of the trigger verb


def _candidates(
    text: str,
    tokens: Sequence[Token],
    mentions: Sequence[Mention],
    indices: Sequence[int],
    event: SentenceEvent,
) -> list[_Candidate]:
    # Read off the trigger spans once for the sentence: a long one holds many mentions.
    trigger_ends = frozenset(last - 1 for _, last in event.spans)
    first_end = min((last for _, last in event.spans), default=math.inf)
    out = []
    for k in indices:
        mention = mentions[k]
        location = _location(mention)
        if location is None:
            continue
        # a place the gazetteer lacks is a village or the like, at its container
        kind = mention.place.type if mention.place is not None else PlaceType.VILLAGE
        tok = _token_at(tokens, mention.start)
        if tok is None:
            continue
        tok_start = tokens[tok].start
        clitic = normalize_token(text[tok_start : max(tok_start, mention.start)])
        link = _link(tokens, tok, clitic, trigger_ends)
        score = _SPECIFICITY.get(kind, 1.0) - _PRECISION_PENALTY * (location.geo_precision - 1)
        if link.linked:
            score += _LINK_BONUS
        if link.source:
            score -= _SOURCE_PENALTY
        if first_end <= tok:  # after a trigger
            score += _AFTER_TRIGGER_BONUS
        if kind is PlaceType.ROAD and event.entry.sub_event_type == "Other":
            score += _ROAD_BONUS
        out.append(_Candidate(k, location, mention.place or mention.container, tok, score, link.linked))
    return out


def _coordinated(text: str, first: Mention, second: Mention) -> bool:
    """True when ``second`` is joined to ``first`` by «و»/"and" (cue words allowed between)."""
    lex = _lexicon()
    between = words_in(text, first.end, second.start)  # the article's own words when not cut
    if not between:
        return False
    head = between[0]
    if head.norm in lex.coordination:
        rest = between[1:]
    elif head.norm[:1] in lex.coordination and head.norm[1:] in lex.skip:
        rest = between[1:]
    else:
        return False
    return all(not lex.skip.isdisjoint(form_set(t.norm)) for t in rest)


def _targets(
    text: str, mentions: Sequence[Mention], candidates: list[_Candidate], stated_events: int = 1
) -> list[_Candidate]:
    """The sentence's incident places: the best candidate, then places coordinated after it.

    When the sentence counts its events ("two incidents ... one in X, one in Y")
    and the count is small, each event gets one of the best mentions, in text
    order, even when two mentions name the same place.
    """
    if not candidates:
        return []
    if 2 <= stated_events <= _MAX_LISTED_EVENTS:
        best_n = sorted(candidates, key=lambda c: (-c.score, c.tok))[:stated_events]
        return sorted(best_n, key=lambda c: c.tok)
    best = max(candidates, key=lambda c: (c.score, -c.tok))
    chosen = [best]
    places = {best.place}
    ordered = sorted(candidates, key=lambda c: mentions[c.index].start)
    last = best
    for cand in ordered:
        if mentions[cand.index].start <= mentions[last.index].start:
            continue
        if not _coordinated(text, mentions[last.index], mentions[cand.index]):
            break
        if cand.place not in places:
            chosen.append(cand)
            places.add(cand.place)
        last = cand
    return chosen


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
    events = _lexicon().events
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
        if not trigger and sentence.index - drafts.latest_sentence > _ELLIPSIS_SENTENCES:
            continue  # no trigger, and no event just before that an ordinal or a toll could continue
        clauses = _clauses(text, tokens, starts, mentions, by_sentence.get(sentence.index, ()))
        clause_of = None  # the sentence's date, for a clause that states none
        if len(clauses) > 1:
            clause_of = resolve_tokens(sentence.text, tokens, reference)
            clause_of = clause_of if clause_of[0] is not None else None
        for tokens, starts, indices in clauses:
            event = classify(tokens, starts) or _elliptical(tokens, drafts, sentence.index)
            candidates = _candidates(text, tokens, mentions, indices, event) if event else []
            toll_only = event is not None and event.entry.kind == "casualty" and not candidates
            if event is None or (toll_only and _follows(drafts, sentence)):
                _donate_counts(drafts, sentence, tokens)
                continue
            # A generic ground attack has a target (civilians make it an attack on civilians).
            two_sided = event.entry.event_type in _NON_VIOLENT or (
                event.entry.sub_event_type == "Armed clash" and not event.generic
            )
            actor1, actor2 = attribute(tokens, event.spans, violent=not two_sided)
            if actor1 is None:
                actor1 = _inherited_actor(drafts, event, sentence.index)
            event_type, sub_type = _sub_type(event, actor1, actor2)
            said = sentence.text if len(clauses) == 1 else text[tokens[0].start : tokens[-1].end]
            date, precision = resolve_tokens(said, tokens, reference)
            if date is None and clause_of is not None:
                date, precision = clause_of  # a clause without a date of its own: its sentence's
            offset = told_offset(tokens) if date is None else None
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
            counts = find_counts(tokens)
            if _sums_up(counts, stated):
                continue  # "648 barrel bombs dropped on Aleppo in December": a statistic, not an event
            stated_events = _events_stated(counts)
            if stated_events > 1 and (stated is None or stated[1] != "day"):
                stated_events = _SUMMARY  # "three attacks in Daraa" with no day: a summary, one incident
            heading = stated_events > 1 and not candidates and not _names_a_place(tokens)
            targets: list[_Candidate | None] = list(_targets(text, mentions, candidates, stated_events)) or [
                None
            ]
            if heading:
                # "Two incidents were identified on 22 September." names no place: the next
                # sentences («الأولى في …», "The second occurred in …") tell them one by one.
                targets = [None]
            elif stated_events <= _MAX_LISTED_EVENTS:
                # "two more incidents, both in X": as many events as the text counts, at the places it gives.
                targets += [targets[0]] * (stated_events - len(targets))
            _mark_incident_mentions(mentions, indices, {t.place for t in targets if t is not None})
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
                    distinct=n > 0 or _has_distinct_marker(tokens),
                    aggregate=stated_events > 1,
                    anaphoric=_anaphoric(tokens, event),
                    heading=heading,
                    headline=_is_headline(text, sentence, sentences),
                    points_back=_opens_with_anaphor(tokens, event),
                )
                into = drafts.merge_target(draft, sentence.index)
                if into is not None and into.headline:
                    into = None  # the lead is the event; the headline folds into it at the end
                if into is not None:
                    drafts.merge(into, draft, sentence.index)
                elif draft.heading or _stands_alone(draft, drafts):
                    drafts.add(draft)
    return [_finish(d) for d in _untold_again(list(drafts)) if not d.heading]


#: Where a clause starts: after «;» or «|», or after a comma before "and", "while" ...
_CLAUSE_BREAKS = ";؛|"
_CLAUSE_COMMAS = ",،"
_CLAUSE_WORDS = frozenset({"and", "while", "whereas", "but"})
_Clause = tuple[Sequence[Token], list[int] | None, Sequence[int]]


def _clauses(
    text: str,
    tokens: Sequence[Token],
    starts: list[int] | None,
    mentions: Sequence[Mention],
    indices: Sequence[int],
) -> list[_Clause]:
    """The sentence's clauses that each report an event at a place of their own, or the whole sentence.

    "Opposition fighters shelled X, and government artillery responded by shelling Y", «اشتباكات
    في X وقصف يطال Y»: two events, each at its place.  A clause starts after «;», after a comma
    before "and"/"while", or at an Arabic event word joined by «و».  The sentence is one report
    unless at least two of its clauses each have a trigger and a Syrian place it happens at (the
    object of a preposition or of the trigger: not "the Suwayda 24 network").
    """
    whole: list[_Clause] = [(tokens, starts, indices)]
    if starts is None or len(starts) < 2 or len(indices) < 2:
        return whole
    matches = _lexicon().events.find(tokens, starts)
    joined = {m.first for m in matches if "و" in m.clitic and not tokens[m.first].text.isascii()}
    said = text[tokens[0].start : tokens[-1].end]
    if not joined and not any(c in said for c in _CLAUSE_BREAKS + _CLAUSE_COMMAS):
        return whole  # most sentences: no clause break at all
    cuts = [
        k
        for k in range(1, len(tokens))
        if k in joined
        or any(c in text[tokens[k - 1].end : tokens[k].start] for c in _CLAUSE_BREAKS)
        or (
            tokens[k].norm in _CLAUSE_WORDS
            and any(c in text[tokens[k - 1].end : tokens[k].start] for c in _CLAUSE_COMMAS)
        )
    ]
    if not cuts:
        return whole
    # Each clause's triggers and mentions are found by bisection: a sentence may have thousands of clauses.
    ordered = sorted(indices, key=lambda k: mentions[k].start)
    mention_starts = [mentions[k].start for k in ordered]

    def clause(a: int, b: int) -> _Clause:
        here = [j - a for j in starts[bisect_left(starts, a) : bisect_left(starts, b)]]
        lo, hi = tokens[a].start, tokens[b - 1].end
        return tokens[a:b], here, ordered[bisect_left(mention_starts, lo) : bisect_left(mention_starts, hi)]

    ranges: list[tuple[int, int]] = []
    for a, b in zip([0, *cuts], [*cuts, len(tokens)], strict=True):
        part, here, within = clause(a, b)
        placed = [k for k in within if _location(mentions[k]) is not None]
        event = classify(part, here) if here and placed else None
        if event is not None and any(c.linked for c in _candidates(text, part, mentions, placed, event)):
            ranges.append((a, b))
        elif ranges:  # a clause with no event at a place of its own belongs to the one before
            ranges[-1] = (ranges[-1][0], b)
        else:
            return whole
    return [clause(a, b) for a, b in ranges] if len(ranges) > 1 else whole


def _untold_again(drafts: list[Draft]) -> list[Draft]:
    """The drafts, less each headline or placeless report told again just after (one folds into the other).

    Drafts are kept in text order: only the few made in the next sentences are looked at.
    """
    gone: set[int] = set()
    for k, draft in enumerate(drafts):
        if k in gone or not (draft.headline or draft.incident.location is None):
            continue
        last = draft.incident.sentence + RETOLD_SENTENCES
        for j in range(k + 1, len(drafts)):
            if drafts[j].incident.sentence > last:
                break
            if j not in gone and retold_by(draft, drafts[j]):
                stays = fold_into(drafts[j], draft)
                gone.add(j if stays is draft else k)
                break
    return [d for k, d in enumerate(drafts) if k not in gone]


_TERMINATORS = ".!?؟…:"
_HEADLINE_WORDS = 20


def _is_headline(text: str, sentence: Sentence, sentences: Sequence[Sentence]) -> bool:
    """True for the article's title: its first line, short, with no full stop, more text below."""
    if sentence.index != 0 or len(sentences) < 2:
        return False
    gap = text[sentence.end : sentences[1].start]
    return (
        "\n" in gap
        and sentence.text.rstrip()[-1:] not in _TERMINATORS
        and len(sentence.text.split()) <= _HEADLINE_WORDS
    )


def article_date(text: str, sentences: Sequence[Sentence], article: Sequence[Token]) -> dt.date | None:
    """The latest full date (day, month and year) the article writes out, or None.

    An article given without its publication date is dated by its text: a
    dateline («الأربعاء 5 شباط 2020») or the dates of its events; relative dates
    ("on Monday") and dates without a year ("on 23 October") are read against it.
    ``article`` is the text's tokens (:func:`read_article`).
    """
    days = [resolve_tokens(s.text, _sentence_tokens(text, s, article), None) for s in sentences]
    return max((d for d, p in days if d is not None and p == "day"), default=None)


def _sentence_tokens(text: str, sentence: Sentence, article: Sequence[Token]) -> Sequence[Token]:
    """The tokens of ``sentence``: a slice of the article's, or its own when glued to a word at an end."""
    span = word_range(text, sentence.start, sentence.end)
    if span is None:
        return words_in(text, sentence.start, sentence.end)
    return article[span[0] : span[1]]


def _inherited_actor(drafts: Drafts, event: SentenceEvent, sentence: int) -> Actor | None:
    for draft in reversed(drafts):
        if sentence - draft.last_sentence > _ACTOR_INHERIT_SENTENCES:
            break
        if draft.incident.sub_event_type == event.entry.sub_event_type and draft.actor1 is not None:
            return draft.actor1
    return None


_ELLIPSIS_TOKENS = 3  # an ordinal this close to the start stands for the event noun
_ELLIPSIS_SENTENCES = 2
_ANAPHORA_WINDOW = 2  # "this attack", "these two incidents"


def _elliptical(tokens: Sequence[Token], drafts: Drafts, sentence: int) -> SentenceEvent | None:
    """«الأولى في حي X», "The second occurred in Y": another event of the kind just reported."""
    latest = drafts.latest
    if latest is None:
        return None
    if sentence - latest.last_sentence > _ELLIPSIS_SENTENCES or _lexicon().modality.find(tokens):
        return None
    i = _opens_with_ordinal(tokens)
    if i is None:
        return None
    return SentenceEvent(latest.entry, PhraseMatch(i, i + 1, latest.entry, tokens[i].text), ((i, i + 1),))


def _anaphoric(tokens: Sequence[Token], event: SentenceEvent) -> bool:
    """True when every generic event word is preceded by "this", «هاتين», "these two" ...

    or names an event told elsewhere ("after the attack", see :func:`_refers_back`).
    A demonstrative does not count in an elliptical sentence («الأولى منها في حي X ...
    بهذه الحادثة»), whose ordinal opens a new event before the reference.
    """
    if not event.generic:
        return False
    anaphora = _lexicon().anaphora if _opens_with_ordinal(tokens) is None else frozenset()
    return all(
        any(
            not anaphora.isdisjoint(form_set(t.norm))
            for t in tokens[max(0, first - _ANAPHORA_WINDOW) : first]
        )
        or _refers_back(tokens, first)
        for first in event.generic_starts or (event.trigger.first,)
    )


_DEFINITE_AR = ("ال", "وال", "بال", "فال", "لل", "وبال", "ولل")


def _refers_back(tokens: Sequence[Token], first: int) -> bool:
    """True for a definite event word that names an event told elsewhere: "victims of the attack",
    "after the attack", «عقب الهجوم», «الهجوم نفسه» (see ``reference`` in events.yaml)."""
    lex = _lexicon()
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


def _opens_with_anaphor(tokens: Sequence[Token], event: SentenceEvent) -> bool:
    """True when the sentence opens with "This airstrike", "The airstrike", «هذه الغارة», «الغارة
    الجوية التي»: an event named as one already known."""
    if not tokens:
        return False
    starts = {first for first, _ in event.spans}
    if 0 in starts and not tokens[0].text.isascii():
        return tokens[0].norm.startswith("ال")
    head = tokens[0].norm
    return 1 in starts and (head == "the" or not _lexicon().anaphora.isdisjoint(form_set(head)))


def _opens_with_ordinal(tokens: Sequence[Token]) -> int | None:
    """The index of an ordinal («الأولى», "the second") among the first words, if any."""
    distinct = _lexicon().distinct
    for i, token in enumerate(tokens[:_ELLIPSIS_TOKENS]):
        if not distinct.isdisjoint(form_set(token.norm)):
            return i
    return None


def _stands_alone(draft: Draft, drafts: Drafts) -> bool:
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
    evacuation.") is a new event there: it takes that place, as an approximation (geo_precision 2
    at best)."""
    latest = drafts.latest
    if latest is None or latest.incident.location is None or draft.generic or draft.points_back:
        return False
    if draft.entry.kind == "casualty" or draft.incident.event_type not in _DURING:
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


def _names_a_place(tokens: Sequence[Token]) -> bool:
    """True when a word such as «منطقة», «حي», "district" announces a place (resolved or not)."""
    nouns = _lexicon().place_nouns
    return bool(with_form_in(nouns).among(tokens))


def _has_distinct_marker(tokens: Sequence[Token]) -> bool:
    distinct = _lexicon().distinct
    return bool(with_form_in(distinct).among(tokens))


_MUNITIONS = frozenset({"strikes", "shells"})
_STATISTIC = 50  # strikes or munitions in a month or a year: a tally, not one event


def _sums_up(counts: Sequence[Count], stated: tuple[dt.date, str] | None) -> bool:
    """True for a tally of a month or a year: "4,045 barrel bombs in 2016", «650 غارة خلال شهر آب»."""
    coarse = stated is not None and stated[1] in ("month", "year")
    return coarse and any(c.category in _MUNITIONS and c.value >= _STATISTIC for c in counts)


def _events_stated(counts: Sequence[Count]) -> int:
    """How many events a sentence counts: "two incidents" 2, «هجومين» 2, "49 attacks" 49; else 1."""
    return max((c.value for c in counts if c.category == "events"), default=1)


def _follows(drafts: Drafts, sentence: Sentence) -> bool:
    """True when the sentence right before this one reported (or confirmed) an incident."""
    return drafts.latest_sentence == sentence.index - 1


def _donate_counts(drafts: Drafts, sentence: Sentence, tokens: Sequence[Token]) -> None:
    """A toll in a sentence with no event of its own («وأسفر عن مقتل 3») belongs to the event just before."""
    latest = drafts.latest
    if latest is None or not _follows(drafts, sentence) or _lexicon().modality.find(tokens):
        return
    for actor in attribute(tokens, ())[1]:  # the victims named with the toll
        if actor not in latest.actor2 and actor != latest.actor1:
            latest.actor2.append(actor)
    for count in find_counts(tokens):
        if count.category in ("fatalities", "injuries"):
            current = getattr(latest.incident, count.category)
            setattr(latest.incident, count.category, max(current or 0, count.value))


def _mark_incident_mentions(mentions: list[Mention], indices: Sequence[int], places: set[Place]) -> None:
    """Give ``Role.INCIDENT`` to the mentions among ``indices`` of any of ``places``."""
    for k in indices:
        if mentions[k].place in places:
            mentions[k].role = Role.INCIDENT


__all__ = [
    "ACLED_TYPES",
    "article_date",
    "EventEntry",
    "Refinement",
    "SentenceEvent",
    "classify",
    "extract_incidents",
    "load_word_lists",
]
