"""Where a quoted Arabic source speaks from: «بحسب ما أفاد مراسل عنب بلدي في درعا».

A place after «في» that follows a source noun («مراسل», «مصادر», «ناشطين») which an attribution word
opens («بحسب», «وفق», «أفاد») is where the source is, not where the event happened: «وفق مصادر طبية
في المدينة», «قال ناشطون في إدلب إن …».  Without the attribution the noun may be the event's victim
(«قتل ناشط في إدلب»), and the place the event's.  The source nouns are ``linking.yaml``'s, the
attribution words ``cues.yaml``'s ``attribution_before``.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from ..geoparser.cues import load_cues
from ..geoparser.lexicon import form_set
from ..places.normalize import Token

__all__ = ["quoted_source_before"]

_IN = "في"
_NOUN_REACH = 4  # words between the source noun and «في» («مراسل عنب بلدي في»)
_ATTRIBUTION_REACH = 3  # words between the attribution and the noun («بحسب ما أفاد مراسل»)


@functools.cache
def _attribution_words() -> frozenset[str]:
    """The one-word Arabic attributions («بحسب», «وفق», «أفاد»), and the first word of the longer ones."""
    return frozenset(p[0] for p in load_cues().attribution_before if p and not p[0].isascii())


def quoted_source_before(tokens: Sequence[Token], j: int, source_nouns: frozenset[str]) -> bool:
    """Whether token ``j`` is «في» after a source noun that an attribution opens, a few words before.

    ``source_nouns``: the normalised source nouns (``linking.yaml``'s ``source_nouns``).
    """
    if j < 2 or tokens[j].norm != _IN:
        return False
    attributions = _attribution_words()
    for k in range(j - 1, max(j - 2 - _NOUN_REACH, -1), -1):
        if source_nouns.isdisjoint(form_set(tokens[k].norm)):
            continue
        return any(
            not attributions.isdisjoint(form_set(tokens[a].norm))
            for a in range(max(0, k - _ATTRIBUTION_REACH), k)
        )
    return False
