"""Tests for gazetteer.memo: word memos are bounded, cleared together, and never change a result."""

from geo_toy import toy_gazetteer

from gazetteer import geoparse, memo
from gazetteer.places.normalize import clitic_variants, normalize_token


def test_word_memo_remembers_within_its_bound() -> None:
    @memo.word_memo(maxsize=2)
    def double(word: str) -> str:
        calls.append(word)
        return word * 2

    calls: list[str] = []
    assert [double("a"), double("a"), double("b"), double("c"), double("a")] == ["aa", "aa", "bb", "cc", "aa"]
    assert calls == ["a", "b", "c", "a"]  # "a" was remembered, then pushed out by "b" and "c"


def test_clear_forgets_every_word_memo_and_changes_no_result() -> None:
    text = "قصفت الطائرات وبإدلب مدينة سراقب. Shelling hit Saraqib near Idlib."
    gaz = toy_gazetteer()
    before = geoparse(text, gazetteer=gaz)
    assert normalize_token.cache_info().currsize and clitic_variants.cache_info().currsize
    memo.clear()
    assert normalize_token.cache_info().currsize == 0 and clitic_variants.cache_info().currsize == 0
    assert geoparse(text, gazetteer=gaz) == before
