"""A sentence's clauses that each report an event, at a place of their own or of the clause before.

"X shelled A, and artillery responded by shelling B", «اشتباكات في A وقصف يطال
B»: one sentence, two incidents.  :func:`split_clauses` cuts a sentence there and
leaves every other sentence whole.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from ..geoparser.result import Mention
from ..places.normalize import Token
from .actors import attribute
from .classify import SentenceEvent, classify, event_lexicon
from .linking import location_of, place_candidates

__all__ = ["Clause", "split_clauses"]

#: Where a clause starts: after «;» or «|», or after a comma before "and", "while", "where" ("clashes
#: spread to X, where helicopters fired on rebel positions"), «فيما», «بينما» ...
_CLAUSE_BREAKS = ";؛|"
_CLAUSE_COMMAS = ",،"
_CLAUSE_WORDS = frozenset(
    {"and", "while", "whereas", "but", "where", "فيما", "بينما", "وفيما", "وبينما"}
    # «، تبعه انفجار …»: an event that followed the one just told
    | {"تبعه", "تبعها", "تلاه", "تلاها", "اعقبه", "اعقبها"}  # normalised: «أعقبه» is «اعقبه»
)
#: Words opening a phrase that tells an earlier event after a comma ("…, after seizing the town",
#: «، عقب سيطرته على المدينة», «إثر هجوم»); normalised. «بعد» is left out: it mostly tells time.
_BEFORE_WORDS = frozenset({"after", "عقب", "اثر"})
#: Words opening a phrase that tells what the event before led to after a comma («، ما أدى إلى اندلاع
#: اشتباكات في X»): a second event at a place of its own, or the first's toll («، ما أسفر عن مقتل …»).
_RESULT_WORDS = frozenset({"ما"})
#: Every word that opens a clause after a comma, asked of each word of a sentence with a break.
_COMMA_OPENERS = _CLAUSE_WORDS | _BEFORE_WORDS | _RESULT_WORDS
_RESULT_REACH = 4  # «ما أدى إلى (اندلاع) اشتباكات»: the event led to, at most two words after «إلى»
#: Event types of one gathering, which a report may tell turning from one into the other.
_GATHERINGS = frozenset({"Protests", "Riots"})
#: A clause: its tokens, where its triggers may start (None: unknown), its mentions' indices.
Clause = tuple[Sequence[Token], list[int] | None, Sequence[int]]


def split_clauses(
    text: str,
    tokens: Sequence[Token],
    starts: list[int] | None,
    mentions: Sequence[Mention],
    indices: Sequence[int],
) -> list[Clause]:
    """The sentence's clauses that each report an event at a place of their own, or the whole sentence.

    "Opposition fighters shelled X, and government artillery responded by shelling Y", «اشتباكات
    في X وقصف يطال Y»: two events, each at its place.  A clause starts after «;», after a comma
    before "and"/"while", or at an Arabic event word joined by «و».  The sentence is one report
    unless at least two of its clauses each have a trigger and a Syrian place it happens at (the
    object of a preposition or of the trigger: not "the Suwayda 24 network"), or a later clause
    tells another kind of event at no place of its own ("barrel bombs fell on X, while rockets hit
    western districts"): that clause is given the mentions of the clause before it.  A lead with no
    event («ريف درعا الغربي |») is read with the first clause.
    """
    whole: list[Clause] = [(tokens, starts, indices)]
    if starts is None or len(starts) < 2 or not indices:
        return whole
    matches = event_lexicon().events.find(tokens, starts)
    joined = {m.first for m in matches if "و" in m.clitic and not tokens[m.first].text.isascii()}
    # "seized X after a wave of suicide car bombs": after a capture, "after" opens a phrase even unmarked
    captured = min((m.first for m in matches if m.value.territory), default=len(tokens))
    said = text[tokens[0].start : tokens[-1].end]
    if not joined and not any(c in said for c in _CLAUSE_BREAKS + _CLAUSE_COMMAS) and captured == len(tokens):
        return whole  # most sentences: no clause break at all
    unmarked = {
        k
        for k in range(captured + 1, len(tokens))
        if tokens[k].norm in _BEFORE_WORDS
        and not any(c in text[tokens[k - 1].end : tokens[k].start] for c in _CLAUSE_COMMAS)
    }
    cuts = [
        k
        for k in range(1, len(tokens))
        if k in joined
        or any(c in text[tokens[k - 1].end : tokens[k].start] for c in _CLAUSE_BREAKS)
        or (
            tokens[k].norm in _COMMA_OPENERS
            and any(c in text[tokens[k - 1].end : tokens[k].start] for c in _CLAUSE_COMMAS)
        )
        or k in unmarked
    ]
    if not cuts:
        return whole
    # Each clause's triggers and mentions are found by bisection: a sentence may have thousands of clauses.
    ordered = sorted(indices, key=lambda k: mentions[k].start)
    mention_starts = [mentions[k].start for k in ordered]

    def clause(a: int, b: int) -> Clause:
        here = [j - a for j in starts[bisect_left(starts, a) : bisect_left(starts, b)]]
        lo, hi = tokens[a].start, tokens[b - 1].end
        return tokens[a:b], here, ordered[bisect_left(mention_starts, lo) : bisect_left(mention_starts, hi)]

    ranges: list[tuple[int, int, int]] = []  # a clause's tokens [a, b), and where its places are told
    kinds: list[tuple[str, str]] = []  # each range's kind of event
    for a, b in zip([0, *cuts], [*cuts, len(tokens)], strict=True):
        a = a if ranges else 0  # a lead with no event stays with the first clause that has one
        part, here, within = clause(a, b)
        placed = [k for k in within if location_of(mentions[k]) is not None]
        event = classify(part, here) if here else None
        candidates = place_candidates(text, part, mentions, placed, event) if event and placed else []
        toll = ranges and event is not None and _toll(event, part)
        if a in unmarked and ranges and not (event is not None and _opened_a_capture(event, kinds)):
            # an unmarked "after" phrase tells what led to the capture, part of it, unless explosions
            ranges[-1] = (ranges[-1][0], b, ranges[-1][2])
        elif not toll and (any(c.linked for c in candidates) or candidates and not ranges):
            ranges.append((a, b, a))
            kinds.append(_kind(event, part))
        elif ranges and event is not None and _second_event(event, part, kinds):
            # "Barrel bombs fell on X, while opposition rockets hit western districts": another kind of
            # event told at no place of its own is a second incident, at the place the first is told.
            ranges.append((a, b, ranges[-1][2]))
            kinds.append(_kind(event, part))
        elif ranges:  # a clause with no event at a place of its own belongs to the one before
            ranges[-1] = (ranges[-1][0], b, ranges[-1][2])
        elif event is not None:
            return whole
        # else: a lead with no event («ريف درعا الغربي |» of a caption) is read with what follows
    if len(ranges) < 2:
        return whole
    placed_in = {a: clause(a, b)[2] for a, b, told in ranges if told == a}
    return [(*clause(a, b)[:2], placed_in[told]) for a, b, told in ranges]


def _toll(event: SentenceEvent, part: Sequence[Token]) -> bool:
    """Whether a clause opened by «ما» (:data:`_RESULT_WORDS`) tells the toll or aftermath of the event
    before it: a second event is what that event led to, its word right after «ما أدى إلى»."""
    if part[0].norm not in _RESULT_WORDS:
        return False
    return event.entry.kind == "casualty" or event.trigger.first > _RESULT_REACH


def _second_event(event: SentenceEvent, part: Sequence[Token], kinds: list[tuple[str, str]]) -> bool:
    """Whether a clause at no place of its own, telling ``event``, tells an event the clauses before do not.

    A death or an injury told beside an event is its toll, and a phrase opened by "after"
    (:data:`_BEFORE_WORDS`) tells a second event only when it is a capture: "abducted
    residents of X, after seizing the town", not "two died, after shelling hit X"; or when it
    tells explosions that opened a capture told before it ("seized X after a wave of suicide car
    bombs"): ACLED codes the bombs and the capture apart. One opened by «ما» (:data:`_RESULT_WORDS`)
    never does.
    """
    if event.entry.kind == "casualty" or any(kind[0] == "casualty" for kind in kinds):
        return False
    if part[0].norm in _BEFORE_WORDS and not (event.entry.territory or _opened_a_capture(event, kinds)):
        return False
    if part[0].norm in _RESULT_WORDS:
        return False  # «، ما أدى إلى مقتل … وتبنى التنظيم التفجير»: the event told, its toll and aftermath
    kind = _kind(event, part)
    return kind[0] not in {k[0] for k in kinds} if event.generic else kind not in kinds


def _opened_a_capture(event: SentenceEvent, kinds: list[tuple[str, str]]) -> bool:
    """Whether ``event`` is explosions named by their own word, after a capture among ``kinds``."""
    explosions = event.entry.event_type == "Explosions/Remote violence" and not event.generic
    return explosions and any(kind[1].startswith("territory") for kind in kinds)


def _kind(event: SentenceEvent, part: Sequence[Token]) -> tuple[str, str]:
    """The kind of event a clause (tokens ``part``) tells: its ACLED types; for a capture, who took the place.

    A protest, a riot and arrests are one gathering.  A place taken by one side and retaken
    by the other ("seized the hill …; opposition fighters retook it") is two events.
    """
    entry = event.entry
    if entry.kind == "casualty":
        return "casualty", ""
    if entry.event_type in _GATHERINGS or entry.sub_event_type == "Arrests":
        # "marched ...; the crowd set tyres alight", «فرقت اعتصاماً واعتقلت أربعة»: one demonstration
        return "gathering", ""
    if entry.territory:
        actor = attribute(part, event.spans, violent=True)[0]
        side = "" if actor is None else "government" if actor.government_side else "other"
        return entry.event_type, f"territory taken by {side or 'an unnamed side'}"
    return entry.event_type, entry.sub_event_type
