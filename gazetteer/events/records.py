"""List records: an item of a list that gives a place and a day is an incident, even without an event word.

Reports list the incidents they document one per line: "[a] Kafr Zita in Hama
governorate, 11 April 2014: 16 verified videos.", «2. مارع في ريف حلب بتاريخ
16/08/2016 | 5 فيديوهات», «(ب) كفرزيتا، محافظة حماة، 18/04/2014».  Such a line
opens with a list marker, is short, names a Syrian place and states a full
date; the article's heading or lead says what happened there.  The record
takes the type of the event the article tells most (:func:`dominant_type`), and
none (empty types: not stated) when the article tells no event with a word of its own.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from ..geoparser.result import Incident

__all__ = ["MAX_RECORD_WORDS", "dominant_type", "opens_list_item"]

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


def dominant_type(incidents: Iterable[Incident]) -> tuple[str, str]:
    """The (event type, sub-event type) most of ``incidents`` have, the earliest on a tie; empty for none."""
    counts = Counter((inc.event_type, inc.sub_event_type) for inc in incidents if inc.event_type)
    if not counts:
        return "", ""
    return counts.most_common(1)[0][0]
