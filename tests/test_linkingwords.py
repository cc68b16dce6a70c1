"""The word lists of linking.yaml, compiled once (linkingwords)."""

from __future__ import annotations

from gazetteer.events.linkingwords import linking_lexicon
from gazetteer.places.normalize import normalize_token


def test_the_lists_are_normalised_and_read_once() -> None:
    lex = linking_lexicon()
    assert lex is linking_lexicon()
    assert normalize_token("و") in lex.coordination and "and" in lex.coordination
    assert ("near",) in lex.prepositions
    assert all(word == normalize_token(word) for word in lex.clitic_prepositions)
