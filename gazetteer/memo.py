"""Memos of word-level functions: each bounded, all forgotten by one :func:`clear`.

Articles reuse a small vocabulary, so the geoparser memoises what it derives
from a single word (its normal form, clitic forms, transliteration skeleton,
whether a gap joins two words).  Decorate such a function with
:func:`word_memo`; a result never depends on whether it was memoised.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TypeVar

#: Entries kept per memo: more than an open vocabulary a long-running server meets in a day,
#: and few enough megabytes.  Past it the least recently used entries go.
WORD_MEMO_SIZE = 200_000

F = TypeVar("F", bound=Callable[..., object])

_clearers: list[Callable[[], None]] = []


def word_memo(maxsize: int = WORD_MEMO_SIZE) -> Callable[[F], F]:
    """Decorator: memoise a function of hashable arguments (LRU, ``maxsize``); :func:`clear` empties it."""

    def wrap(function: F) -> F:
        cached = functools.lru_cache(maxsize=maxsize)(function)
        _clearers.append(cached.cache_clear)
        return cached  # type: ignore[return-value]

    return wrap


def clear() -> None:
    """Forget every word memo (a benchmark's cold start, or a test of first use); costs only speed."""
    for clear_one in _clearers:
        clear_one()
