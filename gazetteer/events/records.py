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

import re
from collections import Counter
from collections.abc import Collection, Iterable, Sequence

from ..geoparser.result import Incident
from ..places.normalize import Token
from .linking import names_a_place

__all__ = ["MAX_RECORD_WORDS", "dominant_type", "opens_list_item", "opens_with_place"]

#: A list item longer than this is prose, not a record.
MAX_RECORD_WORDS = 20

# "[a]", "\[b\]" (escaped Markdown), "(3)", «(ب)», "1.", "12)", "a)" at the start of a line.
_LIST_MARKER = re.compile(
    r"""\s*(?:
        \\?\[[^\W_]{1,3}\\?\]
      | \([^\W_]{1,3}\)
      | \d{1,3}[.)]
      | [^\W\d_][)]
    )\s""",
    re.VERBOSE,
)


def opens_list_item(sentence: str) -> bool:
    """Whether ``sentence`` opens with a list marker and is short enough to be a record.

    A cheap test on the text alone: the extractor reads a line as a record
    only when it also names a place and states a day.
    """
    return bool(_LIST_MARKER.match(sentence)) and len(sentence.split()) <= MAX_RECORD_WORDS + 1


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
    marker = _LIST_MARKER.match(sentence)
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
