"""A sentence's clauses that each report an event at a place of their own.

"X shelled A, and artillery responded by shelling B", «اشتباكات في A وقصف يطال
B»: one sentence, two incidents.  :func:`split_clauses` cuts a sentence there and
leaves every other sentence whole.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from ..geoparser.result import Mention
from ..places.normalize import Token
from .classify import classify, event_lexicon
from .linking import location_of, place_candidates

__all__ = ["Clause", "split_clauses"]

#: Where a clause starts: after «;» or «|», or after a comma before "and", "while" ...
_CLAUSE_BREAKS = ";؛|"
_CLAUSE_COMMAS = ",،"
_CLAUSE_WORDS = frozenset({"and", "while", "whereas", "but"})
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
    object of a preposition or of the trigger: not "the Suwayda 24 network").
    """
    whole: list[Clause] = [(tokens, starts, indices)]
    if starts is None or len(starts) < 2 or len(indices) < 2:
        return whole
    matches = event_lexicon().events.find(tokens, starts)
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

    def clause(a: int, b: int) -> Clause:
        here = [j - a for j in starts[bisect_left(starts, a) : bisect_left(starts, b)]]
        lo, hi = tokens[a].start, tokens[b - 1].end
        return tokens[a:b], here, ordered[bisect_left(mention_starts, lo) : bisect_left(mention_starts, hi)]

    ranges: list[tuple[int, int]] = []
    for a, b in zip([0, *cuts], [*cuts, len(tokens)], strict=True):
        part, here, within = clause(a, b)
        placed = [k for k in within if location_of(mentions[k]) is not None]
        event = classify(part, here) if here and placed else None
        if event is not None and any(c.linked for c in place_candidates(text, part, mentions, placed, event)):
            ranges.append((a, b))
        elif ranges:  # a clause with no event at a place of its own belongs to the one before
            ranges[-1] = (ranges[-1][0], b)
        else:
            return whole
    return [clause(a, b) for a, b in ranges] if len(ranges) > 1 else whole
