"""The word lists of ``data/lexicon/linking.yaml``, compiled once: what ties a place mention to a
sentence's event (prepositions, object verbs), what joins two mentions (coordination, list words),
and what marks a mention as a source or a place noun.  Read by :mod:`gazetteer.events.linking` and
the modules that place an incident."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from ..geoparser.lexicon import load_lexicon, word_set
from ..places.normalize import normalize_token, tokenize

__all__ = ["LinkingLexicon", "linking_lexicon"]


@dataclass(frozen=True, slots=True)
class LinkingLexicon:
    """The compiled word lists of ``linking.yaml``: what ties a place mention to a sentence's event
    (prepositions, object verbs, coordination) and what marks it as a source or a place noun."""

    prepositions: tuple[tuple[str, ...], ...]
    clitic_prepositions: frozenset[str]
    skip: frozenset[str]
    from_words: frozenset[str]
    source_nouns: frozenset[str]
    object_verbs: frozenset[str]
    coordination: frozenset[str]
    list_item: frozenset[str]
    place_nouns: frozenset[str]
    location_labels: frozenset[str]  # normalised labels of a location field, each a phrase


def _all_words(section: dict) -> list[str]:
    return [w for words in section.values() for w in words]


@functools.cache
def linking_lexicon() -> LinkingLexicon:
    """The word lists of ``linking.yaml``, read and compiled once."""
    linking = load_lexicon("linking")
    return LinkingLexicon(
        prepositions=tuple(tuple(t.norm for t in tokenize(p)) for p in _all_words(linking["prepositions"])),
        clitic_prepositions=frozenset(normalize_token(c) for c in linking["clitic_prepositions"]),
        skip=word_set(_all_words(linking["skip"])),
        from_words=word_set(_all_words(linking["from_words"])),
        source_nouns=word_set(_all_words(linking["source_nouns"])),
        object_verbs=word_set(_all_words(linking["object_verbs"])),
        coordination=word_set(_all_words(linking["coordination"])),
        list_item=word_set(_all_words(linking["list_item"])),
        place_nouns=word_set(_all_words(linking["place_nouns"])),
        location_labels=frozenset(
            " ".join(t.norm for t in tokenize(label)) for label in _all_words(linking["location_labels"])
        ),
    )
