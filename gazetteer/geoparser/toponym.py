"""A recognised toponym and the context words that govern its reading (:class:`Match`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..places.place import Place, PlaceType


@dataclass(slots=True)
class Match:
    """A recognised name and the context words that govern its reading.

    ``start``/``end`` are offsets in the article (a stripped clitic lies
    outside the span); ``tokens`` the token range ``[tok_start, tok_end)``
    within the sentence.  ``places`` are the gazetteer's candidates.
    ``cue`` is the normalised cue phrase, ``cue_types`` the place types it
    agrees with.  ``relation`` is ``""``, ``"near"``, ``"direction"``,
    ``"countryside"`` or ``"between"``; ``bearing`` the compass bearing in
    degrees for a direction or a directional countryside.  ``partner`` is
    the index (in the returned list) of the other end of «بين X و Y».
    ``needs_support`` marks a common word accepted only if the article's
    other places corroborate it; ``fuzzy`` a one-letter near-miss reading.
    ``distance_km`` is a distance the text states for a direction ("10 km west of").
    ``unknown`` marks a compound name the gazetteer lacks («كفر داعل»): a
    toponym with no candidate places.
    """

    start: int
    end: int
    text: str
    key: str
    places: list[Place]
    sentence: int
    tok_start: int
    tok_end: int
    cue: str = ""
    cue_types: frozenset[PlaceType] = frozenset()
    relation: str = ""
    bearing: float | None = None
    partner: int | None = None
    quoted: bool = False
    fuzzy: bool = False
    needs_support: bool = False
    distance_km: float | None = None
    unknown: bool = False
    road_ends: tuple[Place, ...] = field(default_factory=tuple)
