"""Positions in a sequence where a condition holds."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import compress, count


def indices_where(conditions: Iterable[object]) -> list[int]:
    """The indices, in order, of the truthy items of ``conditions``.

    ``indices_where(w in wanted for w in words)`` reads a sequence once; an
    article has thousands of words, and the readers ask this of each.
    """
    return list(compress(count(), conditions))
