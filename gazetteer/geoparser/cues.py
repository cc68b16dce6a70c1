"""The cue lexicon (``data/cues.yaml``): the words around a name that say how it is used.

Type cues («قرية», "town of", "province"), relations («محيط», «غرب», "near",
«بين»), countryside forms («ريف X الجنوبي»), road cues, fuzzy cues, facility
head words and the stoplist, each phrase as a tuple of normalised tokens.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from typing import Any

import yaml

from ..places.normalize import normalize_name, tokenize
from ..places.place import PlaceType

#: Road codes: m4, M5 (normalised).
ROAD_CODE_RE = re.compile(r"^[a-z]{1,2}\d{1,3}$")


def _phrase(text: str) -> tuple[str, ...]:
    return tuple(t.norm for t in tokenize(text))


@dataclass(frozen=True)
class Cues:
    """The cue lexicon of ``data/cues.yaml``, every phrase as a tuple of normalised tokens."""

    type_before: dict[tuple[str, ...], frozenset[PlaceType]]
    type_after: dict[tuple[str, ...], frozenset[PlaceType]]
    road: frozenset[tuple[str, ...]]
    road_anaphora: frozenset[tuple[str, ...]]
    near: frozenset[tuple[str, ...]]
    direction: dict[tuple[str, ...], float]
    between: frozenset[tuple[str, ...]]
    countryside_before: frozenset[tuple[str, ...]]
    countryside_after: frozenset[tuple[str, ...]]
    countryside_direction: dict[tuple[str, ...], float]
    fuzzy: frozenset[tuple[str, ...]]
    facility_heads: frozenset[str]
    facility_stops: frozenset[str]
    stop_keys: frozenset[str]
    name_heads: frozenset[str]
    organisation_before: frozenset[tuple[str, ...]]  # «بتوقيت X», «شبكة أخبار X»: no place
    organisation_after: frozenset[tuple[str, ...]]  # "X Media Center", "X time": no place

    @cached_property
    def all_words(self) -> frozenset[str]:
        """Every single-token cue, relation and direction word (never a place name on its own)."""
        phrases = [
            *self.type_before,
            *self.type_after,
            *self.road,
            *self.near,
            *self.direction,
            *self.between,
            *self.countryside_before,
            *self.countryside_after,
            *self.countryside_direction,
        ]
        return frozenset(p[0] for p in phrases if len(p) == 1)

    @cached_property
    def phrase_ends(self) -> frozenset[str]:
        """The last word of every phrase of every cue list: a phrase can end only on one of them."""
        lists = (
            self.type_before,
            self.type_after,
            self.road,
            self.road_anaphora,
            self.near,
            self.direction,
            self.between,
            self.countryside_before,
            self.countryside_after,
            self.countryside_direction,
            self.fuzzy,
        )
        return frozenset(p[-1] for phrases in lists for p in phrases)

    @cached_property
    def type_after_heads(self) -> frozenset[str]:
        """The first word of every ``type_after`` phrase ("province", "countryside" …)."""
        return frozenset(p[0] for p in self.type_after)


def _types(values: list[str]) -> frozenset[PlaceType]:
    return frozenset(PlaceType(v) for v in values)


@cache
def load_cues() -> Cues:
    """Read ``gazetteer/data/cues.yaml`` once; raises ``yaml.YAMLError``/``ValueError`` if malformed."""
    raw: dict[str, Any] = yaml.safe_load(
        resources.files("gazetteer").joinpath("data/cues.yaml").read_text(encoding="utf-8")
    )
    rel = raw["relations"]

    def phrases(*lists: list[str]) -> frozenset[tuple[str, ...]]:
        return frozenset(_phrase(p) for lst in lists for p in (lst or ()) if _phrase(p))

    def typed(section: dict[str, Any]) -> dict[tuple[str, ...], frozenset[PlaceType]]:
        return {_phrase(k): _types(v) for lang in section.values() for k, v in (lang or {}).items()}

    def bearings(section: dict[str, Any]) -> dict[tuple[str, ...], float]:
        return {_phrase(k): float(v) for lang in section.values() for k, v in (lang or {}).items()}

    stop = {normalize_name(w) for lang in raw["stoplist"].values() for w in lang}
    return Cues(
        type_before=typed(raw["type_cues"]),
        type_after=typed(raw["type_cues_after"]),
        road=phrases(*raw["road_cues"].values()),
        road_anaphora=phrases(*raw["road_anaphora"].values()),
        near=phrases(*rel["near"].values()),
        direction=bearings(rel["direction"]),
        between=phrases(*rel["between"].values()),
        countryside_before=phrases(raw["countryside"]["ar"], raw["countryside"]["en_before"]),
        countryside_after=phrases(raw["countryside"]["en_after"]),
        countryside_direction=bearings(raw["countryside_directions"]),
        fuzzy=phrases(*raw["fuzzy_cues"].values()),
        facility_heads=frozenset(p[0] for p in phrases(*raw["facility_heads"].values())),
        facility_stops=frozenset(p[0] for p in phrases(*raw["facility_name_stops"].values())),
        stop_keys=frozenset(stop),
        name_heads=frozenset(p[0] for p in phrases(*raw["name_heads"].values()) if len(p) == 1),
        organisation_before=phrases(*raw["organisation_before"].values()),
        organisation_after=phrases(*raw["organisation_after"].values()),
    )
