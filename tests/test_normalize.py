"""Unit tests for gazetteer.places.normalize: every documented Arabic and Latin rule."""

from __future__ import annotations

import pytest

from gazetteer.places.normalize import (
    arabic_ratio,
    clitic_variants,
    is_arabic,
    normalize_name,
    normalize_token,
    normalize_with_offsets,
    tokenize,
    words_in,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("إدلب", "ادلب"),  # hamza-below alef
        ("أريحا", "اريحا"),
        ("آل", "ال"),
        ("ٱلرقة", "الرقه"),  # wasla; ta marbuta
        ("حماة", "حماه"),
        ("مصطفى", "مصطفي"),  # alef maqsura
        ("شاطئ", "شاطي"),
        ("مؤتة", "موته"),
        ("إِدْلِب", "ادلب"),  # tashkeel
        ("حلـــب", "حلب"),  # tatweel
        ("گوتا", "كوتا"),  # Persian letters
        ("پاب", "باب"),
        ("٤٦", "46"),  # Eastern Arabic digits
        ("۴۶", "46"),  # Persian digits
        ("\ufefbدلب", "لادلب"),  # presentation-form lam-alef ligature unfolded
        ("\u200fادلب\u200e", "ادلب"),  # bidi marks
    ],
)
def test_arabic_rules(raw: str, expected: str) -> None:
    assert normalize_token(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Idlib", "idlib"),
        ("IDLIB", "idlib"),
        ("Ḩamāh", "hamah"),
        ("Maʿarrat", "maarrat"),
        ("Ma'arrat", "maarrat"),
        ("Ma’arrat", "maarrat"),
        ("al-Bab", "bab"),
        ("ash-Shaykh", "shaykh"),
        ("As-Suwayda", "suwayda"),
        ("el-Bab", "bab"),
    ],
)
def test_latin_rules(raw: str, expected: str) -> None:
    assert normalize_token(raw) == expected


def test_names_share_keys_across_spellings() -> None:
    assert normalize_name("Al-Bab") == normalize_name("al Bab") == normalize_name("Bab") == "bab"
    assert normalize_name("Ma'arrat an-Nu'man") == normalize_name("Maarrat al-Numan") == "maarrat numan"
    assert normalize_name("  Jisr   al-Shughur ") == "jisr shughur"
    assert normalize_name("معرّة النعمان") == normalize_name("معرة النعمان") == "معره النعمان"
    assert normalize_name("") == ""


def test_tokenize_offsets_point_into_the_text() -> None:
    text = "قصف على إدلب، وسراقب (Saraqib) و#حلب"
    tokens = tokenize(text)
    assert [t.norm for t in tokens] == ["قصف", "علي", "ادلب", "وسراقب", "saraqib", "و", "حلب"]
    for t in tokens:
        assert text[t.start : t.end] == t.text


def test_normalize_with_offsets_maps_back() -> None:
    norm, offsets = normalize_with_offsets("al-Bāb")
    assert norm == "bab" and offsets == [3, 4, 5]


def test_clitic_variants() -> None:
    assert [f for f, _ in clitic_variants("وبادلب")] == ["وبادلب", "بادلب", "ادلب"]
    assert dict(clitic_variants("للرقه"))["الرقه"] == 1
    assert "رقه" in dict(clitic_variants("بالرقه"))
    assert dict(clitic_variants("وب")) == {"وب": 0}  # stripped forms keep two letters


def test_script_detection() -> None:
    assert is_arabic("قصف Idlib") and not is_arabic("Idlib")
    assert arabic_ratio("ادلب ab") == pytest.approx(4 / 6)
    assert arabic_ratio("123") == 0.0


@pytest.mark.parametrize(
    "text",
    [
        "قصف al-Bab. وفي «إدلب»، el-Rai!",
        "x al- y 'quoted' Idlib's",
        "غارة‌ على\u200cسراقب - Ad-Dana",
        "A-l 12km",
    ],
)
def test_words_in_equals_tokenizing_the_slice(text: str) -> None:
    # Every slice, including those cutting a word or an "al-" prefix, reads as if tokenised alone.
    for start in range(len(text) + 1):
        for end in range(start, len(text) + 1):
            shifted = [(t.start - start, t.end - start, t.text, t.norm) for t in words_in(text, start, end)]
            assert shifted == [tuple(t) for t in tokenize(text[start:end])], (start, end)


def test_apostrophes_are_quotes_at_word_ends_only() -> None:
    assert [t.text for t in tokenize("'Idlib' Ma'arrat ''")] == ["Idlib", "Ma'arrat"]
    assert [(t.start, t.end) for t in tokenize("x 'Idlib'")] == [(0, 1), (3, 8)]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Ma''arrat", ["Ma''arrat"]),  # a run of apostrophes inside a word
        ("Maʿarrat", ["Maʿarrat"]),  # the ayn half-ring is a letter, not a quote
        ("b'ʿ", ["b'ʿ"]),  # ... so it may end a word after an apostrophe
        ("Sa'id' x", ["Sa'id", "x"]),
        ("al-Bab's", ["al-Bab's"]),
        ("حلب_إدلب", ["حلب", "إدلب"]),
        ("\u064bحلب\u0640", ["\u064bحلب\u0640"]),  # marks belong to the word at either end
    ],
)
def test_word_boundaries_with_apostrophes_and_marks(text: str, words: list[str]) -> None:
    assert [t.text for t in tokenize(text)] == words


@pytest.mark.parametrize(
    "text",
    [
        "قصفٌ عنيف على مدينة إدلـب وريفها",
        "Strikes on al-Bab's outskirts and Ma'arrat al-Nu'man",
        "#ريف إدلب الجنوبي، el-Bab 2020 ٣ غارات ‘Idlib’",
    ],
)
def test_words_split_alike_whatever_else_the_text_holds(text: str) -> None:
    """An underscore or a hyphenated Latin article elsewhere in a text changes none of its other words."""
    assert "_" not in text

    def words(t: str) -> list[tuple[int, int, str, str]]:
        return [tuple(tok) for tok in tokenize(t)]

    alone = words(text)
    assert words(text + " x_y")[:-2] == alone
    assert words(text + " al-Qusayr")[:-1] == alone
    assert words(text + " al-Qusayr x_y")[:-3] == alone
    assert words("x_y " + text)[2:] == [(s + 4, e + 4, w, n) for s, e, w, n in alone]


@pytest.mark.parametrize("text", ["قصف «سراقب» وبإدلب", "a \u0640 b - c", "al-Bab's x", ""])
def test_article_starts_are_the_starts_of_the_article_words(text: str) -> None:
    from gazetteer.places.normalize import read_article

    article = read_article(text)
    assert list(article.starts) == [t.start for t in article.tokens]


@pytest.mark.parametrize("text", ["قصف «سراقب» وبإدلب", "a \u0640 b - c", "al-Bab's x"])
def test_article_norms_and_texts_are_those_of_the_article_words(text: str) -> None:
    from gazetteer.places.normalize import read_article

    article = read_article(text)
    assert list(article.norms) == [t.norm for t in article.tokens]
    assert list(article.texts) == [t.text for t in article.tokens]


@pytest.mark.parametrize("text", ["قصف «سراقب» وقصف سراقب", "a \u0640 b - a", "The bridge and the road", ""])
def test_article_distinct_words_are_the_set_of_its_norms(text: str) -> None:
    from gazetteer.places.normalize import read_article

    article = read_article(text)
    assert article.distinct == frozenset(t.norm for t in article.tokens)
