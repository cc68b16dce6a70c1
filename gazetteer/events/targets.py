"""Which of a sentence's scored place candidates its incidents go to (:func:`incident_targets`).

:mod:`gazetteer.events.linking` scores each place mention by how likely the event happens
there; here the best one is chosen, with the places joined to it by «و»/"and" («قرية X
ومحيط Y»), each a further target of the same event, or, when the sentence counts a few
events ("two incidents, one in X and one in Y"), one place per event.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from ..geoparser.result import Mention
from .linking import Candidate
from .placerelations import coordinated, listed

__all__ = ["MAX_LISTED_EVENTS", "incident_targets"]

#: "two/three incidents" are listed one by one, each at a place; "49 attacks" is a summary.
MAX_LISTED_EVENTS = 6


def incident_targets(
    text: str, mentions: Sequence[Mention], candidates: list[Candidate], stated_events: int = 1
) -> list[Candidate]:
    """The sentence's incident places: the best candidate, then the places coordinated with it.

    Places joined by «و»/"and" to any mention of the best place, before or after
    it ("struck Ariha and the town of Mhambal, killing six in Ariha"), are further
    targets, in text order.  Names the gazetteer lacks count as places of their
    own, though located at their shared container ("the villages of Lahaya and
    al-Zakat in northern Hama").  When the sentence counts its events ("two
    incidents ... one in X, one in Y") and the count is small, each event gets
    one of the best mentions, in text order, even when two mentions name the same place.
    """
    if not candidates:
        return []
    if 2 <= stated_events <= MAX_LISTED_EVENTS:
        best_n = sorted(candidates, key=lambda c: (-c.score, c.tok))[:stated_events]
        return sorted(best_n, key=lambda c: c.tok)
    best = max(candidates, key=lambda c: (c.score, -c.tok))
    best_key = _target_key(mentions[best.index])
    ordered = sorted(candidates, key=lambda c: mentions[c.index].start)
    chosen = [best]
    keys = {best_key}
    for chain in _coordinated_chains(text, mentions, ordered):
        if not any(_target_key(mentions[c.index]) == best_key for c in chain):
            continue
        for cand in chain:
            key = _target_key(mentions[cand.index])
            if key not in keys:
                chosen.append(cand)
                keys.add(key)
    return chosen


def _target_key(mention: Mention) -> object:
    """What makes two incident places distinct: the place, or the name of one the gazetteer lacks."""
    return mention.place if mention.place is not None else mention.text.casefold()


def _coordinated_chains(
    text: str, mentions: Sequence[Mention], ordered: Sequence[Candidate]
) -> list[list[Candidate]]:
    """The candidates (in text order) split into runs joined by «و»/"and", a list's commas included
    when «و»/"and" closes it ("Talbisseh, al-Rastan and al-Zafaraneh")."""
    links = [_link(text, mentions[a.index], mentions[b.index]) for a, b in pairwise(ordered)]
    closed = False  # whether «و»/"and" closes the list a comma (read right to left) belongs to
    for k in reversed(range(len(links))):
        if links[k] == "comma" and not closed:
            links[k] = None
        closed = links[k] is not None
    chains: list[list[Candidate]] = []
    for k, cand in enumerate(ordered):
        if k > 0 and links[k - 1] is not None:
            chains[-1].append(cand)
        else:
            chains.append([cand])
    return chains


def _link(text: str, first: Mention, second: Mention) -> str | None:
    """How ``second`` follows ``first``: "and" (coordinated), "comma" (a list's next item), or None."""
    if coordinated(text, first, second):
        return "and"
    return "comma" if listed(text, first, second) else None
