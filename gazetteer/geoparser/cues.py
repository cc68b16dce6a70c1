"""The cue lexicon (``data/cues.yaml``): the words around a name that say how it is used.

Type cues («قرية», "town of", "province"), relations («محيط», «غرب», "near",
«بين»), countryside forms («ريف X الجنوبي»), road cues, fuzzy cues, facility
head words, the stoplist and the words around a name the gazetteer lacks
(locatives, words that open no name, plural cues), each phrase as a tuple of
normalised tokens; and the distance a direction phrase states (:func:`stated_km`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from typing import Any

import yaml

from ..events.numbers import parse_number
from ..places.normalize import Token, normalize_name, tokenize
from ..places.place import Place, PlaceType

#: Road codes: m4, M5 (normalised).
ROAD_CODE_RE = re.compile(r"^[a-z]{1,2}\d{1,3}$")
#: Settlements whose cue word stays outside their name's span, before or after it («حي الجورة», "the X
#: neighbourhood"); a camp's is part of its name («مخيم اليرموك», "Yarmouk camp").
NAMED_SETTLEMENTS = frozenset({PlaceType.CITY, PlaceType.TOWN, PlaceType.VILLAGE, PlaceType.NEIGHBOURHOOD})


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
    countryside_direction_before: dict[tuple[str, ...], float]  # «الريف الغربي لـX»
    fuzzy: frozenset[tuple[str, ...]]
    facility_heads: frozenset[str]  # landmark heads included
    landmark_heads: frozenset[str]  # «ساحة», «دوار»: a landmark named after them, not a place named in it
    facility_stops: frozenset[str]
    stop_keys: frozenset[str]
    name_heads: frozenset[str]
    type_word_names: frozenset[str]  # «المشفى» in «حي المشفى»: a name after a settlement cue
    organisation_before: frozenset[tuple[str, ...]]  # «بتوقيت X», «شبكة أخبار X»: no place
    organisation_after: frozenset[tuple[str, ...]]  # "X Media Center", "X time": no place
    organisation_heads: frozenset[str]  # "Gathering", «فوج»: the head noun of an organisation's name
    organisation_heads_quoted: frozenset[str]  # «مركز», «فريق»: a head only where the name is quoted
    attribution_before: frozenset[tuple[str, ...]]  # "according to", «بحسب»: a source's name follows
    attribution_after: frozenset[tuple[str, ...]]  # "said", "reported": a source's name precedes
    outlet_words: frozenset[tuple[str, ...]]  # "network" in "the X network said"
    locatives_en: frozenset[str]  # "in", "near": before a name its container follows
    locatives_ar: frozenset[str]  # «في», «قرب»: the same before an Arabic name
    not_openers: frozenset[str]  # "the activist", "detained": a person's name or a title follows
    people_adjectives: frozenset[str]  # "Kurdish", "Christian": no place's name
    plural_cues: frozenset[str]  # «قريتي», «بلدات»: «و» lists further names after them
    named_facilities: frozenset[str]  # «محطة», «سوق»: a proper name follows the bare word

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
            *self.countryside_direction_before,
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
            self.countryside_direction_before,
            self.fuzzy,
        )
        return frozenset(p[-1] for phrases in lists for p in phrases)

    def settlement_cue_of(self, word: str, places: Sequence[Place]) -> bool:
        """Whether ``word`` is a settlement's cue word («حي», «قرية») agreeing with every place of ``places``.

        Such a word stays outside the toponym's span even when an index holds it as part of the name; a
        camp's does not («مخيم اليرموك»), nor a countryside's («ريف دمشق» is a governorate).
        """
        agrees = self.type_before.get((word,), frozenset())
        return bool(places) and agrees <= NAMED_SETTLEMENTS and all(p.type in agrees for p in places)

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
    rel, unknown = raw["relations"], raw["unknown_names"]

    def phrases(*lists: list[str]) -> frozenset[tuple[str, ...]]:
        return frozenset(_phrase(p) for lst in lists for p in (lst or ()) if _phrase(p))

    def words(*lists: list[str]) -> frozenset[str]:
        return frozenset(p[0] for p in phrases(*lists))

    def typed(section: dict[str, Any]) -> dict[tuple[str, ...], frozenset[PlaceType]]:
        return {_phrase(k): _types(v) for lang in section.values() for k, v in (lang or {}).items()}

    def bearings(section: dict[str, Any]) -> dict[tuple[str, ...], float]:
        return {_phrase(k): float(v) for lang in section.values() for k, v in (lang or {}).items()}

    stop = {normalize_name(w) for lang in raw["stoplist"].values() for w in lang}
    landmarks = raw["landmark_heads"].values()
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
        countryside_direction_before=bearings(raw["countryside_directions_before"]),
        fuzzy=phrases(*raw["fuzzy_cues"].values()),
        facility_heads=frozenset(p[0] for p in phrases(*raw["facility_heads"].values(), *landmarks)),
        landmark_heads=frozenset(p[0] for p in phrases(*landmarks)),
        facility_stops=frozenset(p[0] for p in phrases(*raw["facility_name_stops"].values())),
        stop_keys=frozenset(stop),
        name_heads=frozenset(p[0] for p in phrases(*raw["name_heads"].values()) if len(p) == 1),
        type_word_names=frozenset(p[0] for p in phrases(*raw["type_word_names"].values())),
        organisation_before=phrases(*raw["organisation_before"].values()),
        organisation_after=phrases(*raw["organisation_after"].values()),
        organisation_heads=frozenset(p[0] for p in phrases(*raw["organisation_heads"].values())),
        organisation_heads_quoted=frozenset(
            p[0] for p in phrases(*raw["organisation_heads_quoted"].values())
        ),
        attribution_before=phrases(*raw["attribution_before"].values()),
        attribution_after=phrases(*raw["attribution_after"].values()),
        outlet_words=phrases(*raw["outlet_words"].values()),
        locatives_en=words(unknown["locatives"]["en"]),
        locatives_ar=words(unknown["locatives"]["ar"]),
        not_openers=words(*unknown["not_openers"].values()),
        people_adjectives=words(*unknown["people_adjectives"].values()),
        plural_cues=words(*unknown["plural_cues"].values()),
        named_facilities=words(*unknown["named_facilities"].values()),
    )


_KM_DIGITS = 4  # a stated distance has at most this many digits: 9999 km is beyond any reading
_KM_WORDS = frozenset({"km", "kms", "kilometres", "kilometers", "كم", "كيلومتر", "كيلومترات", "كيلو"})


def _kilometres(norm: str) -> float | None:
    """The distance a word of decimal digits states ("10"), if it is one; Syria spans some 800 km.

    Not ``isdigit``: a superscript or a Kharosthi digit is a digit but no number ``float`` reads.
    """
    if norm.isdecimal() and len(norm.lstrip("0")) <= _KM_DIGITS:
        return float(norm)
    return None


def stated_km(toks: Sequence[Token], k: int) -> float | None:
    """The distance stated right before token ``k`` ("10 km west of", "forty kilometres west of",
    «10 كم غرب»), if any."""
    if k >= 1 and toks[k].norm in _KM_WORDS:
        return _distance_before(toks, k)  # "km" opened the direction phrase
    if k >= 2 and toks[k - 1].norm in _KM_WORDS:
        return _distance_before(toks, k - 1)
    return None


_NUMBER_WORDS_REACH = 3  # "twenty five kilometres", «خمسة وعشرين كيلومترا»: words of one number


def _distance_before(toks: Sequence[Token], unit: int) -> float | None:
    """The number of kilometres that ends right before the unit word at ``unit``: digits ("40 km"), or
    number words ("forty kilometres", «عشرة كيلومترات»; :mod:`gazetteer.events.numbers` reads them)."""
    km = _kilometres(toks[unit - 1].norm)
    if km is not None:
        return km
    for start in range(max(0, unit - _NUMBER_WORDS_REACH), unit):  # the longest number first
        span = parse_number(toks, start)
        if span is not None and span.last == unit:
            return _kilometres(str(span.value))
    return None
