"""Titles: an event word in a heading, a cited title or a capitalised name is no report of it.

A markdown heading ("## Attacks in 2016"), a list item citing a source and its date before a title
("- MSF (Feb. 2017): ..."), an English event word inside a longer capitalised name ("the Chemical
Weapons Convention"), or a capitalised event word after "titled" names an event without reporting
one.  :mod:`gazetteer.events.framing` reads these as its ``title`` kind.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..geoparser.lexicon import PhraseMatch
from ..places.normalize import Token
from .classify import SentenceEvent

__all__ = ["after_titled", "titled"]

#: A list item citing a source and its date before a title: "- MSF (Feb. 2017): ...".
_CITATION = re.compile(r"^\s*[-*•]\s+[^:\n]{2,120}\([^)\n]*\d{4}\)\s*:")
#: A markdown heading: one to six "#" and a space ("## Attacks in 2016"); "#Saraqib", a hashtag, is none.
_HEADING = re.compile(r" {0,3}#{1,6}(?:\s|$)")
_TITLE_CASE_SHARE = 0.75  # a sentence with more capitalised words than this is a headline in title case


def titled(text: str, tokens: Sequence[Token], event: SentenceEvent) -> bool:
    """A heading, a cited title, or an English event word inside a capitalised name."""
    if not tokens:
        return False
    line_start = text.rfind("\n", 0, tokens[0].start) + 1
    if _HEADING.match(text, line_start) or _CITATION.match(text, line_start, tokens[-1].end):
        return True
    if not all(_in_name(tokens, first, last) for first, last in event.spans):
        return False
    words = [t for t in tokens if t.text[:1].isalpha()]
    capitalised = sum(_capitalised(t) for t in words)
    return capitalised <= _TITLE_CASE_SHARE * len(words)


def after_titled(tokens: Sequence[Token], cues: Sequence[PhraseMatch[str]], trigger: int) -> bool:
    """True when the event word at ``trigger`` is capitalised and "titled" comes before it in the
    sentence ("a report titled Medical Facilities Under Fire: Systemic Attacks"): a title's word."""
    if not _capitalised(tokens[trigger]):
        return False
    return any(c.value == "titled" and c.last <= trigger for c in cues)


def _capitalised(token: Token) -> bool:
    return token.text.isascii() and token.text[:1].isupper()


def _in_name(tokens: Sequence[Token], first: int, last: int) -> bool:
    """True when the English words ``tokens[first:last]`` are capitalised inside a longer capitalised
    name ("the Chemical Weapons Convention"), not at the sentence's start."""
    if first == 0 or not all(_capitalised(t) for t in tokens[first:last]):
        return False
    return _capitalised(tokens[first - 1]) or (last < len(tokens) and _capitalised(tokens[last]))
