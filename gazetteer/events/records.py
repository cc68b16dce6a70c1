"""List records: an item of a list that gives a place and a day is an incident, even without an event word.

Reports list the incidents they document one per line: "[a] Kafr Zita in Hama
governorate, 11 April 2014: 16 verified videos.", «2. مارع في ريف حلب بتاريخ
16/08/2016 | 5 فيديوهات», «(ب) كفرزيتا، محافظة حماة، 18/04/2014».  Such a line
opens with a list marker, then its place (or who did it, then its place), is
short, and states a full date; the article's heading or lead says what happened
there.  The record
takes the type of the event the article tells most (:func:`dominant_type`), and
none (empty types: not stated) when the article tells no event with a word of its own.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Sequence

from ..geoparser.result import Incident
from ..geoparser.sentences import LIST_MARKER
from ..places.normalize import Token
from .linking import names_a_place

__all__ = ["dominant_type", "opens_with_place"]

#: A record may name who did it before its place: "[b] By ISIS in Marea, 16 August 2016".
_BY = frozenset({"by"})
_BY_WINDOW = 6  # words from "By" to the place


def opens_with_place(
    sentence: str, start: int, tokens: Sequence[Token], mention_starts: Collection[int]
) -> bool:
    """Whether the list item ``sentence`` (at offset ``start`` in the article, read as ``tokens``)
    opens with its place.

    A record gives its place first, after the marker: "[a] Kafr Zita in Hama", «2. مارع في
    ريف حلب», «1. حي الزبدية …» (a place noun before it), or who did it, then the place
    ("[b] By ISIS in Marea").  "1. Meeting in Damascus, 5 May" opens with something else:
    no record.  ``mention_starts`` are the start offsets of the line's place mentions.
    """
    marker = LIST_MARKER.match(sentence)
    if marker is None or not tokens:
        return False
    cut = start + marker.end()  # the first word after the marker
    first = next((k for k, t in enumerate(tokens) if t.start >= cut), None)
    if first is None:
        return False

    def placed(k: int) -> bool:
        return k < len(tokens) and any(tokens[k].start <= s < tokens[k].end for s in mention_starts)

    if placed(first) or (names_a_place(tokens[first : first + 1]) and placed(first + 1)):
        return True
    return tokens[first].norm in _BY and any(placed(k) for k in range(first + 1, first + 1 + _BY_WINDOW))


def dominant_type(incidents: Iterable[Incident]) -> tuple[str, str]:
    """The (event type, sub-event type) most of ``incidents`` have, the earliest on a tie; empty for none."""
    counts = Counter((inc.event_type, inc.sub_event_type) for inc in incidents if inc.event_type)
    if not counts:
        return "", ""
    return counts.most_common(1)[0][0]
