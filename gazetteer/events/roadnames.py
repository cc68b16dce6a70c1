"""Roads the gazetteer lacks, named by the places they join: "the Deir ez-Zor–al-Mayadin road".

Two place mentions joined by a dash, with a road word before or after them
("the Idlib–Bab al-Hawa road", «على طريق إدلب - أريحا»), name the road between
them.  An event there is on that road: placed at its middle with geo_precision
2, and drawn as the line between the two places.  A road the gazetteer has is
read as one mention by the matcher already (:mod:`gazetteer.geoparser.roads`).
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left
from collections.abc import Sequence
from operator import attrgetter
from typing import TYPE_CHECKING

from ..geoparser.result import Location, Mention
from ..places.normalize import Token

if TYPE_CHECKING:
    from .linking import Candidate

__all__ = ["roads_between"]

_DASH = re.compile(r"\s*[-\u2010-\u2014]\s*")
#: The words that make "X–Y" a road's name, after it ("road") or before it («طريق»).
_ROAD_AFTER = frozenset({"road", "highway"})
_ROAD_BEFORE = frozenset({"road", "highway", "طريق", "الطريق", "اوتوستراد"})
_START_OF = attrgetter("start")


def roads_between(
    text: str, tokens: Sequence[Token], mentions: Sequence[Mention], candidates: list[Candidate]
) -> list[Candidate]:
    """``candidates`` with each two that name a road between them made one candidate on that road.

    ``tokens`` are the sentence's; the road candidate keeps the first place's mention and
    the better score and link of the two.
    """
    if len(candidates) < 2:
        return candidates
    ordered = sorted(candidates, key=lambda c: mentions[c.index].start)
    out: list[Candidate] = []
    k = 0
    while k < len(ordered):
        a = ordered[k]
        b = ordered[k + 1] if k + 1 < len(ordered) else None
        if b is not None and _names_a_road(text, tokens, mentions[a.index], mentions[b.index], a.tok, b.tok):
            out.append(
                dataclasses.replace(
                    a,
                    location=_between(a.location, b.location, mentions[a.index].text, mentions[b.index].text),
                    score=max(a.score, b.score),
                    linked=a.linked or b.linked,
                )
            )
            k += 2
            continue
        out.append(a)
        k += 1
    return out


def _between(one: Location, two: Location, first: str, second: str) -> Location:
    """The road from ``one`` to ``two``: its middle, as a line, near (geo_precision 2 at best)."""
    return Location(
        (one.lat + two.lat) / 2,
        (one.lon + two.lon) / 2,
        max(2, one.geo_precision, two.geo_precision),
        None,
        {"type": "LineString", "coordinates": [[one.lon, one.lat], [two.lon, two.lat]]},
        f"the road between {first} and {second}",
    )


def _names_a_road(text: str, tokens: Sequence[Token], a: Mention, b: Mention, a_tok: int, b_tok: int) -> bool:
    """Whether mentions ``a`` and ``b`` are joined by a dash, with a road word before or after them."""
    if not _DASH.fullmatch(text[a.end : b.start]):
        return False
    after = bisect_left(tokens, b.end, key=_START_OF)  # the first token after ``b``
    before = tokens[a_tok - 1].norm if a_tok > 0 else ""
    return (
        after < len(tokens) and after > b_tok and tokens[after].norm in _ROAD_AFTER
    ) or before in _ROAD_BEFORE
