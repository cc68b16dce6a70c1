"""Lexicon loading and phrase matching: normalised both sides, clitics, prefixes, case-sensitive words."""

from __future__ import annotations

import pytest

from gazetteer.errors import GazetteerDataError
from gazetteer.geoparser.lexicon import (
    PhraseMatcher,
    WordClass,
    distinct_norms,
    load_lexicon,
    with_form_in,
    word_set,
)
from gazetteer.places.normalize import tokenize


def _find(items: list[tuple[str, str]], text: str) -> list[tuple[str, str, str]]:
    tokens = tokenize(text)
    return [
        (m.value, " ".join(t.text for t in tokens[m.first : m.last]), m.clitic)
        for m in PhraseMatcher(items).find(tokens)
    ]


def test_clitics_and_normalisation_on_both_sides() -> None:
    items = [("غارات جوية", "air"), ("إدلب", "city")]
    found = _find(items, "وبالغارات الجويّة على ادلب")
    assert found == [("air", "وبالغارات الجويّة", "وبال"), ("city", "ادلب", "")]


def test_longest_match_wins_without_overlap() -> None:
    items = [("قصف", "generic"), ("قصف جوي", "air"), ("جوي", "adj")]
    assert [v for v, _, _ in _find(items, "قصف جوي عنيف")] == ["air"]


def test_prefix_and_case_sensitive_entries() -> None:
    items = [("airstrike*", "air"), ("=IS", "isis")]
    found = _find(items, "Airstrikes hit IS positions; the town is quiet")
    assert [v for v, _, _ in found] == ["air", "isis"]


def test_may_match_is_false_only_where_find_finds_nothing() -> None:
    matcher = PhraseMatcher([("غارات جوية", "air"), ("=IS", "isis")])
    for text in ("وبالغارات الجوية على ادلب", "the town is quiet", "IS fighters", "قصف مدفعي"):
        tokens = tokenize(text)
        assert matcher.may_match(tokens) == bool(matcher.find(tokens)), text
    assert matcher.may_match(tokenize("غارات على ادلب"))  # a phrase's head: worth a full look


def test_word_class_tests_each_distinct_word_once() -> None:
    asked: list[str] = []

    def long_word(norm: str) -> bool:
        asked.append(norm)
        return len(norm) > 3

    words = WordClass(long_word)
    tokens = tuple(tokenize("قصف قصف مدفعي على إدلب"))
    assert words.among(tokens) == {"مدفعي", "ادلب"}
    assert words.among(tuple(tokenize("مدفعي مرة أخرى"))) == {"مدفعي", "اخري"}
    assert sorted(asked) == sorted({"قصف", "مدفعي", "علي", "ادلب", "مره", "اخري"})  # each word once


def test_with_form_in_strips_clitics_and_distinct_norms_follows_the_tokens() -> None:
    places = with_form_in(word_set(["منطقة", "حي"]))
    assert places.among(tuple(tokenize("وفي المنطقة الصناعية"))) == {"المنطقه"}
    assert not places.among(tuple(tokenize("قصف مدفعي")))
    first, second = tuple(tokenize("غارة جوية")), tuple(tokenize("غارة برية"))
    assert distinct_norms(first) == {"غاره", "جويه"}
    assert distinct_norms(second) == {"غاره", "بريه"}
    assert distinct_norms(list(second)) == {"غاره", "بريه"}


def test_word_set_normalises() -> None:
    assert "اعتقال" in word_set(["إعتقال"])


def test_bundled_lexicons_load() -> None:
    for name in ("events", "actors", "numbers", "dates", "linking"):
        assert isinstance(load_lexicon(name), dict)


def test_missing_lexicon_and_bad_entries_raise() -> None:
    with pytest.raises(GazetteerDataError):
        load_lexicon("no-such-lexicon")
    with pytest.raises(GazetteerDataError):
        PhraseMatcher([(True, "a YAML boolean, not a word")])  # type: ignore[list-item]


def test_starts_are_every_position_where_a_phrase_may_start_in_order() -> None:
    matcher = PhraseMatcher([("غارات جوية", "air"), ("=IS", "isis"), ("shell*", "shelling")])
    tokens = tokenize("IS shelled وبالغارات the IS town; غارات shelling is")
    assert matcher.starts(tokens) == [0, 1, 2, 4, 6, 7]
    assert [m.first for m in matcher.find(tokens)] == [0, 1, 4, 7]
    assert matcher.starts(tokenize("the town is quiet")) == []


def test_positions_of_words_in_a_set() -> None:
    from gazetteer.geoparser.lexicon import positions

    tokens = tokenize("حلب ثم إدلب ثم حلب")
    assert positions(tokens, {"حلب"}) == [0, 4]
    assert positions(tokens, {"ادلب", "ثم"}) == [1, 2, 3]  # normalised forms
    assert positions(tokens, set()) == []


def test_starts_with_the_tokens_norms_and_texts_at_hand_agree() -> None:
    matcher = PhraseMatcher([("غارات جوية", "air"), ("=IS", "isis"), ("shell*", "shelling")])
    tokens = tokenize("IS shelled وبالغارات the IS town; غارات shelling is")
    norms, texts = [t.norm for t in tokens], [t.text for t in tokens]
    assert matcher.starts(tokens, norms=norms, texts=texts) == matcher.starts(tokens) == [0, 1, 2, 4, 6, 7]
    # The sequences given are the ones read: here the first word is a phrase's head only as written.
    other = tokenize("the town")
    assert matcher.starts(other, norms=["غارات", "town"], texts=["the", "IS"]) == [0, 1]


def test_lookups_read_the_sentence_words_given_to_them() -> None:
    """A sentence's distinct words, read once (``words=``), serve every list looked up in it."""
    matcher = PhraseMatcher([("غارات جوية", "air"), ("قصف", "shelling")])
    long_words = WordClass(lambda norm: len(norm) > 5)
    tokens = tokenize("وبالغارات الجوية وقصف على ادلب")
    words = distinct_norms(tokens)
    assert [m.value for m in matcher.find(tokens, words=words)] == ["air", "shelling"]
    assert matcher.may_match(tokens, words=words) and long_words.among(tokens, words=words) == {
        "وبالغارات",
        "الجويه",
    }
    # The words given are the ones read: none given, no phrase may start and no word belongs.
    assert matcher.find(tokens, words=frozenset()) == [] and not matcher.may_match(tokens, words=frozenset())
    assert long_words.among(tokens, words=frozenset({"وبالغارات", "ادلب"})) == {"وبالغارات"}
