"""Where a sentence's event happens: the token a place mention sits in, the words that announce a place."""

from __future__ import annotations

from gazetteer.events.linking import _token_at, names_a_place
from gazetteer.places.normalize import tokenize


def test_token_at_is_the_token_holding_an_offset_or_the_next_one():
    tokens = tokenize("قصف «سراقب» اليوم")  # قصف 0-3, سراقب 5-10, اليوم 12-17
    assert [_token_at(tokens, k) for k in (0, 2, 3, 4, 5, 9, 10, 11, 16)] == [0, 0, 1, 1, 1, 1, 2, 2, 2]
    assert _token_at(tokens, 17) is None
    assert _token_at([], 0) is None


def test_a_place_noun_announces_a_place_resolved_or_not() -> None:
    assert names_a_place(tokenize("سقطت قذائف على حي الميدان"))
    assert names_a_place(tokenize("shells fell on a district of the city"))
    assert not names_a_place(tokenize("سقطت قذائف صباح اليوم"))
